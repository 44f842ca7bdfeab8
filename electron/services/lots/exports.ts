import type { Document } from 'docx';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { toBuffer, writeDocxAtomic } from '../exports/document';
import { describeWriteError } from '../files';
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

export async function render(built: { doc: Document; fileName: string }) {
  const buffer = await toBuffer(built.doc);
  return { fileName: built.fileName, mime: MIME, base64: buffer.toString('base64'), bytes: buffer.length };
}

export async function save(ctx: ServiceContext, build: () => { doc: Document }, outPath: string) {
  if (ctx.info.frontDoor === 'web') throw new AppError('FORBIDDEN', 'In the browser, exports are downloaded; only the desktop app and the CLI write files.');
  const { doc } = build();
  try {
    return await writeDocxAtomic(doc, outPath);
  } catch (error) {
    const message = describeWriteError(error, outPath);
    throw new AppError('CONFLICT', message, [{ path: 'outPath', message }]);
  }
}
