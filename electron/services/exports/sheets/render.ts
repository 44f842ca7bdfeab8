import type { z } from 'zod';
import type { ExportRequest } from '../../../contract';
import { listAuditEntries } from '../../audit/entries';
import { loadChecklistsView } from '../../checklists/view';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { requireProduct } from '../../lookups';
import { loadPathwayView } from '../../pathway/view';
import { periodText } from '../auditExtract';
import { auditSheet, checklistSheet, planSheet } from './build';
import { toCsv } from './csv';
import { SHEET_MIME, type Sheet } from './sheet';
import { toXlsx } from './xlsx';

type Request = z.output<typeof ExportRequest>;
const FILE_STEMS = { 'ind-checklist': 'checklists', plan: 'regulatory-plan', audit: 'audit-extract' } as const;

/** The sheet a spreadsheet export holds, from the same live data as the Word files. */
function buildSheet(ctx: ServiceContext, request: Request, productId: string, code: string): Sheet {
  switch (request.kind) {
    case 'ind-checklist': {
      const view = loadChecklistsView(ctx, productId);
      if (view.checklists.length === 0) throw new AppError('CONFLICT', `${code} has no checklists yet. Generate them on its Checklists tab, then export.`);
      return checklistSheet(view);
    }
    case 'plan': {
      const view = loadPathwayView(ctx, productId);
      if (view.stages.length === 0) throw new AppError('CONFLICT', `${code} has no pathway yet. Set it up on its Pathway tab, then export.`);
      return planSheet(view);
    }
    case 'audit': {
      const entries = listAuditEntries(ctx, { productId, from: request.from, to: request.to, limit: 1_000_000 }).reverse();
      if (entries.length === 0) {
        throw new AppError('CONFLICT', `${code} has no audit entries ${periodText(request.from ?? null, request.to ?? null)}. Choose a period with changes in it.`, [{ path: 'from', message: 'No entries in this period' }]);
      }
      return auditSheet(entries);
    }
    case 'planning':
      throw new AppError('VALIDATION', 'The planning session is a Word document only.', [{ path: 'format', message: 'Word only' }]);
  }
}

/** A spreadsheet export (.xlsx or .csv) as bytes, with its file name and type. */
export async function renderSheet(ctx: ServiceContext, request: Request & { format: 'xlsx' | 'csv' }): Promise<{ fileName: string; mime: string; bytes: Buffer }> {
  const product = requireProduct(ctx, request.productId);
  const sheet = buildSheet(ctx, request, product.id, product.code);
  const kind = request.kind as keyof typeof FILE_STEMS;
  const bytes = request.format === 'xlsx' ? await toXlsx(sheet) : toCsv(sheet);
  return { fileName: `${product.code}-${FILE_STEMS[kind]}-${ctx.today()}.${request.format}`, mime: SHEET_MIME[request.format], bytes };
}
