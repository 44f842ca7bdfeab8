import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  LeaderType,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Product } from '../../contract';
import { writeFileAtomic } from '../files';

export type Paper = 'letter' | 'a4';
export type Orientation = 'portrait' | 'landscape';

/** Portrait page sizes in twips (1/1440 inch): what Word writes for US Letter and ISO A4. */
export const PAPER_SIZES: Readonly<Record<Paper, { width: number; height: number }>> = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
};

const INCH = 1440;
/* One inch all round is what regulatory templates use; landscape sections give up a quarter
 * inch on each side so the wide item tables get 9+ inches. */
const MARGINS: Readonly<Record<Orientation, { top: number; bottom: number; left: number; right: number }>> = {
  portrait: { top: INCH, bottom: INCH, left: INCH, right: INCH },
  landscape: { top: INCH, bottom: INCH, left: 0.75 * INCH, right: 0.75 * INCH },
};

/** Width of the text column in twips, for tables and the right-aligned header tab. */
export function contentWidth(paper: Paper, orientation: Orientation): number {
  const size = PAPER_SIZES[paper];
  const pageWidth = orientation === 'portrait' ? size.width : size.height;
  const m = MARGINS[orientation];
  return pageWidth - m.left - m.right;
}

// --- type scale and colours ------------------------------------------------------------

/** Half-points, as docx sizes are given. */
export const SIZE = { body: 20, table: 17, small: 15, header: 16, title: 44, subtitle: 26 } as const;
export const COLOR = { text: '000000', muted: '595959', heading: '1F3864', rule: 'A6A6A6', headerFill: 'DCE3EC', warn: 'A50021' } as const;
export const FONT = 'Arial';
const TWIPS_PER_PIXEL = 15; // 96 px to the inch

// --- text helpers ----------------------------------------------------------------------

export interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
}

export function run(text: string, style: TextStyle = {}): TextRun {
  return new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size, color: style.color });
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: levels[level], children: [new TextRun(text)] });
}

export function para(children: string | readonly ParagraphChild[], options: { spacingAfter?: number; keepNext?: boolean; alignment?: 'left' | 'center' } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [new TextRun(children)] : [...children],
    spacing: options.spacingAfter === undefined ? undefined : { after: options.spacingAfter },
    keepNext: options.keepNext,
    alignment: options.alignment === 'center' ? AlignmentType.CENTER : undefined,
  });
}

/** Small grey explanatory text under a heading or table. */
export function note(text: string): Paragraph {
  return new Paragraph({ children: [run(text, { size: SIZE.small, color: COLOR.muted })], spacing: { before: 60, after: 120 } });
}

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

// --- tables ----------------------------------------------------------------------------

export interface Column {
  header: string;
  /** Relative width; the table fills the text column. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export type Cell = string | Paragraph | readonly Paragraph[];

const TABLE_TEXT = 'TableText';

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

function alignment(align: Column['align']) {
  if (align === 'center') return AlignmentType.CENTER;
  if (align === 'right') return AlignmentType.RIGHT;
  return AlignmentType.LEFT;
}

/** Integer twip widths from weights that add up exactly to the total (Word and LibreOffice both read tblGrid). */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += rest;
  return widths;
}

/** A paragraph inside a table cell: single-spaced, no space after, so rows stay compact. */
export function cellPara(children: string | readonly ParagraphChild[], options: { align?: Column['align']; before?: number } = {}): Paragraph {
  return new Paragraph({
    style: TABLE_TEXT,
    alignment: alignment(options.align),
    spacing: options.before === undefined ? undefined : { before: options.before },
    children: typeof children === 'string' ? [new TextRun(children)] : [...children],
  });
}

/** Secondary text in a cell (guidance, folders, notes under a value). */
export function cellNote(text: string, style: TextStyle = {}): Paragraph {
  return cellPara([run(text, { size: SIZE.small, color: COLOR.muted, ...style })], { before: 30 });
}

function cellParagraphs(cell: Cell, size: number, align: Column['align'], bold = false): Paragraph[] {
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

/** Space after a table: Word glues a following heading to the table otherwise. */
export function spacer(): Paragraph {
  return new Paragraph({ children: [], spacing: { after: 120 } });
}

/** Display size (pixels at 96 dpi) that fits an image to the text width, keeping its aspect ratio. */
export function fitImage(pixelWidth: number, pixelHeight: number, widthTwips: number, maxHeightTwips: number): { width: number; height: number } {
  const maxW = widthTwips / TWIPS_PER_PIXEL;
  const maxH = maxHeightTwips / TWIPS_PER_PIXEL;
  const scale = Math.min(maxW / pixelWidth, maxH / pixelHeight);
  return { width: Math.round(pixelWidth * scale), height: Math.round(pixelHeight * scale) };
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function pageHeight(paper: Paper, orientation: Orientation): number {
  const size = PAPER_SIZES[paper];
  const m = MARGINS[orientation];
  return (orientation === 'portrait' ? size.height : size.width) - m.top - m.bottom;
}

// --- the report ------------------------------------------------------------------------

export interface ReportSection {
  orientation?: Orientation;
  children: readonly FileChild[];
}

export interface ReportOptions {
  title: string;
  subtitle?: string;
  product: Product;
  paper?: Paper;
  /** When the export was made (ISO timestamp or Date); printed on the cover and in every footer. */
  generatedAt: string | Date;
  sections: readonly ReportSection[];
  /** Extra identification rows on the cover, after product, code, sponsor and IND number. */
  coverRows?: readonly (readonly [string, string])[];
  /** Default true. A one-page extract has nothing to navigate. */
  tableOfContents?: boolean;
}

export function productLabel(product: Product): string {
  return `${product.name} (${product.code})`;
}

function pageHeader(product: Product, title: string, width: number): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: [run(productLabel(product), { size: SIZE.header, bold: true }), run(`\t${title}`, { size: SIZE.header, color: COLOR.muted })],
      }),
    ],
  });
}

