import { randomUUID } from 'node:crypto';
import { applyEdit, PlanEditError } from '../../domain/plan';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { HandlerMap } from '../handlers';
import { requireEditableProduct, requireProduct } from '../lookups';
import { applyScenario } from './apply';
import { comparePlans } from './compare';
import { decodeScenario, livePlan, requireScenario, scenarioView, type Scenario } from './plans';

function requireOpen(s: Scenario) {
  if (s.status !== 'open') throw new AppError('CONFLICT', `The planning scenario "${s.name}" was ${s.status}; start a new one to keep planning.`);
}

/** An open scenario, read inside the caller's transaction. */
export function requireOpenScenario(ctx: ServiceContext, id: string) {
  const s = requireScenario(ctx, id);
  requireOpen(s);
  return s;
}

type Channels = 'scenarios.list' | 'scenarios.create' | 'scenarios.get' | 'scenarios.edit' | 'scenarios.apply' | 'scenarios.discard' | 'plans.compare';

export const scenarioHandlers: HandlerMap<Channels> = {
  'scenarios.list': ({ productId }, ctx) => {
    requireProduct(ctx, productId);
    return ctx.repos.scenarios.list(productId).map(decodeScenario).map((s) => ({ id: s.id, name: s.name, status: s.status, createdAt: s.createdAt, updatedAt: s.updatedAt, changeCount: s.changes.length }));
  },
  'scenarios.create': ({ productId, name }, ctx) =>
    ctx.write((audit) => {
      requireEditableProduct(ctx, productId, 'planning');
      if (ctx.repos.pathway.stages(productId).length === 0) throw new AppError('CONFLICT', 'This product has no pathway to plan with. Set one up first.');
      const plan = JSON.stringify(livePlan(ctx, productId));
      const id = randomUUID();
      const now = ctx.now();
      ctx.repos.scenarios.insert({ id, product_id: productId, name, status: 'open', base: plan, plan, changes: '[]', created_at: now, updated_at: now });
      audit({ entity: 'scenario', entityId: id, productId, action: 'create', field: 'name', newValue: name });
      return scenarioView(ctx, requireScenario(ctx, id));
    }),
  'scenarios.get': ({ id }, ctx) => scenarioView(ctx, requireScenario(ctx, id)),
  'scenarios.edit': ({ id, edit }, ctx) =>
    ctx.write(() => {
      const s = requireOpenScenario(ctx, id);
      let result: ReturnType<typeof applyEdit>;
      try {
        result = applyEdit(s.plan, edit, randomUUID);
      } catch (error) {
        if (error instanceof PlanEditError) throw new AppError('CONFLICT', error.message);
        throw error;
      }
      const now = ctx.now();
      const changes = [...s.changes, { at: now, description: result.description, edit, touched: result.touched }];
      // Stored at once: a crash mid-session loses nothing. The live plan is not touched (no audit rows for drafts).
      ctx.repos.scenarios.savePlan(id, JSON.stringify(result.plan), JSON.stringify(changes), now);
      return scenarioView(ctx, { ...s, plan: result.plan, changes, updatedAt: now });
    }),
  'scenarios.discard': ({ id, reason }, ctx) =>
    ctx.write((audit) => {
      const s = requireOpenScenario(ctx, id);
      const now = ctx.now();
      ctx.repos.scenarios.setStatus(id, 'discarded', now);
      audit({ entity: 'scenario', entityId: id, productId: s.productId, action: 'update', field: 'status', oldValue: 'open', newValue: 'discarded', reason: reason ?? null });
      return scenarioView(ctx, { ...s, status: 'discarded', updatedAt: now });
    }),
  'scenarios.apply': ({ id, reason }, ctx) =>
    ctx.write((audit) => {
      const s = requireOpenScenario(ctx, id);
      requireEditableProduct(ctx, s.productId, 'applying a scenario');
      applyScenario(ctx, s, reason, audit);
      return scenarioView(ctx, { ...s, status: 'applied', updatedAt: ctx.now() });
    }),
  'plans.compare': ({ productId, plans }, ctx) => comparePlans(ctx, productId, plans),
};
