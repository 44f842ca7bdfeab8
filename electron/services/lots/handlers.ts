import { ImportMapping } from '../../contract';
import type { HandlerMap } from '../handlers';
import { requireProduct } from '../lookups';
import { importCsv, previewImport } from './importCsv';
import { batchAnalysisDocument, certificateDocument, render, renderBatchSheet } from './exports';
import { docxFile, saveExport } from '../exports/document';
import { FILE_SUFFIXES } from '../files';
import { createLot, setLotStatus, updateLot } from './lots';
import { investigate, recordResults } from './results';
import { createSpec } from './specs';
import { SPEC_TEMPLATES } from './templates';
import { compare, trends } from './trends';
import { lotsOfProduct, lotView, specBook } from './view';

type LotChannel = 'lots.specs' | 'lots.createSpec' | 'lots.list' | 'lots.get' | 'lots.create' | 'lots.update' | 'lots.setStatus' | 'lots.recordResults' | 'lots.investigate' | 'lots.importPreview' | 'lots.import' | 'lots.mappings' | 'lots.trends' | 'lots.compare' | 'lots.renderCertificate' | 'lots.saveCertificate' | 'lots.renderBatchAnalysis' | 'lots.saveBatchAnalysis';

export const lotHandlers: HandlerMap<LotChannel> = {
  'lots.specs': ({ productId }, ctx) => {
    requireProduct(ctx, productId);
    const book = specBook(ctx, productId);
    return { current: book.current, versions: book.specs, templates: SPEC_TEMPLATES };
  },
  'lots.createSpec': (input, ctx) => createSpec(ctx, input),
  'lots.list': ({ productId }, ctx) => {
    requireProduct(ctx, productId);
    const { current, lots } = lotsOfProduct(ctx, productId);
    return { spec: current, lots: lots.map((l) => l.summary), processVersions: [...new Set(lots.map((l) => l.row.process_version))] };
  },
  'lots.get': ({ lotId }, ctx) => lotView(ctx, lotId),
  'lots.create': (input, ctx) => createLot(ctx, input),
  'lots.update': (input, ctx) => updateLot(ctx, input),
  'lots.setStatus': (input, ctx) => setLotStatus(ctx, input),
  'lots.recordResults': ({ lotId, results }, ctx) => recordResults(ctx, lotId, results),
  'lots.investigate': (input, ctx) => investigate(ctx, input),
  'lots.renderCertificate': ({ lotId, paper }, ctx) => render(certificateDocument(ctx, lotId, paper)),
  'lots.saveCertificate': ({ lotId, paper, outPath }, ctx) => saveExport(ctx, outPath, () => docxFile(certificateDocument(ctx, lotId, paper).doc)),
  'lots.renderBatchAnalysis': async ({ productId, paper, format }, ctx) => {
    if (format === 'docx') return render(batchAnalysisDocument(ctx, productId, paper));
    const file = await renderBatchSheet(ctx, productId, format);
    return { fileName: file.fileName, mime: file.mime, base64: file.bytes.toString('base64'), bytes: file.bytes.length };
  },
  'lots.saveBatchAnalysis': ({ productId, paper, format, outPath }, ctx) =>
    saveExport(ctx, outPath, async () => (format === 'docx' ? docxFile(batchAnalysisDocument(ctx, productId, paper).doc) : { bytes: (await renderBatchSheet(ctx, productId, format)).bytes, suffix: FILE_SUFFIXES[format] })),
  'lots.trends': (input, ctx) => trends(ctx, input),
  'lots.compare': (input, ctx) => compare(ctx, input),
  'lots.importPreview': (input, ctx) => previewImport(ctx, input),
  'lots.import': (input, ctx) => importCsv(ctx, input),
  'lots.mappings': ({ productId }, ctx) => {
    requireProduct(ctx, productId);
    return ctx.repos.lots.mappings(productId).flatMap((m) => {
      const parsed = ImportMapping.safeParse(JSON.parse(m.mapping));
      return parsed.success ? [{ source: m.source, mapping: parsed.data, updatedAt: m.updated_at }] : [];
    });
  },
};
