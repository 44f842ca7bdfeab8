import { LineRuleType } from 'docx';

/** Half-points, as docx sizes are given. */
export const SIZE = { body: 20, table: 17, small: 15, header: 16, title: 44, subtitle: 26 } as const;
export const COLOR = { text: '000000', muted: '595959', heading: '1F3864', rule: 'A6A6A6', headerFill: 'DCE3EC', warn: 'A50021' } as const;
export const FONT = 'Arial';

/** Paragraph styles of this document's own (Word's built-in ones are named by docx). */
export const STYLE = {
  /** Text in table cells. */
  tableText: 'TableText',
  /** Bold table text: header rows, the labels of label/value tables, an item's title. */
  tableStrong: 'TableStrong',
  /** Secondary text under a cell's value: small and grey, a little apart. */
  tableNote: 'TableNote',
  /** Small grey context set tight to the line it belongs to. */
  tableContext: 'TableContext',
  /** "Overdue", "File not found": small, bold, in the warning colour. */
  tableWarning: 'TableWarning',
  /** Small grey explanatory text under a heading or table. */
  note: 'Note',
} as const;

/** The document's styles: Arial throughout, Word's built-in title and heading styles, compact table text. */
export function documentStyles() {
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
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        next: STYLE.tableText,
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      // Not "Table Heading" or "Table Contents": LibreOffice has built-in styles of those names.
      { id: STYLE.tableStrong, name: 'Table Strong Text', basedOn: STYLE.tableText, next: STYLE.tableText, run: { bold: true } },
      { id: STYLE.tableNote, name: 'Table Note', basedOn: STYLE.tableText, next: STYLE.tableText, run: { size: SIZE.small, color: COLOR.muted }, paragraph: { spacing: { before: 30 } } },
      { id: STYLE.tableContext, name: 'Table Context', basedOn: STYLE.tableText, next: STYLE.tableText, run: { size: SIZE.small, color: COLOR.muted } },
      { id: STYLE.tableWarning, name: 'Table Warning', basedOn: STYLE.tableText, next: STYLE.tableText, run: { size: SIZE.small, bold: true, color: COLOR.warn } },
      { id: STYLE.note, name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: SIZE.small, color: COLOR.muted }, paragraph: { spacing: { before: 60, after: 120 } } },
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
