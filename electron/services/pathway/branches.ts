import { randomUUID } from 'node:crypto';
import type { PathwayBranch } from '../../contract';
import { automaticBranchIds } from '../../domain/pathwayBranches';
import type { PathwayTemplate } from '../../domain/pathwayTemplate';
import { findCycle } from '../../domain/schedule';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { HandlerMap } from '../handlers';
import { requireProduct } from '../lookups';
import { pathwayTemplate } from './templates';
import { templateMilestoneRow, writePathway } from './writes';

function productTemplate(ctx: ServiceContext, productId: string): PathwayTemplate {
  const templateId = ctx.repos.pathway.settings(productId)?.pathway_template_id ?? null;
  if (templateId === null) throw new AppError('CONFLICT', 'This product has no pathway yet. Set one up from a template first.');
  return pathwayTemplate(templateId);
}

export const branchHandlers: HandlerMap<'pathway.branches' | 'pathway.addBranch'> = {
  'pathway.branches': ({ productId }, ctx): PathwayBranch[] => {
    const product = requireProduct(ctx, productId);
    const templateId = ctx.repos.pathway.settings(productId)?.pathway_template_id ?? null;
    if (templateId === null) return [];
    const keys = new Set(ctx.repos.pathway.milestones(productId).map((m) => m.key));
    const template = pathwayTemplate(templateId);
    const applying = new Set(automaticBranchIds(template, product));
    return template.branches.map((b) => ({
      id: b.id,
      name: b.name,
      description: b.description,
      stage: b.stage,
      automatic: b.appliesWhen !== undefined,
      applies: b.appliesWhen === undefined || applying.has(b.id),
      added: b.milestones.some((m) => keys.has(m.key)),
    }));
  },

  'pathway.addBranch': ({ productId, branchId, reason }, ctx) =>
    writePathway(ctx, () => productId, (_, audit) => {
      const template = productTemplate(ctx, productId);
      const branch = template.branches.find((b) => b.id === branchId);
      if (!branch) {
        throw new AppError('NOT_FOUND', `The pathway template has no branch "${branchId}". Choose one of: ${template.branches.map((b) => b.id).join(', ')}.`, [
          { path: 'branchId', message: `Unknown branch "${branchId}"` },
        ]);
      }
      const { pathway } = ctx.repos;
      const rows = pathway.milestones(productId);
      const idOfKey = new Map(rows.filter((m) => m.key !== null).map((m) => [m.key!, m.id]));
      if (branch.milestones.some((m) => idOfKey.has(m.key))) {
        throw new AppError('CONFLICT', `“${branch.name}” is already in this pathway.`);
      }
      const stage = pathway.stages(productId).find((s) => s.kind === branch.stage);
      if (!stage) throw new AppError('CONFLICT', `This pathway has no ${branch.stage} stage for “${branch.name}”.`);
      const now = ctx.now();
      let position = pathway.stageOrder(stage.id).length;
      for (const m of branch.milestones) {
        const id = randomUUID();
        idOfKey.set(m.key, id);
        pathway.insertMilestone(templateMilestoneRow(template, m, { id, productId, stageId: stage.id, position: position++ }), now);
        audit({ entity: 'milestone', entityId: id, productId, action: 'create', newValue: JSON.stringify({ stage: stage.name, name: m.name, branch: branch.name }), reason: reason ?? null });
      }
      // Dependencies on milestones the user has since removed are left out, and said so.
      const missing: string[] = [];
      const newKeys = new Set(branch.milestones.map((m) => m.key));
      const links = [
        ...branch.milestones.flatMap((m) => [
          ...m.dependsOn.map((d) => ({ pred: d.key, succ: m.key, lag: d.lagDays })),
          ...m.feeds.map((f) => ({ pred: m.key, succ: f.key, lag: f.lagDays })),
        ]),
        // Branches already in the pathway that feed this one (donor eligibility before the master cell bank).
        ...template.branches
          .filter((b) => b.id !== branch.id)
          .flatMap((b) => b.milestones)
          .filter((m) => rows.some((r) => r.key === m.key))
          .flatMap((m) => m.feeds.filter((f) => newKeys.has(f.key)).map((f) => ({ pred: m.key, succ: f.key, lag: f.lagDays }))),
      ];
      const existing = pathway.dependencies(productId).map((d) => ({ predecessorId: d.predecessor_id, successorId: d.successor_id, lagDays: d.lag_days }));
      const added = links.flatMap((l) => {
        const predecessorId = idOfKey.get(l.pred);
        const successorId = idOfKey.get(l.succ);
        if (!predecessorId || !successorId) {
          missing.push(!predecessorId ? l.pred : l.succ);
          return [];
        }
        return [{ predecessorId, successorId, lagDays: l.lag }];
      });
      const ids = [...idOfKey.values()];
      if (findCycle(ids, [...existing, ...added]) !== null) {
        throw new AppError('CONFLICT', `Adding “${branch.name}” would make a dependency cycle with the milestones as they are now. Nothing was added.`);
      }
      for (const d of added) pathway.insertDependency(d.predecessorId, d.successorId, d.lagDays);
      audit.summarise(
        `Added the branch “${branch.name}” to the pathway${missing.length > 0 ? ` (without links to milestones no longer in it: ${[...new Set(missing)].join(', ')})` : ''}`,
      );
    }),
};
