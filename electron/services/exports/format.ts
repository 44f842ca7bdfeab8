/* Plain-text formatting shared by the exports: no docx here. */

/** Cut long free text for a table cell; the tracker keeps the full value. */
export function truncate(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** "2026-01-05 14:03 UTC": exports are read across time zones, so they say UTC. */
export function formatTimestamp(value: string | Date, { seconds = false } = {}): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}

/** Dates stay ISO 8601 (YYYY-MM-DD): unambiguous for US and European teams alike. */
export function dateRange(start: string | null, finish: string | null): string {
  if (start === null && finish === null) return '—';
  if (start === null) return `… – ${finish}`;
  if (finish === null) return `${start} – …`;
  return start === finish ? start : `${start} – ${finish}`;
}

export function signed(days: number | null): string {
  if (days === null) return '—';
  if (days > 0) return `+${days}`;
  if (days < 0) return `−${Math.abs(days)}`;
  return '0';
}
