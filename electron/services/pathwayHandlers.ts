import { randomUUID } from 'node:crypto';
import type { MilestoneEditable } from '../../db/repositories/pathway';
import { findCycle } from '../domain/schedule';
import type { ServiceContext } from './context';
import { AppError, notFound } from './errors';
import type { HandlerMap } from './handlers';
import { instantiatePathway, loadPathwayView, requireMilestone, requireProductId, syncDerived, type Audit } from './pathway';
import { PATHWAY_TEMPLATES, pathwayTemplate } from './templates';

type PathwayChannel =
  | 'pathways.templates'
  | 'pathway.get'
  | 'pathway.instantiate'
  | 'pathway.updateSettings'
  | 'milestones.create'
  | 'milestones.update'
  | 'milestones.move'
  | 'milestones.remove'
  | 'dependencies.add'
  | 'dependencies.update'
  | 'dependencies.remove'
  | 'clocks.record'
  | 'clocks.override'
  | 'clocks.remove';

const show = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** Writes refuse archived products: restore first, so an archived record stays as it was. */
function requireEditableProduct(ctx: ServiceContext, productId: string) {
  const product = requireProductId(ctx, productId);
  if (product.archivedAt) throw new AppError('CONFLICT', `"${product.name}" is archived. Restore it before changing its pathway.`);
  return product;
}

/** A write to one product's pathway: one transaction, derived state synced, fresh view back. */
function writePathway(ctx: ServiceContext, productId: string, fn: (audit: Audit) => void) {
  return ctx.write((audit) => {
    requireEditableProduct(ctx, productId);
    fn(audit);
    syncDerived(ctx, productId, audit);
    return loadPathwayView(ctx, productId);
  });
}

function checkActualOrder(start: string | null, finish: string | null) {
  if (start && finish && finish < start) {
    throw new AppError('VALIDATION', `The actual finish (${finish}) is before the actual start (${start}).`, [
      { path: 'actualFinish', message: 'The actual finish cannot be before the actual start' },
    ]);
  }
}

function renumber(ctx: ServiceContext, stageId: string, ids: string[]) {
  ids.forEach((id, position) => ctx.repos.pathway.setPosition(id, stageId, position));
}

function addDependency(ctx: ServiceContext, predecessorId: string, successorId: string, lagDays: number, audit: Audit) {
  const { pathway } = ctx.repos;
  const pred = requireMilestone(ctx, predecessorId);
  const succ = requireMilestone(ctx, successorId);
  if (pred.product_id !== succ.product_id) throw new AppError('CONFLICT', 'A dependency must link two milestones of the same product.');
  if (pathway.dependency(predecessorId, successorId)) {
    throw new AppError('CONFLICT', `"${succ.name}" already waits for "${pred.name}". Change its lag instead.`);
  }
  const rows = pathway.milestones(pred.product_id);
  const deps = pathway.dependencies(pred.product_id).map((d) => ({ predecessorId: d.predecessor_id, successorId: d.successor_id, lagDays: d.lag_days }));
  deps.push({ predecessorId, successorId, lagDays });
  const cycle = findCycle(
    rows.map((r) => r.id),
    deps,
  );
  if (cycle) {
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const named = cycle.map((id) => `"${names.get(id) ?? id}"`).join(' → ');
    throw new AppError('CONFLICT', `That dependency would make a cycle: ${named}. A milestone cannot wait, even indirectly, for itself.`, [
      { path: 'predecessorId', message: `Cycle: ${named}` },
    ]);
  }
  pathway.insertDependency(predecessorId, successorId, lagDays);
  audit({ entity: 'dependency', entityId: `${predecessorId}>${successorId}`, productId: pred.product_id, action: 'create', field: 'lagDays', newValue: String(lagDays), reason: `"${succ.name}" waits for "${pred.name}"` });
}

function requireTrigger(ctx: ServiceContext, id: string) {
  const trigger = ctx.repos.pathway.trigger(id);
  if (!trigger) throw notFound('clock trigger', id);
  return trigger;
}

