import type { ScenarioRow } from '../../../db/repositories/scenarios';
import type { ScenarioView } from '../../contract';
import { diffDays } from '../../contract/dates';
import { computeClocks } from '../../domain/clocks';
import { schedulePlan, type Plan, type PlanEdit } from '../../domain/plan';
import type { Schedule } from '../../domain/schedule';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { keyDatesOf } from '../pathway/snapshot';
import { toDependency } from '../pathway/schedule';
import { member } from '../vocabulary';
import { CLOCK_EVENT_IDS, MEETING_TYPE_IDS } from '../../contract';

/** One edit of a scenario as stored: what the person did, and which milestones it touched. */
export interface StoredChange {
  at: string;
  description: string;
  edit: PlanEdit;
  touched: string[];
}

const SCENARIO_STATUSES = ['open', 'applied', 'discarded'] as const;

/** A stored scenario with its JSON decoded (written only by this service, so it is trusted). */
export interface Scenario {
  id: string;
  productId: string;
  name: string;
  status: (typeof SCENARIO_STATUSES)[number];
  base: Plan;
  plan: Plan;
  changes: StoredChange[];
  createdAt: string;
  updatedAt: string;
}

export function decodeScenario(r: ScenarioRow): Scenario {
  return {
    id: r.id,
    productId: r.product_id,
    name: r.name,
    status: member(SCENARIO_STATUSES, r.status, 'scenario status'),
    base: JSON.parse(r.base) as Plan,
    plan: JSON.parse(r.plan) as Plan,
    changes: JSON.parse(r.changes) as StoredChange[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function requireScenario(ctx: ServiceContext, id: string): Scenario {
  const r = ctx.repos.scenarios.get(id);
  if (!r) throw notFound('planning scenario', id);
  return decodeScenario(r);
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
    dependencies: ctx.repos.pathway.dependencies(productId).map(toDependency),
  };
}

/** Each milestone of a plan with the dates it stands at: actual where there is one, else forecast. */
export const datedMilestones = (plan: Plan, schedule: Schedule) => {
  const at = new Map(schedule.milestones.map((m) => [m.id, m]));
  return plan.milestones.map((m) => ({ ...m, start: m.actualStart ?? at.get(m.id)!.forecastStart, finish: m.actualFinish ?? at.get(m.id)!.forecastFinish, critical: at.get(m.id)!.critical }));
};

/** Finish dates of a plan by milestone id. */
export const finishesOf = (plan: Plan, today: string) => new Map(datedMilestones(plan, schedulePlan(plan, today)).map((m) => [m.id, m.finish]));

export function scenarioView(ctx: ServiceContext, s: Scenario): ScenarioView {
  const today = ctx.today();
  const schedule = schedulePlan(s.plan, today);
  const dated = datedMilestones(s.plan, schedule);
  const baseFinish = finishesOf(s.base, today);
  return {
    id: s.id,
    productId: s.productId,
    name: s.name,
    status: s.status,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    changes: s.changes.map(({ at, description, edit }) => ({ at, description, edit })),
    keyDates: keyDatesOf(dated),
    projectFinish: schedule.projectFinish,
    milestones: dated.map((m) => {
      const before = baseFinish.get(m.id);
      return { id: m.id, stageId: m.stageId, key: m.key, name: m.name, durationDays: m.durationDays, start: m.start, finish: m.finish, critical: m.critical, movedDays: before ? diffDays(before, m.finish) : null };
    }),
    dependencies: s.plan.dependencies,
    stages: s.plan.stages,
    // The clocks the scenario's dates would start: each clock milestone at its forecast date.
    clocks: dated
      // Scenarios saved before plans carried clock events take them from the live milestone.
      .map((m) => ({ ...m, clockEvent: m.clockEvent === undefined ? (ctx.repos.pathway.milestone(m.id)?.clock_event ?? null) : m.clockEvent }))
      .filter((m): m is typeof m & { clockEvent: string } => m.clockEvent !== null)
      .map((m) => {
        const event = member(CLOCK_EVENT_IDS, m.clockEvent, 'clock event');
        const meetingType = m.meetingType === null ? undefined : member(MEETING_TYPE_IDS, m.meetingType, 'meeting type');
        return { milestoneId: m.id, milestone: m.name, event, date: m.finish, deadlines: computeClocks(event, m.finish, { meetingType, years: 1 }) };
      }),
  };
}
