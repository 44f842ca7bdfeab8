import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCheck, IconClock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DashboardDeadline, DashboardView } from '../../../../../electron/contract';
import { HoverTip } from '../../../components/HoverTip';
import { StageBadge } from '../../products/components/ProductBadges';
import { dashboardQuery } from '../lib/query';

function Stat({ label, value, color }: { label: string; value: number | string; color?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

const WINDOWS = [30, 60, 90] as const;

/** How far away a date is: overdue ones say by how much, in red. */
function DaysBadge({ d }: { d: DashboardDeadline }) {
  if (d.overdue) {
    return (
      <Badge variant="filled" color="red" style={{ maxWidth: 'none' }}>
        {-d.daysAway} d overdue
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={d.daysAway <= 7 ? 'red' : d.daysAway <= 30 ? 'orange' : 'gray'} style={{ maxWidth: 'none' }}>
      {d.daysAway === 0 ? 'today' : `in ${d.daysAway} d`}
    </Badge>
  );
}

/**
 * A count or a slip whose details (which milestones, by how much) show on hover and on keyboard
 * focus; a screen reader hears them as the control's name, which starts with what is visible.
 */
function DetailsBadge({ shown, what, lines }: { shown: string; what: string; lines: string[] }) {
  return (
    <HoverTip label={<span style={{ whiteSpace: 'pre-line' }}>{lines.join('\n')}</span>} w={320}>
      <UnstyledButton aria-label={`${shown} ${what}: ${lines.join('; ')}`} style={{ borderRadius: 'var(--mantine-radius-xl)' }}>
        <Badge color="red" variant="light" style={{ overflow: 'visible', cursor: 'default' }}>
          {shown}
        </Badge>
      </UnstyledButton>
    </HoverTip>
  );
}

/** Deadline rows shown before "Show all". */
const ROWS_SHOWN = 25;

/** One group of deadlines: overdue first and marked, then those within the window chosen. */
function DeadlineGroup({ title, rows, empty, limit, kind }: { title: string; rows: DashboardDeadline[]; empty: string; limit: number; kind: 'clock' | 'milestone' }) {
  const [all, setAll] = useState(false);
  const due = rows.filter((d) => d.overdue || d.daysAway <= limit);
  // A portfolio far behind plan can have hundreds of overdue rows: the first ones (overdue first), then all on request.
  const shown = all ? due : due.slice(0, ROWS_SHOWN);
  return (
    <div>
      <Title order={2} size="h4" mb={6}>
        {title}
      </Title>
      {shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Date</Table.Th>
              <Table.Th w={150}>When</Table.Th>
              <Table.Th w={130}>Product</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>{kind === 'clock' ? 'Rule' : 'Source'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d, i) => (
              <Table.Tr key={`${d.productId}-${d.label}-${d.date}-${i}`}>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{d.date}</Table.Td>
                <Table.Td>
                  <DaysBadge d={d} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/products/${d.productId}`} ff="monospace" size="sm">
                    {d.productCode}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {d.kind === 'clock' && <IconClock size={14} style={{ verticalAlign: -2, marginRight: 4 }} aria-hidden />}
                    {d.label}{' '}
                    {d.kind === 'clock' && d.estimated && (
                      <Badge size="xs" color="gray" variant="outline">
                        estimated
                      </Badge>
                    )}{' '}
                    {d.unconfirmed && (
                      <Badge size="xs" color="orange" variant="light">
                        unconfirmed
                      </Badge>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={1} title={d.citation ?? ''}>
                    {d.citation ?? (d.overdue ? 'Past its planned finish' : 'Pathway forecast')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {due.length > shown.length && (
        <Group gap="xs" mt={6}>
          <Text size="sm" c="dimmed">
            {shown.length} of {due.length} shown ({due.filter((d) => d.overdue).length} overdue).
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={() => setAll(true)}>
            Show all {due.length}
          </Button>
        </Group>
      )}
    </div>
  );
}

function Upcoming({ view }: { view: DashboardView }) {
  const [days, setDays] = useState<string | null>('30');
  const limit = Number(days);
  const { clocks, milestones } = view.deadlines;
  const count = (w: number) => [...clocks, ...milestones].filter((d) => !d.overdue && d.daysAway <= w).length;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">What is due</Title>
        <Tabs value={days} onChange={setDays} variant="pills">
          <Tabs.List aria-label="Window">
            {WINDOWS.map((w) => (
              <Tabs.Tab key={w} value={String(w)}>
                {w} days ({count(w)})
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </Group>
      <Stack gap="lg">
        <DeadlineGroup title="FDA clocks" kind="clock" rows={clocks} limit={limit} empty={`No FDA clock is overdue or falls due in the next ${limit} days.`} />
        <DeadlineGroup title="Milestones" kind="milestone" rows={milestones} limit={limit} empty={`No milestone is overdue or falls due in the next ${limit} days.`} />
      </Stack>
    </Paper>
  );
}

export function DashboardPage() {
  const dashboard = useQuery(dashboardQuery);
  if (dashboard.isPending) return <Loader m="xl" />;
  if (dashboard.isError) return <Alert color="red" title="The dashboard could not be computed">{dashboard.error.message}</Alert>;
  const view = dashboard.data;
  if (view.products.length === 0) {
    return (
      <Alert variant="light" title="No active products">
        Add a product or load the example portfolio from the <Anchor component={Link} to="/">Portfolio</Anchor>.
      </Alert>
    );
  }
  const overdue = view.products.reduce((n, p) => n + p.overdue.length, 0);
  const slipping = view.products.filter((p) => p.slips.length > 0).length;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">Dashboard</Title>
        <Text c="dimmed" size="sm">
          Status date {view.today}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="Active products" value={view.products.length} />
        <Stat label="FDA clocks overdue" value={view.deadlines.clocks.filter((d) => d.overdue).length} color={view.deadlines.clocks.some((d) => d.overdue) ? 'red' : undefined} />
        <Stat label="Overdue milestones" value={overdue} color={overdue > 0 ? 'red' : undefined} />
        <Stat label="Products slipping on the critical path" value={slipping} color={slipping > 0 ? 'red' : undefined} />
      </SimpleGrid>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="sm" aria-label="Product status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th miw={175}>Stage</Table.Th>
                <Table.Th w={170}>Progress</Table.Th>
                <Table.Th miw={190}>Next milestone</Table.Th>
                <Table.Th>Checklists</Table.Th>
                <Table.Th>Overdue milestones</Table.Th>
                <Table.Th>Critical-path slip</Table.Th>
                <Table.Th>Pathway finish</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.products.map((p) => {
                const worstSlip = p.slips.reduce((max, s) => Math.max(max, s.finishVarianceDays), 0);
                return (
                  <Table.Tr key={p.product.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/products/${p.product.id}`} fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {p.product.code}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1} title={p.product.name}>
                        {p.product.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StageBadge stage={p.currentStage} />
                    </Table.Td>
                    <Table.Td>
                      {p.hasPathway ? (
                        <HoverTip block label={`${p.done} of ${p.total} milestones done`}>
                          <Progress value={p.percent} aria-label={`${p.product.code} progress`} />
                          <Text size="xs" c="dimmed">
                            {p.percent}% · {p.done}/{p.total}
                          </Text>
                        </HoverTip>
                      ) : (
                        <Text size="xs" c="dimmed">No pathway</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.nextMilestone ? (
                        <>
                          <Text size="sm">
                            {p.nextMilestone.name}{' '}
                            {p.nextMilestone.critical && (
                              <Badge size="xs" color="red" variant="light">
                                critical
                              </Badge>
                            )}
                          </Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {p.nextMilestone.forecastFinish}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">—</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.checklists.total === 0 ? (
                        <Text size="xs" c="dimmed">Not generated</Text>
                      ) : (
                        <Stack gap={2}>
                          <Text size="xs">{p.checklists.percent}% done</Text>
                          <Group gap={4}>
                            {p.checklists.gates.map((g) => (
                              <HoverTip key={g.id} label={g.ready ? `${g.label}: ready` : `${g.label}: ${g.blockers} item(s) block it`}>
                                <Badge
                                  size="xs"
                                  variant="light"
                                  color={g.ready ? 'teal' : 'gray'}
                                  style={{ maxWidth: 'none' }}
                                  rightSection={g.ready ? <IconCheck size={10} /> : undefined}
                                >
                                  {g.id === 'ind-ready' ? 'IND' : g.id === 'pre-ind-ready' ? 'Pre-IND' : 'FPI'}
                                  {g.ready ? '' : ` · ${g.blockers}`}
                                </Badge>
                              </HoverTip>
                            ))}
                          </Group>
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.overdue.length > 0 ? (
                        <DetailsBadge shown={String(p.overdue.length)} what={`overdue milestone${p.overdue.length === 1 ? '' : 's'} of ${p.product.code}`} lines={p.overdue.map((o) => `${o.name}: ${o.daysLate} d past plan`)} />
                      ) : (
                        <Badge color="teal" variant="light">none</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {worstSlip > 0 ? (
                        <DetailsBadge shown={`+${worstSlip} d`} what={`critical-path slip of ${p.product.code}`} lines={p.slips.slice(0, 8).map((s) => `${s.name}: +${s.finishVarianceDays} d`)} />
                      ) : (
                        <Badge color="teal" variant="light">on plan</Badge>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{p.projectFinish ?? '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Upcoming view={view} />
    </Stack>
  );
}
