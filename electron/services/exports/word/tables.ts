import { BorderStyle, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { type Align, type Block, cellHeader, cellPara, run } from './blocks';
import { COLOR, SIZE } from './styles';

/** What a cell shows: text (a paragraph a line) or paragraphs made with the cell helpers of blocks.ts. */
export type Cell = string | Paragraph | readonly Paragraph[];

export interface Column<Row> {
  header: string;
  /** Relative width; the columns share the text width in proportion. */
  width: number;
  align?: Align;
  cell: (row: Row) => Cell;
}

export interface TableSpec<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
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
const HEADER_FILL = { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.headerFill } as const;

/** Integer twip widths from weights that add up exactly to the total (Word and LibreOffice both read tblGrid). */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += rest;
  return widths;
}

function cellParagraphs(cell: Cell, size: number, align: Align | undefined): Paragraph[] {
  if (typeof cell === 'string') {
    // Each line its own paragraph: cells keep their line breaks without soft-return quirks.
    return cell.split('\n').map((line) => cellPara(size === SIZE.table ? line : [run(line, { size })], { align }));
  }
  return cell instanceof Paragraph ? [cell] : [...cell];
}

function grid(widths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
  });
}

/**
 * A data table across the text width, one row per item of `rows`, each column saying its header
 * and how it shows a row. The header row repeats on every page and rows never split across a
 * page break, so a reviewer always sees an item whole and knows which column is which.
 */
export function table<Row>({ columns, rows, size = SIZE.table, headerSize = size, rowHeight }: TableSpec<Row>): Block {
  return ({ width }) => {
    const widths = columnWidths(columns.map((c) => c.width), width);
    const headerRow = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map(
        (column, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            shading: HEADER_FILL,
            verticalAlign: VerticalAlignTable.BOTTOM,
            children: column.header.split('\n').map((line) => cellHeader(line, { align: column.align, size: headerSize })),
          }),
      ),
    });
    const bodyRows = rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          height: rowHeight === undefined ? undefined : { value: rowHeight, rule: HeightRule.ATLEAST },
          children: columns.map(
            (column, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                children: cellParagraphs(column.cell(row), size, column.align),
              }),
          ),
        }),
    );
    return grid(widths, [headerRow, ...bodyRows]);
  };
}

/** A two-column label/value table across the text width (product profile, document identification). */
export function fields(rows: readonly (readonly [string, string])[], labelWidth = 32): Block {
  return ({ width }) => {
    const widths = columnWidths([labelWidth, 100 - labelWidth], width);
    return grid(
      widths,
      rows.map(
        ([label, value]) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: widths[0]!, type: WidthType.DXA },
                shading: HEADER_FILL,
                children: [cellHeader(label)],
              }),
              new TableCell({
                width: { size: widths[1]!, type: WidthType.DXA },
                children: cellParagraphs(value, SIZE.table, 'left'),
              }),
            ],
          }),
      ),
    );
  };
}
