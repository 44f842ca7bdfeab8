import type { ChecklistItemRow } from '../../../db/repositories/checklists';
import { ChecklistKind, Due as DueSchema, ITEM_STATUS_IDS, StageKind, type Checklist, type ChecklistItem, type ChecklistsView, type Due } from '../../contract';
import { describeCondition, isOverdue, resolveDueDate } from '../../domain/checklist';
import { summarise, type ScopedReadinessItem } from '../../domain/checklistReadiness';
import type { Condition } from '../../domain/checklistTemplate';
import type { ServiceContext } from '../context';
import { requireProduct } from '../lookups';
import { leanProductSchedule, milestoneDates as datesOf } from '../pathway/schedule';
import { member } from '../vocabulary';
import { documentExists } from './documents';
import { indLotBlockers } from '../lots/gate';
import { gatesOf, toSummary } from './readiness';
import { evidenceCounts } from '../exports/evidence';
import { checkSignature } from '../signatures/verify';

function parseDue(text: string): Due | null {
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

/**
 * Every checklist of a product with resolved due dates, readiness per checklist, stage and
 * product, and the gates. Due dates tied to milestones need the schedule's dates: a caller that
 * has computed the product's schedule passes them in; otherwise they are computed here.
 */
export function loadChecklistsView(
  ctx: ServiceContext,
  productId: string,
  today = ctx.today(),
  given?: ReadonlyMap<string, string>,
): ChecklistsView {
  requireProduct(ctx, productId);
  const milestoneDates = given ?? datesOf(leanProductSchedule(ctx, productId));
  const checklistRows = ctx.repos.checklists.checklists(productId);
  const kindOf = new Map(checklistRows.map((c) => [c.id, member(ChecklistKind.options, c.kind, 'checklist kind')]));
  const byChecklist = new Map<string, ChecklistItem[]>(checklistRows.map((c) => [c.id, []]));
  const readinessByChecklist = new Map<string, ScopedReadinessItem[]>(checklistRows.map((c) => [c.id, []]));
  const scoped: ScopedReadinessItem[] = [];
  const byStage = new Map<StageKind, ScopedReadinessItem[]>();
  const dueOf = memo(parseDue);
  const conditionOf = memo((text) => describeCondition(JSON.parse(text) as Condition));

  for (const row of ctx.repos.checklists.items(productId)) {
    const item = toItem(row, dueOf(row.due), conditionOf(row.applies_when), today, milestoneDates);
    byChecklist.get(row.checklist_id)!.push(item);
    const readiness: ScopedReadinessItem = {
      id: item.id,
      title: item.title,
      status: item.status,
      required: item.required,
      applicable: item.applicable,
      naJustification: item.justification,
      checklistKind: kindOf.get(row.checklist_id)!,
      stage: item.stage,
      milestone: item.milestone,
    };
    scoped.push(readiness);
    readinessByChecklist.get(row.checklist_id)!.push(readiness);
    const list = byStage.get(item.stage) ?? [];
    list.push(readiness);
    byStage.set(item.stage, list);
  }

  const checklists: Checklist[] = checklistRows.map((c) => ({
    id: c.id,
    templateId: c.template_id,
    templateVersion: c.template_version,
    kind: kindOf.get(c.id)!,
    name: c.name,
    items: byChecklist.get(c.id)!,
    summary: toSummary(summarise(readinessByChecklist.get(c.id)!)),
  }));
  const gates = gatesOf(scoped, { 'ind-ready': indLotBlockers(ctx, productId) });
  return {
    productId,
    today,
    checklists,
    summary: toSummary(summarise(scoped)),
    byStage: [...byStage.entries()].map(([stage, items]) => ({ stage, summary: toSummary(summarise(items)) })),
    gates,
    evidence: evidenceCounts(checklists, ctx.repos.signatures.ofProduct(productId).map((row) => checkSignature(ctx, row))),
  };
}

function toItem(row: ChecklistItemRow, due: Due | null, appliesWhen: string | null, today: string, milestoneDates: ReadonlyMap<string, string>): ChecklistItem {
  const dueDate = resolveDueDate({ due }, milestoneDates);
  const status = member(ITEM_STATUS_IDS, row.status, 'item status');
  const applicable = row.applicable === 1;
  return {
    id: row.id,
    checklistId: row.checklist_id,
    templateItemId: row.template_item_id,
    section: row.section,
    sectionTitle: row.section_title,
    title: row.title,
    guidance: row.guidance,
    citation: row.citation,
    required: row.required === 1,
    stage: member(StageKind.options, row.stage, 'stage'),
    milestone: row.milestone_key,
    ectdModule: row.ectd_module,
    appliesWhen,
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
}
