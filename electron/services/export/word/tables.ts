import { BorderStyle, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { type Align, cellPara, run } from './blocks';
import { COLOR, SIZE } from './styles';

export interface Column {
  header: string;
  /** Relative width; the table fills the text column. */
  weight: number;
  align?: Align;
}

export type Cell = string | Paragraph | readonly Paragraph[];

export interface TableOptions {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** Total width in twips (see contentWidth). */
  width: number;
  /** Half-points; tables read best a step below body text. */
  size?: number;
  /** Half-points for the header row; narrow numeric columns need a smaller one. */
  headerSize?: number;
  /** Minimum row height in twips, e.g. for rows people sign in. */
  rowHeight?: number;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule };
const TABLE_BORDERS = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const CELL_MARGINS = { top: 70, bottom: 70, left: 90, right: 90 };

/** Integer twip widths from weights that add up exactly to the total (Word and LibreOffice both read tblGrid). */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += rest;
  return widths;
}

function cellParagraphs(cell: Cell, size: number, align: Align | undefined, bold = false): Paragraph[] {
  if (typeof cell === 'string') {
    // Each line its own paragraph: cells keep their line breaks without soft-return quirks.
    return cell.split('\n').map((line) => cellPara([run(line, { size, bold })], { align }));
  }
  return cell instanceof Paragraph ? [cell] : [...cell];
}

/**
 * A data table whose header row repeats on every page and whose rows never split across a
 * page break, so a reviewer always sees an item whole and knows which column is which.
 */
export function dataTable({ columns, rows, width, size = SIZE.table, headerSize = size, rowHeight }: TableOptions): Table {
  const widths = columnWidths(columns.map((c) => c.weight), width);
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (column, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.headerFill },
          verticalAlign: VerticalAlignTable.BOTTOM,
          children: cellParagraphs(column.header, headerSize, column.align, true),
        }),
    ),
  });
  const bodyRows = rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        height: rowHeight === undefined ? undefined : { value: rowHeight, rule: HeightRule.ATLEAST },
        children: columns.map(
          (column, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              children: cellParagraphs(cells[i] ?? '', size, column.align),
            }),
        ),
      }),
  );
  return new Table({
    rows: [headerRow, ...bodyRows],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
  });
}

/** A two-column label/value table (product profile, document identification). */
export function keyValueTable(rows: readonly (readonly [string, string])[], width: number, labelWeight = 32): Table {
  const widths = columnWidths([labelWeight, 100 - labelWeight], width);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: widths[0]!, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.headerFill },
              children: [cellPara([run(label, { bold: true, size: SIZE.table })])],
            }),
            new TableCell({
              width: { size: widths[1]!, type: WidthType.DXA },
              children: cellParagraphs(value, SIZE.table, 'left'),
            }),
          ],
        }),
    ),
  });
}
