import type { Audit, ServiceContext } from '../context';
import { AppError } from '../errors';
import { syncDerived } from '../pathway/writes';
import { loadPathwayView } from '../pathway/view';
import { livePlan, type Scenario } from './plans';

/**
 * Writes a scenario's plan over the live one, inside the caller's transaction: milestones it
 * dropped, added or changed, and dependencies it dropped, added or re-lagged, each audited with
 * the session's name and reason, so the whole apply reads as one change set.
 */
export function applyScenario(ctx: ServiceContext, scenario: Scenario, reason: string, audit: Audit) {
  const { plan, productId } = scenario;
  const live = livePlan(ctx, productId);
  const why = `Planning session "${scenario.name}": ${reason}`;
  const now = ctx.now();
  const { pathway } = ctx.repos;
  const liveById = new Map(live.milestones.map((m) => [m.id, m]));
  const planIds = new Set(plan.milestones.map((m) => m.id));
  const stageIds = new Set(live.stages.map((s) => s.id));
  // Milestones dropped in the scenario go first (their dependencies with them).
  for (const m of live.milestones) {
    if (planIds.has(m.id)) continue;
    pathway.deleteMilestone(m.id);
    audit({ entity: 'milestone', entityId: m.id, productId, action: 'delete', oldValue: m.name, reason: why });
  }
  for (const m of plan.milestones) {
    const before = liveById.get(m.id);
    if (!before) {
      if (!stageIds.has(m.stageId)) throw new AppError('CONFLICT', `The stage of "${m.name}" no longer exists in the live plan.`);
      pathway.insertMilestone(
        { id: m.id, product_id: productId, stage_id: m.stageId, key: null, name: m.name, description: '', duration_days: m.durationDays, gate: 0, citation: '', clock_event: null, meeting_type: m.meetingType, position: pathway.stageOrder(m.stageId).length, owner: '', notes: '', planned_start: m.plannedStart, planned_finish: null, actual_start: null, actual_finish: null },
        now,
      );
      audit({ entity: 'milestone', entityId: m.id, productId, action: 'create', newValue: JSON.stringify({ name: m.name, durationDays: m.durationDays }), reason: why });
      continue;
    }
    if (before.durationDays !== m.durationDays) {
      pathway.updateMilestone(m.id, { durationDays: m.durationDays }, now);
      audit({ entity: 'milestone', entityId: m.id, productId, action: 'update', field: 'durationDays', oldValue: String(before.durationDays), newValue: String(m.durationDays), reason: why });
    }
    if (before.plannedStart !== m.plannedStart) {
      pathway.updateMilestone(m.id, { plannedStart: m.plannedStart }, now);
      audit({ entity: 'milestone', entityId: m.id, productId, action: 'update', field: 'plannedStart', oldValue: before.plannedStart, newValue: m.plannedStart, reason: why });
    }
    if (before.meetingType !== m.meetingType) {
      pathway.setMeetingType(m.id, m.meetingType, now);
      audit({ entity: 'milestone', entityId: m.id, productId, action: 'update', field: 'meetingType', oldValue: before.meetingType, newValue: m.meetingType, reason: why });
    }
  }
  const key = (d: { predecessorId: string; successorId: string }) => `${d.predecessorId}>${d.successorId}`;
  // Dependencies of dropped milestones went with them (ON DELETE CASCADE): read what is left.
  const liveDeps = new Map(pathway.dependencies(productId).map((d) => [`${d.predecessor_id}>${d.successor_id}`, d.lag_days]));
  const planDeps = new Map(plan.dependencies.map((d) => [key(d), d]));
  for (const [k, lag] of liveDeps) {
    if (planDeps.has(k)) continue;
    const [p, s] = k.split('>') as [string, string];
    pathway.deleteDependency(p, s);
    audit({ entity: 'dependency', entityId: k, productId, action: 'delete', field: 'lagDays', oldValue: String(lag), reason: why });
  }
  for (const [k, d] of planDeps) {
    const lag = liveDeps.get(k);
    if (lag === undefined) {
      pathway.insertDependency(d.predecessorId, d.successorId, d.lagDays);
      audit({ entity: 'dependency', entityId: k, productId, action: 'create', field: 'lagDays', newValue: String(d.lagDays), reason: why });
    } else if (lag !== d.lagDays) {
      pathway.updateDependency(d.predecessorId, d.successorId, d.lagDays);
      audit({ entity: 'dependency', entityId: k, productId, action: 'update', field: 'lagDays', oldValue: String(lag), newValue: String(d.lagDays), reason: why });
    }
  }
  ctx.repos.scenarios.setStatus(scenario.id, 'applied', now);
  audit({ entity: 'scenario', entityId: scenario.id, productId, action: 'update', field: 'status', oldValue: 'open', newValue: 'applied', reason: why });
  audit.summarise(`Applied the planning session “${scenario.name}”: ${reason}`);
  syncDerived(ctx, productId, audit);
  loadPathwayView(ctx, productId); // proves the applied plan schedules (no cycle) before commit
}
