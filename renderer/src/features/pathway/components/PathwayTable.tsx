import { ActionIcon, Badge, Button, Group, Menu, Paper, Progress, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconClock, IconDots, IconEdit, IconFlag, IconPlayerPlay, IconPlus, IconCheck, IconTrash, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { CLOCK_EVENT_LABELS, type Gate, type Milestone, type PathwayView, type Stage } from '../../../../../electron/contract';
import { InlineDate, InlineNumber, InlineText } from '../../../components/Inline';
import { usePathwayWrite } from '../hooks/usePathway';
import { MilestoneDialog } from './MilestoneDialog';
import { StatusIcon, VarianceBadge } from './status';

function Range({ from, to, strong, dimmed }: { from: string | null; to: string | null; strong?: boolean; dimmed?: boolean }) {
  if (!from || !to) return <Text span c="dimmed" size="xs">—</Text>;
  return (
    <Text span size={dimmed ? 'xs' : 'sm'} c={dimmed ? 'dimmed' : undefined} ff="monospace" fw={strong ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
      {from === to ? from : `${from} → ${to}`}
    </Text>
  );
}

/** A gate milestone shows whether its checklist gate (e.g. "IND ready to submit") is met. */
function GateBadge({ gate }: { gate: Gate }) {
  return (
    <Tooltip
      multiline
      w={380}
      label={gate.ready ? `${gate.label}: every required item is done.` : `${gate.label}: ${gate.blockers.length} item(s) block it, e.g. ${gate.blockers.slice(0, 3).map((b) => b.title).join('; ')}`}
    >
      <Badge size="xs" variant="light" color={gate.ready ? 'teal' : 'orange'} style={{ maxWidth: 'none' }}>
        {gate.ready ? 'checklist ready' : `${gate.blockers.length} checklist blockers`}
      </Badge>
    </Tooltip>
  );
}

function MilestoneRow({ view, stage, m, index, gate, onEdit }: { view: PathwayView; stage: Stage; m: Milestone; index: number; gate?: Gate; onEdit(): void }) {
  const update = usePathwayWrite('milestones.update');
  const move = usePathwayWrite('milestones.move', 'The milestone was not moved');
  const remove = usePathwayWrite('milestones.remove', 'The milestone was not removed');
  const editable = !view.product.archivedAt;
  const set = (changes: Parameters<typeof update.mutate>[0]['changes']) => update.mutate({ id: m.id, changes });
  const isEvent = m.durationDays === 0;
  return (
    <Table.Tr data-critical={m.critical || undefined} style={m.critical && m.status !== 'done' ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-red-6)' } : undefined}>
      <Table.Td>
        <StatusIcon status={m.status} />
      </Table.Td>
      <Table.Td>
        {/* The markers wrap under the name rather than squeeze it a letter wide. */}
        <Group gap={6} style={{ rowGap: 2 }}>
          <Tooltip label={m.description || m.name} multiline w={360} disabled={!m.description} openDelay={400}>
            <Text size="sm" fw={500}>
              {m.name}
            </Text>
          </Tooltip>
          {m.gate && (
            <Tooltip label="Gate milestone">
              <IconFlag size={14} color="var(--mantine-color-orange-6)" aria-label="Gate" />
            </Tooltip>
          )}
          {m.clockEvent && (
            <Tooltip label={`Starts FDA clocks: ${CLOCK_EVENT_LABELS[m.clockEvent]}`}>
              <IconClock size={14} color="var(--mantine-color-blue-6)" aria-label="Clock trigger" />
            </Tooltip>
          )}
          {m.critical && m.status !== 'done' && (
            <Badge size="xs" color="red" variant="light">
              critical
            </Badge>
          )}
          {gate && m.status !== 'done' && <GateBadge gate={gate} />}
        </Group>
        {m.citation && (
          <Text size="xs" c="dimmed" lineClamp={1} title={m.citation}>
            {m.citation}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <InlineText label={`Owner of ${m.name}`} value={m.owner} onSave={(owner) => set({ owner })} disabled={!editable} placeholder="Owner" />
      </Table.Td>
      <Table.Td>
        <InlineNumber label={`Duration of ${m.name}`} value={m.durationDays} suffix=" d" onSave={(durationDays) => set({ durationDays })} disabled={!editable} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Range from={m.forecastStart} to={m.forecastFinish} strong={m.critical && m.status !== 'done'} />
          <VarianceBadge days={m.finishVarianceDays} />
          {m.baselineVarianceDays !== null && m.baselineVarianceDays !== 0 && (
            <Tooltip label={`Forecast finish against the reference baseline "${view.reference?.name ?? ''}"`}>
              <Badge size="sm" variant="outline" color={m.baselineVarianceDays > 0 ? 'red' : 'teal'}>
                B {m.baselineVarianceDays > 0 ? '+' : '−'}
                {Math.abs(m.baselineVarianceDays)} d
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Tooltip label="Planned (baseline)" position="bottom-start">
          <div>
            <Range from={m.plannedStart} to={m.plannedFinish} dimmed />
          </div>
        </Tooltip>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {isEvent ? (
          <InlineDate label={`Date of ${m.name}`} today={view.today} value={m.actualFinish} onSave={(d) => set({ actualStart: d, actualFinish: d })} disabled={!editable} />
        ) : (
          <Group gap={4} wrap="nowrap">
            <InlineDate label={`Actual start of ${m.name}`} today={view.today} value={m.actualStart} onSave={(actualStart) => set({ actualStart })} disabled={!editable} />
            <Text span c="dimmed" size="xs">→</Text>
            <InlineDate label={`Actual finish of ${m.name}`} today={view.today} value={m.actualFinish} onSave={(actualFinish) => set({ actualFinish })} disabled={!editable} />
          </Group>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={m.totalSlack === 0 && m.status !== 'done' ? 'red' : undefined}>
          {m.status === 'done' ? '—' : `${m.totalSlack} d`}
        </Text>
      </Table.Td>
      <Table.Td>
        {editable && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`Actions for ${m.name}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconEdit size={14} />} onClick={onEdit}>
                Edit, dependencies…
              </Menu.Item>
              {m.status === 'not-started' && !isEvent && (
                <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={() => set({ actualStart: view.today })}>
                  Started today
                </Menu.Item>
              )}
              {m.status !== 'done' && (
                <Menu.Item leftSection={<IconCheck size={14} />} onClick={() => set(isEvent || !m.actualStart ? { actualStart: view.today, actualFinish: view.today } : { actualFinish: view.today })}>
                  {isEvent ? 'Happened today' : 'Done today'}
                </Menu.Item>
              )}
              {m.status !== 'not-started' && (
                <Menu.Item leftSection={<IconRotate size={14} />} onClick={() => set({ actualStart: null, actualFinish: null })}>
                  Clear actual dates
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item leftSection={<IconArrowUp size={14} />} disabled={index === 0} onClick={() => move.mutate({ id: m.id, stageId: stage.id, position: index - 1 })}>
                Move up
              </Menu.Item>
              <Menu.Item leftSection={<IconArrowDown size={14} />} disabled={index === stage.milestones.length - 1} onClick={() => move.mutate({ id: m.id, stageId: stage.id, position: index + 1 })}>
                Move down
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => remove.mutate({ id: m.id })}>
                Remove (with its dependencies)
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function PathwayTable({ view, gates = [] }: { view: PathwayView; gates?: Gate[] }) {
  const gateOf = new Map(gates.filter((g) => g.considered > 0).map((g) => [g.milestone, g]));
  const [editing, setEditing] = useState<{ milestone?: Milestone; stageId?: string } | null>(null);
  return (
    <Stack gap="lg">
      {view.stages.map((stage) => {
        const percent = stage.total === 0 ? 0 : Math.round((stage.done / stage.total) * 100);
        return (
          <Paper key={stage.id} withBorder radius="md" p="md" aria-label={`Stage ${stage.name}`} component="section">
            <Group justify="space-between" mb="xs">
              <Group gap="sm">
                <Title order={2} size="h4">{stage.name}</Title>
                <Text size="sm" c="dimmed">
                  {stage.done}/{stage.total} done · <Range from={stage.forecastStart} to={stage.forecastFinish} />
                </Text>
              </Group>
              <Group gap="sm">
                <Progress value={percent} w={140} color={percent === 100 ? 'teal' : 'blue'} aria-label={`${stage.name} progress`} />
                {!view.product.archivedAt && (
                  <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ stageId: stage.id })}>
                    Milestone
                  </Button>
                )}
              </Group>
            </Group>
            <Table.ScrollContainer minWidth={1040}>
              <Table verticalSpacing={6} highlightOnHover aria-label={`Milestones of ${stage.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={44}><VisuallyHidden>Status</VisuallyHidden></Table.Th>
                    <Table.Th miw={240}>Milestone</Table.Th>
                    <Table.Th w={110}>Owner</Table.Th>
                    <Table.Th w={84}>Duration</Table.Th>
                    <Table.Th w={250}>
                      Forecast <Text span size="xs" c="dimmed" fw={400}>/ planned</Text>
                    </Table.Th>
                    <Table.Th w={215}>Actual</Table.Th>
                    <Table.Th w={64} ta="right">Slack</Table.Th>
                    <Table.Th w={40}><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stage.milestones.map((m, index) => (
                    <MilestoneRow key={m.id} view={view} stage={stage} m={m} index={index} gate={m.key ? gateOf.get(m.key) : undefined} onEdit={() => setEditing({ milestone: m })} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}
      {editing && <MilestoneDialog view={view} milestone={editing.milestone && view.stages.flatMap((s) => s.milestones).find((m) => m.id === editing.milestone!.id)} stageId={editing.stageId} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
