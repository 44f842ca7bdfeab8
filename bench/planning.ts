import { randomUUID } from 'node:crypto';
import type { PlanRef } from '../electron/contract';
import { applyEdit, schedulePlan } from '../electron/domain/plan';
import { call, tempBackend } from '../electron/test-support/backend';
import { livePlan } from '../electron/services/planning/plans';
import { timeMs, type BenchResult } from './harness';
import { productWithMilestones } from './pathway';

/** Planning sessions on a 500-milestone plan: one edit recomputed (engine and dispatcher), and four plans compared. */
export async function benchPlanning(): Promise<BenchResult[]> {
  const backend = tempBackend();
  try {
    const { productId, first } = await productWithMilestones(backend, 500);
    const plan = livePlan(backend.ctx, productId);
    const today = backend.ctx.today();
    let days = 5;
    const engineMs = await timeMs(() => {
      days = days === 5 ? 6 : 5;
      const edited = applyEdit(plan, { type: 'duration', milestoneId: first, durationDays: days }, randomUUID).plan;
      return schedulePlan(edited, today).projectFinish;
    });
    const scenario = await call(backend, 'scenarios.create', { productId, name: 'Bench A' });
    const dispatchMs = await timeMs(() => {
      days = days === 5 ? 6 : 5;
      return call(backend, 'scenarios.edit', { id: scenario.id, edit: { type: 'duration', milestoneId: first, durationDays: days } });
    });
    const other = await call(backend, 'scenarios.create', { productId, name: 'Bench B' });
    await call(backend, 'scenarios.edit', { id: other.id, edit: { type: 'duration', milestoneId: first, durationDays: 30 } });
    const [baseline] = await call(backend, 'baselines.create', { productId, name: 'Bench baseline' });
    const plans: PlanRef[] = [{ kind: 'baseline', id: baseline!.id }, { kind: 'live' }, { kind: 'scenario', id: scenario.id }, { kind: 'scenario', id: other.id }];
    const compareMs = await timeMs(() => call(backend, 'plans.compare', { productId, plans }));
    return [
      { name: 'scenario.recompute.engine.500', value: engineMs, unit: 'ms' },
      { name: 'dispatch.scenarios.edit.500', value: dispatchMs, unit: 'ms' },
      { name: 'dispatch.plans.compare.4x500', value: compareMs, unit: 'ms' },
    ];
  } finally {
    backend.cleanup();
  }
}
