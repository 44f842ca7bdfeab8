import { randomUUID } from 'node:crypto';
import type { BaselineRow } from '../../../db/repositories/baselines';
import type { Baseline } from '../../contract';
import { diffDays } from '../../contract/dates';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { HandlerMap } from '../handlers';
import { requireProduct } from '../lookups';
import { keyDatesOf, parseSnapshot, snapshotOf } from '../pathway/snapshot';
import { loadPathwayView } from '../pathway/view';

function toBaseline(row: BaselineRow): Baseline {
  const snapshot = parseSnapshot(row);
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    createdAt: row.created_at,
    isReference: row.is_reference === 1,
    projectFinish: snapshot.projectFinish,
    keyDates: keyDatesOf(snapshot.milestones),
  };
}

export function requireBaseline(ctx: ServiceContext, id: string) {
  const row = ctx.repos.baselines.get(id);
  if (!row) throw notFound('baseline', id);
  return row;
}

export const baselineHandlers: HandlerMap<'baselines.list' | 'baselines.create' | 'baselines.setReference' | 'baselines.compare'> = {
  'baselines.list': ({ productId }, ctx) => {
    requireProduct(ctx, productId);
    return ctx.repos.baselines.list(productId).map(toBaseline);
  },
  'baselines.create': ({ productId, name, reference }, ctx) =>
    ctx.write((audit) => {
      const view = loadPathwayView(ctx, productId);
      if (view.stages.length === 0) throw new AppError('CONFLICT', 'This product has no pathway to save as a baseline. Set one up first.');
      const id = randomUUID();
      ctx.repos.baselines.insert({ id, product_id: productId, name, created_at: ctx.now(), is_reference: 0, snapshot: JSON.stringify(snapshotOf(view)) });
      if (reference) ctx.repos.baselines.makeReference(productId, id);
      audit({ entity: 'baseline', entityId: id, productId, action: 'create', field: 'name', newValue: name, reason: reference ? 'Saved as the reference baseline' : null });
      return ctx.repos.baselines.list(productId).map(toBaseline);
    }),
  'baselines.setReference': ({ id }, ctx) =>
    ctx.write((audit) => {
      const row = requireBaseline(ctx, id);
      const before = ctx.repos.baselines.reference(row.product_id);
      ctx.repos.baselines.makeReference(row.product_id, id);
      audit({ entity: 'baseline', entityId: id, productId: row.product_id, action: 'update', field: 'reference', oldValue: before?.name ?? null, newValue: row.name });
      return ctx.repos.baselines.list(row.product_id).map(toBaseline);
    }),
  'baselines.compare': ({ id }, ctx) => {
    const row = requireBaseline(ctx, id);
    const snapshot = parseSnapshot(row);
    const live = snapshotOf(loadPathwayView(ctx, row.product_id));
    const baseFinish = new Map(snapshot.milestones.map((m) => [m.id, m.finish]));
    const liveKeys = keyDatesOf(live.milestones);
    const baseKeys = keyDatesOf(snapshot.milestones);
    return {
      baseline: toBaseline(row),
      keyDates: liveKeys.map((k, i) => {
        const base = baseKeys[i]!.date;
        return { id: k.id, label: k.label, baseline: base, live: k.date, varianceDays: base && k.date ? diffDays(base, k.date) : null };
      }),
      milestones: live.milestones.map((m) => {
        const base = baseFinish.get(m.id) ?? null;
        return { milestoneId: m.id, name: m.name, baselineFinish: base, liveFinish: m.finish, varianceDays: base ? diffDays(base, m.finish) : null };
      }),
    };
  },
};
