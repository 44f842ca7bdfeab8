import { Alert, Badge, Button, Code, Group, Loader, Modal, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { formatInstant } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';

const KIND_LABELS = { daily: 'Daily', manual: 'Manual', 'pre-migration': 'Before upgrade', 'pre-restore': 'Before restore' } as const;

function KeepSetting({ keep }: { keep: number }) {
  const client = useQueryClient();
  const [value, setValue] = useState<number | string>(keep);
  const save = useMutation({
    mutationFn: () => api.settings.update({ backupKeep: Number(value) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['backups'] });
      notifySuccess('Backup setting saved');
    },
    onError: (e) => notifyError('Not saved', e),
  });
  return (
    <Group align="flex-end">
      <NumberInput label="Daily and manual backups to keep" min={1} max={365} allowDecimal={false} w={240} value={value} onChange={setValue} />
      <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} disabled={Number(value) === keep}>
        Save
      </Button>
    </Group>
  );
}

/** Back up now, the list of backups, and restore with a confirmation (the current data is kept first). */
export function BackupsCard() {
  const client = useQueryClient();
  const backups = useQuery({ queryKey: ['backups'], queryFn: () => api.backups.list() });
  const [restoring, setRestoring] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.backups.create(),
    onSuccess: async (b) => {
      await client.invalidateQueries({ queryKey: ['backups'] });
      notifySuccess(`Backed up to ${b.name}`);
    },
    onError: (e) => notifyError('The backup failed', e),
  });
  const restore = useMutation({
    mutationFn: (name: string) => api.backups.restore({ name }),
    onSuccess: async (r) => {
      setRestoring(null);
      // Everything on screen came from the data that was just replaced.
      await client.invalidateQueries();
      notifySuccess(`Restored ${r.restored}. The data before the restore is kept as ${r.previousSavedAs}.`);
    },
    onError: (e) => notifyError('The restore did not happen', e),
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">Backups</Title>
          <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => create.mutate()} loading={create.isPending}>
            Back up now
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          A verified copy is made automatically once a day when the tracker starts, and before every upgrade of the data file.
          Restoring first saves the current data as a backup, so a restore can be undone.
        </Text>
        {backups.isPending ? (
          <Loader size="sm" />
        ) : backups.isError ? (
          <Alert color="red">{backups.error.message}</Alert>
        ) : (
          <>
            <Text size="sm">
              Folder: <Code>{backups.data.dir}</Code>
            </Text>
            <KeepSetting key={backups.data.keep} keep={backups.data.keep} />
            {backups.data.backups.length === 0 ? (
              <Text size="sm" c="dimmed">No backups yet.</Text>
            ) : (
              <Table verticalSpacing={6} aria-label="Backups">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Made</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Size</Table.Th>
                    <Table.Th>File</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {backups.data.backups.map((b) => (
                    <Table.Tr key={b.name}>
                      <Table.Td>{formatInstant(b.createdAt)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={b.kind === 'manual' ? 'blue' : 'gray'}>
                          {KIND_LABELS[b.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{(b.bytes / 1024).toFixed(0)} KB</Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">{b.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" leftSection={<IconRestore size={14} />} onClick={() => setRestoring(b.name)}>
                          Restore…
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title="Restore this backup?">
        <Stack>
          <Text size="sm">
            The data file will be replaced by <Code>{restoring}</Code>. Changes made since then leave the live data, but they are
            not lost: the current data is first saved as a backup you can restore to undo this.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRestoring(null)}>
              Cancel
            </Button>
            <Button color="orange" loading={restore.isPending} onClick={() => restoring && restore.mutate(restoring)}>
              Restore
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
