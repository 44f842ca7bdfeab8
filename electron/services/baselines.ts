import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BaselineRow } from '../../db/repositories/baselines';
import { KEY_DATES, type Baseline, type PathwayView } from '../contract';
import { diffDays } from '../contract/dates';
import type { ServiceContext } from './context';
import { AppError, notFound } from './errors';
import type { HandlerMap } from './handlers';

/** What a baseline keeps of the plan: every milestone's dates as forecast then, and the shape that produced them. */
const Snapshot = z.object({
  startDate: z.string().nullable(),
  calendar: z.string(),
  projectFinish: z.string().nullable(),
  criticalPath: z.array(z.string()),
  milestones: z.array(
    z.object({ id: z.string(), key: z.string().nullable(), name: z.string(), durationDays: z.number(), start: z.string(), finish: z.string() }),
  ),
  dependencies: z.array(z.object({ predecessorId: z.string(), successorId: z.string(), lagDays: z.number() })),
});
type Snapshot = z.infer<typeof Snapshot>;

export function snapshotOf(view: PathwayView): Snapshot {
  return {
    startDate: view.startDate,
    calendar: view.calendar,
    projectFinish: view.projectFinish,
    criticalPath: view.criticalPath,
    milestones: view.stages.flatMap((s) =>
      s.milestones.map((m) => ({
        id: m.id,
        key: m.key,
        name: m.name,
        durationDays: m.durationDays,
        start: m.actualStart ?? m.forecastStart,
        finish: m.actualFinish ?? m.forecastFinish,
      })),
    ),
    dependencies: view.dependencies,
  };
}

const parse = (row: BaselineRow): Snapshot => Snapshot.parse(JSON.parse(row.snapshot));

/** The key dates of a plan, by milestone key (the first key the plan has wins). */
export function keyDatesOf(milestones: ReadonlyArray<{ key: string | null; finish: string }>) {
  return KEY_DATES.map((k) => {
    const found = k.keys.map((key) => milestones.find((m) => m.key === key)).find(Boolean);
    return { id: k.id, label: k.label, date: found?.finish ?? null };
  });
}

function toBaseline(row: BaselineRow): Baseline {
  const snapshot = parse(row);
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

/** Dates of the reference baseline by milestone id, for the pathway view and timeline. */
export function referenceFinishes(ctx: ServiceContext, productId: string) {
  const row = ctx.repos.baselines.reference(productId);
  if (!row) return null;
  return { id: row.id, name: row.name, createdAt: row.created_at, dates: new Map(parse(row).milestones.map((m) => [m.id, { start: m.start, finish: m.finish }])) };
}

function requireProductId(ctx: ServiceContext, productId: string) {
  if (!ctx.repos.products.get(productId)) throw notFound('product', productId);
}

function requireBaseline(ctx: ServiceContext, id: string) {
  const row = ctx.repos.baselines.get(id);
  if (!row) throw notFound('baseline', id);
  return row;
}

export function makeBaselineHandlers(loadView: (ctx: ServiceContext, productId: string) => PathwayView): HandlerMap<'baselines.list' | 'baselines.create' | 'baselines.setReference' | 'baselines.compare'> {
  return {
    'baselines.list': ({ productId }, ctx) => {
      requireProductId(ctx, productId);
      return ctx.repos.baselines.list(productId).map(toBaseline);
    },
    'baselines.create': ({ productId, name, reference }, ctx) =>
      ctx.write((audit) => {
        requireProductId(ctx, productId);
        const view = loadView(ctx, productId);
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
      const snapshot = parse(row);
      const live = snapshotOf(loadView(ctx, row.product_id));
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
}
