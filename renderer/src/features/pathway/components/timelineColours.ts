import type { TimelineRow } from '../lib/timelineTypes';

// Mantine CSS variables, so both colour schemes get readable colours without a theme hook.
export const C = {
  text: 'var(--mantine-color-text)',
  dimmed: 'var(--mantine-color-dimmed)',
  border: 'var(--mantine-color-default-border)',
  band: 'var(--mantine-color-default-hover)',
  selected: 'var(--mantine-primary-color-light)',
  body: 'var(--mantine-color-body)',
  forecast: 'var(--mantine-color-blue-filled)',
  critical: 'var(--mantine-color-red-text)', // readable as text in both schemes (the theme sets it)
  done: 'var(--mantine-color-teal-filled)',
  today: 'var(--mantine-color-orange-filled)',
  planned: 'var(--mantine-color-dimmed)',
} as const;

export function rowColour(row: TimelineRow): string {
  if (row.status === 'done') return C.done;
  return row.critical ? C.critical : C.forecast;
}

// A stage and a milestone could in principle share an id; the kind keeps React keys apart.
export const rowKey = (row: TimelineRow) => `${row.kind}:${row.id}`;
