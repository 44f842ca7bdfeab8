import { randomUUID } from 'node:crypto';
import type { ClockEventId, MeetingTypeId, PlanComparison, PlanRef, ScenarioView } from '../contract';
import { computeClocks } from '../domain/clocks';
import { diffDays } from '../contract/dates';
import { applyEdit, explainMove, PlanEditError, schedulePlan, type Plan, type PlanEdit } from '../domain/plan';
import type { Schedule } from '../domain/schedule';
import { keyDatesOf } from './baselines';
import type { ServiceContext } from './context';
import { AppError, notFound } from './errors';
import type { HandlerMap } from './handlers';
import { loadPathwayView, requireProductId, syncDerived } from './pathway';

interface StoredChange {
  at: string;
  description: string;
  edit: PlanEdit;
  touched: string[];
}

interface ScenarioRow {
  id: string;
  product_id: string;
  name: string;
  status: 'open' | 'applied' | 'discarded';
  base: string;
  plan: string;
  changes: string;
  created_at: string;
  updated_at: string;
}

/** The live plan's facts (not its computed dates): what a scenario copies and edits. */
export function livePlan(ctx: ServiceContext, productId: string): Plan {
  const settings = ctx.repos.pathway.settings(productId)!;
  return {
    startDate: settings.start_date ?? ctx.today(),
    calendar: settings.calendar,
    stages: ctx.repos.pathway.stages(productId).map((s) => ({ id: s.id, name: s.name })),
    milestones: ctx.repos.pathway.milestones(productId).map((m) => ({
      id: m.id,
      stageId: m.stage_id,
      key: m.key,
      name: m.name,
      durationDays: m.duration_days,
      plannedStart: m.planned_start,
      plannedFinish: m.planned_finish,
      actualStart: m.actual_start,
      actualFinish: m.actual_finish,
      meetingType: m.meeting_type,
      clockEvent: m.clock_event,
    })),
    dependencies: ctx.repos.pathway.dependencies(productId).map((d) => ({ predecessorId: d.predecessor_id, successorId: d.successor_id, lagDays: d.lag_days })),
  };
}

const row = (ctx: ServiceContext, id: string) => {
  const r = ctx.db.prepare('SELECT * FROM scenario WHERE id = ?').get(id) as ScenarioRow | undefined;
  if (!r) throw notFound('planning scenario', id);
  return r;
};

const finishes = (plan: Plan, schedule: Schedule) => {
  const at = new Map(schedule.milestones.map((m) => [m.id, m]));
  return plan.milestones.map((m) => ({ ...m, start: m.actualStart ?? at.get(m.id)!.forecastStart, finish: m.actualFinish ?? at.get(m.id)!.forecastFinish, critical: at.get(m.id)!.critical }));
};

export function scenarioView(ctx: ServiceContext, r: ScenarioRow): ScenarioView {
  const plan = JSON.parse(r.plan) as Plan;
  const base = JSON.parse(r.base) as Plan;
  const today = ctx.today();
  const schedule = schedulePlan(plan, today);
  const dated = finishes(plan, schedule);
  const baseFinish = new Map(finishes(base, schedulePlan(base, today)).map((m) => [m.id, m.finish]));
  return {
    id: r.id,
    productId: r.product_id,
    name: r.name,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    changes: (JSON.parse(r.changes) as StoredChange[]).map(({ at, description, edit }) => ({ at, description, edit })),
    keyDates: keyDatesOf(dated),
    projectFinish: schedule.projectFinish,
    milestones: dated.map((m) => {
      const before = baseFinish.get(m.id);
      return { id: m.id, stageId: m.stageId, key: m.key, name: m.name, durationDays: m.durationDays, start: m.start, finish: m.finish, critical: m.critical, movedDays: before ? diffDays(before, m.finish) : null };
    }),
    dependencies: plan.dependencies,
    stages: plan.stages,
    // The clocks the scenario's dates would start: each clock milestone at its forecast date.
    clocks: dated
      // Scenarios saved before plans carried clock events take them from the live milestone.
      .map((m) => ({ ...m, clockEvent: m.clockEvent === undefined ? (ctx.repos.pathway.milestone(m.id)?.clock_event ?? null) : m.clockEvent }))
      .filter((m) => m.clockEvent)
      .map((m) => ({
        milestoneId: m.id,
        milestone: m.name,
        event: m.clockEvent!,
        date: m.finish,
        deadlines: computeClocks(m.clockEvent as ClockEventId, m.finish, { meetingType: (m.meetingType ?? undefined) as MeetingTypeId | undefined, years: 1 }),
      })),
  };
}

