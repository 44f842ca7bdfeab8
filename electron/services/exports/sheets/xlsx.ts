import ExcelJS from 'exceljs';
import type { Cell, Column, Sheet } from './sheet';

const FORMATS: Partial<Record<Column['kind'], string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

function value(cell: Cell, column: Column): ExcelJS.CellValue {
  if (cell === null) return null;
  // Dates as dates (Excel serials), not text: sortable and filterable as dates.
  if ((column.kind === 'date' || column.kind === 'datetime') && typeof cell === 'string') {
    const instant = column.kind === 'date' ? Date.parse(`${cell}T00:00:00Z`) : Date.parse(cell);
    return Number.isNaN(instant) ? cell : new Date(instant);
  }
  return cell;
}

/** An .xlsx workbook of one sheet: bold frozen header row, filters on every column, set widths. */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Secretome Regulatory Tracker';
  const ws = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(sheet.columns.map((c, i) => value(row[i] ?? null, c)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
