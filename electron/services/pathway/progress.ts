import type { MilestoneRow, StageRow } from '../../../db/repositories/pathway';
import { CLOCK_EVENT_LABELS, STAGE_KINDS, type StageKind } from '../../contract';
import type { Audit, ServiceContext } from '../context';
import { AppError } from '../errors';

/**
 * Where a product is on its pathway, derived from milestone dates (never typed in): the furthest
 * stage where work has begun, or the first stage not yet finished if that comes later (a product
 * whose in vitro and in vivo work is done is at pre-IND before anything there has started).
 */
export function currentStage(stages: readonly StageRow[], rows: readonly MilestoneRow[]): string | null {
  if (stages.length === 0) return null;
  const of = (s: StageRow) => rows.filter((m) => m.stage_id === s.id);
  const begun = stages.filter((s) => of(s).some((m) => m.actual_start || m.actual_finish));
  const unfinished = stages.find((s) => of(s).length === 0 || of(s).some((m) => !m.actual_finish));
  const candidates = [...begun, unfinished ?? stages.at(-1)!];
  return candidates.reduce((a, b) => (b.position > a.position ? b : a)).kind;
}

/** The change-set summary of setting a milestone's actual finish: an event milestone says which FDA event that records. */
export function actualFinishSummary(m: Pick<MilestoneRow, 'name' | 'clock_event'>, date: string): string {
  const event = m.clock_event && m.clock_event in CLOCK_EVENT_LABELS ? CLOCK_EVENT_LABELS[m.clock_event as keyof typeof CLOCK_EVENT_LABELS] : null;
  return event ? `Recorded “${event}” on ${date}: milestone “${m.name}” done` : `Milestone “${m.name}” done on ${date}`;
}

/**
 * Sets a milestone's actual dates with their audit records: the one way the pathway tab, the
 * clocks tab and "mark earlier work done" record that something happened.
 */
export function setActualDates(ctx: ServiceContext, m: MilestoneRow, dates: { actualStart?: string | null; actualFinish?: string | null }, reason: string | null, audit: Audit) {
  const after = { actualStart: dates.actualStart === undefined ? m.actual_start : dates.actualStart, actualFinish: dates.actualFinish === undefined ? m.actual_finish : dates.actualFinish };
  if (after.actualStart && after.actualFinish && after.actualFinish < after.actualStart) {
    throw new AppError('VALIDATION', `The actual finish (${after.actualFinish}) of “${m.name}” is before its actual start (${after.actualStart}).`, [
      { path: 'actualFinish', message: 'The actual finish cannot be before the actual start' },
    ]);
  }
  const patch: { actualStart?: string | null; actualFinish?: string | null } = {};
  if (after.actualStart !== m.actual_start) patch.actualStart = after.actualStart;
  if (after.actualFinish !== m.actual_finish) patch.actualFinish = after.actualFinish;
  if (Object.keys(patch).length === 0) return;
  ctx.repos.pathway.updateMilestone(m.id, patch, ctx.now());
  if (patch.actualStart !== undefined) {
    audit({ entity: 'milestone', entityId: m.id, productId: m.product_id, action: 'update', field: 'actualStart', oldValue: m.actual_start, newValue: patch.actualStart, reason });
  }
  if (patch.actualFinish !== undefined) {
    audit({ entity: 'milestone', entityId: m.id, productId: m.product_id, action: 'update', field: 'actualFinish', oldValue: m.actual_finish, newValue: patch.actualFinish, reason });
    if (patch.actualFinish) audit.summarise(actualFinishSummary(m, patch.actualFinish));
  }
}

/**
 * Records the work of every stage before `stage` as done, each stage on the date it finished
 * (one date per stage is enough): the forecast then starts from where the product really is.
 * Milestones already done keep their dates.
 */
export function markEarlierWorkDone(ctx: ServiceContext, productId: string, stage: StageKind, finishes: Partial<Record<StageKind, string>>, fallback: string, reason: string | null, audit: Audit) {
  const stages = ctx.repos.pathway.stages(productId);
  const target = stages.find((s) => s.kind === stage);
  if (!target) {
    throw new AppError('VALIDATION', `This product's pathway has no ${STAGE_KINDS[stage]} stage. Choose one of: ${stages.map((s) => STAGE_KINDS[s.kind as StageKind] ?? s.kind).join(', ')}.`, [
      { path: 'stage', message: 'Not a stage of this pathway' },
    ]);
  }
  const today = ctx.today();
  const earlier = stages.filter((s) => s.position < target.position);
  const dates = new Map(earlier.map((s) => [s.id, finishes[s.kind as StageKind] ?? fallback]));
  for (const s of earlier) {
    const date = dates.get(s.id)!;
    if (date > today) {
      throw new AppError('VALIDATION', `${s.name} cannot have finished on ${date}: that is after today (${today}).`, [{ path: `stageFinishes.${s.kind}`, message: 'A date in the future' }]);
    }
  }
  const rows = ctx.repos.pathway.milestones(productId).filter((m) => dates.has(m.stage_id) && !m.actual_finish);
  for (const m of rows) {
    const date = dates.get(m.stage_id)!;
    if (m.actual_start && m.actual_start > date) {
      throw new AppError('VALIDATION', `“${m.name}” started on ${m.actual_start}, after the date given for its stage (${date}). Give a later date for that stage.`, [
        { path: `stageFinishes`, message: `“${m.name}” started ${m.actual_start}` },
      ]);
    }
    setActualDates(ctx, m, { actualFinish: date }, reason, audit);
  }
  audit.summarise(`Earlier work recorded as done: ${earlier.map((s) => `${s.name} finished ${dates.get(s.id)}`).join('; ')} (${rows.length} milestones)`);
}
