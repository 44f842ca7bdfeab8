import { Alert, Button, Code, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { BackupsCard } from '../components/BackupsCard';
import { TrustedColleaguesCard } from '../components/TrustedColleaguesCard';
import { notifyError, notifySuccess } from '../../../lib/notify';

function DisplayNameForm({ initial }: { initial: string }) {
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState(initial);
  const save = useMutation({
    mutationFn: () => api.settings.update({ displayName }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['settings'] });
      await client.invalidateQueries({ queryKey: ['app'] });
      notifySuccess('Settings saved');
    },
    onError: (e) => notifyError('Settings not saved', e),
  });

  return (
    <Group align="flex-end">
      <TextInput label="Display name" w={320} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
      <Button onClick={() => save.mutate()} loading={save.isPending}>
        Save
      </Button>
    </Group>
  );
}

export function SettingsPage() {
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => api.app.info() });
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get() });

  return (
    <Stack maw={820}>
      <Title order={1} size="h2">Settings</Title>
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={2} size="h4">You</Title>
          <Text size="sm" c="dimmed">
            Audit entries name you by this display name and your operating-system account. The account always comes from this
            computer, never from what you type.
          </Text>
          {settings.data ? <DisplayNameForm initial={settings.data.displayName} /> : <Loader size="sm" />}
          {info.data && (
            <Text size="sm">
              Recorded as: <b>{info.data.actor}</b>
            </Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={2} size="h4">Where your data lives</Title>
          {info.isPending ? (
            <Loader />
          ) : info.isError ? (
            <Alert color="red">{info.error.message}</Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <div>
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">Data file</Text>
                <Code>{info.data.dbPath}</Code>
              </div>
              <div>
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">Version</Text>
                <Text>
                  {info.data.version} · schema {info.data.schemaVersion} · {info.data.frontDoor === 'electron' ? 'desktop app' : 'web front door'}
                </Text>
              </div>
            </SimpleGrid>
          )}
        </Stack>
      </Paper>
      <BackupsCard />
      <TrustedColleaguesCard />
    </Stack>
  );
}
