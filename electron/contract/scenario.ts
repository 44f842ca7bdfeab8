import { z } from 'zod';
import { KeyDate } from './baseline';
import { ClockDeadline, MeetingType } from './clocks';
import { Id, IsoDate, Reason, requiredText } from './common';

const Days = (label: string, min: number, max: number) =>
  z.number({ error: `${label}: a whole number of days` }).int(`${label}: a whole number of days`).min(min).max(max);

/** One edit inside a planning session; the live plan is never touched until the scenario is applied. */
export const ScenarioEdit = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('duration'), milestoneId: Id, durationDays: Days('Duration', 0, 3650) }),
  z.strictObject({ type: z.literal('lag'), predecessorId: Id, successorId: Id, lagDays: Days('Lag', -365, 3650) }),
  z.strictObject({ type: z.literal('addDependency'), predecessorId: Id, successorId: Id, lagDays: Days('Lag', -365, 3650).default(0) }),
  z.strictObject({ type: z.literal('removeDependency'), predecessorId: Id, successorId: Id }),
  z.strictObject({ type: z.literal('plannedStart'), milestoneId: Id, date: IsoDate.nullable() }),
  z.strictObject({ type: z.literal('addMilestone'), stageId: Id, name: requiredText('Name', 160), durationDays: Days('Duration', 0, 3650), after: z.array(z.strictObject({ id: Id, lagDays: Days('Lag', -365, 3650) })).max(20).default([]) }),
  z.strictObject({ type: z.literal('removeMilestone'), milestoneId: Id }),
  z.strictObject({ type: z.literal('meetingType'), milestoneId: Id, meetingType: MeetingType }),
]);
export type ScenarioEdit = z.infer<typeof ScenarioEdit>;

export const ScenarioChange = z.object({ at: z.string(), description: z.string(), edit: z.unknown() });

export const ScenarioMilestone = z.object({
  id: z.string(),
  stageId: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  durationDays: z.number().int(),
  start: z.string(),
  finish: z.string(),
  critical: z.boolean(),
  /** Finish in this scenario minus finish in the live plan when the scenario started. */
  movedDays: z.number().int().nullable(),
});

export const ScenarioView = z.object({
  id: z.string(),
  productId: z.string(),
  name: z.string(),
  status: z.enum(['open', 'applied', 'discarded']),
  createdAt: z.string(),
  updatedAt: z.string(),
  changes: z.array(ScenarioChange),
  keyDates: z.array(KeyDate),
  projectFinish: z.string().nullable(),
  milestones: z.array(ScenarioMilestone),
  dependencies: z.array(z.object({ predecessorId: z.string(), successorId: z.string(), lagDays: z.number().int() })),
  stages: z.array(z.object({ id: z.string(), name: z.string() })),
  /** FDA clocks the scenario's dates would start (clock milestones at their forecast dates). */
  clocks: z.array(z.object({ milestoneId: z.string(), milestone: z.string(), event: z.string(), date: z.string(), deadlines: z.array(ClockDeadline) })),
});
export type ScenarioView = z.infer<typeof ScenarioView>;

export const ScenarioSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['open', 'applied', 'discarded']),
  createdAt: z.string(),
  updatedAt: z.string(),
  changeCount: z.number().int(),
});

export const PlanRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('live') }),
  z.strictObject({ kind: z.literal('baseline'), id: Id }),
  z.strictObject({ kind: z.literal('scenario'), id: Id }),
]);
export type PlanRef = z.infer<typeof PlanRef>;

export const PlanComparison = z.object({
  plans: z.array(z.object({ ref: PlanRef, name: z.string(), keyDates: z.array(KeyDate), projectFinish: z.string().nullable(), criticalPath: z.array(z.string()) })),
  /** Each stage's span (earliest start to latest finish of its milestones) in every plan, for the overlaid timeline. */
  stages: z.array(z.object({ id: z.string(), name: z.string(), spans: z.array(z.object({ from: z.string(), to: z.string() }).nullable()) })),
  /** Milestones whose finish differs between the first plan and any other, with why they moved. */
  moved: z.array(
    z.object({
      milestoneId: z.string(),
      name: z.string(),
      finishes: z.array(z.string().nullable()),
      deltas: z.array(z.number().int().nullable()),
      /** Per plan: the change that pushed it (the edited milestone on its driving chain), if known. */
      why: z.array(z.string().nullable()),
    }),
  ),
});
export type PlanComparison = z.infer<typeof PlanComparison>;

export const ScenarioCreateInput = z.strictObject({ productId: Id, name: requiredText('Session name', 120) });
export const ScenarioRef = z.strictObject({ id: Id });
export const ScenarioEditInput = z.strictObject({ id: Id, edit: ScenarioEdit });
export const ScenarioApplyInput = z.strictObject({ id: Id, reason: requiredText('A reason for applying the scenario', 1000) });
export const ScenarioDiscardInput = z.strictObject({ id: Id, reason: Reason });
export const PlansCompareInput = z.strictObject({ productId: Id, plans: z.array(PlanRef).min(2, 'Compare at least two plans').max(4, 'Compare at most four plans') });
