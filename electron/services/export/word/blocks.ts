import { AlignmentType, type FileChild, HeadingLevel, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { COLOR, SIZE, TABLE_TEXT } from './styles';

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

/** Space after a table: Word glues a following heading to the table otherwise. */
export function spacer(): Paragraph {
  return new Paragraph({ children: [], spacing: { after: 120 } });
}

function alignment(align: Align | undefined) {
  if (align === 'center') return AlignmentType.CENTER;
  if (align === 'right') return AlignmentType.RIGHT;
  return AlignmentType.LEFT;
}

/** A paragraph inside a table cell: single-spaced, no space after, so rows stay compact. */
export function cellPara(children: string | readonly ParagraphChild[], options: { align?: Align; before?: number } = {}): Paragraph {
  return new Paragraph({
    style: TABLE_TEXT,
    alignment: alignment(options.align),
    spacing: options.before === undefined ? undefined : { before: options.before },
    children: typeof children === 'string' ? [new TextRun(children)] : [...children],
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
export function cellText(text: string, { bold, align, lead, suffix }: CellTextOptions = {}): Paragraph {
  return cellPara(
    [
      ...(lead === undefined ? [] : [run(lead, { size: SIZE.table, bold: true })]),
      run(text, { size: SIZE.table, bold }),
      ...(suffix === undefined ? [] : [run(suffix, { size: SIZE.small, color: COLOR.muted })]),
    ],
    { align },
  );
}

/** Secondary text in a cell (guidance, folders, notes under a value). */
export function cellNote(text: string, style: TextStyle = {}): Paragraph {
  return cellPara([run(text, { size: SIZE.small, color: COLOR.muted, ...style })], { before: 30 });
}

/** Small grey context in a cell, set tight to the line it belongs to (a window, a checklist and section). */
export function cellMuted(text: string): Paragraph {
  return cellPara([run(text, { size: SIZE.small, color: COLOR.muted })]);
}

/** A short warning in a cell: "Overdue", "File not found". */
export function cellWarning(text: string): Paragraph {
  return cellPara([run(text, { size: SIZE.small, bold: true, color: COLOR.warn })]);
}
