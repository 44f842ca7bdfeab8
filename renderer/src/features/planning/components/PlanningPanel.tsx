import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFlask, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { formatInstant } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useScenarioList, useScenarioWrite } from '../hooks/useScenarios';
import { PlanCompare } from './PlanCompare';
import { ScenarioEditor } from './ScenarioEditor';
import { StatusBadge } from './shared';

/** The "Planning" tab: what-if scenarios on a copy of the plan, and side-by-side comparison of plans. */
export function PlanningPanel({ productId }: { productId: string }) {
  const scenarios = useScenarioList(productId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const create = useScenarioWrite(productId, (n: string) => api.scenarios.create({ productId, name: n }), 'The scenario was not started', (view) => {
    notifySuccess(`Started scenario "${view.name}"`);
    setName('');
    setSelectedId(view.id);
  });
  const list = scenarios.data ?? [];
  const selected = list.find((s) => s.id === selectedId) ?? null;
  const start = () => {
    if (name.trim()) create.mutate(name.trim());
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-label="Scenarios">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={2} size="h4">Scenarios</Title>
              <Text size="sm" c="dimmed">
                Try changes on a copy of the plan; the live plan is untouched until a scenario is applied.
              </Text>
            </div>
            <Group
              align="flex-end"
              gap="xs"
              component="form"
              onSubmit={(e) => {
                e.preventDefault();
                start();
              }}
            >
              <TextInput label="Scenario name" placeholder="e.g. Longer GLP tox" value={name} onChange={(e) => setName(e.currentTarget.value)} w={240} />
              <Button type="submit" leftSection={<IconPlus size={16} />} disabled={!name.trim()} loading={create.isPending}>
                Start scenario
              </Button>
            </Group>
          </Group>
          {scenarios.isPending ? (
            <Loader size="sm" />
          ) : scenarios.isError ? (
            <Alert color="red" title="Scenarios could not be loaded">
              {scenarios.error.message}
            </Alert>
          ) : list.length === 0 ? (
            <Paper p="lg" radius="md" bg="var(--mantine-color-default-hover)" ta="center">
              <IconFlask size={28} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text fw={500}>No scenarios yet</Text>
              <Text size="sm" c="dimmed">
                Start one to see what a longer study, an extra meeting or a new dependency would do to the key dates.
              </Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={6} highlightOnHover aria-label="Scenarios of this product">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Scenario</Table.Th>
                    <Table.Th w={110}>Status</Table.Th>
                    <Table.Th w={90} ta="right">Changes</Table.Th>
                    <Table.Th w={190}>Updated</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((s) => {
                    const isSelected = s.id === selectedId;
                    return (
                      <Table.Tr
                        key={s.id}
                        aria-selected={isSelected}
                        onClick={() => setSelectedId(s.id)}
                        style={{ cursor: 'pointer', ...(isSelected ? { background: 'var(--mantine-primary-color-light)' } : {}) }}
                      >
                        <Table.Td>
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            fw={isSelected ? 600 : 500}
                            aria-current={isSelected || undefined}
                            onClick={(e) => {
                              e.stopPropagation();
                              setSelectedId(s.id);
                            }}
                          >
                            {s.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={s.status} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">{s.changeCount}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {formatInstant(s.updatedAt)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {list.length > 0 && !selected && (
            <Text size="sm" c="dimmed">
              Select a scenario to open it.
            </Text>
          )}
        </Stack>
      </Paper>
      {selected && <ScenarioEditor key={selected.id} productId={productId} id={selected.id} onClose={() => setSelectedId(null)} />}
      <PlanCompare key={selected?.id ?? 'none'} productId={productId} scenarios={list} selectedScenarioId={selected?.id ?? null} />
    </Stack>
  );
}
