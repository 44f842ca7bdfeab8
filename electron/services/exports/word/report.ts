import {
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  Header,
  HeadingLevel,
  LeaderType,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  TableOfContents,
  TabStopType,
} from 'docx';
import type { Product } from '../../../contract';
import { formatTimestamp } from '../format';
import { safeText } from '../safeText';
import { type Block, fieldRun, heading, para, run, spacer, type TextArea } from './blocks';
import { contentWidth, INCH, MARGINS, type Orientation, pageHeight, PAPER_SIZES, type Paper } from './page';
import { COLOR, documentStyles, SIZE } from './styles';
import { fields } from './tables';

/** A titled part of a report: a heading, what always stands under it, then its content or why there is none. */
export interface PartSpec {
  /** The heading; a part without one continues what comes before it. */
  title?: string;
  /** Under the heading whether or not there is anything to show. */
  intro?: readonly Block[];
  /** Set when there is nothing to show: this sentence stands instead of the children. */
  empty?: string | false;
  children?: readonly Block[];
}

export interface ReportSection {
  orientation: Orientation;
  children: readonly Block[];
}

/** A part under a heading of the given level (2 or 3 inside a section). */
export function part({ title, intro = [], empty, children = [] }: PartSpec, level: 1 | 2 | 3 = 2): Block[] {
  return [...(title === undefined ? [] : [heading(title, level)]), ...intro, ...(typeof empty === 'string' ? [para(empty)] : children)];
}

/**
 * A top-level part of a report, under a Heading 1, on portrait pages or, for wide tables,
 * landscape ones. Consecutive sections of the same orientation share their pages.
 */
export function section({ landscape = false, ...spec }: PartSpec & { landscape?: boolean }): ReportSection {
  return { orientation: landscape ? 'landscape' : 'portrait', children: part(spec, 1) };
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
          fieldRun(['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], SIZE.header),
        ],
      }),
    ],
  });
}

function coverBlock(options: ReportOptions, generated: string): Block[] {
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
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(options.title)] }),
    ...(options.subtitle ? [new Paragraph({ style: 'Subtitle', children: [run(options.subtitle)] })] : []),
    fields(rows, 28),
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
  const front: Block[] = coverBlock(options, generated);
  if (wantToc) {
    front.push(
      new Paragraph({ style: 'TOCHeading', children: [run('Contents')] }),
      /* Entries are written from the headings; page numbers are left to Word, which updates the
       * field on open (updateFields). docx/layout could estimate them, but measured at ten times
       * the cost of the rest of the export (about 11 s for 500 checklist items). */
      new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3', tabLeader: LeaderType.DOT }),
      new Paragraph({ children: [new PageBreak()] }),
    );
  }

  // The front matter opens the first portrait pages; consecutive sections of one orientation share pages.
  const sections: Array<{ orientation: Orientation; children: Block[] }> = [{ orientation: 'portrait', children: front }];
  for (const next of options.sections) {
    const last = sections[sections.length - 1]!;
    if (last.orientation === next.orientation) last.children.push(...next.children);
    else sections.push({ orientation: next.orientation, children: [...next.children] });
  }

  return new Document({
    // The document properties are XML too (docProps/core.xml).
    title: safeText(`${options.title}: ${productLabel(options.product)}`),
    subject: options.subtitle === undefined ? undefined : safeText(options.subtitle),
    creator: 'Secretome Regulatory Tracker',
    description: `Generated ${generated}`,
    // Word refreshes the table of contents and the page fields when it opens the file.
    features: { updateFields: true },
    styles: documentStyles(),
    sections: sections.map(({ orientation, children }) => {
      const area: TextArea = { width: contentWidth(paper, orientation), height: pageHeight(paper, orientation) };
      const size = PAPER_SIZES[paper];
      return {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page.
            size: { width: size.width, height: size.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { ...MARGINS[orientation], header: 0.5 * INCH, footer: 0.5 * INCH },
          },
        },
        headers: { default: pageHeader(options.product, options.title, area.width) },
        footers: { default: pageFooter(generated, area.width) },
        children: children.flatMap((block): FileChild | readonly FileChild[] => (typeof block === 'function' ? block(area) : block)),
      };
    }),
  });
}
