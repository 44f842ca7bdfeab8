import { Alert, Badge, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useLots } from '../hooks/useLots';

const fmt = (v: number | null) => (v === null ? '—' : Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(4))));

/** Two process versions side by side: difference of means, its interval, TOST against ± margin%, in words. */
export function ComparabilityPanel({ productId }: { productId: string }) {
  const lots = useLots(productId);
  const versions = lots.data?.processVersions ?? [];
  const [reference, setReference] = useState<string | null>(null);
  const [test, setTest] = useState<string | null>(null);
  const [margin, setMargin] = useState<number>(15);
  const ref = reference ?? versions[0] ?? null;
  const tst = test ?? versions.find((v) => v !== ref) ?? null;
  const ready = !!ref && !!tst && ref !== tst && margin > 0;
  const result = useQuery({
    queryKey: ['lot-compare', productId, ref, tst, margin],
    queryFn: () => api.lots.compare({ productId, reference: ref!, test: tst!, marginPercent: margin }),
    enabled: ready,
  });
  if (versions.length < 2) return <Alert color="blue">Comparability needs lots of at least two process versions (this product has {versions.length === 0 ? 'none' : `only ${versions[0]}`}).</Alert>;
  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Reference process" data={versions} value={ref} onChange={setReference} allowDeselect={false} w={180} />
        <Select label="Test process" data={versions} value={tst} onChange={setTest} allowDeselect={false} w={180} />
        <NumberInput label="Equivalence margin (± % of reference mean)" value={margin} onChange={(v) => setMargin(typeof v === 'number' ? v : Number(v) || 0)} min={1} max={100} w={300} />
      </Group>
      {!ready && <Text size="sm">Choose two different versions and a margin above 0%.</Text>}
      {result.isError && <Alert color="red">{result.error.message}</Alert>}
      {result.data && (
        <Table striped aria-label="Comparability">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Attribute</Table.Th>
              <Table.Th>{result.data.reference} (n, mean)</Table.Th>
              <Table.Th>{result.data.test} (n, mean)</Table.Th>
              <Table.Th>Difference</Table.Th>
              <Table.Th>{Math.round(result.data.confidence * 100)}% CI</Table.Th>
              <Table.Th>Margin</Table.Th>
              <Table.Th>TOST p</Table.Th>
              <Table.Th>Verdict</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.data.attributes.filter((a) => a.reference.n + a.test.n > 0).map((a) => (
              <Table.Tr key={a.key}>
                <Table.Td>
                  {a.name}
                  <Text size="xs" c="dimmed" style={{ userSelect: 'text' }}>
                    {a.statement}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.reference.n}, {fmt(a.reference.mean)}
                </Table.Td>
                <Table.Td>
                  {a.test.n}, {fmt(a.test.mean)}
                </Table.Td>
                <Table.Td>
                  {fmt(a.difference)}
                  {a.differencePercent !== null && ` (${a.differencePercent.toFixed(1)}%)`}
                </Table.Td>
                <Table.Td>{a.ci ? `${fmt(a.ci[0])} to ${fmt(a.ci[1])}` : '—'}</Table.Td>
                <Table.Td>{a.margin !== null ? `±${fmt(a.margin)}` : '—'}</Table.Td>
                <Table.Td>{a.p === null ? '—' : a.p < 0.001 ? '< 0.001' : a.p.toFixed(3)}</Table.Td>
                <Table.Td miw={170}>
                  {a.equivalent === null ? (
                    <Badge color="gray" variant="light">Not tested</Badge>
                  ) : a.equivalent ? (
                    <Badge color="teal">Equivalent ±{result.data.marginPercent}%</Badge>
                  ) : (
                    <Badge color="orange">Not shown</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.data && result.data.attributes.some((a) => a.reference.n + a.test.n === 0) && (
        <Text size="xs" c="dimmed">
          Attributes without numeric results in either version are left out: {result.data.attributes.filter((a) => a.reference.n + a.test.n === 0).map((a) => a.name).join(', ')}.
        </Text>
      )}
    </Stack>
  );
}
