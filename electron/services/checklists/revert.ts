import { ITEM_EDITABLE, type ChecklistItemRow, type ItemEditable } from '../../../db/repositories/checklists';
import type { AuditEntryRecord } from '../../../db/repositories/audit';
import type { ChannelInput } from '../../contract';
import type { Audit, ServiceContext } from '../context';
import { AppError } from '../errors';
import { stored } from './changes';

type RevertInput = ChannelInput<'checklistItems.revert'>;

const isEditable = (field: string | null): field is ItemEditable => field !== null && Object.hasOwn(ITEM_EDITABLE, field);

/** The entries to undo, read inside the write transaction; refuses what cannot be undone here. */
export function readRevertable(ctx: ServiceContext, input: RevertInput): { product_id: string; entries: AuditEntryRecord[]; rows: Map<string, ChecklistItemRow> } {
  const what = input.changeSetId !== undefined ? `change set #${input.changeSetId}` : `audit entry #${input.entryId}`;
  const entries = input.changeSetId !== undefined ? ctx.repos.audit.changeSetMembers(input.changeSetId) : [ctx.repos.audit.entry(input.entryId!)].filter((e) => e !== null);
  if (entries.length === 0) throw new AppError('NOT_FOUND', `There is no ${what} in the audit trail.`);
  if (entries.some((e) => e.entity !== 'checklist_item' || e.action !== 'update' || !isEditable(e.field))) {
    throw new AppError('CONFLICT', `${what} is not a change of checklist item fields (it also creates, removes or changes other records), so it cannot be undone here.`);
  }
  const productId = entries[0]!.productId;
  if (!productId || entries.some((e) => e.productId !== productId)) throw new AppError('CONFLICT', `${what} spans more than one product; undo applies to one product's checklist at a time.`);
  const ids = [...new Set(entries.map((e) => e.entityId))];
  const rows = new Map(ctx.repos.checklists.itemsByIds(ids).map((r) => [r.id, r]));
  if (rows.size !== ids.length) throw new AppError('CONFLICT', `Some items of ${what} have been removed since, so it cannot be undone. Change them by hand instead.`);
  return { product_id: productId, entries, rows };
}

/**
 * Puts every field the change wrote back to its old value, provided nothing changed it since
 * (the current value must still be the one the change wrote), and records the reversal: one
 * audit entry per field (old and new swapped), summarised as its own change set.
 */
export function applyRevert(ctx: ServiceContext, input: RevertInput, target: ReturnType<typeof readRevertable>, audit: Audit) {
  const what = input.changeSetId !== undefined ? `change set #${input.changeSetId}` : `audit entry #${input.entryId}`;
  for (const e of target.entries) {
    const row = target.rows.get(e.entityId)!;
    const field = e.field as ItemEditable;
    const now = stored(row)[field];
    if (now !== e.newValue) {
      throw new AppError('CONFLICT', `"${row.title}": its ${field} has changed since ${what} (it is now "${now ?? ''}"), so the change cannot be undone in one step. Nothing was changed.`);
    }
    if (field === 'status' && e.oldValue === 'approved') {
      throw new AppError('CONFLICT', `"${row.title}" was Approved before ${what}; Approved comes only from an electronic signature, so sign the item again instead. Nothing was changed.`);
    }
  }
  const at = ctx.now();
  for (const e of target.entries) ctx.repos.checklists.setFieldMany([e.entityId], e.field as ItemEditable, e.oldValue, at);
  const reason = input.reason?.trim() || `Undo of ${what}`;
  audit(
    ...target.entries.map((e) => ({
      entity: 'checklist_item',
      entityId: e.entityId,
      productId: e.productId,
      action: 'update' as const,
      field: e.field,
      oldValue: e.newValue,
      newValue: e.oldValue,
      reason,
    })),
  );
  const items = target.rows.size;
  audit.summarise(`Undid ${what}: ${items} checklist item${items === 1 ? '' : 's'} back to their earlier values`);
}
