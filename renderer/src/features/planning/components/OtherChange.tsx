import { Button, Group, NumberInput, Paper, Select, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DateField } from '../../../components/DateField';
import { MEETING_TYPE_IDS, MEETING_TYPE_LABELS, type ScenarioEdit, type ScenarioView } from '../../../../../electron/contract';

type Kind = 'lag' | 'addDependency' | 'removeDependency' | 'addMilestone' | 'removeMilestone' | 'meetingType' | 'plannedStart';
const KINDS: Array<{ value: Kind; label: string }> = [
  { value: 'lag', label: 'Lag' },
  { value: 'addDependency', label: 'Add dependency' },
  { value: 'removeDependency', label: 'Remove dependency' },
  { value: 'addMilestone', label: 'Add milestone' },
  { value: 'removeMilestone', label: 'Drop milestone' },
  { value: 'meetingType', label: 'Meeting type' },
  { value: 'plannedStart', label: 'Planned start' },
];

/** Scenario changes other than a duration (which is edited in the table): one small form per kind. */
export function OtherChange({ view, pending, onEdit }: { view: ScenarioView; pending: boolean; onEdit(edit: ScenarioEdit): void }) {
  const [kind, setKind] = useState<Kind>('lag');
  const [pred, setPred] = useState<string | null>(null);
  const [succ, setSucc] = useState<string | null>(null);
  const [lag, setLag] = useState<number | string>(0);
  const [stageId, setStageId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [duration, setDuration] = useState<number | string>(0);
  const [meetingType, setMeetingType] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const names = new Map(view.milestones.map((m) => [m.id, m.name]));
  const milestones = view.milestones.map((m) => ({ value: m.id, label: m.name }));
  const deps = view.dependencies.map((d) => ({ value: `${d.predecessorId}>${d.successorId}`, label: `${names.get(d.successorId)} waits for ${names.get(d.predecessorId)} (${d.lagDays} d)` }));
  const depValue = pred && succ ? `${pred}>${succ}` : null;
  const setDep = (v: string | null) => {
    const [p, s] = (v ?? '>').split('>');
    setPred(p || null);
    setSucc(s || null);
  };

  const edit = ((): ScenarioEdit | null => {
    switch (kind) {
      case 'lag':
        return pred && succ ? { type: 'lag', predecessorId: pred, successorId: succ, lagDays: Number(lag) || 0 } : null;
      case 'addDependency':
        return pred && succ ? { type: 'addDependency', predecessorId: pred, successorId: succ, lagDays: Number(lag) || 0 } : null;
      case 'removeDependency':
        return pred && succ ? { type: 'removeDependency', predecessorId: pred, successorId: succ } : null;
      case 'addMilestone':
        return stageId && name.trim() ? { type: 'addMilestone', stageId, name: name.trim(), durationDays: Number(duration) || 0, after: pred ? [{ id: pred, lagDays: Number(lag) || 0 }] : [] } : null;
      case 'removeMilestone':
        return succ ? { type: 'removeMilestone', milestoneId: succ } : null;
      case 'meetingType':
        return succ && meetingType ? { type: 'meetingType', milestoneId: succ, meetingType: meetingType as (typeof MEETING_TYPE_IDS)[number] } : null;
      case 'plannedStart':
        return succ ? { type: 'plannedStart', milestoneId: succ, date } : null;
    }
  })();

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Other changes">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Other changes
        </Text>
        <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as Kind)} data={KINDS} />
        {kind === 'meetingType' && (
          <Text size="xs" c="dimmed">
            Choose the “FDA receives meeting request” milestone: its reply, briefing-package and meeting lags follow the new type’s timeline.
          </Text>
        )}
        <Group align="flex-end" gap="xs">
          {(kind === 'lag' || kind === 'removeDependency') && <Select label="Dependency" searchable w={460} data={deps} value={depValue} onChange={setDep} />}
          {kind === 'addDependency' && (
            <>
              <Select label="Milestone" searchable w={240} data={milestones} value={succ} onChange={setSucc} />
              <Select label="waits for" searchable w={240} data={milestones} value={pred} onChange={setPred} />
            </>
          )}
          {kind === 'addMilestone' && (
            <>
              <Select label="Stage" w={180} data={view.stages.map((s) => ({ value: s.id, label: s.name }))} value={stageId} onChange={setStageId} />
              <TextInput label="Name" w={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <NumberInput label="Duration (d)" w={110} min={0} allowDecimal={false} value={duration} onChange={setDuration} />
              <Select label="after" searchable clearable w={220} data={milestones} value={pred} onChange={setPred} />
            </>
          )}
          {(kind === 'lag' || kind === 'addDependency' || kind === 'addMilestone') && <NumberInput label="Lag (d)" w={100} allowDecimal={false} value={lag} onChange={setLag} />}
          {(kind === 'removeMilestone' || kind === 'meetingType' || kind === 'plannedStart') && <Select label="Milestone" searchable w={280} data={milestones} value={succ} onChange={setSucc} />}
          {kind === 'plannedStart' && <DateField label="Not before (empty: clear)" clearable w={200} value={date} onChange={setDate} />}
          {kind === 'meetingType' && <Select label="Meeting type" w={200} data={MEETING_TYPE_IDS.map((id) => ({ value: id, label: MEETING_TYPE_LABELS[id] }))} value={meetingType} onChange={setMeetingType} />}
          <Button size="sm" disabled={!edit} loading={pending} onClick={() => edit && onEdit(edit)}>
            Make change
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
