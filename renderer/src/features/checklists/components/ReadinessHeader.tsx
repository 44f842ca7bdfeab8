import { Badge, Button, Collapse, Divider, Grid, Group, Paper, Progress, SimpleGrid, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type Checklist, type ChecklistsView, type Gate } from '../../../../../electron/contract';
import { SignatureLines, SignDialog } from '../../signatures/components/SignDialog';
import classes from './ChecklistItems.module.css';
import { STATUS_COLOR, StatusBadge } from './status';

const BLOCKERS_SHOWN = 200;

function ChecklistProgress({ checklist }: { checklist: Checklist }) {
  const s = checklist.summary;
  return (
    <div role="group" aria-label={`${checklist.name} progress`}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} truncate="end" title={checklist.name}>
          {checklist.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          <Text span fw={600} c="var(--mantine-color-text)" size="xs">
            {s.done}/{s.total}
          </Text>{' '}
          · {s.percent}%
        </Text>
      </Group>
      <Progress value={s.percent} size="md" mt={4} color={s.percent === 100 ? 'teal' : 'indigo'} aria-label={`${checklist.name}: ${s.done} of ${s.total} done`} />
      {s.flaggedInapplicable > 0 && (
        <Text size="xs" c="orange" mt={2}>
          {s.flaggedInapplicable} no longer appl{s.flaggedInapplicable === 1 ? 'ies' : 'y'}
        </Text>
      )}
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function GateCard({ gate, open, onToggle }: { gate: Gate; open: boolean; onToggle(): void }) {
  const n = gate.blockers.length;
  const detail = gate.ready
    ? `All ${plural(gate.considered, 'item')} in scope done`
    : gate.considered === 0
      ? 'Nothing in scope yet'
      : `${plural(n, 'blocker')} of ${plural(gate.considered, 'item')} in scope`;
  return (
    <Paper
      withBorder
      radius="md"
      px="sm"
      py={8}
      role="group"
      aria-label={gate.label}
      style={{ borderLeft: `4px solid var(--mantine-color-${gate.ready ? 'teal' : 'red'}-filled)` }}
    >
      <Tooltip label={gate.description} multiline w={340} openDelay={500} disabled={open}>
        <UnstyledButton
          onClick={onToggle}
          aria-expanded={open}
          style={{ width: '100%' }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
              {open ? <IconChevronDown size={16} style={{ flex: 'none', marginTop: 2 }} /> : <IconChevronRight size={16} style={{ flex: 'none', marginTop: 2 }} />}
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} lh={1.3}>
                  {gate.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {detail}
                </Text>
              </div>
            </Group>
            {gate.ready ? (
              <Badge color="teal" variant="filled" leftSection={<IconCircleCheck size={12} />} style={{ flex: 'none' }}>
                Ready
              </Badge>
            ) : (
              <Badge color="red" variant="light" leftSection={<IconCircleX size={12} />} style={{ flex: 'none' }}>
                Not ready
              </Badge>
            )}
          </Group>
        </UnstyledButton>
      </Tooltip>
    </Paper>
  );
}

/** A ready gate can be signed by the RA lead ("Approved for submission"); its signatures are shown under it. */
function GateSignOff({ gate, productId, editable }: { gate: Gate; productId: string; editable: boolean }) {
  const [signing, setSigning] = useState(false);
  const recordId = `${productId}:${gate.id}`;
  return (
    <Stack gap={6}>
      <SignatureLines recordId={recordId} />
      {editable && gate.ready && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setSigning(true)}>
            Sign “{gate.label}”: Approved for submission…
          </Button>
        </Group>
      )}
      {signing && <SignDialog target={{ kind: 'gate', recordId, subject: `the readiness gate “${gate.label}”` }} onClose={() => setSigning(false)} />}
    </Stack>
  );
}

function Blockers({ gate, productId, editable, onFocusItem }: { gate: Gate; productId: string; editable: boolean; onFocusItem(id: string): void }) {
  const n = gate.blockers.length;
  return (
    <Stack gap={6} mt="sm">
      <Text size="xs" c="dimmed">
        <b>{gate.label}:</b> {gate.description}
        {n > 0 ? ' Click a blocker to show it in the list.' : ''}
      </Text>
      <GateSignOff gate={gate} productId={productId} editable={editable} />
      {n === 0 ? (
        <Text size="sm" c={gate.ready ? 'teal' : 'dimmed'}>
          {gate.ready ? 'Nothing blocks this gate.' : 'Nothing is in scope yet.'}
        </Text>
      ) : (
        <div className={classes.blockerList}>
          <Stack gap={0} role="list" aria-label={`Blockers of ${gate.label}`}>
            {gate.blockers.slice(0, BLOCKERS_SHOWN).map((b) => (
              <UnstyledButton key={b.id} role="listitem" aria-label={b.title} onClick={() => onFocusItem(b.id)} px={6} py={4} className={classes.blocker}>
                <Group gap={8} wrap="nowrap">
                  <StatusBadge status={b.status} size="xs" />
                  <Text size="sm" truncate="end" style={{ flex: '1 1 auto', minWidth: 0 }}>
                    {b.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end" style={{ flex: '0 1 45%', minWidth: 0 }} title={b.reason}>
                    {b.reason}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
            {n > BLOCKERS_SHOWN && (
              <Text size="xs" c="dimmed" p={6}>
                and {n - BLOCKERS_SHOWN} more: filter the list to see them all.
              </Text>
            )}
          </Stack>
        </div>
      )}
    </Stack>
  );
}

/** How far the product is: overall and by status, per checklist, and the gates before the big milestones. */
export const ReadinessHeader = memo(function ReadinessHeader({ view, editable, onFocusItem }: { view: ChecklistsView; editable: boolean; onFocusItem(id: string): void }) {
  const [openGate, setOpenGate] = useState<string | null>(null);
  const s = view.summary;
  const open = view.gates.find((g) => g.id === openGate) ?? null;
  return (
    <Paper withBorder radius="md" p="md">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap={8} role="group" aria-label="Readiness">
            <Group gap="xs" align="baseline">
              <Title order={3}>{s.percent}%</Title>
              <Text size="sm" c="dimmed">
                done ·{' '}
                <Text span fw={600} c="var(--mantine-color-text)" size="sm">
                  {s.done}/{s.total}
                </Text>{' '}
                items
              </Text>
            </Group>
            <Text size="sm">
              Required: <b>{s.requiredDone}/{s.required}</b> done
              {s.flaggedInapplicable > 0 && (
                <Text span size="sm" c="orange">
                  {' '}
                  · {s.flaggedInapplicable} no longer apply
                </Text>
              )}
            </Text>
            <Group gap={6}>
              {ITEM_STATUS_IDS.map((status) => {
                const count = s.byStatus[status] ?? 0;
                return (
                  <Badge
                    key={status}
                    // A zero count is muted by a grey outline, not by transparency (contrast).
                    variant={count > 0 ? 'light' : 'outline'}
                    color={count > 0 ? STATUS_COLOR[status] : 'gray'}
                    style={{ textTransform: 'none' }}
                    aria-label={`${ITEM_STATUS_LABELS[status]}: ${count}`}
                  >
                    {ITEM_STATUS_LABELS[status]} {count}
                  </Badge>
                );
              })}
            </Group>
            {view.evidence && (
              <Text size="sm" aria-label="Approvals and evidence">
                Approvals: <b>{view.evidence.signedApprovals}</b> signed · <b>{view.evidence.unsignedApprovals}</b> without signature (legacy)
                {' · '}
                <Text span size="sm" c={view.evidence.doneWithoutEvidence > 0 ? 'orange' : undefined}>
                  <b>{view.evidence.doneWithoutEvidence}</b> done without evidence
                </Text>
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="sm">
            {view.checklists.map((c) => (
              <ChecklistProgress key={c.id} checklist={c} />
            ))}
          </SimpleGrid>
        </Grid.Col>
      </Grid>
      {view.gates.length > 0 && (
        <>
          <Divider my="md" label="Gates" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: Math.min(3, view.gates.length) }} spacing="sm">
            {view.gates.map((g) => (
              <GateCard key={g.id} gate={g} open={g.id === openGate} onToggle={() => setOpenGate((o) => (o === g.id ? null : g.id))} />
            ))}
          </SimpleGrid>
          <Collapse expanded={open !== null}>{open && <Blockers gate={open} productId={view.productId} editable={editable} onFocusItem={onFocusItem} />}</Collapse>
        </>
      )}
    </Paper>
  );
});
