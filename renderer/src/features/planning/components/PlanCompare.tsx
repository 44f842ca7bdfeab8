import { Accordion, Alert, Group, Loader, MultiSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OverlaidTimeline } from './OverlaidTimeline';
import type { PlanComparison, PlanRef } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { scenariosKey, type ScenarioSummaryItem } from '../hooks/useScenarios';
import { DaysBadge, IsoDate, daysBetween } from './shared';

const MAX_PLANS = 4;

function toRef(value: string): PlanRef | null {
  if (value === 'live') return { kind: 'live' };
  const [kind, id] = value.split(/:(.*)/s) as [string, string | undefined];
  if (!id) return null;
  if (kind === 'baseline') return { kind: 'baseline', id };
  if (kind === 'scenario') return { kind: 'scenario', id };
  return null;
}

function Empty({ children }: { children: string }) {
  return (
    <Paper p="lg" radius="md" bg="var(--mantine-color-default-hover)" ta="center">
      <IconArrowsDiff size={28} color="var(--mantine-color-dimmed)" aria-hidden />
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Paper>
  );
}

function DateWithDelta({ date, first, showDelta }: { date: string | null; first: string | null; showDelta: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <IsoDate value={date} />
      {showDelta && <DaysBadge days={daysBetween(first, date)} />}
    </Group>
  );
}

function KeyDatesCompared({ data }: { data: PlanComparison }) {
  const first = data.plans[0]!;
  const rows = first.keyDates.map((k) => ({ id: k.id, label: k.label, dates: data.plans.map((p) => p.keyDates.find((x) => x.id === k.id)?.date ?? null) }));
  rows.push({ id: 'finish', label: 'Pathway finish', dates: data.plans.map((p) => p.projectFinish) });
  return (
    <Table.ScrollContainer minWidth={200 + 190 * data.plans.length}>
      <Table verticalSpacing={4} aria-label="Key dates compared">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key date</Table.Th>
            {data.plans.map((p, i) => (
              <Table.Th key={i}>{p.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td fw={r.id === 'finish' ? 600 : undefined}>{r.label}</Table.Td>
              {r.dates.map((d, i) => (
                <Table.Td key={i}>
                  <DateWithDelta date={d} first={r.dates[0] ?? null} showDelta={i > 0} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CriticalPaths({ data }: { data: PlanComparison }) {
  return (
    <Accordion variant="separated" multiple chevronPosition="left">
      {data.plans.map((p, i) => (
        <Accordion.Item key={i} value={String(i)}>
          <Accordion.Control>
            <Text size="sm">
              Critical path: <b>{p.name}</b>{' '}
              <Text span size="xs" c="dimmed">
                ({p.criticalPath.length} milestones)
              </Text>
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Text size="sm">{p.criticalPath.length ? p.criticalPath.join(', ') : 'No critical path (nothing left to schedule).'}</Text>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function MovedMilestones({ data }: { data: PlanComparison }) {
  if (data.moved.length === 0) return <Text size="sm" c="dimmed">No milestone finishes differently in these plans.</Text>;
  return (
    <Table.ScrollContainer minWidth={240 + 210 * data.plans.length}>
      <Table verticalSpacing={6} highlightOnHover aria-label="Milestones that moved">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            {data.plans.map((p, i) => (
              <Table.Th key={i}>
                {p.name}
                {i > 0 && (
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    (finish, change)
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.moved.map((m) => (
            <Table.Tr key={m.milestoneId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.name}
                </Text>
              </Table.Td>
              {data.plans.map((_, i) => (
                <Table.Td key={i} style={{ verticalAlign: 'top' }}>
                  <Group gap={6} wrap="nowrap">
                    <IsoDate value={m.finishes[i] ?? null} />
                    {i > 0 && <DaysBadge days={m.deltas[i]} />}
                  </Group>
                  {m.why[i] && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {m.why[i]}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Two to four plans side by side: the live plan, saved baselines and scenarios. */
export function PlanCompare({ productId, scenarios, selectedScenarioId }: { productId: string; scenarios: ScenarioSummaryItem[]; selectedScenarioId: string | null }) {
  const baselines = useQuery({ queryKey: ['baselines', productId], queryFn: () => api.baselines.list({ productId }) });
  const [picked, setPicked] = useState<string[] | null>(null);

  const options = [
    { value: 'live', label: 'Live plan' },
    ...(baselines.data ?? []).map((b) => ({ value: `baseline:${b.id}`, label: `Baseline: ${b.name}${b.isReference ? ' (reference)' : ''}` })),
    ...scenarios.map((s) => ({ value: `scenario:${s.id}`, label: `Scenario: ${s.name}` })),
  ];
  const known = new Set(options.map((o) => o.value));
  const reference = baselines.data?.find((b) => b.isReference);
  const defaults = [reference ? `baseline:${reference.id}` : null, 'live', selectedScenarioId ? `scenario:${selectedScenarioId}` : null].filter((v): v is string => v !== null);
  const selection = (picked ?? defaults).filter((v) => known.has(v)).slice(0, MAX_PLANS);
  const plans = selection.map(toRef).filter((r): r is PlanRef => r !== null);

  const comparison = useQuery({
    queryKey: [...scenariosKey(productId), 'compare', selection],
    enabled: plans.length >= 2,
    queryFn: () => api.plans.compare({ productId, plans }),
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Compare plans">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">Compare plans</Title>
          <Text size="sm" c="dimmed">
            Differences are measured against the first plan picked.
          </Text>
        </div>
        <MultiSelect
          label="Plans to compare"
          placeholder={selection.length < MAX_PLANS ? 'Pick plans' : undefined}
          data={options}
          value={selection}
          onChange={setPicked}
          maxValues={MAX_PLANS}
          clearable
          searchable
          maw={760}
          description={`Two to ${MAX_PLANS} plans`}
        />
        {plans.length < 2 ? (
          <Empty>{options.length < 2 ? 'Save a baseline or start a scenario to have something to compare with the live plan.' : 'Pick at least two plans to compare.'}</Empty>
        ) : comparison.isPending ? (
          <Loader size="sm" />
        ) : comparison.isError ? (
          <Alert color="red" title="The plans could not be compared">
            {comparison.error.message}
          </Alert>
        ) : (
          <>
            <KeyDatesCompared data={comparison.data} />
            <OverlaidTimeline data={comparison.data} />
            <CriticalPaths data={comparison.data} />
            <div>
              <Text fw={600} size="sm" mb={4}>
                Milestones that moved
              </Text>
              <MovedMilestones data={comparison.data} />
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}