function requireOpen(r: ScenarioRow) {
  if (r.status !== 'open') throw new AppError('CONFLICT', `The planning scenario "${r.name}" was ${r.status}; start a new one to keep planning.`);
}

/** A plan of any kind, scheduled, for comparison. */
function resolvePlan(ctx: ServiceContext, productId: string, ref: PlanRef): { name: string; plan: Plan | null; dated: Array<{ id: string; key: string | null; name: string; start?: string; finish: string }>; projectFinish: string | null; criticalPath: string[]; changes: StoredChange[]; schedule: Schedule | null; startedFrom: Map<string, string> | null } {
  const today = ctx.today();
  if (ref.kind === 'baseline') {
    const b = ctx.repos.baselines.get(ref.id);
    if (!b || b.product_id !== productId) throw notFound('baseline', ref.id);
    const snap = JSON.parse(b.snapshot) as { projectFinish: string | null; criticalPath: string[]; milestones: Array<{ id: string; key: string | null; name: string; start: string; finish: string }> };
    return { name: `Baseline: ${b.name}`, plan: null, dated: snap.milestones, projectFinish: snap.projectFinish, criticalPath: snap.criticalPath, changes: [], schedule: null, startedFrom: null };
  }
  const r = ref.kind === 'scenario' ? row(ctx, ref.id) : null;
  if (r && r.product_id !== productId) throw notFound('planning scenario', r.id);
  const plan = r ? (JSON.parse(r.plan) as Plan) : livePlan(ctx, productId);
  const schedule = schedulePlan(plan, today);
  // A scenario explains only what its own changes moved: dates as they were when it started.
  const base = r ? (JSON.parse(r.base) as Plan) : null;
  const startedFrom = base ? new Map(finishes(base, schedulePlan(base, today)).map((m) => [m.id, m.finish])) : null;
  return {
    name: r ? `Scenario: ${r.name}` : 'Live plan',
    plan,
    dated: finishes(plan, schedule),
    projectFinish: schedule.projectFinish,
    criticalPath: schedule.criticalPath,
    changes: r ? (JSON.parse(r.changes) as StoredChange[]) : [],
    schedule,
    startedFrom,
  };
}

export function comparePlans(ctx: ServiceContext, productId: string, refs: PlanRef[]): PlanComparison {
  requireProductId(ctx, productId);
  const plans = refs.map((ref) => ({ ref, ...resolvePlan(ctx, productId, ref) }));
  const names = new Map(plans.flatMap((p) => p.dated.map((m) => [m.id, m.name] as const)));
  const byPlan = plans.map((p) => new Map(p.dated.map((m) => [m.id, m.finish])));
  const first = byPlan[0]!;
  const ids = [...new Set(plans.flatMap((p) => p.dated.map((m) => m.id)))];
  const moved = ids
    .map((id) => {
      const fs = byPlan.map((m) => m.get(id) ?? null);
      const deltas = fs.map((f) => (f && first.get(id) ? diffDays(first.get(id)!, f) : null));
      const why = plans.map((p, i) => {
        if (i === 0 || !deltas[i] || !p.plan || !p.schedule) return null;
        const before = p.startedFrom?.get(id);
        if (p.startedFrom && before === byPlan[i]!.get(id)) return 'already so in the live plan when the scenario started';
        return explainMove(p.plan, p.schedule, id, p.changes);
      });
      return { milestoneId: id, name: names.get(id) ?? id, finishes: fs, deltas, why };
    })
    .filter((m) => m.deltas.some((d, i) => i > 0 && d !== 0) || m.finishes.some((f) => f === null));
  // Stages as the live plan has them; a baseline's milestones are placed by their id.
  const live = livePlan(ctx, productId);
  const stageOf = new Map<string, string>(live.milestones.map((m) => [m.id, m.stageId]));
  for (const p of plans) for (const m of p.plan?.milestones ?? []) if (!stageOf.has(m.id)) stageOf.set(m.id, m.stageId);
  const stages = live.stages.map((stage) => ({
    id: stage.id,
    name: stage.name,
    spans: plans.map((p) => {
      const ms = p.dated.filter((m) => stageOf.get(m.id) === stage.id);
      if (ms.length === 0) return null;
      const from = ms.map((m) => m.start ?? m.finish).sort()[0]!;
      const to = ms.map((m) => m.finish).sort().at(-1)!;
      return { from, to };
    }),
  }));
  return {
    plans: plans.map((p) => ({ ref: p.ref, name: p.name, keyDates: keyDatesOf(p.dated), projectFinish: p.projectFinish, criticalPath: p.criticalPath.map((id) => names.get(id) ?? id) })),
    stages,
    moved,
  };
}

