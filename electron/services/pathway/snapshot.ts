import { z } from 'zod';
import type { BaselineRow } from '../../../db/repositories/baselines';
import { KEY_DATES, type PathwayView } from '../../contract';
import type { ServiceContext } from '../context';

/** What a baseline keeps of the plan: every milestone's dates as forecast then, and the shape that produced them. */
const Snapshot = z.object({
  startDate: z.string().nullable(),
  calendar: z.string(),
  projectFinish: z.string().nullable(),
  criticalPath: z.array(z.string()),
  milestones: z.array(
    z.object({ id: z.string(), key: z.string().nullable(), name: z.string(), durationDays: z.number(), start: z.string(), finish: z.string() }),
  ),
  dependencies: z.array(z.object({ predecessorId: z.string(), successorId: z.string(), lagDays: z.number() })),
});
export type Snapshot = z.infer<typeof Snapshot>;

export function snapshotOf(view: PathwayView): Snapshot {
  return {
    startDate: view.startDate,
    calendar: view.calendar,
    projectFinish: view.projectFinish,
    criticalPath: view.criticalPath,
    milestones: view.stages.flatMap((s) =>
      s.milestones.map((m) => ({
        id: m.id,
        key: m.key,
        name: m.name,
        durationDays: m.durationDays,
        start: m.actualStart ?? m.forecastStart,
        finish: m.actualFinish ?? m.forecastFinish,
      })),
    ),
    dependencies: view.dependencies,
  };
}

export const parseSnapshot = (row: BaselineRow): Snapshot => Snapshot.parse(JSON.parse(row.snapshot));

/** The key dates of a plan, by milestone key (the first key the plan has wins). */
export function keyDatesOf(milestones: ReadonlyArray<{ key: string | null; finish: string }>) {
  return KEY_DATES.map((k) => {
    const found = k.keys.map((key) => milestones.find((m) => m.key === key)).find(Boolean);
    return { id: k.id, label: k.label, date: found?.finish ?? null };
  });
}

/** Dates of the reference baseline by milestone id, for the pathway view and timeline. */
export function referenceFinishes(ctx: ServiceContext, productId: string) {
  const row = ctx.repos.baselines.reference(productId);
  if (!row) return null;
  return { id: row.id, name: row.name, createdAt: row.created_at, dates: new Map(parseSnapshot(row).milestones.map((m) => [m.id, { start: m.start, finish: m.finish }])) };
}
