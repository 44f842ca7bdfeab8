import { randomUUID } from 'node:crypto';
import type { ClockTrigger, Milestone, PathwayView, Stage } from '../contract';
import { CLOCK_EVENT_LABELS, type ClockEventId, type MeetingTypeId } from '../contract';
import type { MilestoneRow, TriggerRow } from '../../db/repositories/pathway';
import { computeClocks } from '../domain/clocks';
import type { PathwayTemplate } from '../domain/pathwayTemplate';
import { diffDays } from '../contract/dates';
import { computeSchedule, type Schedule, type ScheduledMilestone } from '../domain/schedule';
import type { ServiceContext } from './context';
import { referenceFinishes } from './baselines';
import { AppError, notFound } from './errors';

export type Audit = Parameters<Parameters<ServiceContext['write']>[0]>[0];

/** How many annual-report windows a trigger lists. */
const ANNUAL_REPORTS_SHOWN = 3;

export function milestoneStatus(row: Pick<MilestoneRow, 'actual_start' | 'actual_finish'>): Milestone['status'] {
  if (row.actual_finish) return 'done';
  if (row.actual_start) return 'in-progress';
  return 'not-started';
}

export function requireProductId(ctx: ServiceContext, productId: string) {
  const product = ctx.repos.products.get(productId);
  if (!product) throw notFound('product', productId);
  return product;
}

export function requireMilestone(ctx: ServiceContext, id: string): MilestoneRow {
  const row = ctx.repos.pathway.milestone(id);
  if (!row) throw notFound('milestone', id);
  return row;
}

function scheduleFor(ctx: ServiceContext, productId: string, rows: MilestoneRow[], anchor: string, calendar: 'calendar' | 'working'): Schedule {
  const dependencies = ctx.repos.pathway.dependencies(productId).map((d) => ({
    predecessorId: d.predecessor_id,
    successorId: d.successor_id,
    lagDays: d.lag_days,
  }));
  return computeSchedule(
    rows.map((m) => ({
      id: m.id,
      durationDays: m.duration_days,
      plannedStart: m.planned_start,
      plannedFinish: m.planned_finish,
      actualStart: m.actual_start,
      actualFinish: m.actual_finish,
    })),
    dependencies,
    { anchor, calendar, today: ctx.today() },
  );
}

