import type { Document } from 'docx';
import type { z } from 'zod';
import type { ExportRequest } from '../../contract';
import { listAuditEntries } from '../audit/entries';
import { loadChecklistsView } from '../checklists/view';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { buildAuditExtract, periodText } from './auditExtract';
import { docxFile, saveExport, toBuffer } from './document';
import { buildIndChecklist } from './indChecklist';
import { checkSignature } from '../signatures/verify';
import { buildPlan } from './plan';
import { buildPlanningSummary } from './planningSummary';
import { renderTimelinePng } from './timelineFigure';
import { FILE_SUFFIXES } from '../files';
import { renderSheet } from './sheets/render';
import type { HandlerMap } from '../handlers';
import { requireProduct } from '../lookups';
import { milestoneDates, productSchedule } from '../pathway/schedule';
import { loadPathwayView } from '../pathway/view';
import { comparePlans } from '../planning/compare';
import { decodeScenario, scenarioView } from '../planning/plans';

type Request = z.output<typeof ExportRequest>;

const FILE_STEMS = { 'ind-checklist': 'IND-checklist', plan: 'regulatory-plan', audit: 'audit-extract', planning: 'planning-session' } as const;

/** Builds the requested Word document from live data; the three exports share this one path. */
export function buildExport(ctx: ServiceContext, request: Request): { doc: Document; fileName: string } {
  const product = requireProduct(ctx, request.productId);
  const generatedAt = ctx.now();
  const fileName = `${product.code}-${FILE_STEMS[request.kind]}-${ctx.today()}.docx`;
  switch (request.kind) {
    case 'ind-checklist': {
      const view = loadChecklistsView(ctx, product.id);
      if (view.checklists.length === 0) {
        throw new AppError('CONFLICT', `${product.code} has no checklists yet. Generate them on its Checklists tab, then export.`);
      }
      const signatures = ctx.repos.signatures.ofProduct(product.id).map((row) => checkSignature(ctx, row));
      return { doc: buildIndChecklist({ view, product, groupBy: request.groupBy, paper: request.paper, generatedAt, signatures, include: request.checklists }), fileName };
    }
    case 'plan': {
      // One schedule for both: the plan's dates and the checklists' due dates agree by construction.
      const scheduled = productSchedule(ctx, product.id);
      const pathway = loadPathwayView(ctx, product.id, scheduled);
      const checklists = loadChecklistsView(ctx, product.id, ctx.today(), milestoneDates(scheduled));
      const timelinePng = pathway.stages.length > 0 ? renderTimelinePng(pathway, { width: 960 }) : null;
      return { doc: buildPlan({ pathway, checklists: checklists.checklists.length > 0 ? checklists : null, paper: request.paper, generatedAt, timelinePng, signatures: ctx.repos.signatures.ofProduct(pathway.product.id).map((row) => checkSignature(ctx, row)) }), fileName };
    }
    case 'planning': {
      const rows = ctx.repos.scenarios.list(product.id);
      if (rows.length === 0) throw new AppError('CONFLICT', `${product.code} has no planning scenarios yet. Start one on its Planning tab, then export.`);
      const scenarios = rows.map((r) => scenarioView(ctx, decodeScenario(r)));
      const reference = ctx.repos.baselines.reference(product.id);
      const comparisons = scenarios.map((s) => ({
        scenarioId: s.id,
        comparison: comparePlans(ctx, product.id, [...(reference ? [{ kind: 'baseline' as const, id: reference.id }] : []), { kind: 'live' as const }, { kind: 'scenario' as const, id: s.id }]),
      }));
      return { doc: buildPlanningSummary({ product, scenarios, comparisons, paper: request.paper, generatedAt }), fileName };
    }
    case 'audit': {
      const from = request.from ?? null;
      const to = request.to ?? null;
      const entries = listAuditEntries(ctx, { productId: product.id, from: from ?? undefined, to: to ?? undefined, limit: 1_000_000 }).reverse();
      if (entries.length === 0) {
        throw new AppError('CONFLICT', `${product.code} has no audit entries ${periodText(from, to)}. Choose a period with changes in it.`, [{ path: 'from', message: 'No entries in this period' }]);
      }
      return { doc: buildAuditExtract({ product, entries, from, to, paper: request.paper, generatedAt }), fileName };
    }
  }
}

export const exportHandlers: HandlerMap<'exports.render' | 'exports.save'> = {
  'exports.render': async (request, ctx) => {
    if (request.format !== 'docx') {
      const sheet = await renderSheet(ctx, { ...request, format: request.format });
      return { fileName: sheet.fileName, mime: sheet.mime, base64: sheet.bytes.toString('base64'), bytes: sheet.bytes.length };
    }
    const { doc, fileName } = buildExport(ctx, request);
    const buffer = await toBuffer(doc);
    return { fileName, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: buffer.toString('base64'), bytes: buffer.length };
  },
  // Spreadsheets go through the same atomic writer as the Word files: never a partial file.
  'exports.save': ({ outPath, ...request }, ctx) =>
    saveExport(ctx, outPath, async () =>
      request.format === 'docx'
        ? docxFile(buildExport(ctx, request).doc)
        : { bytes: (await renderSheet(ctx, { ...request, format: request.format })).bytes, suffix: FILE_SUFFIXES[request.format] },
    ),
};
