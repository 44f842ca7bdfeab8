import { ImageRun, Paragraph, type Document } from 'docx';
import { controlChartScale, LOT_PURPOSE_LABELS, LOT_STATUS_LABELS, SPEC_PHASE_LABELS, type LotSummary, type Product, type Spec, type TrendsView } from '../../contract';
import { formatNumber } from '../../domain/lots/judge';
import { fitImage, pngSize } from '../exports/png';
import { type Block, cellMuted, cellText, cellWarning, note, para, run } from '../exports/word/blocks';
import type { Paper } from '../exports/word/page';
import { createReport, part, section } from '../exports/word/report';
import { table } from '../exports/word/tables';
import type { linesOf } from './view';

type Lines = ReturnType<typeof linesOf>;

export interface BatchAnalysisOptions {
  product: Product;
  spec: Spec;
  lots: ReadonlyArray<{ summary: LotSummary; lines: Lines }>;
  trends: TrendsView;
  figures: ReadonlyArray<{ key: string; png: Buffer }>;
  paper?: Paper;
  generatedAt: string | Date;
}

/** Lots per results table: more columns than this would not fit a landscape page legibly. */
const LOTS_PER_TABLE = 8;

function figure(n: number, title: string, png: Buffer, caption: string): Block {
  const size = pngSize(png) ?? { width: 1800, height: 680 };
  return ({ width, height }) => [
    new Paragraph({ keepNext: true, children: [new ImageRun({ type: 'png', data: png, transformation: fitImage(size.width, size.height, width, height * 0.45), altText: { name: title, title, description: caption } })] }),
    new Paragraph({ style: 'Caption', children: [run(`Figure ${n}. ${caption}`)] }),
  ];
}

/**
 * Batch analyses for Module 3 (3.2.S.4.4 drug substance / 3.2.P.5.4 drug product): the lots,
 * a lots × attributes table of results against the specification in force, and the trend of
 * each numeric attribute as an individuals control chart.
 */
export function buildBatchAnalysis({ product, spec, lots, trends, figures, paper, generatedAt }: BatchAnalysisOptions): Document {
  const illustrative = lots.some((l) => l.summary.illustrative);
  const groups: Array<typeof lots> = [];
  for (let i = 0; i < lots.length; i += LOTS_PER_TABLE) groups.push(lots.slice(i, i + LOTS_PER_TABLE));
  const resultOf = (lot: (typeof lots)[number], key: string) => lot.lines.find((l) => l.attribute.key === key);
  const charted = trends.attributes.filter((a) => a.points.length > 0);
  return createReport({
    title: 'Batch analyses',
    subtitle: 'CTD Module 3, sections 3.2.S.4.4 and 3.2.P.5.4',
    product,
    paper,
    generatedAt,
    coverRows: [
      ['Specification in force', `Version ${spec.version}, ${SPEC_PHASE_LABELS[spec.phase]}`],
      ['Lots', String(lots.length)],
      ...(illustrative ? ([['Data', 'ILLUSTRATIVE EXAMPLE DATA, not from real manufacturing records']] as const) : []),
    ],
    sections: [
      section({
        title: 'Lots analysed',
        empty: lots.length === 0 && 'No lots have been recorded for this product.',
        children: [
          table({
            rows: lots.map((l) => l.summary),
            columns: [
              { header: 'Lot', width: 14, cell: (l) => l.lotNumber },
              { header: 'Purpose', width: 14, cell: (l) => LOT_PURPOSE_LABELS[l.purpose] },
              { header: 'Manufactured', width: 13, cell: (l) => l.manufacturedOn },
              { header: 'Process', width: 10, cell: (l) => l.processVersion },
              { header: 'Scale', width: 13, cell: (l) => l.scale || '—' },
              { header: 'Spec', width: 8, cell: (l) => `v${l.specVersion}` },
              { header: 'Status', width: 14, cell: (l) => `${LOT_STATUS_LABELS[l.status]}${l.releasedOn ? ` ${l.releasedOn}` : ''}` },
              { header: 'Results', width: 14, cell: (l) => [cellText(`${l.counts.conforms} conform`), ...(l.counts.oos ? [cellWarning(`${l.counts.oos} OOS`)] : []), ...(l.counts.missing ? [cellMuted(`${l.counts.missing} missing`)] : [])] },
            ],
          }),
          ...(lots.some((l) => l.summary.deviation) ? [para('Deviations: ' + lots.filter((l) => l.summary.deviation).map((l) => `${l.summary.lotNumber}: ${l.summary.deviation}`).join('; '))] : []),
        ],
      }),
      section({
        title: 'Results against the specification',
        landscape: true,
        empty: lots.length === 0 && 'No results to show.',
        intro: [note(`Each lot is judged against the specification version it was made under; the criteria shown are those of version ${spec.version}. OOS: out of specification.`)],
        children: groups.flatMap((group, g) =>
          part(
            {
              title: groups.length > 1 ? `Lots ${group[0]!.summary.lotNumber} to ${group.at(-1)!.summary.lotNumber}` : undefined,
              children: [
                table({
                  rows: spec.attributes,
                  size: 14,
                  headerSize: 14,
                  columns: [
                    { header: 'Test (criterion)', width: 26, cell: (a) => [cellText(a.name), cellMuted(a.criterion)] },
                    ...group.map((lot) => ({
                      header: lot.summary.lotNumber,
                      width: 74 / group.length,
                      cell: (a: Spec['attributes'][number]) => {
                        const line = resultOf(lot, a.key);
                        if (!line?.result) return '—';
                        const text = `${line.result.value}${a.unit && line.result.valueNumber !== null ? ` ${a.unit}` : ''}`;
                        return line.judgement === 'oos' ? [cellWarning(`${text} (OOS)`)] : [cellText(text)];
                      },
                    })),
                  ],
                }),
              ],
            },
            g === 0 ? 2 : 3,
          ),
        ),
      }),
      section({
        title: 'Trends',
        empty: charted.length === 0 && 'No numeric results to chart yet.',
        intro: [note('Individuals control charts: centre line (CL) and ±3σ control limits from the lots recorded (σ estimated from the average moving range, MR̄/1.128; NIST/SEMATECH e-Handbook 6.3.2.2); Western Electric run rules flagged (red markers); open markers are lots outside the reference set; specification limits where they fall on the scale. Cpk = min(USL − x̄, x̄ − LSL)/3σ for two-sided specifications.')],
        children: charted.flatMap((a, i) => {
          const png = figures.find((f) => f.key === a.key)?.png;
          const cpk = a.capability ? `Cpk ${a.capability.cpk.toFixed(2)}` : null;
          const signals = a.signals.length > 0 ? `Signals: ${a.signals.map((s) => s.text).join('; ')}.` : 'No Western Electric signal.';
          const off = controlChartScale(a).specsOff;
          const offScale = off.length > 0 ? ` Specification limit${off.length > 1 ? 's' : ''} ${off.map(formatNumber).join(' and ')}${a.unit ? ` ${a.unit}` : ''} lie${off.length > 1 ? '' : 's'} far outside the process and ${off.length > 1 ? 'are' : 'is'} left off the scale.` : '';
          return [
            ...part({ title: a.name, children: [] }, 2),
            ...(png ? [figure(i + 1, a.name, png, `${a.name}${a.unit ? ` (${a.unit})` : ''} across ${a.points.length} lots in manufacture order.${cpk ? ` ${cpk}.` : ''}${offScale}`)] : []),
            para(signals),
          ];
        }),
      }),
    ],
  });
}

