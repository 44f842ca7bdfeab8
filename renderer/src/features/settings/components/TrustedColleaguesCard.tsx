import { ActionIcon, Alert, Button, Code, Group, Loader, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useWrite } from '../../../lib/useWrite';

/**
 * Whose sharing bundles import without asking: colleagues' signing keys, by fingerprint. The
 * fingerprint of this installation is shown so a colleague can add it on their side (compare it
 * over the phone, not by e-mail alongside the bundle).
 */
export function TrustedColleaguesCard() {
  const list = useQuery({ queryKey: ['trust'], queryFn: () => api.trust.list() });
  const [name, setName] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const refresh = async (_: unknown, client: QueryClient) => {
    await client.invalidateQueries({ queryKey: ['trust'] });
    await client.invalidateQueries({ queryKey: ['audit'] });
  };
  const add = useWrite('trust.add', {
    onSuccess: async (out, client) => {
      await refresh(out, client);
      setName('');
      setFingerprint('');
      notifySuccess('Colleague trusted');
    },
    onError: (e) => notifyError('Not added', e),
  });
  const remove = useWrite('trust.remove', { onSuccess: refresh, onError: (e) => notifyError('Not removed', e) });

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={4}>Trusted colleagues</Title>
        <Text size="sm" c="dimmed">
          Sharing bundles are signed with each installation&apos;s key. A bundle signed by a key listed here imports without asking;
          any other (or an unsigned one) needs &quot;I trust this file&quot; and a reason, kept in the audit trail.
        </Text>
        {list.isPending ? (
          <Loader size="sm" />
        ) : list.isError ? (
          <Alert color="red">{list.error.message}</Alert>
        ) : (
          <>
            <div>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">This installation&apos;s key fingerprint</Text>
              <Code data-testid="own-fingerprint">{list.data.ownFingerprint}</Code>
            </div>
            {list.data.trusted.length === 0 ? (
              <Text size="sm">No colleagues trusted yet.</Text>
            ) : (
              <Table aria-label="Trusted colleagues">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Colleague</Table.Th>
                    <Table.Th>Key fingerprint</Table.Th>
                    <Table.Th>Added</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.trusted.map((t) => (
                    <Table.Tr key={t.fingerprint}>
                      <Table.Td>{t.name}</Table.Td>
                      <Table.Td>
                        <Code>{t.fingerprint.match(/.{1,4}/g)?.join(' ')}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {t.addedAt.slice(0, 10)}
                        </Text>
                        <Text size="xs" c="dimmed">{t.addedBy}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={`Stop trusting ${t.name}`}>
                          <ActionIcon variant="subtle" color="red" aria-label={`Stop trusting ${t.name}`} loading={remove.isPending} onClick={() => remove.mutate({ fingerprint: t.fingerprint })}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group align="flex-end">
              <TextInput label="Colleague" w={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <TextInput label="Their key fingerprint" placeholder="64 hexadecimal characters" w={420} value={fingerprint} onChange={(e) => setFingerprint(e.currentTarget.value)} />
              <Button onClick={() => add.mutate({ name, fingerprint })} loading={add.isPending} disabled={name.trim() === '' || fingerprint.trim() === ''}>
                Trust
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
