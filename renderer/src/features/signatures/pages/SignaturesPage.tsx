import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SIGNATURE_STATE_LABELS } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { SignersCard } from '../components/SignersCard';

const COLOR = { valid: 'green', superseded: 'orange', invalid: 'red' } as const;

/** The verifier: every signature checked against its record and the installation key, failures first. */
export function SignaturesPage() {
  const report = useQuery({ queryKey: ['signatures'], queryFn: () => api.signatures.verify({}) });
  const data = report.data;
  const rows = data ? [...data.failures, ...data.signatures.filter((s) => s.state !== 'invalid')] : [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">Electronic signatures</Title>
        <Button variant="default" onClick={() => void report.refetch()} loading={report.isFetching}>
          Verify again
        </Button>
      </Group>
      {report.error && <Alert color="red">{report.error.message}</Alert>}
      {data && (
        <Alert color={data.failures.length > 0 ? 'red' : 'green'} variant="light" role="status">
          {data.checked} signature{data.checked === 1 ? '' : 's'} checked: {data.valid} valid, {data.superseded} superseded, {data.failures.length} failing verification.
        </Alert>
      )}
      {rows.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Signed record</Table.Th>
              <Table.Th>Signature (printed name — meaning — date and time)</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.record}</Table.Td>
                <Table.Td>{s.manifestation}</Table.Td>
                <Table.Td>
                  <Badge color={COLOR[s.state]} variant="light">
                    {s.state === 'superseded' ? 'Superseded' : SIGNATURE_STATE_LABELS[s.state]}
                  </Badge>
                  {s.problems.map((p) => (
                    <Text key={p} size="xs">
                      {p}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SignersCard />
    </Stack>
  );
}