type Channels = 'scenarios.list' | 'scenarios.create' | 'scenarios.get' | 'scenarios.edit' | 'scenarios.apply' | 'scenarios.discard' | 'plans.compare';

export const scenarioHandlers: HandlerMap<Channels> = {
  'scenarios.list': ({ productId }, ctx) => {
    requireProductId(ctx, productId);
    const rows = ctx.db.prepare('SELECT * FROM scenario WHERE product_id = ? ORDER BY created_at DESC').all(productId) as ScenarioRow[];
    return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at, changeCount: (JSON.parse(r.changes) as unknown[]).length }));
  },
  'scenarios.create': ({ productId, name }, ctx) =>
    ctx.write((audit) => {
      const product = requireProductId(ctx, productId);
      if (product.archivedAt) throw new AppError('CONFLICT', `"${product.name}" is archived. Restore it before planning.`);
      if (ctx.repos.pathway.stages(productId).length === 0) throw new AppError('CONFLICT', 'This product has no pathway to plan with. Set one up first.');
      const plan = JSON.stringify(livePlan(ctx, productId));
      const id = randomUUID();
      const now = ctx.now();
      ctx.db.prepare('INSERT INTO scenario (id, product_id, name, status, base, plan, changes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(id, productId, name, 'open', plan, plan, '[]', now, now);
      audit({ entity: 'scenario', entityId: id, productId, action: 'create', field: 'name', newValue: name });
      return scenarioView(ctx, row(ctx, id));
    }),
  'scenarios.get': ({ id }, ctx) => scenarioView(ctx, row(ctx, id)),
  'scenarios.edit': ({ id, edit }, ctx) =>
    ctx.write(() => {
      const r = row(ctx, id);
      requireOpen(r);
      let result: ReturnType<typeof applyEdit>;
      try {
        result = applyEdit(JSON.parse(r.plan) as Plan, edit as PlanEdit, randomUUID);
      } catch (error) {
        if (error instanceof PlanEditError) throw new AppError('CONFLICT', error.message);
        throw error;
      }
      const now = ctx.now();
      const changes = [...(JSON.parse(r.changes) as StoredChange[]), { at: now, description: result.description, edit: edit as PlanEdit, touched: result.touched }];
      // Stored at once: a crash mid-session loses nothing. The live plan is not touched (no audit rows for drafts).
      ctx.db.prepare('UPDATE scenario SET plan = ?, changes = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(result.plan), JSON.stringify(changes), now, id);
      return scenarioView(ctx, row(ctx, id));
    }),
  'scenarios.discard': ({ id, reason }, ctx) =>
    ctx.write((audit) => {
      const r = row(ctx, id);
      requireOpen(r);
      ctx.db.prepare(`UPDATE scenario SET status = 'discarded', updated_at = ? WHERE id = ?`).run(ctx.now(), id);
      audit({ entity: 'scenario', entityId: id, productId: r.product_id, action: 'update', field: 'status', oldValue: 'open', newValue: 'discarded', reason: reason ?? null });
      return scenarioView(ctx, row(ctx, id));
    }),
  'scenarios.apply': ({ id, reason }, ctx) =>
    ctx.write((audit) => {
      const r = row(ctx, id);
      requireOpen(r);
      const product = requireProductId(ctx, r.product_id);
      if (product.archivedAt) throw new AppError('CONFLICT', `"${product.name}" is archived. Restore it before applying a scenario.`);
      const plan = JSON.parse(r.plan) as Plan;
      const live = livePlan(ctx, r.product_id);
      const why = `Planning session "${r.name}": ${reason}`;
      const now = ctx.now();
      const { pathway } = ctx.repos;
      const liveById = new Map(live.milestones.map((m) => [m.id, m]));
      const planIds = new Set(plan.milestones.map((m) => m.id));
      const stageIds = new Set(live.stages.map((s) => s.id));
      // Milestones dropped in the scenario go first (their dependencies with them).
      for (const m of live.milestones) {
        if (planIds.has(m.id)) continue;
        pathway.deleteMilestone(m.id);
        audit({ entity: 'milestone', entityId: m.id, productId: r.product_id, action: 'delete', oldValue: m.name, reason: why });
      }
      for (const m of plan.milestones) {
        const before = liveById.get(m.id);
        if (!before) {
          if (!stageIds.has(m.stageId)) throw new AppError('CONFLICT', `The stage of "${m.name}" no longer exists in the live plan.`);
          pathway.insertMilestone(
            { id: m.id, product_id: r.product_id, stage_id: m.stageId, key: null, name: m.name, description: '', duration_days: m.durationDays, gate: 0, citation: '', clock_event: null, meeting_type: m.meetingType, position: pathway.stageOrder(m.stageId).length, owner: '', notes: '', planned_start: m.plannedStart, planned_finish: null, actual_start: null, actual_finish: null },
            now,
          );
          audit({ entity: 'milestone', entityId: m.id, productId: r.product_id, action: 'create', newValue: JSON.stringify({ name: m.name, durationDays: m.durationDays }), reason: why });
          continue;
        }
        if (before.durationDays !== m.durationDays) {
          pathway.updateMilestone(m.id, { durationDays: m.durationDays }, now);
          audit({ entity: 'milestone', entityId: m.id, productId: r.product_id, action: 'update', field: 'durationDays', oldValue: String(before.durationDays), newValue: String(m.durationDays), reason: why });
        }
        if (before.plannedStart !== m.plannedStart) {
          pathway.updateMilestone(m.id, { plannedStart: m.plannedStart }, now);
          audit({ entity: 'milestone', entityId: m.id, productId: r.product_id, action: 'update', field: 'plannedStart', oldValue: before.plannedStart, newValue: m.plannedStart, reason: why });
        }
        if (before.meetingType !== m.meetingType) {
          ctx.db.prepare('UPDATE milestone SET meeting_type = ?, updated_at = ? WHERE id = ?').run(m.meetingType, now, m.id);
          audit({ entity: 'milestone', entityId: m.id, productId: r.product_id, action: 'update', field: 'meetingType', oldValue: before.meetingType, newValue: m.meetingType, reason: why });
        }
      }
      const key = (d: { predecessorId: string; successorId: string }) => `${d.predecessorId}>${d.successorId}`;
      const liveDeps = new Map(pathway.dependencies(r.product_id).map((d) => [`${d.predecessor_id}>${d.successor_id}`, d.lag_days]));
      const planDeps = new Map(plan.dependencies.map((d) => [key(d), d]));
      for (const [k, lag] of liveDeps) {
        if (planDeps.has(k)) continue;
        const [p, s] = k.split('>') as [string, string];
        pathway.deleteDependency(p, s);
        audit({ entity: 'dependency', entityId: k, productId: r.product_id, action: 'delete', field: 'lagDays', oldValue: String(lag), reason: why });
      }
      for (const [k, d] of planDeps) {
        const lag = liveDeps.get(k);
        if (lag === undefined) {
          pathway.insertDependency(d.predecessorId, d.successorId, d.lagDays);
          audit({ entity: 'dependency', entityId: k, productId: r.product_id, action: 'create', field: 'lagDays', newValue: String(d.lagDays), reason: why });
        } else if (lag !== d.lagDays) {
          pathway.updateDependency(d.predecessorId, d.successorId, d.lagDays);
          audit({ entity: 'dependency', entityId: k, productId: r.product_id, action: 'update', field: 'lagDays', oldValue: String(lag), newValue: String(d.lagDays), reason: why });
        }
      }
      ctx.db.prepare(`UPDATE scenario SET status = 'applied', updated_at = ? WHERE id = ?`).run(now, id);
      audit({ entity: 'scenario', entityId: id, productId: r.product_id, action: 'update', field: 'status', oldValue: 'open', newValue: 'applied', reason: why });
      syncDerived(ctx, r.product_id, audit);
      loadPathwayView(ctx, r.product_id); // proves the applied plan schedules (no cycle) before commit
      return scenarioView(ctx, row(ctx, id));
    }),
  'plans.compare': ({ productId, plans }, ctx) => comparePlans(ctx, productId, plans),
};
