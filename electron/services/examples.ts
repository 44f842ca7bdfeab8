import { z } from 'zod';
import portfolio from '../../templates/examples/portfolio.json';
import { ProductProfile, StageKind } from '../contract';
import type { ServiceContext } from './context';
import type { HandlerMap } from './handlers';
import { syncDerived, type Audit } from './pathway';
import { createProduct } from './products';

const Example = ProductProfile.extend({
  pathway: z.strictObject({ templateId: z.string(), startDate: z.string() }),
  progress: z.strictObject({ doneStages: z.array(StageKind), done: z.array(z.string()), started: z.array(z.string()) }),
});

// Validated at load, like every template: a bad edit to the file fails loudly, not halfway through.
const EXAMPLES = z.object({ products: z.array(Example) }).parse({ products: portfolio.products }).products;

/** Marks example milestones done or started on their planned dates, so the portfolio looks lived-in. */
function applyProgress(ctx: ServiceContext, productId: string, progress: z.infer<typeof Example>['progress'], audit: Audit) {
  const { pathway } = ctx.repos;
  const stageKind = new Map(pathway.stages(productId).map((s) => [s.id, s.kind]));
  const now = ctx.now();
  for (const m of pathway.milestones(productId)) {
    const done = progress.doneStages.includes(stageKind.get(m.stage_id) as never) || progress.done.includes(m.key ?? '');
    const started = progress.started.includes(m.key ?? '');
    if (!done && !started) continue;
    const changes = done ? { actualStart: m.planned_start, actualFinish: m.planned_finish } : { actualStart: m.planned_start };
    pathway.updateMilestone(m.id, changes, now);
    for (const [field, value] of Object.entries(changes)) {
      audit({ entity: 'milestone', entityId: m.id, productId, action: 'update', field, oldValue: null, newValue: value, reason: 'Example portfolio' });
    }
  }
  syncDerived(ctx, productId, audit);
}

export const exampleHandlers: HandlerMap<'examples.load'> = {
  'examples.load': (_input, ctx) =>
    ctx.write((audit) => {
      const created: string[] = [];
      const skipped: string[] = [];
      for (const { progress, pathway, ...profile } of EXAMPLES) {
        if (ctx.repos.products.findByCode(profile.code)) {
          skipped.push(profile.code);
          continue;
        }
        const product = createProduct(ctx, { ...profile, pathway: { ...pathway, calendar: 'calendar' } }, audit);
        applyProgress(ctx, product.id, progress, audit);
        created.push(product.code);
      }
      return { created, skipped };
    }),
};
