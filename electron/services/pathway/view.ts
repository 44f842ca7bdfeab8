import type { MilestoneRow, ScheduleRow, TriggerRow } from '../../../db/repositories/pathway';
import { CLOCK_EVENT_IDS, CLOCK_EVENT_LABELS, MEETING_TYPE_IDS, StageKind, type ClockTrigger, type Milestone, type PathwayView, type Stage } from '../../contract';
import { diffDays } from '../../contract/dates';
import { computeClocks } from '../../domain/clocks';
import { productDeadlines } from '../../domain/deadlines';
import type { ScheduledMilestone } from '../../domain/schedule';
import type { ServiceContext } from '../context';
import { requireProduct } from '../lookups';
import { member, memberOrNull } from '../vocabulary';
import { productSchedule, type ProductSchedule } from './schedule';
import { referenceFinishes } from './snapshot';

/** How many annual-report windows a trigger lists. */
const ANNUAL_REPORTS_SHOWN = 3;

export function milestoneStatus(row: Pick<MilestoneRow, 'actual_start' | 'actual_finish'>): Milestone['status'] {
  if (row.actual_finish) return 'done';
  if (row.actual_start) return 'in-progress';
  return 'not-started';
}

/** Every deadline of a product, from its recorded events and its clock milestones' forecasts. */
export function deadlinesOf(ctx: ServiceContext, { rows, dependencies, schedule }: ProductSchedule<ScheduleRow>, triggers: readonly ClockTrigger[], today = ctx.today()) {
  const forecast = new Map(schedule.milestones.map((m) => [m.id, m.forecastFinish]));
  return productDeadlines({
    milestones: rows.map((m) => ({
      id: m.id,
      key: m.key,
      name: m.name,
      clockEvent: memberOrNull(CLOCK_EVENT_IDS, m.clock_event, 'clock event'),
      meetingType: memberOrNull(MEETING_TYPE_IDS, m.meeting_type, 'meeting type'),
      actualFinish: m.actual_finish,
      forecastFinish: forecast.get(m.id)!,
    })),
    dependencies,
    events: triggers.map((t) => ({ id: t.id, event: t.event, date: t.date, meetingType: t.meetingType, meetingDate: t.meetingDate, milestoneId: t.milestoneId, label: t.label })),
    today,
  });
}

/** A product's recorded clock triggers, each with the deadlines that follow from it. */
export function productTriggers(ctx: ServiceContext, productId: string): ClockTrigger[] {
  return ctx.repos.pathway.triggers(productId).map(toTrigger);
}

function toTrigger(row: TriggerRow): ClockTrigger {
  const event = member(CLOCK_EVENT_IDS, row.event, 'clock event');
  const meetingType = memberOrNull(MEETING_TYPE_IDS, row.meeting_type, 'meeting type');
  const deadlines = computeClocks(event, row.date, {
    meetingType: meetingType ?? undefined,
    meetingDate: row.meeting_date ?? undefined,
    years: ANNUAL_REPORTS_SHOWN,
  });
  return {
    id: row.id,
    productId: row.product_id,
    event,
    eventLabel: CLOCK_EVENT_LABELS[event],
    date: row.date,
    originalDate: row.original_date,
    meetingType,
    meetingDate: row.meeting_date,
    label: row.label,
    reason: row.reason,
    milestoneId: row.milestone_id,
    createdAt: row.created_at,
    deadlines,
  };
}

function toMilestone(row: MilestoneRow, computed: ScheduledMilestone): Milestone {
  return {
    id: row.id,
    stageId: row.stage_id,
    key: row.key,
    name: row.name,
    description: row.description,
    durationDays: row.duration_days,
    gate: row.gate === 1,
    citation: row.citation,
    clockEvent: memberOrNull(CLOCK_EVENT_IDS, row.clock_event, 'clock event'),
    meetingType: memberOrNull(MEETING_TYPE_IDS, row.meeting_type, 'meeting type'),
    position: row.position,
    owner: row.owner,
    notes: row.notes,
    plannedStart: row.planned_start,
    plannedFinish: row.planned_finish,
    actualStart: row.actual_start,
    actualFinish: row.actual_finish,
    status: milestoneStatus(row),
    forecastStart: computed.forecastStart,
    forecastFinish: computed.forecastFinish,
    earlyStart: computed.earlyStart,
    earlyFinish: computed.earlyFinish,
    lateStart: computed.lateStart,
    lateFinish: computed.lateFinish,
    totalSlack: computed.totalSlack,
    critical: computed.critical,
    startVarianceDays: computed.startVarianceDays,
    finishVarianceDays: computed.finishVarianceDays,
    baselineStart: null,
    baselineFinish: null,
    baselineVarianceDays: null,
  };
}

/**
 * Everything the pathway view shows, computed fresh: the schedule is never stored. A caller that
 * has already computed the product's schedule passes it in, so it is computed once.
 */
export function loadPathwayView(ctx: ServiceContext, productId: string, scheduled?: ProductSchedule): PathwayView {
  const product = requireProduct(ctx, productId);
  const scheduledOrFresh = scheduled ?? productSchedule(ctx, productId);
  const { settings, rows, dependencies, schedule } = scheduledOrFresh;
  const byId = new Map<string, ScheduledMilestone>(schedule.milestones.map((m) => [m.id, m]));
  const reference = referenceFinishes(ctx, productId);

  const stages: Stage[] = ctx.repos.pathway.stages(productId).map((s) => ({
    id: s.id,
    kind: member(StageKind.options, s.kind, 'stage'),
    name: s.name,
    position: s.position,
    milestones: [],
    forecastStart: null,
    forecastFinish: null,
    done: 0,
    total: 0,
  }));
  const stageById = new Map(stages.map((s) => [s.id, s]));
  for (const row of rows) {
    const milestone = toMilestone(row, byId.get(row.id)!);
    const baseline = reference?.dates.get(row.id);
    if (baseline) {
      milestone.baselineStart = baseline.start;
      milestone.baselineFinish = baseline.finish;
      milestone.baselineVarianceDays = diffDays(baseline.finish, row.actual_finish ?? milestone.forecastFinish);
    }
    const stage = stageById.get(row.stage_id)!;
    stage.milestones.push(milestone);
    stage.total += 1;
    if (milestone.status === 'done') stage.done += 1;
    if (!stage.forecastStart || milestone.forecastStart < stage.forecastStart) stage.forecastStart = milestone.forecastStart;
    if (!stage.forecastFinish || milestone.forecastFinish > stage.forecastFinish) stage.forecastFinish = milestone.forecastFinish;
  }

  const triggers = productTriggers(ctx, productId);
  return {
    product,
    templateId: settings.pathway_template_id,
    startDate: settings.start_date,
    calendar: settings.calendar,
    today: ctx.today(),
    unit: schedule.unit,
    stages,
    dependencies,
    criticalPath: schedule.criticalPath,
    projectFinish: schedule.projectFinish,
    triggers,
    deadlines: deadlinesOf(ctx, scheduledOrFresh, triggers),
    reference: reference && { id: reference.id, name: reference.name, createdAt: reference.createdAt },
  };
}
