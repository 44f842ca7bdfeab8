import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Checklist, ChecklistItem, ChecklistsView, Due, Gate, ItemStatusId, StageKind, Summary } from '../contract';
import { Due as DueSchema } from '../contract';
import { ITEM_EDITABLE, type ChecklistItemRow, type ItemEditable } from '../../db/repositories/checklists';
import {
  describeCondition,
  evaluateGate,
  GATE_IDS,
  isOverdue,
  planRegeneration,
  resolveDueDate,
  summarise,
  validateStatusChange,
  type ScopedReadinessItem,
} from '../domain/checklist';
import type { Condition, StageKind as DomainStageKind, TemplateKind } from '../domain/checklistTemplate';
import { defaultDueFor } from '../domain/checklist';
import type { ServiceContext } from './context';
import { AppError, notFound } from './errors';
import { allChecklistTemplates } from './checklistTemplates';
import { loadPathwayView, requireProductId, type Audit } from './pathway';

/** Executables and scripts are never "documents": a linked file must be something to read. */
const EXECUTABLE_EXTENSIONS = new Set(['.exe', '.bat', '.cmd', '.com', '.msi', '.ps1', '.sh', '.app', '.scr', '.vbs', '.jar', '.js', '.lnk', '.desktop', '.appimage', '.deb', '.rpm', '.dmg', '.pkg']);

