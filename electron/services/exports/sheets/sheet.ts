/**
 * A spreadsheet export as data: typed columns and rows, written as .xlsx (xlsx.ts) or as
 * RFC 4180 .csv (csv.ts) from the same rows, so both formats say the same thing.
 */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'number' | 'boolean';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in characters (Excel's unit). */
  width: number;
}

/** A date column holds YYYY-MM-DD, a datetime column an ISO instant; null is an empty cell. */
export type Cell = string | number | boolean | null;

export interface Sheet {
  /** The worksheet's name (at most 31 characters, no []:*?/\). */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export const SHEET_MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