export const pathwayHandlers: HandlerMap<PathwayChannel> = {
  'pathways.templates': () =>
    PATHWAY_TEMPLATES.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description ?? '',
      version: t.version,
      stageKinds: t.stages.map((s) => s.kind),
      milestoneCount: t.stages.reduce((n, s) => n + s.milestones.length, 0),
    })),

  'pathway.get': ({ productId }, ctx) => loadPathwayView(ctx, productId),

  'pathway.instantiate': ({ productId, templateId, startDate, calendar }, ctx) =>
    writePathway(ctx, productId, (audit) => instantiatePathway(ctx, productId, pathwayTemplate(templateId), startDate, calendar, audit)),

  'pathway.updateSettings': ({ productId, startDate, calendar, reason }, ctx) =>
    writePathway(ctx, productId, (audit) => {
      const before = ctx.repos.pathway.settings(productId)!;
      if (!before.pathway_template_id && ctx.repos.pathway.stages(productId).length === 0) {
        throw new AppError('CONFLICT', 'This product has no pathway yet. Set one up from a template first.');
      }
      const next = { templateId: before.pathway_template_id, startDate: startDate ?? before.start_date, calendar: calendar ?? before.calendar };
      ctx.repos.pathway.setSettings(productId, next, ctx.now());
      if (next.startDate !== before.start_date) {
        audit({ entity: 'pathway', entityId: productId, productId, action: 'update', field: 'startDate', oldValue: before.start_date, newValue: next.startDate, reason: reason ?? null });
      }
      if (next.calendar !== before.calendar) {
        audit({ entity: 'pathway', entityId: productId, productId, action: 'update', field: 'calendar', oldValue: before.calendar, newValue: next.calendar, reason: reason ?? null });
      }
    }),

  'milestones.create': (input, ctx) => {
    const stage = ctx.repos.pathway.stage(input.stageId);
    if (!stage) throw notFound('stage', input.stageId);
    return writePathway(ctx, stage.product_id, (audit) => {
      const id = randomUUID();
      const position = ctx.repos.pathway.stageOrder(stage.id).length;
      ctx.repos.pathway.insertMilestone(
        {
          id,
          product_id: stage.product_id,
          stage_id: stage.id,
          key: null,
          name: input.name,
          description: input.description,
          duration_days: input.durationDays,
          gate: input.gate ? 1 : 0,
          citation: input.citation,
          clock_event: null,
          meeting_type: null,
          position,
          owner: input.owner,
          notes: input.notes,
          planned_start: input.plannedStart,
          planned_finish: input.plannedFinish,
          actual_start: input.actualStart,
          actual_finish: input.actualFinish,
        },
        ctx.now(),
      );
      const { predecessors, stageId: _stageId, ...fields } = input;
      audit({ entity: 'milestone', entityId: id, productId: stage.product_id, action: 'create', newValue: JSON.stringify({ stage: stage.name, ...fields }) });
      for (const p of predecessors) addDependency(ctx, p.id, id, p.lagDays, audit);
    });
  },

  'milestones.update': ({ id, changes, reason }, ctx) => {
    const before = requireMilestone(ctx, id);
    return writePathway(ctx, before.product_id, (audit) => {
      const columns: Record<MilestoneEditable, unknown> = {
        name: before.name,
        description: before.description,
        durationDays: before.duration_days,
        gate: before.gate === 1,
        citation: before.citation,
        owner: before.owner,
        notes: before.notes,
        plannedStart: before.planned_start,
        plannedFinish: before.planned_finish,
        actualStart: before.actual_start,
        actualFinish: before.actual_finish,
      };
      const changed = (Object.keys(changes) as MilestoneEditable[]).filter((f) => changes[f] !== columns[f]);
      if (changed.length === 0) return;
      const after = { ...columns, ...changes };
      checkActualOrder(after.actualStart as string | null, after.actualFinish as string | null);
      const patch: Partial<Record<MilestoneEditable, string | number | null>> = {};
      for (const f of changed) {
        const value = changes[f];
        patch[f] = typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number | null);
      }
      ctx.repos.pathway.updateMilestone(id, patch, ctx.now());
      audit(
        ...changed.map((f) => ({
          entity: 'milestone',
          entityId: id,
          productId: before.product_id,
          action: 'update' as const,
          field: f,
          oldValue: show(columns[f]),
          newValue: show(changes[f]),
          reason: reason ?? null,
        })),
      );
    });
  },

  'milestones.move': ({ id, stageId, position }, ctx) => {
    const before = requireMilestone(ctx, id);
    const target = ctx.repos.pathway.stage(stageId);
    if (!target) throw notFound('stage', stageId);
    if (target.product_id !== before.product_id) throw new AppError('CONFLICT', 'A milestone can only move between stages of its own product.');
    return writePathway(ctx, before.product_id, (audit) => {
      const source = ctx.repos.pathway.stageOrder(before.stage_id).filter((m) => m !== id);
      const destination = stageId === before.stage_id ? source : ctx.repos.pathway.stageOrder(stageId);
      const at = Math.min(position, destination.length);
      destination.splice(at, 0, id);
      if (stageId !== before.stage_id) renumber(ctx, before.stage_id, source);
      renumber(ctx, stageId, destination);
      audit({
        entity: 'milestone',
        entityId: id,
        productId: before.product_id,
        action: 'update',
        field: 'position',
        oldValue: `${before.stage_id === stageId ? '' : 'other stage, '}#${before.position + 1}`,
        newValue: `${target.name} #${at + 1}`,
      });
    });
  },

  'milestones.remove': ({ id, reason }, ctx) => {
    const before = requireMilestone(ctx, id);
    return writePathway(ctx, before.product_id, (audit) => {
      for (const d of ctx.repos.pathway.dependenciesOf(id)) {
        audit({ entity: 'dependency', entityId: `${d.predecessor_id}>${d.successor_id}`, productId: before.product_id, action: 'delete', field: 'lagDays', oldValue: String(d.lag_days), reason: `Milestone "${before.name}" removed` });
      }
      ctx.repos.pathway.deleteMilestone(id); // dependencies go with it (ON DELETE CASCADE)
      renumber(ctx, before.stage_id, ctx.repos.pathway.stageOrder(before.stage_id));
      audit({ entity: 'milestone', entityId: id, productId: before.product_id, action: 'delete', oldValue: JSON.stringify(before), reason: reason ?? null });
    });
  },

  'dependencies.add': ({ predecessorId, successorId, lagDays }, ctx) => {
    const pred = requireMilestone(ctx, predecessorId);
    return writePathway(ctx, pred.product_id, (audit) => addDependency(ctx, predecessorId, successorId, lagDays, audit));
  },

  'dependencies.update': ({ predecessorId, successorId, lagDays }, ctx) => {
    const pred = requireMilestone(ctx, predecessorId);
    const existing = ctx.repos.pathway.dependency(predecessorId, successorId);
    if (!existing) throw notFound('dependency', `${predecessorId}>${successorId}`);
    return writePathway(ctx, pred.product_id, (audit) => {
      if (existing.lag_days === lagDays) return;
      ctx.repos.pathway.updateDependency(predecessorId, successorId, lagDays);
      audit({ entity: 'dependency', entityId: `${predecessorId}>${successorId}`, productId: pred.product_id, action: 'update', field: 'lagDays', oldValue: String(existing.lag_days), newValue: String(lagDays) });
    });
  },

  'dependencies.remove': ({ predecessorId, successorId }, ctx) => {
    const pred = requireMilestone(ctx, predecessorId);
    const existing = ctx.repos.pathway.dependency(predecessorId, successorId);
    if (!existing) throw notFound('dependency', `${predecessorId}>${successorId}`);
    return writePathway(ctx, pred.product_id, (audit) => {
      ctx.repos.pathway.deleteDependency(predecessorId, successorId);
      audit({ entity: 'dependency', entityId: `${predecessorId}>${successorId}`, productId: pred.product_id, action: 'delete', field: 'lagDays', oldValue: String(existing.lag_days) });
    });
  },

  'clocks.record': ({ productId, event, date, meetingType, meetingDate, label, reason }, ctx) =>
    writePathway(ctx, productId, (audit) => {
      if (meetingDate && meetingDate < date) {
        throw new AppError('VALIDATION', 'The meeting date cannot be before the date FDA received the request.', [{ path: 'meetingDate', message: 'Before the request date' }]);
      }
      const id = randomUUID();
      ctx.repos.pathway.insertTrigger(
        { id, product_id: productId, event, date, original_date: null, meeting_type: meetingType ?? null, meeting_date: meetingDate ?? null, label: label ?? '', reason: reason ?? null, milestone_id: null },
        ctx.now(),
      );
      audit({ entity: 'clock_trigger', entityId: id, productId, action: 'create', field: event, newValue: date, reason: reason ?? null });
    }),

  'clocks.override': ({ triggerId, date, meetingDate, reason }, ctx) => {
    const before = requireTrigger(ctx, triggerId);
    return writePathway(ctx, before.product_id, (audit) => {
      const nextMeeting = meetingDate === undefined ? before.meeting_date : meetingDate;
      ctx.repos.pathway.updateTrigger({ id: triggerId, date, original_date: before.original_date ?? before.date, meeting_date: nextMeeting, reason }, ctx.now());
      audit({ entity: 'clock_trigger', entityId: triggerId, productId: before.product_id, action: 'update', field: 'date', oldValue: before.date, newValue: date, reason });
      if (nextMeeting !== before.meeting_date) {
        audit({ entity: 'clock_trigger', entityId: triggerId, productId: before.product_id, action: 'update', field: 'meetingDate', oldValue: before.meeting_date, newValue: nextMeeting, reason });
      }
    });
  },

  'clocks.remove': ({ triggerId, reason }, ctx) => {
    const before = requireTrigger(ctx, triggerId);
    return writePathway(ctx, before.product_id, (audit) => {
      if (before.milestone_id && before.original_date === null) {
        throw new AppError('CONFLICT', 'This trigger follows a milestone’s actual date. Clear that date on the milestone instead.');
      }
      ctx.repos.pathway.deleteTrigger(triggerId);
      audit({ entity: 'clock_trigger', entityId: triggerId, productId: before.product_id, action: 'delete', field: before.event, oldValue: before.date, reason: reason ?? null });
    });
  },
};
