import { randomUUID } from 'node:crypto';
import { ITEM_STATUS_IDS } from '../../contract';
import { defaultDueFor, planRegeneration } from '../../domain/checklist';
import { StageKindSchema, type StageKind } from '../../domain/checklistTemplate';
import type { Audit, ServiceContext } from '../context';
import { requireEditableProduct } from '../lookups';
import { member } from '../vocabulary';
import { allChecklistTemplates } from './templates';

/** Without a pathway, the clinical items of the default design (separate phase I and II) apply. */
const DEFAULT_STAGES: readonly StageKind[] = ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2'];

/**
 * Brings a product's checklists in line with its profile and pathway: adds newly applicable
 * template items, flags items that no longer apply and restores flagged ones that apply again.
 * It never deletes an item or touches what a user entered.
 */
export function regenerateChecklists(ctx: ServiceContext, productId: string, audit: Audit) {
  const product = requireEditableProduct(ctx, productId, 'generating checklists');
  const { checklists } = ctx.repos;
  const now = ctx.now();
  const templates = allChecklistTemplates(ctx);
  const stageKinds = ctx.repos.pathway.stages(productId).map((s) => member(StageKindSchema.options, s.kind, 'stage'));
  const existing = checklists.items(productId).map((row) => ({ row, templateItemId: row.template_item_id, status: member(ITEM_STATUS_IDS, row.status, 'item status'), applicable: row.applicable === 1 }));
  const plan = planRegeneration(templates, product, existing, { stageKinds: stageKinds.length > 0 ? stageKinds : DEFAULT_STAGES });

  const current = checklists.checklists(productId);
  const checklistIdOf = new Map(current.filter((c) => c.template_id).map((c) => [c.template_id!, c.id]));
  let position = current.length;
  const positions = new Map<string, number>();
  for (const planned of plan.toAdd) {
    let checklistId = checklistIdOf.get(planned.templateId);
    if (!checklistId) {
      const template = templates.find((t) => t.id === planned.templateId)!;
      checklistId = randomUUID();
      checklists.insertChecklist({ id: checklistId, product_id: productId, template_id: template.id, template_version: template.version, kind: template.kind, name: template.name, position: position++, created_at: now });
      checklistIdOf.set(template.id, checklistId);
      audit({ entity: 'checklist', entityId: checklistId, productId, action: 'create', field: 'template', newValue: `${template.id} v${template.version}` });
    }
    const next = positions.get(checklistId) ?? checklists.nextPosition(checklistId);
    positions.set(checklistId, next + 1);
    const { item } = planned;
    const due = defaultDueFor(item);
    const id = randomUUID();
    checklists.insertItem(
      {
        id,
        checklist_id: checklistId,
        product_id: productId,
        template_item_id: item.id,
        section: item.section,
        section_title: item.sectionTitle,
        title: item.title,
        guidance: item.guidance,
        citation: item.citation,
        required: item.required ? 1 : 0,
        stage: item.stage,
        milestone_key: item.milestone ?? null,
        ectd_module: item.ectdModule ?? null,
        applies_when: item.appliesWhen ? JSON.stringify(item.appliesWhen) : null,
        applicable: 1,
        status: 'not-started',
        justification: '',
        owner: '',
        due: due ? JSON.stringify(due) : null,
        document_path: '',
        notes: '',
        position: next,
      },
      now,
    );
    audit({ entity: 'checklist_item', entityId: id, productId, action: 'create', field: 'templateItem', newValue: item.id });
  }
  for (const e of plan.toMarkInapplicable) {
    checklists.setApplicable(e.row.id, false, now);
    audit({ entity: 'checklist_item', entityId: e.row.id, productId, action: 'update', field: 'applicable', oldValue: 'true', newValue: 'false', reason: 'No longer applies to the product profile' });
  }
  for (const e of plan.toMarkApplicable) {
    checklists.setApplicable(e.row.id, true, now);
    audit({ entity: 'checklist_item', entityId: e.row.id, productId, action: 'update', field: 'applicable', oldValue: 'false', newValue: 'true', reason: 'Applies again to the product profile' });
  }
  const fromTemplates = [...new Set(plan.toAdd.map((p) => p.templateId))].map((id) => templates.find((t) => t.id === id)!).map((t) => `${t.name} v${t.version}`);
  const parts = [
    plan.toAdd.length > 0 ? `generated ${plan.toAdd.length} checklist items from ${fromTemplates.join(', ')}` : null,
    plan.toMarkInapplicable.length > 0 ? `flagged ${plan.toMarkInapplicable.length} that no longer apply` : null,
    plan.toMarkApplicable.length > 0 ? `restored ${plan.toMarkApplicable.length} that apply again` : null,
  ].filter(Boolean);
  if (parts.length > 0) audit.summarise(`Checklists of ${product.code}: ${parts.join('; ')}`);
  return { added: plan.toAdd.length, flagged: plan.toMarkInapplicable.length, restored: plan.toMarkApplicable.length };
}
