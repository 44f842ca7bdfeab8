import { Badge, Box, Group, Select, Text, type SelectProps } from '@mantine/core';
import { ITEM_STATUS_LABELS, type ItemStatusId } from '../../../../../electron/contract';
import { STATUS_OPTIONS } from '../lib/items';

/** Mantine colour names, so both colour schemes get their own shade. */
export const STATUS_COLOR: Record<ItemStatusId, string> = {
  'not-started': 'gray',
  drafting: 'blue',
  'in-review': 'yellow',
  approved: 'teal',
  submitted: 'green',
  'not-applicable': 'violet',
};

export function StatusDot({ status, size = 10 }: { status: ItemStatusId; size?: number }) {
  return (
    <Box
      component="span"
      aria-hidden
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        flex: 'none',
        background: status === 'not-started' ? 'var(--mantine-color-gray-5)' : `var(--mantine-color-${STATUS_COLOR[status]}-filled)`,
      }}
    />
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: ItemStatusId; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge size={size} variant="light" color={STATUS_COLOR[status]} style={{ textTransform: 'none', flex: 'none' }}>
      {ITEM_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Approved comes only from a signed approval ("Sign approval…" in the item's drawer): offered, but not choosable here. */
const EDIT_OPTIONS = STATUS_OPTIONS.map((o) => (o.value === 'approved' ? { ...o, label: 'Approved (sign it in the item)', disabled: true } : o));

/** The six statuses with their colour dot; choosing one is the caller's business (N/A asks why first). */
export function StatusSelect({ value, onPick, ...props }: { value: ItemStatusId; onPick(status: ItemStatusId): void } & Omit<SelectProps<ItemStatusId>, 'value' | 'onChange' | 'data'>) {
  return (
    <Select<ItemStatusId>
      data={value === 'approved' ? STATUS_OPTIONS : EDIT_OPTIONS}
      value={value}
      allowDeselect={false}
      withCheckIcon={false}
      leftSection={<StatusDot status={value} />}
      renderOption={({ option }) => (
        <Group gap={8} wrap="nowrap">
          <StatusDot status={option.value} />
          <Text size="sm">{option.label}</Text>
        </Group>
      )}
      onChange={(next) => {
        if (next && next !== value) onPick(next);
      }}
      {...props}
    />
  );
}
