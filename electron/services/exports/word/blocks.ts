import { AlignmentType, type FileChild, HeadingLevel, type PageNumber, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { safeText } from '../safeText';
import { COLOR, SIZE, STYLE } from './styles';

/** The text area of the page a block lands on, in twips. */
export interface TextArea {
  width: number;
  height: number;
}

/**
 * What a report is made of: a docx paragraph or table, or one built once the page it lands on
 * is known (tables fill the text width, figures fit it), so builders never pass widths around.
 */
export type Block = FileChild | ((area: TextArea) => FileChild | readonly FileChild[]);

export interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
}

export type Align = 'left' | 'center' | 'right';

/**
 * Every run of text in an export is made here, so every string passes safeText on its way into
 * the document: one XML-illegal character would make the whole file unreadable.
 */
export function run(text: string, style: TextStyle = {}): TextRun {
  return new TextRun({ text: safeText(text), bold: style.bold, italics: style.italics, size: style.size, color: style.color });
}

/** Fixed text with fields (page numbers): the words pass safeText like any other run. */
export function fieldRun(children: readonly (string | (typeof PageNumber)[keyof typeof PageNumber])[], size: number): TextRun {
  return new TextRun({ children: children.map((c) => (typeof c === 'string' ? safeText(c) : c)), size });
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: levels[level], children: [run(text)] });
}

export function para(children: string | readonly ParagraphChild[], options: { spacingAfter?: number; keepNext?: boolean; alignment?: 'left' | 'center' } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : [...children],
    spacing: options.spacingAfter === undefined ? undefined : { after: options.spacingAfter },
    keepNext: options.keepNext,
    alignment: options.alignment === 'center' ? AlignmentType.CENTER : undefined,
  });
}

/** Small grey explanatory text under a heading or table. */
export function note(text: string): Paragraph {
  return new Paragraph({ style: STYLE.note, children: [run(text)] });
}

/** Space after a table: Word glues a following heading to the table otherwise. */
export function spacer(): Paragraph {
  return new Paragraph({ children: [], spacing: { after: 120 } });
}

/** Left is what a paragraph does anyway: saying so on every cell only makes the file bigger. */
function alignment(align: Align | undefined) {
  if (align === 'center') return AlignmentType.CENTER;
  if (align === 'right') return AlignmentType.RIGHT;
  return undefined;
}

/**
 * A paragraph inside a table cell: single-spaced, no space after, so rows stay compact. Its
 * look comes from a paragraph style (see styles.ts), not from each run: a 40-page checklist
 * has thousands of cells, and per-run formatting was most of the file and of the time to write it.
 */
export function cellPara(children: string | readonly ParagraphChild[], options: { align?: Align; style?: string } = {}): Paragraph {
  return new Paragraph({
    style: options.style ?? STYLE.tableText,
    alignment: alignment(options.align),
    // An empty cell needs no run: the paragraph mark takes its height from the style.
    children: typeof children !== 'string' ? [...children] : children === '' ? [] : [run(children)],
  });
}

export interface CellTextOptions {
  bold?: boolean;
  align?: Align;
  /** A bold label before the text: "Justification: ". */
  lead?: string;
  /** Small grey words after the text: "(optional)", "(gate)". */
  suffix?: string;
}

/** A line of table text. */
export function cellText(text: string, { bold = false, align, lead, suffix }: CellTextOptions = {}): Paragraph {
  const style = bold ? STYLE.tableStrong : STYLE.tableText;
  if (lead === undefined && suffix === undefined) return cellPara(text, { align, style });
  return cellPara(
    [
      ...(lead === undefined ? [] : [run(lead, { bold: true })]),
      run(text),
      // The suffix is never bold, whatever the paragraph is.
      ...(suffix === undefined ? [] : [run(suffix, { size: SIZE.small, color: COLOR.muted, bold: bold ? false : undefined })]),
    ],
    { align, style },
  );
}

/** Secondary text in a cell (guidance, folders, notes under a value); `warn` for one that needs attention. */
export function cellNote(text: string, { warn = false } = {}): Paragraph {
  return cellPara(warn ? [run(text, { color: COLOR.warn })] : text, { style: STYLE.tableNote });
}

/** Small grey context in a cell, set tight to the line it belongs to (a window, a checklist and section). */
export function cellMuted(text: string): Paragraph {
  return cellPara(text, { style: STYLE.tableContext });
}

/** A short warning in a cell: "Overdue", "File not found". */
export function cellWarning(text: string): Paragraph {
  return cellPara(text, { style: STYLE.tableWarning });
}

/** A header-row or label cell. `size` only where it differs from the table text. */
export function cellHeader(text: string, options: { align?: Align; size?: number } = {}): Paragraph {
  return cellPara(options.size === undefined || options.size === SIZE.table ? text : [run(text, { size: options.size })], { align: options.align, style: STYLE.tableStrong });
}
