import { randomUUID } from 'node:crypto';
import type { MilestoneEditable } from '../../../db/repositories/pathway';
import { findCycle } from '../../domain/schedule';
import { auditValue } from '../audit/values';
import type { Audit, ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { HandlerMap } from '../handlers';
import { requireMilestone } from '../lookups';
import { PATHWAY_TEMPLATES, pathwayTemplate } from './templates';
import { loadPathwayView } from './view';
import { markEarlierWorkDone, setActualDates } from './progress';
import { instantiatePathway, writePathway } from './writes';

type PathwayChannel =
  | 'pathways.templates'
  | 'pathway.get'
  | 'pathway.instantiate'
  | 'pathway.updateSettings'
  | 'pathway.markEarlierWorkDone'
  | 'milestones.create'
  | 'milestones.update'
  | 'milestones.move'
  | 'milestones.remove'
  | 'dependencies.add'
  | 'dependencies.update'
  | 'dependencies.remove';

function requireStage(ctx: ServiceContext, id: string) {
  const stage = ctx.repos.pathway.stage(id);
  if (!stage) throw notFound('stage', id);
  return stage;
}

/** A dependency with the product of its milestones (both belong to one product). */
function requireDependency(ctx: ServiceContext, predecessorId: string, successorId: string) {
  const pred = requireMilestone(ctx, predecessorId);
  const existing = ctx.repos.pathway.dependency(predecessorId, successorId);
  if (!existing) throw notFound('dependency', `${predecessorId}>${successorId}`);
  return { ...existing, product_id: pred.product_id };
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
    writePathway(ctx, () => productId, (_, audit) => instantiatePathway(ctx, productId, pathwayTemplate(templateId), startDate, calendar, audit)),

  'pathway.updateSettings': ({ productId, startDate, calendar, reason }, ctx) =>
    writePathway(ctx, () => productId, (_, audit) => {
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

  'pathway.markEarlierWorkDone': ({ productId, stage, stageFinishes, reason }, ctx) =>
    writePathway(ctx, () => productId, (_, audit) => {
      const settings = ctx.repos.pathway.settings(productId)!;
      if (ctx.repos.pathway.stages(productId).length === 0) throw new AppError('CONFLICT', 'This product has no pathway yet. Set one up from a template first.');
      markEarlierWorkDone(ctx, productId, stage, stageFinishes, settings.start_date ?? ctx.today(), reason ?? null, audit);
    }),

  'milestones.create': (input, ctx) =>
    writePathway(ctx, () => requireStage(ctx, input.stageId), (stage, audit) => {
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
      audit.summarise(`Added the milestone “${input.name}” to ${stage.name}`);
      for (const p of predecessors) addDependency(ctx, p.id, id, p.lagDays, audit);
    }),

  'milestones.update': ({ id, changes, reason }, ctx) =>
    writePathway(ctx, () => requireMilestone(ctx, id), (before, audit) => {
      const { actualStart, actualFinish, ...rest } = changes;
      const columns: Record<Exclude<MilestoneEditable, 'actualStart' | 'actualFinish'>, unknown> = {
        name: before.name,
        description: before.description,
        durationDays: before.duration_days,
        gate: before.gate === 1,
        citation: before.citation,
        owner: before.owner,
        notes: before.notes,
        plannedStart: before.planned_start,
        plannedFinish: before.planned_finish,
      };
      const changed = (Object.keys(rest) as Array<keyof typeof columns>).filter((f) => rest[f] !== columns[f]);
      if (changed.length > 0) {
        audit.summarise(`Milestone “${before.name}” edited`);
        const patch: Partial<Record<MilestoneEditable, string | number | null>> = {};
        for (const f of changed) {
          const value = rest[f];
          patch[f] = typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
        }
        ctx.repos.pathway.updateMilestone(id, patch, ctx.now());
        audit(
          ...changed.map((f) => ({
            entity: 'milestone',
            entityId: id,
            productId: before.product_id,
            action: 'update' as const,
            field: f,
            oldValue: auditValue(columns[f]),
            newValue: auditValue(rest[f]),
            reason: reason ?? null,
          })),
        );
      }
      // Actual dates are how things happen: the same path the clocks tab takes for an FDA event.
      setActualDates(ctx, before, { actualStart, actualFinish }, reason ?? null, audit);
    }),

  'milestones.move': ({ id, stageId, position }, ctx) =>
    writePathway(ctx, () => requireMilestone(ctx, id), (before, audit) => {
      const target = requireStage(ctx, stageId);
      if (target.product_id !== before.product_id) throw new AppError('CONFLICT', 'A milestone can only move between stages of its own product.');
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
    }),

  'milestones.remove': ({ id, reason }, ctx) =>
    writePathway(ctx, () => requireMilestone(ctx, id), (before, audit) => {
      for (const d of ctx.repos.pathway.dependenciesOf(id)) {
        audit({ entity: 'dependency', entityId: `${d.predecessor_id}>${d.successor_id}`, productId: before.product_id, action: 'delete', field: 'lagDays', oldValue: String(d.lag_days), reason: `Milestone "${before.name}" removed` });
      }
      audit.summarise(`Removed the milestone “${before.name}” and its dependencies`);
      ctx.repos.pathway.deleteMilestone(id); // dependencies go with it (ON DELETE CASCADE)
      renumber(ctx, before.stage_id, ctx.repos.pathway.stageOrder(before.stage_id));
      audit({ entity: 'milestone', entityId: id, productId: before.product_id, action: 'delete', oldValue: JSON.stringify(before), reason: reason ?? null });
    }),

  'dependencies.add': ({ predecessorId, successorId, lagDays }, ctx) =>
    writePathway(ctx, () => requireMilestone(ctx, predecessorId), (_, audit) => addDependency(ctx, predecessorId, successorId, lagDays, audit)),

  'dependencies.update': ({ predecessorId, successorId, lagDays }, ctx) =>
    writePathway(ctx, () => requireDependency(ctx, predecessorId, successorId), (existing, audit) => {
      if (existing.lag_days === lagDays) return;
      ctx.repos.pathway.updateDependency(predecessorId, successorId, lagDays);
      audit({ entity: 'dependency', entityId: `${predecessorId}>${successorId}`, productId: existing.product_id, action: 'update', field: 'lagDays', oldValue: String(existing.lag_days), newValue: String(lagDays) });
    }),

  'dependencies.remove': ({ predecessorId, successorId }, ctx) =>
    writePathway(ctx, () => requireDependency(ctx, predecessorId, successorId), (existing, audit) => {
      ctx.repos.pathway.deleteDependency(predecessorId, successorId);
      audit({ entity: 'dependency', entityId: `${predecessorId}>${successorId}`, productId: existing.product_id, action: 'delete', field: 'lagDays', oldValue: String(existing.lag_days) });
    }),
};
