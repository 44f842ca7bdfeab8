/**
 * CSV text as exported by instruments and LIMS (NTA, plate readers): comma, semicolon or tab
 * separated, quoted fields with doubled quotes, CRLF or LF. Refuses what is not UTF-8 text or
 * has no recognisable delimiter, saying which line and what to do.
 */
export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  /** Data rows with their line number in the file (the header is line 1). */
  rows: Array<{ line: number; cells: string[] }>;
}

export type CsvParse = { ok: true; table: CsvTable } | { ok: false; line: number; message: string };

const DELIMITERS = [',', ';', '\t'] as const;
const NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

function splitLine(line: string, delimiter: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell.trim());
  return cells;
}

export function parseCsv(text: string): CsvParse {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.includes('\u0000')) return { ok: false, line: i + 1, message: 'the file is not UTF-8 text (it looks like UTF-16): save it from the instrument or Excel as "CSV UTF-8"' };
    if (l.includes('\uFFFD')) return { ok: false, line: i + 1, message: 'the file is not UTF-8 text (a character could not be read): save it as "CSV UTF-8"' };
  }
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return { ok: false, line: 1, message: 'the file is empty' };
  const headerLine = lines[headerIndex]!;
  const delimiter = [...DELIMITERS].sort((a, b) => headerLine.split(b).length - headerLine.split(a).length)[0]!;
  const header = splitLine(headerLine, delimiter);
  if (!header || header.length < 2) {
    return { ok: false, line: headerIndex + 1, message: 'only one column was found: separate columns with commas, semicolons or tabs, with the column names on the first line' };
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') return { ok: false, line: headerIndex + 1, message: 'a column has no name in the header line' };
    if (seen.has(h.toLowerCase())) return { ok: false, line: headerIndex + 1, message: `the column "${h}" appears twice in the header line` };
    seen.add(h.toLowerCase());
  }
  const rows: CsvTable['rows'] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    const cells = splitLine(l, delimiter);
    if (!cells) return { ok: false, line: i + 1, message: 'a quoted field is not closed' };
    if (cells.length !== header.length) {
      return { ok: false, line: i + 1, message: `${cells.length} fields where the header has ${header.length} (${NAMES[delimiter]}-separated): check the delimiter and quoting of this line` };
    }
    rows.push({ line: i + 1, cells });
  }
  return { ok: true, table: { delimiter, header, rows } };
}

export const delimiterName = (d: CsvTable['delimiter']) => NAMES[d];