function toTrigger(row: TriggerRow): ClockTrigger {
  const event = row.event as ClockEventId;
  const deadlines = computeClocks(event, row.date, {
    meetingType: (row.meeting_type ?? undefined) as MeetingTypeId | undefined,
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
    meetingType: row.meeting_type as MeetingTypeId | null,
    meetingDate: row.meeting_date,
    label: row.label,
    reason: row.reason,
    milestoneId: row.milestone_id,
    createdAt: row.created_at,
    deadlines,
  };
}

/** Everything the pathway view shows, computed fresh: the schedule is never stored. */
export function loadPathwayView(ctx: ServiceContext, productId: string): PathwayView {
  const product = requireProductId(ctx, productId);
  const settings = ctx.repos.pathway.settings(productId)!;
  const stageRows = ctx.repos.pathway.stages(productId);
  const rows = ctx.repos.pathway.milestones(productId);
  const anchor = settings.start_date ?? ctx.today();
  const schedule = scheduleFor(ctx, productId, rows, anchor, settings.calendar);
  const byId = new Map<string, ScheduledMilestone>(schedule.milestones.map((m) => [m.id, m]));
  const reference = referenceFinishes(ctx, productId);

  const stages: Stage[] = stageRows.map((s) => ({
    id: s.id,
    kind: s.kind as Stage['kind'],
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
    const computed = byId.get(row.id)!;
    const stage = stageById.get(row.stage_id)!;
    const milestone: Milestone = {
      id: row.id,
      stageId: row.stage_id,
      key: row.key,
      name: row.name,
      description: row.description,
      durationDays: row.duration_days,
      gate: row.gate === 1,
      citation: row.citation,
      clockEvent: row.clock_event as Milestone['clockEvent'],
      meetingType: row.meeting_type as Milestone['meetingType'],
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
    const baseline = reference?.dates.get(row.id);
    if (baseline) {
      milestone.baselineStart = baseline.start;
      milestone.baselineFinish = baseline.finish;
      milestone.baselineVarianceDays = diffDays(baseline.finish, row.actual_finish ?? computed.forecastFinish);
    }
    stage.milestones.push(milestone);
    stage.total += 1;
    if (milestone.status === 'done') stage.done += 1;
    if (!stage.forecastStart || milestone.forecastStart < stage.forecastStart) stage.forecastStart = milestone.forecastStart;
    if (!stage.forecastFinish || milestone.forecastFinish > stage.forecastFinish) stage.forecastFinish = milestone.forecastFinish;
  }

  return {
    product,
    templateId: settings.pathway_template_id,
    startDate: settings.start_date,
    calendar: settings.calendar,
    today: ctx.today(),
    unit: schedule.unit,
    stages,
    dependencies: ctx.repos.pathway.dependencies(productId).map((d) => ({ predecessorId: d.predecessor_id, successorId: d.successor_id, lagDays: d.lag_days })),
    criticalPath: schedule.criticalPath,
    projectFinish: schedule.projectFinish,
    triggers: ctx.repos.pathway.triggers(productId).map(toTrigger),
    reference: reference && { id: reference.id, name: reference.name, createdAt: reference.createdAt },
  };
}

/**
 * Keeps what follows from milestone dates in step, inside the caller's transaction: the
 * product's current stage, and the clock trigger of
 * every milestone that marks a clock event (FDA receives the IND...), unless a person has
 * overridden that trigger's date.
 */
export function syncDerived(ctx: ServiceContext, productId: string, audit: Audit) {
  const { pathway, products } = ctx.repos;
  const now = ctx.now();
  const stages = pathway.stages(productId);
  const rows = pathway.milestones(productId);
  if (stages.length > 0) {
    // Stages overlap (GLP toxicology runs while the pre-IND meeting is prepared), so "where we
    // are" is the furthest stage where work has begun; before any work, the first stage.
    const begun = stages.filter((s) => rows.some((m) => m.stage_id === s.id && (m.actual_start || m.actual_finish)));
    const current = (begun.at(-1) ?? stages[0]!).kind;
    const product = products.get(productId)!;
    if (product.stage !== current) {
      pathway.setProductStage(productId, current, now);
      audit({ entity: 'product', entityId: productId, productId, action: 'update', field: 'stage', oldValue: product.stage, newValue: current, reason: 'Follows the pathway: the furthest stage where work has begun' });
    }
  }
  for (const m of rows) {
    if (!m.clock_event) continue;
    const trigger = pathway.triggerOfMilestone(m.id);
    const overridden = trigger?.original_date != null;
    if (m.actual_finish && !trigger) {
      const id = randomUUID();
      pathway.insertTrigger(
        { id, product_id: productId, event: m.clock_event, date: m.actual_finish, original_date: null, meeting_type: m.meeting_type, meeting_date: null, label: m.name, reason: null, milestone_id: m.id },
        now,
      );
      audit({ entity: 'clock_trigger', entityId: id, productId, action: 'create', field: 'date', newValue: m.actual_finish, reason: `Actual date of milestone "${m.name}"` });
    } else if (trigger && !overridden && m.actual_finish && trigger.date !== m.actual_finish) {
      pathway.updateTrigger({ id: trigger.id, date: m.actual_finish, original_date: null, meeting_date: trigger.meeting_date, reason: null }, now);
      audit({ entity: 'clock_trigger', entityId: trigger.id, productId, action: 'update', field: 'date', oldValue: trigger.date, newValue: m.actual_finish, reason: `Actual date of milestone "${m.name}"` });
    } else if (trigger && !overridden && !m.actual_finish) {
      pathway.deleteTrigger(trigger.id);
      audit({ entity: 'clock_trigger', entityId: trigger.id, productId, action: 'delete', field: 'date', oldValue: trigger.date, reason: `Milestone "${m.name}" no longer has an actual date` });
    }
  }
}

/**
 * Creates the template's stages, milestones and dependencies for a product, and records the
 * initial forecast as the planned dates, so later slips show as variance.
 */
export function instantiatePathway(
  ctx: ServiceContext,
  productId: string,
  template: PathwayTemplate,
  startDate: string,
  calendar: 'calendar' | 'working',
  audit: Audit,
) {
  const { pathway } = ctx.repos;
  if (pathway.stages(productId).length > 0) {
    throw new AppError('CONFLICT', 'This product already has a pathway. Edit its milestones instead of starting again.');
  }
  const now = ctx.now();
  const idOfKey = new Map<string, string>();
  template.stages.forEach((stage, stageIndex) => {
    const stageId = randomUUID();
    pathway.insertStage({ id: stageId, product_id: productId, kind: stage.kind, name: stage.name, position: stageIndex });
    stage.milestones.forEach((m, index) => {
      const id = randomUUID();
      idOfKey.set(m.key, id);
      pathway.insertMilestone(
        {
          id,
          product_id: productId,
          stage_id: stageId,
          key: m.key,
          name: m.name,
          description: m.description ?? '',
          duration_days: m.durationDays,
          gate: m.gate ? 1 : 0,
          citation: m.citation,
          clock_event: m.clockEvent ?? null,
          meeting_type: m.clockEvent?.startsWith('meeting') ? (m.meetingType ?? template.preIndMeetingType) : null,
          position: index,
          owner: '',
          notes: '',
          planned_start: null,
          planned_finish: null,
          actual_start: null,
          actual_finish: null,
        },
        now,
      );
    });
  });
  for (const stage of template.stages) {
    for (const m of stage.milestones) {
      for (const d of m.dependsOn) pathway.insertDependency(idOfKey.get(d.key)!, idOfKey.get(m.key)!, d.lagDays);
    }
  }
  pathway.setSettings(productId, { templateId: template.id, startDate, calendar }, now);
  // Without `today`: the baseline is the plan as drawn from the start date, not pushed to now.
  const rows = pathway.milestones(productId);
  const baseline = computeSchedule(
    rows.map((r) => ({ id: r.id, durationDays: r.duration_days })),
    ctx.repos.pathway.dependencies(productId).map((d) => ({ predecessorId: d.predecessor_id, successorId: d.successor_id, lagDays: d.lag_days })),
    { anchor: startDate, calendar },
  );
  for (const m of baseline.milestones) pathway.updateMilestone(m.id, { plannedStart: m.forecastStart, plannedFinish: m.forecastFinish }, now);
  audit({
    entity: 'pathway',
    entityId: productId,
    productId,
    action: 'create',
    field: 'template',
    newValue: JSON.stringify({ template: template.id, version: template.version, startDate, calendar, milestones: rows.length }),
  });
  syncDerived(ctx, productId, audit);
}
