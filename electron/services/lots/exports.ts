import type { Document } from 'docx';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { toBuffer } from '../exports/document';
import { toCsv } from '../exports/sheets/csv';
import { SHEET_MIME, type Sheet } from '../exports/sheets/sheet';
import { toXlsx } from '../exports/sheets/xlsx';
import { LOT_PURPOSE_LABELS, LOT_STATUS_LABELS } from '../../contract';
import { requireProduct } from '../lookups';
import { buildBatchAnalysis } from './batchAnalysis';
import { buildCertificate } from './certificate';
import { renderControlChartPng } from './chartFigure';
import { trends } from './trends';
import { lotsOfProduct, lotView } from './view';

type Paper = 'letter' | 'a4';
const MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');

export function certificateDocument(ctx: ServiceContext, lotId: string, paper: Paper): { doc: Document; fileName: string } {
  const view = lotView(ctx, lotId);
  const product = requireProduct(ctx, view.lot.productId);
  return { doc: buildCertificate({ product, view, paper, generatedAt: ctx.now() }), fileName: `${safe(product.code)}-CoA-${safe(view.lot.lotNumber)}.docx` };
}

export function batchAnalysisDocument(ctx: ServiceContext, productId: string, paper: Paper): { doc: Document; fileName: string } {
  const product = requireProduct(ctx, productId);
  const { current, lots } = lotsOfProduct(ctx, productId);
  if (!current || lots.length === 0) throw new AppError('CONFLICT', `${product.code} has no lots yet. Record lots and their results on its Lots tab, then export the batch analyses.`);
  const view = trends(ctx, { productId });
  const figures = view.attributes.filter((a) => a.points.length > 1).map((a) => ({ key: a.key, png: renderControlChartPng(a, view.processVersions) }));
  const doc = buildBatchAnalysis({ product, spec: current, lots: lots.map((l) => ({ summary: l.summary, lines: l.lines })), trends: view, figures, paper, generatedAt: ctx.now() });
  return { doc, fileName: `${safe(product.code)}-batch-analyses-${ctx.today()}.docx` };
}

/** The batch analyses as one table: a row per lot, a column per attribute of the current specification (results as reported, OOS marked). */
export function batchAnalysisSheet(ctx: ServiceContext, productId: string): { sheet: Sheet; fileStem: string } {
  const product = requireProduct(ctx, productId);
  const { current, lots } = lotsOfProduct(ctx, productId);
  if (!current || lots.length === 0) throw new AppError('CONFLICT', `${product.code} has no lots yet. Record lots and their results on its Lots tab, then export the batch analyses.`);
  const attributes = current.attributes;
  const sheet: Sheet = {
    name: 'Batch analyses',
    columns: [
      { header: 'Lot', kind: 'text', width: 14 },
      { header: 'Purpose', kind: 'text', width: 14 },
      { header: 'Manufactured', kind: 'date', width: 12 },
      { header: 'Process version', kind: 'text', width: 12 },
      { header: 'Status', kind: 'text', width: 12 },
      { header: 'Specification version', kind: 'number', width: 10 },
      ...attributes.map((a) => ({ header: `${a.name}${a.unit ? ` (${a.unit})` : ''} [${a.criterion}]`, kind: 'text' as const, width: 18 })),
      { header: 'Illustrative', kind: 'boolean', width: 10 },
    ],
    rows: lots.map((l) => [
      l.summary.lotNumber,
      LOT_PURPOSE_LABELS[l.summary.purpose],
      l.summary.manufacturedOn,
      l.summary.processVersion,
      LOT_STATUS_LABELS[l.summary.status],
      l.summary.specVersion,
      ...attributes.map((a) => {
        const line = l.lines.find((x) => x.attribute.key === a.key);
        if (!line?.result) return null;
        return line.judgement === 'oos' ? `${line.result.value} (OOS)` : line.result.value;
      }),
      l.summary.illustrative,
    ]),
  };
  return { sheet, fileStem: `${safe(product.code)}-batch-analyses-${ctx.today()}` };
}

export async function renderBatchSheet(ctx: ServiceContext, productId: string, format: 'xlsx' | 'csv') {
  const { sheet, fileStem } = batchAnalysisSheet(ctx, productId);
  const bytes = format === 'xlsx' ? await toXlsx(sheet) : toCsv(sheet);
  return { fileName: `${fileStem}.${format}`, mime: SHEET_MIME[format], bytes };
}

export async function render(built: { doc: Document; fileName: string }) {
  const buffer = await toBuffer(built.doc);
  return { fileName: built.fileName, mime: MIME, base64: buffer.toString('base64'), bytes: buffer.length };
}
