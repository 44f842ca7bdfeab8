import { Badge, Text } from '@mantine/core';
import { toDayNumberOrNull } from '../../../../../electron/contract/dates';

export const STATUS_COLORS = { open: 'blue', applied: 'teal', discarded: 'gray' } as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_COLORS }) {
  return (
    <Badge size="sm" variant="light" color={STATUS_COLORS[status]}>
      {status}
    </Badge>
  );
}

/** A shift in days: later is red, earlier is teal, none shows nothing. */
export function DaysBadge({ days }: { days: number | null | undefined }) {
  if (days === null || days === undefined || days === 0) return null;
  return (
    <Badge size="sm" variant="light" tt="none" color={days > 0 ? 'red' : 'teal'} style={{ flexShrink: 0 }}>
      {days > 0 ? `+${days}` : `−${-days}`} d
    </Badge>
  );
}

export function IsoDate({ value }: { value: string | null | undefined }) {
  if (!value) return <Text span c="dimmed" size="sm">—</Text>;
  return (
    <Text span size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
      {value}
    </Text>
  );
}

/** Whole days from one ISO date (YYYY-MM-DD) to another, or null when either is missing. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const a = toDayNumberOrNull(from.slice(0, 10));
  const b = toDayNumberOrNull(to.slice(0, 10));
  return a === null || b === null ? null : b - a;
}
