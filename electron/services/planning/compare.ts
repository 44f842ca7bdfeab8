import type { PlanComparison, PlanRef } from '../../contract';
import { diffDays } from '../../contract/dates';
import { explainMove, schedulePlan, type Plan } from '../../domain/plan';
import type { Schedule } from '../../domain/schedule';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { requireProduct } from '../lookups';
import { keyDatesOf, parseSnapshot } from '../pathway/snapshot';
import { datedMilestones, finishesOf, livePlan, requireScenario, type StoredChange } from './plans';

interface ResolvedPlan {
  name: string;
  plan: Plan | null;
  dated: Array<{ id: string; key: string | null; name: string; start?: string; finish: string }>;
  projectFinish: string | null;
  criticalPath: string[];
  changes: StoredChange[];
  schedule: Schedule | null;
  /** For a scenario: finish dates as they were when it started, so it explains only its own changes. */
  startedFrom: Map<string, string> | null;
}

/** A plan of any kind, scheduled, for comparison. */
function resolvePlan(ctx: ServiceContext, productId: string, ref: PlanRef): ResolvedPlan {
  const today = ctx.today();
  if (ref.kind === 'baseline') {
    const b = ctx.repos.baselines.get(ref.id);
    if (!b || b.product_id !== productId) throw notFound('baseline', ref.id);
    const snap = parseSnapshot(b);
    return { name: `Baseline: ${b.name}`, plan: null, dated: snap.milestones, projectFinish: snap.projectFinish, criticalPath: snap.criticalPath, changes: [], schedule: null, startedFrom: null };
  }
  const scenario = ref.kind === 'scenario' ? requireScenario(ctx, ref.id) : null;
  if (scenario && scenario.productId !== productId) throw notFound('planning scenario', scenario.id);
  const plan = scenario ? scenario.plan : livePlan(ctx, productId);
  const schedule = schedulePlan(plan, today);
  return {
    name: scenario ? `Scenario: ${scenario.name}` : 'Live plan',
    plan,
    dated: datedMilestones(plan, schedule),
    projectFinish: schedule.projectFinish,
    criticalPath: schedule.criticalPath,
    changes: scenario ? scenario.changes : [],
    schedule,
    startedFrom: scenario ? finishesOf(scenario.base, today) : null,
  };
}

export function comparePlans(ctx: ServiceContext, productId: string, refs: PlanRef[]): PlanComparison {
  requireProduct(ctx, productId);
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
  const live = plans.find((p) => p.ref.kind === 'live')?.plan ?? livePlan(ctx, productId);
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
