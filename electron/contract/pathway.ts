import { z } from 'zod';
import { ClockEvent, ClockTrigger, MeetingType, ProductDeadline } from './clocks';
import { choice, Id, IsoDate, Reason, requiredText, text } from './common';
import { Product, StageFinishes, StageKind } from './product';

export const CALENDARS = { calendar: 'Calendar days', working: 'Working days (Mon–Fri)' } as const;
export const Calendar = choice('Calendar', ['calendar', 'working'] as const);

/** Derived from actual dates: one source of truth for progress. */
export const MILESTONE_STATUSES = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' } as const;
export const MilestoneStatus = z.enum(['not-started', 'in-progress', 'done']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const PathwayTemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.string(),
  stageKinds: z.array(StageKind),
  milestoneCount: z.number().int(),
});

const nullableDate = z.string().nullable();

export const Milestone = z.object({
  id: z.string(),
  stageId: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  durationDays: z.number().int(),
  gate: z.boolean(),
  citation: z.string(),
  clockEvent: ClockEvent.nullable(),
  meetingType: MeetingType.nullable(),
  position: z.number().int(),
  owner: z.string(),
  notes: z.string(),
  plannedStart: nullableDate,
  plannedFinish: nullableDate,
  actualStart: nullableDate,
  actualFinish: nullableDate,
  status: MilestoneStatus,
  // From the schedule engine:
  forecastStart: z.string(),
  forecastFinish: z.string(),
  earlyStart: z.string(),
  earlyFinish: z.string(),
  lateStart: z.string(),
  lateFinish: z.string(),
  totalSlack: z.number().int(),
  critical: z.boolean(),
  startVarianceDays: z.number().int().nullable(),
  finishVarianceDays: z.number().int().nullable(),
  /** The reference baseline's dates for this milestone; null without a reference (or if it was added since). */
  baselineStart: nullableDate,
  baselineFinish: nullableDate,
  /** Forecast finish minus the reference baseline's finish (positive = later); null without one. */
  baselineVarianceDays: z.number().int().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const Stage = z.object({
  id: z.string(),
  kind: StageKind,
  name: z.string(),
  position: z.number().int(),
  milestones: z.array(Milestone),
  forecastStart: nullableDate,
  forecastFinish: nullableDate,
  done: z.number().int(),
  total: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;

export const Dependency = z.object({ predecessorId: z.string(), successorId: z.string(), lagDays: z.number().int() });
export type Dependency = z.infer<typeof Dependency>;

export const PathwayView = z.object({
  product: Product,
  templateId: z.string().nullable(),
  startDate: nullableDate,
  calendar: Calendar,
  /** The status date the forecast was computed for. */
  today: z.string(),
  unit: z.enum(['calendar-days', 'working-days']),
  stages: z.array(Stage),
  dependencies: z.array(Dependency),
  criticalPath: z.array(z.string()),
  projectFinish: nullableDate,
  triggers: z.array(ClockTrigger),
  /** Every deadline, one row per rule: overdue first, then by date; estimated until its event happens. */
  deadlines: z.array(ProductDeadline),
  /** The reference baseline, when one is set. */
  reference: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).nullable(),
});
export type PathwayView = z.infer<typeof PathwayView>;

export const ProductRefInput = z.strictObject({ productId: Id });

export const PathwayInstantiateInput = z.strictObject({
  productId: Id,
  templateId: requiredText('Pathway template', 80),
  startDate: IsoDate,
  calendar: Calendar.default('calendar'),
});

export const PathwaySettingsInput = z
  .strictObject({ productId: Id, startDate: IsoDate.optional(), calendar: Calendar.optional(), reason: Reason })
  .refine((v) => v.startDate !== undefined || v.calendar !== undefined, 'Change the start date or the calendar');

/** Joining mid-way: every stage before `stage` is recorded as done, each on its date. */
export const MarkEarlierWorkDoneInput = z.strictObject({
  productId: Id,
  stage: StageKind,
  stageFinishes: StageFinishes.default({}),
  reason: Reason,
});

const Duration = z.number({ error: 'Duration: a whole number of days' }).int('Duration: a whole number of days').min(0, 'Duration cannot be negative').max(3650, 'Duration: at most 3650 days');
const Lag = z.number({ error: 'Lag: a whole number of days' }).int('Lag: a whole number of days').min(-365, 'Lag: at least -365 days').max(3650, 'Lag: at most 3650 days');

const MilestoneFields = {
  name: requiredText('Name', 160),
  description: text(2000, 'Description'),
  durationDays: Duration,
  gate: z.boolean(),
  citation: text(400, 'Citation'),
  owner: text(80, 'Owner'),
  notes: text(4000, 'Notes'),
  plannedStart: IsoDate.nullable(),
  plannedFinish: IsoDate.nullable(),
  actualStart: IsoDate.nullable(),
  actualFinish: IsoDate.nullable(),
};

const actualsInOrder = (v: { actualStart?: string | null; actualFinish?: string | null }) =>
  !v.actualStart || !v.actualFinish || v.actualStart <= v.actualFinish;
const actualsMessage = { message: 'The actual finish cannot be before the actual start', path: ['actualFinish'] };

export const MilestoneCreateInput = z
  .strictObject({
    stageId: Id,
    ...MilestoneFields,
    description: MilestoneFields.description.default(''),
    gate: MilestoneFields.gate.default(false),
    citation: MilestoneFields.citation.default(''),
    owner: MilestoneFields.owner.default(''),
    notes: MilestoneFields.notes.default(''),
    plannedStart: MilestoneFields.plannedStart.default(null),
    plannedFinish: MilestoneFields.plannedFinish.default(null),
    actualStart: MilestoneFields.actualStart.default(null),
    actualFinish: MilestoneFields.actualFinish.default(null),
    predecessors: z.array(z.strictObject({ id: Id, lagDays: Lag })).max(50).default([]),
  })
  .refine(actualsInOrder, actualsMessage);

export const MilestoneUpdateInput = z.strictObject({
  id: Id,
  changes: z
    .strictObject(MilestoneFields)
    .partial()
    .refine((c) => Object.keys(c).length > 0, 'Change at least one field'),
  reason: Reason,
});
export const MilestoneMoveInput = z.strictObject({ id: Id, stageId: Id, position: z.number().int().min(0).max(10_000) });
export const MilestoneRemoveInput = z.strictObject({ id: Id, reason: Reason });

export const DependencyInput = z
  .strictObject({ predecessorId: Id, successorId: Id, lagDays: Lag.default(0) })
  .refine((d) => d.predecessorId !== d.successorId, { message: 'A milestone cannot depend on itself', path: ['successorId'] });
export const DependencyRemoveInput = z.strictObject({ predecessorId: Id, successorId: Id });

export const DashboardInput = z.strictObject({ today: IsoDate.optional() });

export const DashboardDeadline = z.object({
  productId: z.string(),
  productCode: z.string(),
  kind: z.enum(['clock', 'milestone']),
  label: z.string(),
  date: z.string(),
  /** Negative once the date has passed. */
  daysAway: z.number().int(),
  overdue: z.boolean(),
  /** A clock computed from a forecast, not from an event that happened. */
  estimated: z.boolean(),
  citation: z.string().nullable(),
  unconfirmed: z.boolean(),
});
export type DashboardDeadline = z.infer<typeof DashboardDeadline>;

export const DashboardProduct = z.object({
  product: Product,
  hasPathway: z.boolean(),
  currentStage: StageKind,
  done: z.number().int(),
  total: z.number().int(),
  percent: z.number().int(),
  nextMilestone: z.object({ id: z.string(), name: z.string(), forecastFinish: z.string(), critical: z.boolean() }).nullable(),
  projectFinish: nullableDate,
  /** Not done, and past the planned finish. */
  overdue: z.array(z.object({ id: z.string(), name: z.string(), plannedFinish: z.string(), daysLate: z.number().int() })),
  /** Checklist readiness: percent of applicable items done, and each gate's verdict. */
  checklists: z.object({
    total: z.number().int(),
    percent: z.number().int(),
    gates: z.array(z.object({ id: z.string(), label: z.string(), ready: z.boolean(), blockers: z.number().int() })),
  }),
  /** Critical milestones whose forecast finish is later than planned. */
  slips: z.array(z.object({ id: z.string(), name: z.string(), finishVarianceDays: z.number().int() })),
});

export const DashboardView = z.object({
  today: z.string(),
  products: z.array(DashboardProduct),
  /**
   * What is due, in two groups: FDA clocks, and milestones (key, gate and critical ones); each
   * group overdue first (oldest first), then the next 90 days.
   */
  deadlines: z.object({ clocks: z.array(DashboardDeadline), milestones: z.array(DashboardDeadline) }),
});
export type DashboardView = z.infer<typeof DashboardView>;
