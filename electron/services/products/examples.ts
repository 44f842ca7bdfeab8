import { z } from 'zod';
import portfolio from '../../../templates/examples/portfolio.json';
import { ChecklistKind, ItemStatus, ProductProfile, StageKind } from '../../contract';
import { regenerateChecklists } from '../checklists/regenerate';
import type { Audit, ServiceContext } from '../context';
import type { HandlerMap } from '../handlers';
import { applyExampleLots } from '../lots/examples';
import { syncDerived } from '../pathway/writes';
import { pathwayTemplate } from '../pathway/templates';
import { createProduct } from './handlers';

const Example = ProductProfile.extend({
  pathway: z.strictObject({ templateId: z.string(), startDate: z.string() }),
  progress: z.strictObject({ doneStages: z.array(StageKind), done: z.array(z.string()), started: z.array(z.string()) }),
  // The examples hold no documents, notes or signatures: a status that claims the work is done
  // (Submitted, Approved) would be "done without evidence", so the file cannot say it.
  checklists: z.partialRecord(ChecklistKind, ItemStatus.exclude(['submitted', 'approved'])),
});

// Validated at load, like every template: a bad edit to the file fails loudly, not halfway through.
const EXAMPLES = z.object({ products: z.array(Example) }).parse({ products: portfolio.products }).products;

/** Generates the example's checklists and sets their items' status by checklist kind. */
function applyChecklists(ctx: ServiceContext, productId: string, statuses: z.infer<typeof Example>['checklists'], audit: Audit) {
  regenerateChecklists(ctx, productId, audit);
  const kindOf = new Map(ctx.repos.checklists.checklists(productId).map((c) => [c.id, ChecklistKind.parse(c.kind)]));
  const now = ctx.now();
  for (const item of ctx.repos.checklists.items(productId)) {
    const status = statuses[kindOf.get(item.checklist_id)!];
    // Optional items (e.g. the reserved 312.23(a)(4)) are left as generated.
    if (!status || status === item.status || status === 'not-applicable' || item.required !== 1) continue;
    ctx.repos.checklists.updateItem(item.id, { status }, now);
    audit({ entity: 'checklist_item', entityId: item.id, productId, action: 'update', field: 'status', oldValue: item.status, newValue: status, reason: 'Example portfolio' });
  }
}

/** Marks example milestones done or started on their planned dates, so the portfolio looks lived-in. */
function applyProgress(ctx: ServiceContext, productId: string, progress: z.infer<typeof Example>['progress'], audit: Audit) {
  const { pathway } = ctx.repos;
  const stageKind = new Map(pathway.stages(productId).map((s) => [s.id, s.kind]));
  const now = ctx.now();
  for (const m of pathway.milestones(productId)) {
    const done = progress.doneStages.some((kind) => kind === stageKind.get(m.stage_id)) || progress.done.includes(m.key ?? '');
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
      for (const { progress, pathway, checklists, ...profile } of EXAMPLES) {
        if (ctx.repos.products.findByCode(profile.code)) {
          skipped.push(profile.code);
          continue;
        }
        // The example's progress is given milestone by milestone: it starts at the first stage,
        // and its stage then follows from those dates (a test holds it to the stage declared).
        const first = pathwayTemplate(pathway.templateId).stages[0]!.kind;
        const product = createProduct(ctx, { ...profile, stage: first, pathway: { ...pathway, calendar: 'calendar' } }, audit);
        applyProgress(ctx, product.id, progress, audit);
        applyChecklists(ctx, product.id, checklists, audit);
        applyExampleLots(ctx, product, audit);
        created.push(product.code);
      }
      audit.summarise(created.length > 0 ? `Loaded the example portfolio: ${created.join(', ')}` : 'Example portfolio already loaded');
      return { created, skipped };
    }),
};
