export type Paper = 'letter' | 'a4';
export type Orientation = 'portrait' | 'landscape';

/** Portrait page sizes in twips (1/1440 inch): what Word writes for US Letter and ISO A4. */
export const PAPER_SIZES: Readonly<Record<Paper, { width: number; height: number }>> = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
};

export const INCH = 1440;
/* One inch all round is what regulatory templates use; landscape sections give up a quarter
 * inch on each side so the wide item tables get 9+ inches. */
export const MARGINS: Readonly<Record<Orientation, { top: number; bottom: number; left: number; right: number }>> = {
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

export function pageHeight(paper: Paper, orientation: Orientation): number {
  const size = PAPER_SIZES[paper];
  const m = MARGINS[orientation];
  return (orientation === 'portrait' ? size.height : size.width) - m.top - m.bottom;
}
