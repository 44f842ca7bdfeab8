import type { DependencyRow, MilestoneRow, PathwaySettingsRow, ScheduleRow } from '../../../db/repositories/pathway';
import { computeSchedule, type Schedule, type ScheduleDependency } from '../../domain/schedule';
import type { ServiceContext } from '../context';

/** A product's scheduling facts, read once, and the schedule the engine derives from them. */
export interface ProductSchedule<Row extends ScheduleRow = MilestoneRow> {
  settings: PathwaySettingsRow;
  rows: Row[];
  dependencies: ScheduleDependency[];
  schedule: Schedule;
}

export const toDependency = (d: DependencyRow): ScheduleDependency => ({ predecessorId: d.predecessor_id, successorId: d.successor_id, lagDays: d.lag_days });

/**
 * The one place a live schedule is computed: today is the status date, the pathway start the
 * anchor. Every reader (pathway view, checklists' due dates, dashboard, exports) goes through it,
 * so one read of a product computes one schedule.
 */
export function productSchedule(ctx: ServiceContext, productId: string): ProductSchedule {
  return scheduleOf(ctx, productId, ctx.repos.pathway.milestones(productId));
}

/** The same schedule from the milestones' scheduling fields only: for readers of many products at once (dashboard, checklists' due dates). */
export function leanProductSchedule(ctx: ServiceContext, productId: string): ProductSchedule<ScheduleRow> {
  return scheduleOf(ctx, productId, ctx.repos.pathway.scheduleRows(productId));
}

function scheduleOf<Row extends ScheduleRow>(ctx: ServiceContext, productId: string, rows: Row[]): ProductSchedule<Row> {
  const settings = ctx.repos.pathway.settings(productId)!;
  const dependencies = ctx.repos.pathway.dependencies(productId).map(toDependency);
  const schedule = computeSchedule(
    rows.map((m) => ({
      id: m.id,
      durationDays: m.duration_days,
      plannedStart: m.planned_start,
      plannedFinish: m.planned_finish,
      actualStart: m.actual_start,
      actualFinish: m.actual_finish,
    })),
    dependencies,
    { anchor: settings.start_date ?? ctx.today(), calendar: settings.calendar, today: ctx.today() },
  );
  return { settings, rows, dependencies, schedule };
}

/** Each keyed milestone's date as it stands (actual finish, else forecast): what due dates tie to. */
export function milestoneDates({ rows, schedule }: Pick<ProductSchedule<ScheduleRow>, 'rows' | 'schedule'>): Map<string, string> {
  const forecast = new Map(schedule.milestones.map((m) => [m.id, m.forecastFinish]));
  const dates = new Map<string, string>();
  for (const m of rows) if (m.key) dates.set(m.key, m.actual_finish ?? forecast.get(m.id)!);
  return dates;
}
