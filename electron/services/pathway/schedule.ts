import type { DependencyRow, MilestoneRow, PathwaySettingsRow } from '../../../db/repositories/pathway';
import { computeSchedule, type Schedule, type ScheduleDependency } from '../../domain/schedule';
import type { ServiceContext } from '../context';

/** A product's scheduling facts, read once, and the schedule the engine derives from them. */
export interface ProductSchedule {
  settings: PathwaySettingsRow;
  rows: MilestoneRow[];
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
  const settings = ctx.repos.pathway.settings(productId)!;
  const rows = ctx.repos.pathway.milestones(productId);
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
export function milestoneDates({ rows, schedule }: Pick<ProductSchedule, 'rows' | 'schedule'>): Map<string, string> {
  const forecast = new Map(schedule.milestones.map((m) => [m.id, m.forecastFinish]));
  const dates = new Map<string, string>();
  for (const m of rows) if (m.key) dates.set(m.key, m.actual_finish ?? forecast.get(m.id)!);
  return dates;
}