function parseDue(text: string | null): Due | null {
  if (!text) return null;
  const parsed = DueSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** Many items share the same condition or due rule: decode each distinct text once per view. */
function memo<T>(fn: (text: string) => T): (text: string | null) => T | null {
  const cache = new Map<string, T>();
  return (text) => {
    if (text === null) return null;
    let value = cache.get(text);
    if (value === undefined) {
      value = fn(text);
      cache.set(text, value);
    }
    return value;
  };
}

function documentExists(p: string): boolean | null {
  if (!p) return null;
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Checks a linked document path: an existing local file, not a URL and not a program. */
export function checkDocumentPath(p: string): string | null {
  if (p === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return 'Link a local file, not a web address.';
  if (!path.isAbsolute(p)) return 'Give the full path of the file (e.g. /home/you/IND/cover-letter.docx or C:\\IND\\cover-letter.docx).';
  if (EXECUTABLE_EXTENSIONS.has(path.extname(p).toLowerCase())) return 'Programs and scripts cannot be linked as documents.';
  if (!documentExists(p)) return `There is no file at ${p}. Check the path, or save the document first.`;
  return null;
}

function toSummary(s: ReturnType<typeof summarise>): Summary {
  return { ...s, byStatus: { ...s.byStatus } };
}

/** Every checklist of a product with resolved due dates, readiness per checklist, stage and product, and the gates. */
export function loadChecklistsView(ctx: ServiceContext, productId: string, today = ctx.today()): ChecklistsView {
  requireProductId(ctx, productId);
  const pathway = loadPathwayView(ctx, productId);
  const milestoneDates = new Map<string, string>();
  for (const stage of pathway.stages) {
    for (const m of stage.milestones) if (m.key) milestoneDates.set(m.key, m.actualFinish ?? m.forecastFinish);
  }
  const checklistRows = ctx.repos.checklists.checklists(productId);
  const kindOf = new Map(checklistRows.map((c) => [c.id, c.kind]));
  const byChecklist = new Map<string, ChecklistItem[]>(checklistRows.map((c) => [c.id, []]));
  const readinessByChecklist = new Map<string, ScopedReadinessItem[]>(checklistRows.map((c) => [c.id, []]));
  const scoped: ScopedReadinessItem[] = [];
  const byStage = new Map<StageKind, ScopedReadinessItem[]>();
  const dueOf = memo(parseDue);
  const conditionOf = memo((text) => describeCondition(JSON.parse(text) as Condition));

  for (const row of ctx.repos.checklists.items(productId)) {
    const due = dueOf(row.due);
    const dueDate = resolveDueDate({ due }, milestoneDates);
    const status = row.status as ItemStatusId;
    const applicable = row.applicable === 1;
    const item: ChecklistItem = {
      id: row.id,
      checklistId: row.checklist_id,
      templateItemId: row.template_item_id,
      section: row.section,
      sectionTitle: row.section_title,
      title: row.title,
      guidance: row.guidance,
      citation: row.citation,
      required: row.required === 1,
      stage: row.stage as StageKind,
      milestone: row.milestone_key,
      ectdModule: row.ectd_module,
      appliesWhen: conditionOf(row.applies_when),
      applicable,
      status,
      justification: row.justification,
      owner: row.owner,
      due,
      dueDate,
      overdue: dueDate !== null && isOverdue({ status, applicable, due }, today, milestoneDates),
      documentPath: row.document_path,
      documentExists: documentExists(row.document_path),
      notes: row.notes,
      position: row.position,
      updatedAt: row.updated_at,
    };
    byChecklist.get(row.checklist_id)!.push(item);
    const readiness: ScopedReadinessItem = {
      id: item.id,
      title: item.title,
      status,
      required: item.required,
      applicable,
      naJustification: item.justification,
      checklistKind: kindOf.get(row.checklist_id) as TemplateKind,
      stage: item.stage as DomainStageKind,
      milestone: item.milestone,
    };
    scoped.push(readiness);
    readinessByChecklist.get(row.checklist_id)!.push(readiness);
    const list = byStage.get(item.stage) ?? [];
    list.push(readiness);
    byStage.set(item.stage, list);
  }

  const checklists: Checklist[] = checklistRows.map((c) => {
    const items = byChecklist.get(c.id)!;
    return {
      id: c.id,
      templateId: c.template_id,
      templateVersion: c.template_version,
      kind: c.kind as Checklist['kind'],
      name: c.name,
      items,
      summary: toSummary(summarise(readinessByChecklist.get(c.id)!)),
    };
  });
  const gates: Gate[] = GATE_IDS.map((id) => {
    const result = evaluateGate(id, scoped);
    return {
      id,
      label: result.gate.label,
      description: result.gate.description,
      milestone: result.gate.milestone,
      ready: result.ready,
      considered: result.considered,
      blockers: result.blockers,
    };
  });
  return {
    productId,
    today,
    checklists,
    summary: toSummary(summarise(scoped)),
    byStage: [...byStage.entries()].map(([stage, items]) => ({ stage, summary: toSummary(summarise(items)) })),
    gates,
  };
}

/**
 * Brings a product's checklists in line with its profile and pathway: adds newly applicable
 * template items, flags items that no longer apply and restores flagged ones that apply again.
 * It never deletes an item or touches what a user entered.
 */
export function regenerateChecklists(ctx: ServiceContext, productId: string, audit: Audit) {
  const product = requireProductId(ctx, productId);
  if (product.archivedAt) throw new AppError('CONFLICT', `"${product.name}" is archived. Restore it before generating checklists.`);
  const { checklists } = ctx.repos;
  const now = ctx.now();
  const templates = allChecklistTemplates(ctx);
  const stageKinds = ctx.repos.pathway.stages(productId).map((s) => s.kind as DomainStageKind);
  const existing = checklists.items(productId).map((row) => ({ row, templateItemId: row.template_item_id, status: row.status as ItemStatusId, applicable: row.applicable === 1 }));
  // Without a pathway, the clinical items of the default design (separate phase I and II) apply.
  const plan = planRegeneration(templates, product, existing, { stageKinds: stageKinds.length > 0 ? stageKinds : ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2'] });

  const checklistIdOf = new Map(checklists.checklists(productId).filter((c) => c.template_id).map((c) => [c.template_id!, c.id]));
  let position = checklists.checklists(productId).length;
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
  return { added: plan.toAdd.length, flagged: plan.toMarkInapplicable.length, restored: plan.toMarkApplicable.length };
}

export function requireItem(ctx: ServiceContext, id: string): ChecklistItemRow {
  const row = ctx.repos.checklists.item(id);
  if (!row) throw notFound('checklist item', id);
  return row;
}

export type ItemChanges = Partial<{ status: ItemStatusId; justification: string; owner: string; due: Due | null; documentPath: string; notes: string }>;

const stored = (row: ChecklistItemRow): Record<ItemEditable, string | null> => ({
  status: row.status,
  justification: row.justification,
  owner: row.owner,
  due: row.due,
  documentPath: row.document_path,
  notes: row.notes,
});

/**
 * Validates one item's changes and returns the stored values before and after, with the fields
 * that change. Shared by single and bulk edits, so both refuse exactly the same things.
 */
function planItemChanges(ctx: ServiceContext, row: ChecklistItemRow, changes: ItemChanges, pathPrefix = 'changes.') {
  const before = stored(row);
  const after: Record<ItemEditable, string | null> = { ...before };
  if (changes.status !== undefined) after.status = changes.status;
  if (changes.justification !== undefined) after.justification = changes.justification;
  if (changes.owner !== undefined) after.owner = changes.owner;
  if (changes.notes !== undefined) after.notes = changes.notes;
  if (changes.due !== undefined) after.due = changes.due === null ? null : JSON.stringify(changes.due);
  if (changes.documentPath !== undefined) {
    const problem = checkDocumentPath(changes.documentPath);
    if (problem) throw new AppError('VALIDATION', `"${row.title}": ${problem}`, [{ path: `${pathPrefix}documentPath`, message: problem }]);
    after.documentPath = changes.documentPath;
  }
  if (changes.due && changes.due.kind === 'milestone') {
    const keys = new Set(ctx.repos.pathway.milestones(row.product_id).map((m) => m.key));
    if (!keys.has(changes.due.milestone)) {
      throw new AppError('VALIDATION', `"${row.title}": this product's pathway has no milestone "${changes.due.milestone}" to tie the due date to.`, [
        { path: `${pathPrefix}due.milestone`, message: 'Unknown milestone' },
      ]);
    }
  }
  const refusal = validateStatusChange(row.status as ItemStatusId, after.status as ItemStatusId, after.justification);
  if (refusal) throw new AppError('VALIDATION', `"${row.title}": ${refusal}`, [{ path: `${pathPrefix}justification`, message: refusal }]);
  const changed = (Object.keys(after) as ItemEditable[]).filter((f) => after[f] !== before[f]);
  return { before, after, changed };
}

const auditRecords = (row: ChecklistItemRow, plan: ReturnType<typeof planItemChanges>, reason: string | undefined) =>
  plan.changed.map((f) => ({
    entity: 'checklist_item',
    entityId: row.id,
    productId: row.product_id,
    action: 'update' as const,
    field: f,
    oldValue: plan.before[f],
    newValue: plan.after[f],
    reason: reason ?? null,
  }));

/** Validates and applies one item's changes with their audit rows. */
export function applyItemChanges(ctx: ServiceContext, row: ChecklistItemRow, changes: ItemChanges, reason: string | undefined, audit: Audit) {
  const plan = planItemChanges(ctx, row, changes);
  const { changed, after } = plan;
  if (changed.length === 0) return;
  const patch: Partial<Record<ItemEditable, string | null>> = {};
  for (const f of changed) patch[f] = after[f];
  ctx.repos.checklists.updateItem(row.id, patch, ctx.now());
  audit(...auditRecords(row, plan, reason));
}

/**
 * The same change on many items: every item is validated first (one refusal refuses all), then
 * each changed field is written for all the items it changes in one statement.
 */
export function applyBulkChanges(ctx: ServiceContext, rows: readonly ChecklistItemRow[], changes: ItemChanges, reason: string | undefined, audit: Audit) {
  const plans = rows.map((row) => ({ row, plan: planItemChanges(ctx, row, changes) }));
  const now = ctx.now();
  for (const field of Object.keys(ITEM_EDITABLE) as ItemEditable[]) {
    const touched = plans.filter(({ plan }) => plan.changed.includes(field));
    if (touched.length === 0) continue;
    ctx.repos.checklists.setFieldMany(touched.map(({ row }) => row.id), field, touched[0]!.plan.after[field], now);
  }
  audit(...plans.flatMap(({ row, plan }) => auditRecords(row, plan, reason)));
}