function pageFooter(generated: string, width: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: [
          run(`Generated ${generated}`, { size: SIZE.header, color: COLOR.muted }),
          new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: SIZE.header }),
        ],
      }),
    ],
  });
}

function coverBlock(options: ReportOptions, width: number, generated: string): FileChild[] {
  const { product } = options;
  const rows: (readonly [string, string])[] = [
    ['Product', product.name],
    ['Product code', product.code],
    ['Sponsor', product.sponsor],
    ['IND number', product.indNumber === '' ? 'Not yet assigned' : product.indNumber],
    ...(options.coverRows ?? []),
    ['Generated', generated],
  ];
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(options.title)] }),
    ...(options.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(options.subtitle)] })] : []),
    keyValueTable(rows, width, 28),
    spacer(),
  ];
}

/**
 * A regulatory report: cover block and table of contents, then the given sections, each
 * portrait or landscape, with the product and title in every header and "Page X of Y" plus
 * the generation time in every footer. Headings use Word's built-in Heading 1-3 styles so
 * the navigation pane and the table of contents work.
 */
export function createReport(options: ReportOptions): Document {
  const paper = options.paper ?? 'letter';
  const generated = formatTimestamp(options.generatedAt);
  const wantToc = options.tableOfContents ?? true;
  const firstWidth = contentWidth(paper, 'portrait');
  const front: FileChild[] = [...coverBlock(options, firstWidth, generated)];
  if (wantToc) {
    front.push(
      new Paragraph({ style: 'TOCHeading', children: [new TextRun('Contents')] }),
      /* Entries are written from the headings; page numbers are left to Word, which updates the
       * field on open (updateFields). docx/layout could estimate them, but measured at ten times
       * the cost of the rest of the export (about 11 s for 500 checklist items). */
      new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3', tabLeader: LeaderType.DOT }),
      new Paragraph({ children: [new PageBreak()] }),
    );
  }

  // The front matter opens the first portrait section; a landscape first section gets its own.
  const sections = [...options.sections];
  const first = sections[0];
  if (first !== undefined && (first.orientation ?? 'portrait') === 'portrait') {
    sections[0] = { orientation: 'portrait', children: [...front, ...first.children] };
  } else {
    sections.unshift({ orientation: 'portrait', children: front });
  }

  return new Document({
    title: `${options.title}: ${productLabel(options.product)}`,
    subject: options.subtitle,
    creator: 'Secretome Regulatory Tracker',
    description: `Generated ${generated}`,
    // Word refreshes the table of contents and the page fields when it opens the file.
    features: { updateFields: true },
    styles: documentStyles(),
    sections: sections.map((section) => {
      const orientation = section.orientation ?? 'portrait';
      const width = contentWidth(paper, orientation);
      const size = PAPER_SIZES[paper];
      return {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page.
            size: { width: size.width, height: size.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { ...MARGINS[orientation], header: 0.5 * INCH, footer: 0.5 * INCH },
          },
        },
        headers: { default: pageHeader(options.product, options.title, width) },
        footers: { default: pageFooter(generated, width) },
        children: [...section.children],
      };
    }),
  });
}

function documentStyles() {
  const headingRun = { font: FONT, bold: true, color: COLOR.heading };
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.body, color: COLOR.text },
        paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { ...headingRun, size: SIZE.title },
        paragraph: { spacing: { after: 120 } },
      },
      // Outline levels make Word's navigation pane and the TOC field (\o "1-3") see the headings.
      heading1: {
        run: { ...headingRun, size: 32 },
        paragraph: { outlineLevel: 0, keepNext: true, keepLines: true, spacing: { before: 360, after: 120 } },
      },
      heading2: {
        run: { ...headingRun, size: 26 },
        paragraph: { outlineLevel: 1, keepNext: true, keepLines: true, spacing: { before: 280, after: 100 } },
      },
      heading3: {
        run: { ...headingRun, size: 22 },
        paragraph: { outlineLevel: 2, keepNext: true, keepLines: true, spacing: { before: 200, after: 80 } },
      },
      caption: {
        run: { font: FONT, italics: true, size: SIZE.small, color: COLOR.muted },
        paragraph: { spacing: { before: 60, after: 200 } },
      },
    },
    paragraphStyles: [
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: SIZE.subtitle, color: COLOR.muted },
        paragraph: { spacing: { after: 240 } },
      },
      {
        id: TABLE_TEXT,
        name: 'Table Text',
        basedOn: 'Normal',
        next: TABLE_TEXT,
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'TOCHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: FONT, bold: true, size: 28, color: COLOR.heading },
        paragraph: { spacing: { before: 240, after: 120 } },
      },
    ],
  };
}

// --- writing ---------------------------------------------------------------------------

export async function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** The document as a .docx file, written atomically (see writeFileAtomic): never a partial file. */
export async function writeDocxAtomic(doc: Document, outPath: string): Promise<{ path: string; bytes: number }> {
  return writeFileAtomic(outPath, await toBuffer(doc));
}
