import type { Cell, Column, Sheet } from './sheet';

const BOM = '\uFEFF';

/** One field as RFC 4180 wants it: quoted when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function text(cell: Cell, column: Column): string {
  if (cell === null) return '';
  if (column.kind === 'boolean') return cell ? 'yes' : 'no';
  if (column.kind === 'datetime' && typeof cell === 'string') return cell.replace('T', ' ').replace(/\.\d+Z$|Z$/, 'Z');
  return String(cell);
}

/**
 * RFC 4180 CSV: CRLF line ends, a header row, fields quoted where needed; UTF-8 with a byte
 * order mark so Excel reads accents and symbols right. Dates stay ISO (YYYY-MM-DD).
 */
export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.columns.map((c) => csvField(c.header)), ...sheet.rows.map((row) => sheet.columns.map((c, i) => csvField(text(row[i] ?? null, c))))];
  return Buffer.from(BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');
}
