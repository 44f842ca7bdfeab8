import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LotRow } from '../../../db/repositories/lots';
import { LOT_STATUS_LABELS, type LotCreateInput, type LotStatusInput, type LotUpdateInput, type LotView } from '../../contract';
import type { AuditRecord } from '../../../db';
import type { Audit, ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireEditableProduct } from '../lookups';
import { syncDerived } from '../pathway/writes';
import { lotView, requireLot } from './view';

type Fields = z.output<typeof LotCreateInput>;

function checkFields(ctx: ServiceContext, productId: string, f: Partial<Fields>, lotId: string | null) {
  const today = ctx.today();
  if (f.manufacturedOn && f.manufacturedOn > today) {
    throw new AppError('VALIDATION', `Manufacture date ${f.manufacturedOn} is in the future (today is ${today}). Enter the date the lot was made.`, [{ path: 'manufacturedOn', message: 'Date in the future' }]);
  }
  if (f.lotNumber !== undefined) {
    const clash = ctx.repos.lots.lotByNumber(productId, f.lotNumber);
    if (clash && clash.id !== lotId) throw new AppError('CONFLICT', `Lot number "${f.lotNumber}" is already used by a lot of this product. Lot numbers are unique per product.`, [{ path: 'lotNumber', message: 'Duplicate lot number' }]);
  }
  if (f.milestoneId) {
    const m = ctx.repos.pathway.milestone(f.milestoneId);
    if (!m || m.product_id !== productId) throw new AppError('VALIDATION', 'The milestone this lot serves is not one of this product\'s. Choose a milestone from its pathway.', [{ path: 'milestoneId', message: 'Not a milestone of this product' }]);
  }
}

/** Records a new lot under the specification in force (it keeps that version). */
export function createLot(ctx: ServiceContext, input: Fields): LotView {
  const product = requireEditableProduct(ctx, input.productId, 'recording lots');
  const id = ctx.write((audit) => {
    const spec = ctx.repos.lots.currentSpec(product.id);
    if (!spec) throw new AppError('CONFLICT', `"${product.name}" has no specification yet. Create one (Lots → Specification) before recording lots.`);
    checkFields(ctx, product.id, input, null);
    const now = ctx.now();
    const row: LotRow = {
      id: randomUUID(),
      product_id: product.id,
      spec_id: spec.id,
      lot_number: input.lotNumber,
      purpose: input.purpose,
      manufactured_on: input.manufacturedOn,
      process_version: input.processVersion,
      source: input.source ?? '',
      scale: input.scale ?? '',
      status: 'in-production',
      retest_on: input.retestOn ?? null,
      expiry_on: input.expiryOn ?? null,
      milestone_id: input.milestoneId ?? null,
      deviation: '',
      illustrative: 0,
      notes: input.notes ?? '',
      released_on: null,
      created_at: now,
      updated_at: now,
    };
    ctx.repos.lots.insertLot(row);
    audit({ entity: 'lot', entityId: row.id, productId: product.id, action: 'create', newValue: JSON.stringify({ name: `Lot ${row.lot_number}`, purpose: row.purpose, spec: `v${spec.version}` }) });
    return row.id;
  });
  return lotView(ctx, id);
}

const FIELD_COLUMNS = {
  lotNumber: 'lot_number',
  purpose: 'purpose',
  manufacturedOn: 'manufactured_on',
  processVersion: 'process_version',
  source: 'source',
  scale: 'scale',
  retestOn: 'retest_on',
  expiryOn: 'expiry_on',
  milestoneId: 'milestone_id',
  notes: 'notes',
} as const satisfies Record<Exclude<keyof Fields, 'productId'>, keyof LotRow>;

