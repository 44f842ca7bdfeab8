import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconClockPlus, IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  CLOCK_EVENT_IDS,
  CLOCK_EVENT_LABELS,
  EVENTS_NEEDING_MEETING_TYPE,
  MEETING_TYPE_IDS,
  MEETING_TYPE_LABELS,
  type ClockEventId,
  type ClockTrigger,
  type MeetingTypeId,
  type PathwayView,
} from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { usePathwayWrite } from '../hooks/usePathway';
import { ProductDeadlines } from './ProductDeadlines';

function RecordEvent({ view }: { view: PathwayView }) {
  const [event, setEvent] = useState<ClockEventId | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [meetingType, setMeetingType] = useState<MeetingTypeId | null>(null);
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [reason, setReason] = useState('');
  const record = usePathwayWrite('clocks.record', 'The event was not recorded');
  const needsType = event !== null && EVENTS_NEEDING_MEETING_TYPE.includes(event);
  // The milestones that stand for this event: recording it marks one of them done.
  const standFor = event === null ? [] : view.stages.flatMap((s) => s.milestones).filter((m) => m.clockEvent === event && m.status !== 'done');
  const chosen = standFor.find((m) => m.id === milestoneId) ?? standFor[0] ?? null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h5">Record a trigger event</Title>
        <Group align="flex-end" gap="sm">
          <Select
            label="Event"
            w={360}
            searchable
            data={CLOCK_EVENT_IDS.map((id) => ({ value: id, label: CLOCK_EVENT_LABELS[id] }))}
            value={event}
            onChange={(v) => {
              setEvent(v as ClockEventId | null);
              setMilestoneId(null);
            }}
          />
          {standFor.length > 1 && (
            <Select label="Milestone it stands for" w={280} data={standFor.map((m) => ({ value: m.id, label: m.name }))} value={chosen?.id ?? null} onChange={setMilestoneId} allowDeselect={false} />
          )}
          <DateField label="Date" w={150} value={date} onChange={setDate} />
          {needsType && (
            <Select label="Meeting type" w={200} data={MEETING_TYPE_IDS.map((id) => ({ value: id, label: MEETING_TYPE_LABELS[id] }))} value={meetingType} onChange={(v) => setMeetingType(v as MeetingTypeId | null)} />
          )}
          <TextInput label="Label" placeholder="e.g. Protocol 002 safety report" value={label} onChange={(e) => setLabel(e.currentTarget.value)} w={240} />
          <TextInput label="Why this date" placeholder="e.g. FDA acknowledgement letter" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={240} />
          <Button
            leftSection={<IconClockPlus size={16} />}
            disabled={!event || !date || (needsType && !meetingType)}
            loading={record.isPending}
            onClick={() =>
              event &&
              date &&
              record.mutate(
                { productId: view.product.id, event, date, meetingType: meetingType ?? undefined, milestoneId: chosen?.id, label: label || undefined, reason: reason || undefined },
                { onSuccess: () => { setEvent(null); setDate(null); setLabel(''); setReason(''); setMilestoneId(null); } },
              )
            }
          >
            Record
          </Button>
        </Group>
        {chosen && (
          <Text size="xs" c="dimmed">
            Recording this event marks the milestone “{chosen.name}” done on that date, as giving it an actual date on the pathway does.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function OverrideDialog({ trigger, onClose }: { trigger: ClockTrigger; onClose(): void }) {
  const [date, setDate] = useState<string | null>(trigger.date);
  const [reason, setReason] = useState('');
  const override = usePathwayWrite('clocks.override', 'The trigger date was not changed');
  return (
    <Modal opened onClose={onClose} title={`Change the trigger date: ${trigger.label || trigger.eventLabel}`}>
      <Stack>
        <Text size="sm">
          Every deadline of this trigger is recomputed from the new date. The date first recorded ({trigger.originalDate ?? trigger.date}) and your
          reason are kept.
        </Text>
        <DateField label="Trigger date" value={date} onChange={setDate} />
        <TextInput label="Reason" withAsterisk placeholder="e.g. FDA's receipt stamp says the 4th" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!date || !reason.trim()} loading={override.isPending} onClick={() => date && override.mutate({ triggerId: trigger.id, date, reason }, { onSuccess: onClose })}>
            Change date
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ClocksPanel({ view }: { view: PathwayView }) {
  const [overriding, setOverriding] = useState<ClockTrigger | null>(null);
  const remove = usePathwayWrite('clocks.remove', 'The trigger was not removed');
  const editable = !view.product.archivedAt;
  return (
    <Stack>
      {editable && <RecordEvent view={view} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="deadlines-title">
        <Title order={2} size="h4" id="deadlines-title" mb={4}>
          Deadlines
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          One row per rule: overdue first, then by date. A deadline is estimated from the pathway forecast until its event happens, then
          firm; it is met when the milestone that answers it is done.
        </Text>
        {view.deadlines.length === 0 ? (
          <Text size="sm" c="dimmed">
            No clocks yet: give the pathway a clock milestone (e.g. “FDA receives IND”), or record an event above.
          </Text>
        ) : (
          <ProductDeadlines deadlines={view.deadlines} />
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="events-title">
        <Title order={2} size="h4" id="events-title" mb="sm">
          Recorded events
        </Title>
        {view.triggers.length === 0 ? (
          <Text size="sm" c="dimmed">
            No FDA event recorded yet. Record one above, or give a clock milestone its actual date on the pathway.
          </Text>
        ) : (
          <Stack gap="xs">
            {view.triggers.map((t) => (
              <Group key={t.id} justify="space-between" align="flex-start" aria-label={`Trigger ${t.label || t.eventLabel}`} role="group">
                <div style={{ overflowWrap: 'anywhere', minWidth: 0, flex: 1 }}>
                  <Group gap="xs">
                    <Text fw={500}>{t.eventLabel}</Text>
                    <Badge variant="outline" ff="monospace">
                      {t.date}
                    </Badge>
                    {t.meetingType && <Badge variant="light">{MEETING_TYPE_LABELS[t.meetingType]}</Badge>}
                    {t.meetingDate && <Badge variant="light" color="gray">meeting {t.meetingDate}</Badge>}
                    {t.milestoneId && <Badge variant="light" color="gray">milestone “{t.label}”</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {!t.milestoneId && t.label ? `${t.label}` : ''}
                    {t.originalDate ? ` · first recorded ${t.originalDate}, changed: ${t.reason}` : t.reason ? ` · ${t.reason}` : ''}
                  </Text>
                </div>
                {editable && (
                  <Group gap="xs">
                    <Button size="compact-sm" variant="subtle" leftSection={<IconEdit size={14} />} onClick={() => setOverriding(t)}>
                      Change date
                    </Button>
                    {(!t.milestoneId || t.originalDate) && (
                      <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => remove.mutate({ triggerId: t.id })}>
                        Remove
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      {overriding && <OverrideDialog trigger={overriding} onClose={() => setOverriding(null)} />}
    </Stack>
  );
}
