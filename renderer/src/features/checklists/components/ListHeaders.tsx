import { Group, Progress, Text } from '@mantine/core';
import type { Checklist } from '../../../../../electron/contract';
import { sectionLabel, type Row } from '../lib/items';
import classes from './ChecklistItems.module.css';
import type { RowActions } from './ItemRow';

/** A checklist's name, how many of its items are shown, and its progress. */
export function ChecklistHeader({ checklist, shown }: { checklist: Checklist; shown: number }) {
  const s = checklist.summary;
  return (
    <div className={classes.checklistHeader}>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text fw={700} size="sm" truncate="end">
          {checklist.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {shown === checklist.items.length ? `${shown} items` : `${shown} of ${checklist.items.length} items shown`}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {s.done}/{s.total} done
        </Text>
        <Progress value={s.percent} w={90} size="sm" color={s.percent === 100 ? 'teal' : 'indigo'} aria-hidden />
      </Group>
    </div>
  );
}

/** A section's label and count, with a checkbox selecting the items shown in it. */
export function SectionHeader({ row, selected, actions }: { row: Extract<Row, { kind: 'section' }>; selected: ReadonlySet<string>; actions: RowActions }) {
  const count = row.itemIds.filter((id) => selected.has(id)).length;
  const label = sectionLabel(row.section, row.sectionTitle);
  return (
    <div className={classes.sectionHeader}>
      <input
        type="checkbox"
        className={classes.check}
        aria-label={`Select the items shown in ${label}`}
        checked={count > 0 && count === row.itemIds.length}
        ref={(el) => {
          if (el) el.indeterminate = count > 0 && count < row.itemIds.length;
        }}
        onChange={() => actions.onToggleMany(row.itemIds, count < row.itemIds.length)}
      />
      <Text span size="sm" fw={600} truncate="end" title={label}>
        {label}
      </Text>
      <Text span size="xs" c="dimmed" fw={400}>
        {row.itemIds.length}
      </Text>
    </div>
  );
}
