import { randomUUID } from 'node:crypto';
import type { PathwayView } from '../../contract';
import type { PathwayTemplate } from '../../domain/pathwayTemplate';
import { adaptEndOfPhaseMeetings } from '../../domain/endOfPhaseMeeting';
import { templateForProduct } from '../../domain/pathwayBranches';
import { computeSchedule } from '../../domain/schedule';
import type { Audit, ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireEditableProduct } from '../lookups';
import { currentStage } from './progress';

type TemplateMilestone = PathwayTemplate['stages'][number]['milestones'][number];

/** A template milestone as a new row of a product's pathway (set-up and branches share it). */
export function templateMilestoneRow(template: PathwayTemplate, m: TemplateMilestone, at: { id: string; productId: string; stageId: string; position: number }) {
  return {
    id: at.id,
    product_id: at.productId,
    stage_id: at.stageId,
    key: m.key,
    name: m.name,
    description: m.description ?? '',
    duration_days: m.durationDays,
    gate: m.gate ? 1 : 0,
    citation: m.citation,
    clock_event: m.clockEvent ?? null,
    meeting_type: m.clockEvent?.startsWith('meeting') ? (m.meetingType ?? template.preIndMeetingType) : null,
    position: at.position,
    owner: '',
    notes: '',
    planned_start: null,
    planned_finish: null,
    actual_start: null,
    actual_finish: null,
  };
}
import { loadPathwayView } from './view';

/**
 * Keeps what follows from milestone dates in step, inside the caller's transaction: the
 * product's current stage, and the clock trigger of every milestone that marks a clock event
 * (FDA receives the IND...), unless a person has overridden that trigger's date.
 */
export function syncDerived(ctx: ServiceContext, productId: string, audit: Audit) {
  const { pathway, products } = ctx.repos;
  const now = ctx.now();
  const stages = pathway.stages(productId);
  const rows = pathway.milestones(productId);
  // Stages overlap (GLP toxicology runs while the pre-IND meeting is prepared): see currentStage.
  const current = currentStage(stages, rows);
  const product = products.get(productId)!;
  if (current !== null && product.stage !== current) {
    pathway.setProductStage(productId, current, now);
    audit({ entity: 'product', entityId: productId, productId, action: 'update', field: 'stage', oldValue: product.stage, newValue: current, reason: 'Follows the pathway: where work has begun, or the first stage not finished' });
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

/** What a pathway write starts from: the product itself (its id) or one of its records. */
type Target = string | { product_id: string };

/**
 * A write to one product's pathway, in one transaction: `read` finds what the write starts
 * from inside the transaction (so it is read once, and cannot change before the write), the
 * product must not be archived, then `apply`, derived state synced, and the fresh view back.
 */
export function writePathway<T extends Target>(ctx: ServiceContext, read: () => T, apply: (target: T, audit: Audit) => void): PathwayView {
  return ctx.write((audit) => {
    const target = read();
    const productId = typeof target === 'string' ? target : target.product_id;
    requireEditableProduct(ctx, productId, 'changing its pathway');
    apply(target, audit);
    syncDerived(ctx, productId, audit);
    return loadPathwayView(ctx, productId);
  });
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
  // The product decides: the end-of-phase-1 meeting type (subpart E or not, with its reason) and
  // the branches that apply to it (cell banks for a cultured product, donor eligibility).
  const product = requireEditableProduct(ctx, productId, 'setting up its pathway');
  template = templateForProduct(adaptEndOfPhaseMeetings(template, product.subpartE), product);
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
      pathway.insertMilestone(templateMilestoneRow(template, m, { id, productId, stageId, position: index }), now);
    });
  });
  const dependencies = template.stages.flatMap((stage) =>
    stage.milestones.flatMap((m) => m.dependsOn.map((d) => ({ predecessorId: idOfKey.get(d.key)!, successorId: idOfKey.get(m.key)!, lagDays: d.lagDays }))),
  );
  for (const d of dependencies) pathway.insertDependency(d.predecessorId, d.successorId, d.lagDays);
  pathway.setSettings(productId, { templateId: template.id, startDate, calendar }, now);
  // Without `today`: the baseline is the plan as drawn from the start date, not pushed to now.
  const rows = pathway.milestones(productId);
  const baseline = computeSchedule(
    rows.map((r) => ({ id: r.id, durationDays: r.duration_days })),
    dependencies,
    { anchor: startDate, calendar },
  );
  for (const m of baseline.milestones) pathway.updateMilestone(m.id, { plannedStart: m.forecastStart, plannedFinish: m.forecastFinish }, now);
  audit.summarise(`Pathway set up from “${template.name}”, starting ${startDate}`);
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
