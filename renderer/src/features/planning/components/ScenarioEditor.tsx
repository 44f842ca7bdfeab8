import { Accordion, Alert, Badge, Button, CloseButton, Group, Loader, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconSignature, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScenarioEdit, ScenarioView } from '../../../../../electron/contract';
import { InlineNumber } from '../../../components/Inline';
import { api } from '../../../lib/api';
import { formatInstant } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useScenario, useScenarioWrite } from '../hooks/useScenarios';
import { SignatureLines, SignDialog } from '../../signatures/components/SignDialog';
import { OtherChange } from './OtherChange';
import { DeadlineTable } from '../../pathway/components/DeadlineTable';
import { DaysBadge, IsoDate, StatusBadge } from './shared';

type ScenarioMilestone = ScenarioView['milestones'][number];

function MilestonesOfStage({ name, milestones, editable, onDuration }: { name: string; milestones: ScenarioMilestone[]; editable: boolean; onDuration(m: ScenarioMilestone, days: number): void }) {
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {name}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={4} highlightOnHover aria-label={`Scenario milestones of ${name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Milestone</Table.Th>
              <Table.Th w={100}>Duration</Table.Th>
              <Table.Th w={120}>Start</Table.Th>
              <Table.Th w={120}>Finish</Table.Th>
              <Table.Th w={90}>Moved</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {milestones.map((m) => (
              <Table.Tr key={m.id} data-critical={m.critical || undefined} style={m.critical ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-red-6)' } : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {m.name}
                    </Text>
                    {m.critical && (
                      <Badge size="xs" color="red" variant="light">
                        critical
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <InlineNumber label={`Duration of ${m.name}`} value={m.durationDays} suffix=" d" disabled={!editable} onSave={(days) => onDuration(m, days)} />
                </Table.Td>
                <Table.Td>
                  <IsoDate value={m.start} />
                </Table.Td>
                <Table.Td>
                  <IsoDate value={m.finish} />
                </Table.Td>
                <Table.Td>
                  <DaysBadge days={m.movedDays} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}

function ApplyModal({ opened, onClose, onApply, pending }: { opened: boolean; onClose(): void; onApply(reason: string): void; pending: boolean }) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = !reason.trim();
  return (
    <Modal opened={opened} onClose={onClose} title="Apply to the live plan">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!missing) onApply(reason.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm">Every change in this scenario is written to the live plan in one step and recorded in the audit trail with your reason.</Text>
          <Textarea
            label="Reason"
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && missing ? 'A reason is required' : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconCheck size={16} />} loading={pending}>
              Apply
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DiscardModal({ opened, onClose, onDiscard, pending }: { opened: boolean; onClose(): void; onDiscard(reason: string | undefined): void; pending: boolean }) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Discard the scenario">
      <Stack gap="sm">
        <Text size="sm">The scenario is kept for the record but can no longer be edited or applied.</Text>
        <Textarea label="Reason (optional)" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" leftSection={<IconTrash size={16} />} loading={pending} onClick={() => onDiscard(reason.trim() || undefined)}>
            Discard
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One scenario: its recomputed schedule, editable while open, and the way out (apply or discard). */
export function ScenarioEditor({ productId, id, onClose }: { productId: string; id: string; onClose(): void }) {
  const scenario = useScenario(id);
  const [applying, setApplying] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [signing, setSigning] = useState(false);
  const edit = useScenarioWrite(productId, (input: { milestoneId: string; durationDays: number }) => api.scenarios.edit({ id, edit: { type: 'duration', ...input } }), 'The scenario was not changed');
  const other = useScenarioWrite(productId, (change: ScenarioEdit) => api.scenarios.edit({ id, edit: change }), 'The scenario was not changed');
  const apply = useScenarioWrite(productId, (reason: string) => api.scenarios.apply({ id, reason }), 'The scenario was not applied', (v) => {
    setApplying(false);
    notifySuccess(`Applied "${v.name}" to the live plan`);
  });
  const discard = useScenarioWrite(productId, (reason: string | undefined) => api.scenarios.discard({ id, reason }), 'The scenario was not discarded', (v) => {
    setDiscarding(false);
    notifySuccess(`Discarded "${v.name}"`);
  });

  if (scenario.isPending) return <Loader size="sm" />;
  if (scenario.isError)
    return (
      <Alert color="red" title="The scenario could not be loaded">
        {scenario.error.message}
      </Alert>
    );
  const view = scenario.data;
  const open = view.status === 'open';
  const byStage = view.stages.map((s) => ({ ...s, milestones: view.milestones.filter((m) => m.stageId === s.id) })).filter((s) => s.milestones.length > 0);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Scenario ${view.name}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={3} size="h4">{view.name}</Title>
              <StatusBadge status={view.status} />
            </Group>
            <Text size="sm" c="dimmed">
              Started {formatInstant(view.createdAt)} · last changed {formatInstant(view.updatedAt)}
            </Text>
          </div>
          <Group gap="xs">
            {open && (
              <>
                <Button leftSection={<IconCheck size={16} />} onClick={() => setApplying(true)} disabled={view.changes.length === 0} title={view.changes.length === 0 ? 'Make a change first' : undefined}>
                  Apply to live plan…
                </Button>
                <Button variant="light" leftSection={<IconSignature size={16} />} onClick={() => setSigning(true)} disabled={view.changes.length === 0} title={view.changes.length === 0 ? 'Make a change first' : undefined}>
                  Apply and sign…
                </Button>
                <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDiscarding(true)}>
                  Discard
                </Button>
              </>
            )}
            <CloseButton aria-label="Close scenario" onClick={onClose} />
          </Group>
        </Group>

        {!open && (
          <Alert color={view.status === 'applied' ? 'teal' : 'gray'} icon={<IconInfoCircle size={18} />}>
            {view.status === 'applied'
              ? `This scenario was applied to the live plan (${formatInstant(view.updatedAt)}). It is kept for the record and can no longer be edited.`
              : `This scenario was discarded (${formatInstant(view.updatedAt)}). It is kept for the record and can no longer be edited.`}
            <SignatureLines recordId={id} />
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Text fw={600} size="sm" mb={4}>
              Key dates
            </Text>
            <Table verticalSpacing={4} aria-label="Scenario key dates">
              <Table.Tbody>
                {view.keyDates.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.label}</Table.Td>
                    <Table.Td>
                      <IsoDate value={k.date} />
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={600}>Project finish</Table.Td>
                  <Table.Td>
                    <IsoDate value={view.projectFinish} />
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </div>
          <div>
            <Text fw={600} size="sm" mb={4}>
              Changes ({view.changes.length})
            </Text>
            {view.changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {open ? 'No changes yet. Click a duration below to change it.' : 'No changes were made.'}
              </Text>
            ) : (
              <Stack gap={6} component="ol" m={0} pl="md" aria-label="Scenario changes">
                {view.changes.map((c, i) => (
                  <li key={`${c.at}-${i}`}>
                    <Text size="sm">{c.description}</Text>
                    <Text size="xs" c="dimmed">
                      {formatInstant(c.at)}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </div>
        </SimpleGrid>

        {open && <OtherChange view={view} pending={other.isPending} onEdit={(change) => other.mutate(change)} />}
        {view.clocks.length > 0 && (
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value="clocks">
              <Accordion.Control>Projected FDA clocks ({view.clocks.length} trigger milestones)</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {view.clocks.map((c) => (
                    <div key={c.milestoneId}>
                      <Text size="sm" fw={600}>
                        {c.milestone} · {c.date}
                      </Text>
                      <DeadlineTable deadlines={c.deadlines} label={`Projected deadlines from ${c.milestone}`} />
                    </div>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
        <Stack gap="md">
          {byStage.map((s) => (
            <MilestonesOfStage key={s.id} name={s.name} milestones={s.milestones} editable={open && !edit.isPending} onDuration={(m, durationDays) => edit.mutate({ milestoneId: m.id, durationDays })} />
          ))}
        </Stack>
      </Stack>
      {signing && <SignDialog target={{ kind: 'scenario', recordId: id, subject: `the planning session “${view.name}”`, needsReason: true }} onClose={() => setSigning(false)} />}
      {applying && <ApplyModal opened onClose={() => setApplying(false)} onApply={(reason) => apply.mutate(reason)} pending={apply.isPending} />}
      {discarding && <DiscardModal opened onClose={() => setDiscarding(false)} onDiscard={(reason) => discard.mutate(reason)} pending={discard.isPending} />}
    </Paper>
  );
}
