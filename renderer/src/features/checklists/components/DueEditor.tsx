import { Button, Group, NumberInput, Popover, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useState } from 'react';
import type { ChecklistItem, Due } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import classes from './ChecklistItems.module.css';
import { describeDue, draftOf, dueOf, sameDue, type DueDraft } from '../lib/items';

export interface MilestoneOption {
  value: string;
  label: string;
}

/** The due date as chosen: none, a fixed date, or a pathway milestone plus an offset in days. */
export function DueFields({
  draft,
  onChange,
  milestones,
  today,
  picker,
  error,
}: {
  draft: DueDraft;
  onChange(next: DueDraft): void;
  milestones: MilestoneOption[];
  today: string;
  /** 'calendar' shows a month to click (popovers); 'input' a typed date (forms). */
  picker: 'calendar' | 'input';
  error?: string;
}) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label="Due date kind"
        value={draft.kind}
        onChange={(kind) =>
          onChange(
            kind === 'fixed'
              ? { kind: 'fixed', date: draft.kind === 'fixed' ? draft.date : null }
              : kind === 'milestone'
                ? { kind: 'milestone', milestone: draft.kind === 'milestone' ? draft.milestone : null, offsetDays: draft.kind === 'milestone' ? draft.offsetDays : 0 }
                : { kind: 'none' },
          )
        }
        data={[
          { value: 'none', label: 'None' },
          { value: 'fixed', label: 'Fixed date' },
          { value: 'milestone', label: 'Milestone' },
        ]}
      />
      {draft.kind === 'fixed' &&
        (picker === 'calendar' ? (
          <DatePicker size="sm" value={draft.date} defaultDate={draft.date ?? today} onChange={(date) => onChange({ kind: 'fixed', date })} />
        ) : (
          <DateField label="Due date" value={draft.date} onChange={(date) => onChange({ kind: 'fixed', date })} error={error} />
        ))}
      {draft.kind === 'milestone' && (
        <Group grow={picker === 'input'} align="flex-start" gap="sm" wrap={picker === 'input' ? 'nowrap' : 'wrap'} style={picker === 'input' ? undefined : { flexDirection: 'column', alignItems: 'stretch' }}>
          {milestones.length === 0 ? (
            <Text size="sm" c="dimmed">
              This product has no pathway milestones to tie a due date to.
            </Text>
          ) : (
            <Select
              label="Milestone"
              searchable
              comboboxProps={{ withinPortal: false }}
              data={milestones}
              value={draft.milestone}
              onChange={(milestone) => onChange({ ...draft, milestone })}
              error={error}
            />
          )}
          <NumberInput
            label="Days after (− before)"
            title="Negative numbers are days before the milestone"
            allowDecimal={false}
            min={-3650}
            max={3650}
            value={draft.offsetDays}
            onChange={(offsetDays) => onChange({ ...draft, offsetDays })}
          />
        </Group>
      )}
    </Stack>
  );
}

/**
 * Dense-table cell: the resolved due date (red when overdue); a click opens the editor. The
 * popover is mounted only while open, so a row of a virtualised list stays cheap to mount.
 */
export function DueCell({
  item,
  milestones,
  milestoneName,
  today,
  disabled,
  onSave,
}: {
  item: ChecklistItem;
  milestones: MilestoneOption[];
  milestoneName(key: string): string;
  today: string;
  disabled?: boolean;
  onSave(due: Due | null): void;
}) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<DueDraft>(() => draftOf(item.due));
  const next = dueOf(draft);
  // Plain spans: this cell is mounted for every row that scrolls into view.
  const shown = item.dueDate ? (
    <span className={classes.dueDate} data-overdue={item.overdue || undefined}>
      {item.dueDate}
    </span>
  ) : (
    <span className={classes.none}>{item.due?.kind === 'milestone' ? `${milestoneName(item.due.milestone)} (no date yet)` : '—'}</span>
  );
  const tip = item.overdue ? `Overdue · ${describeDue(item.due, milestoneName)}` : describeDue(item.due, milestoneName);
  if (disabled) return <span title={tip}>{shown}</span>;
  const button = (
    <button
      type="button"
      className={classes.cellButton}
      aria-label={`Due date of ${item.title}`}
      title={opened ? undefined : tip}
      data-overdue={item.overdue || undefined}
      onClick={() => {
        if (!opened) setDraft(draftOf(item.due));
        setOpened((o) => !o);
      }}
    >
      {shown}
    </button>
  );
  if (!opened) return button;
  return (
    <Popover opened onChange={setOpened} position="bottom-end" withArrow shadow="md" trapFocus width={300}>
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <DueFields draft={draft} onChange={setDraft} milestones={milestones} today={today} picker="calendar" />
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button
              size="compact-sm"
              disabled={next === undefined || sameDue(next, item.due)}
              onClick={() => {
                setOpened(false);
                if (next !== undefined) onSave(next);
              }}
            >
              Save
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