export function updateLot(ctx: ServiceContext, input: z.output<typeof LotUpdateInput>): LotView {
  ctx.write((audit) => {
    const lot = requireLot(ctx, input.lotId);
    requireEditableProduct(ctx, lot.product_id, 'changing its lots');
    checkFields(ctx, lot.product_id, input.changes, lot.id);
    const next: LotRow = { ...lot };
    const records: AuditRecord[] = [];
    for (const [field, column] of Object.entries(FIELD_COLUMNS) as [keyof typeof FIELD_COLUMNS, keyof LotRow][]) {
      const value = input.changes[field];
      if (value === undefined) continue;
      const stored = value === null ? null : value;
      const old = lot[column] as string | null;
      if ((old ?? '') === (stored ?? '')) continue;
      (next as unknown as Record<string, unknown>)[column] = stored ?? (column === 'retest_on' || column === 'expiry_on' || column === 'milestone_id' ? null : '');
      // The trail names the milestone, never its id.
      const shown = (v: string | null) => (field === 'milestoneId' && v ? (ctx.repos.pathway.milestone(v)?.name ?? v) : v);
      records.push({ entity: 'lot', entityId: lot.id, productId: lot.product_id, action: 'update', field, oldValue: shown(old), newValue: shown(stored) });
    }
    if (records.length === 0) return;
    next.updated_at = ctx.now();
    ctx.repos.lots.updateLot(next);
    audit(...records);
    audit.summarise(`Changed lot ${next.lot_number}`);
  });
  return lotView(ctx, input.lotId);
}

/**
 * A lot's release finishes the pathway milestone it serves (e.g. "Toxicology lot manufactured
 * and released") when that milestone has no actual finish yet: the release is its predecessor.
 */
function finishServedMilestone(ctx: ServiceContext, lot: LotRow, audit: Audit) {
  const m = ctx.repos.pathway.milestone(lot.milestone_id!);
  if (!m || m.product_id !== lot.product_id || m.actual_finish) return;
  const today = ctx.today();
  const changes = { ...(m.actual_start ? {} : { actualStart: today }), actualFinish: today };
  ctx.repos.pathway.updateMilestone(m.id, changes, ctx.now());
  for (const [field, value] of Object.entries(changes)) {
    audit({ entity: 'milestone', entityId: m.id, productId: lot.product_id, action: 'update', field, oldValue: null, newValue: value, reason: `Lot ${lot.lot_number} released` });
  }
  syncDerived(ctx, lot.product_id, audit);
}

/**
 * Moves a lot through in production → on test → released / rejected / quarantined. Release is
 * refused while a required result is missing or OOS, unless a deviation with its justification
 * is recorded, and while an OOS result has no investigation note.
 */
export function setLotStatus(ctx: ServiceContext, input: z.output<typeof LotStatusInput>): LotView {
  ctx.write((audit) => {
    const lot = requireLot(ctx, input.lotId);
    requireEditableProduct(ctx, lot.product_id, 'changing its lots');
    const next: LotRow = { ...lot, updated_at: ctx.now() };
    const records: AuditRecord[] = [];
    const deviation = input.deviation?.trim();
    if (deviation !== undefined && deviation !== lot.deviation) {
      next.deviation = deviation;
      records.push({ entity: 'lot', entityId: lot.id, productId: lot.product_id, action: 'update', field: 'deviation', oldValue: lot.deviation || null, newValue: deviation || null, reason: input.reason ?? null });
    }
    if (input.status !== lot.status) {
      if (input.status === 'released') {
        ctx.repos.lots.updateLot(next); // the deviation counts for this release
        const blockers = lotView(ctx, lot.id).lot.releaseBlockers;
        if (blockers.length > 0) {
          throw new AppError('CONFLICT', `Lot ${lot.lot_number} cannot be released: ${blockers.join('; ')}.`, blockers.map((message) => ({ path: 'status', message })));
        }
        next.released_on = ctx.today();
      } else if (lot.status === 'released') {
        next.released_on = null;
      }
      next.status = input.status;
      records.push({ entity: 'lot', entityId: lot.id, productId: lot.product_id, action: 'update', field: 'status', oldValue: lot.status, newValue: input.status, reason: input.reason ?? null });
    }
    if (records.length === 0) return;
    ctx.repos.lots.updateLot(next);
    audit(...records);
    if (input.status === 'released' && lot.status !== 'released' && lot.milestone_id) finishServedMilestone(ctx, lot, audit);
    audit.summarise(`Lot ${lot.lot_number}: ${LOT_STATUS_LABELS[input.status].toLowerCase()}`);
  });
  return lotView(ctx, input.lotId);
}
