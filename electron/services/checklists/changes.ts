import { ITEM_EDITABLE, type ChecklistItemRow, type ItemEditable } from '../../../db/repositories/checklists';
import { ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type ChecklistItemChanges } from '../../contract';
import { validateStatusChange } from '../../domain/checklist';
import type { Audit, ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { member } from '../vocabulary';

export function requireItem(ctx: ServiceContext, id: string): ChecklistItemRow {
  const row = ctx.repos.checklists.item(id);
  if (!row) throw notFound('checklist item', id);
  return row;
}

export const stored = (row: ChecklistItemRow): Record<ItemEditable, string | null> => ({
  status: row.status,
  justification: row.justification,
  owner: row.owner,
  due: row.due,
  documentPath: row.document_path,
  notes: row.notes,
});

/**
 * Validates one item's changes and returns the stored values before and after, with the fields
 * that change. Shared by single and bulk edits, so both refuse exactly the same things. The
 * linked document's path is checked by the caller before the transaction (a file-system call).
 */
function planItemChanges(row: ChecklistItemRow, changes: ChecklistItemChanges, milestoneKeys: () => ReadonlySet<string | null>, pathPrefix = 'changes.', signing = false) {
  const before = stored(row);
  const after: Record<ItemEditable, string | null> = { ...before };
  if (changes.status !== undefined) after.status = changes.status;
  if (changes.justification !== undefined) after.justification = changes.justification;
  if (changes.owner !== undefined) after.owner = changes.owner;
  if (changes.notes !== undefined) after.notes = changes.notes;
  if (changes.documentPath !== undefined) after.documentPath = changes.documentPath;
  if (changes.due !== undefined) after.due = changes.due === null ? null : JSON.stringify(changes.due);
  if (changes.due && changes.due.kind === 'milestone') {
    if (!milestoneKeys().has(changes.due.milestone)) {
      throw new AppError('VALIDATION', `"${row.title}": this product's pathway has no milestone "${changes.due.milestone}" to tie the due date to.`, [
        { path: `${pathPrefix}due.milestone`, message: 'Unknown milestone' },
      ]);
    }
  }
  if (!signing && after.status === 'approved' && before.status !== 'approved') {
    const message = `"${row.title}": Approved is given by an electronic signature. Use "Sign approval" on the item (signatures.sign with your signing password), with the evidence linked or noted.`;
    throw new AppError('VALIDATION', message, [{ path: `${pathPrefix}status`, message: 'Sign to approve' }]);
  }
  const refusal = validateStatusChange(member(ITEM_STATUS_IDS, row.status, 'item status'), member(ITEM_STATUS_IDS, after.status!, 'item status'), after.justification);
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

/** The milestone keys of a product's pathway, read once, and only if a due date needs them. */
function milestoneKeysOf(ctx: ServiceContext, productId: string): () => ReadonlySet<string | null> {
  let keys: ReadonlySet<string | null> | undefined;
  return () => (keys ??= new Set(ctx.repos.pathway.milestones(productId).map((m) => m.key)));
}

/** Validates and applies one item's changes with their audit rows. */
export function applyItemChanges(ctx: ServiceContext, row: ChecklistItemRow, changes: ChecklistItemChanges, reason: string | undefined, audit: Audit, options: { signing?: boolean } = {}) {
  const plan = planItemChanges(row, changes, milestoneKeysOf(ctx, row.product_id), 'changes.', options.signing === true);
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
export function applyBulkChanges(ctx: ServiceContext, rows: readonly ChecklistItemRow[], changes: ChecklistItemChanges, reason: string | undefined, audit: Audit) {
  // One product per bulk change (the handler checks), so one set of milestone keys.
  const keys = milestoneKeysOf(ctx, rows[0]!.product_id);
  const plans = rows.map((row) => ({ row, plan: planItemChanges(row, changes, keys) }));
  const now = ctx.now();
  for (const field of Object.keys(ITEM_EDITABLE) as ItemEditable[]) {
    const touched = plans.filter(({ plan }) => plan.changed.includes(field));
    if (touched.length === 0) continue;
    ctx.repos.checklists.setFieldMany(touched.map(({ row }) => row.id), field, touched[0]!.plan.after[field], now);
  }
  audit(...plans.flatMap(({ row, plan }) => auditRecords(row, plan, reason)));
  const what = [
    changes.status !== undefined ? `status → ${ITEM_STATUS_LABELS[changes.status]}` : null,
    changes.owner !== undefined ? `owner → ${changes.owner || '—'}` : null,
    changes.due !== undefined ? 'due date changed' : null,
    changes.justification !== undefined ? 'justification changed' : null,
  ].filter(Boolean);
  const count = plans.filter(({ plan }) => plan.changed.length > 0).length;
  audit.summarise(`Changed ${count} checklist item${count === 1 ? '' : 's'} at once: ${what.join(', ')}`);
}
