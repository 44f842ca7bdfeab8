import type { AuditEntryRecord, AuditQuery } from '../../../db';
import { AUDIT_ACTIONS, type AuditEntry, type AuditItem } from '../../contract';
import type { ServiceContext } from '../context';
import { member } from '../vocabulary';
import { changeText, nameBook, recordText, type NameBook } from './describe';

function namesFor(ctx: ServiceContext, entries: readonly AuditEntryRecord[]): NameBook {
  return nameBook(entries, {
    current: (ids) => ctx.repos.audit.currentNames(ids),
    trail: (ids) => ctx.repos.audit.trailNames(ids),
    products: () => ctx.repos.products.list(true),
  });
}

function toEntry(e: AuditEntryRecord, names: NameBook): AuditEntry {
  return {
    ...e,
    action: member(AUDIT_ACTIONS, e.action, 'audit action'),
    productCode: names.product(e.productId)?.code ?? null,
    record: recordText(e, names),
    change: changeText(e, names),
  };
}

/** The trail as a person reads it: newest first, each change set as one item with its members (newest first too). */
export function listAuditItems(ctx: ServiceContext, query: AuditQuery): AuditItem[] {
  const { keys, entries, changeSets } = ctx.repos.audit.items(query);
  const names = namesFor(ctx, entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const members = new Map<number, AuditEntry[]>();
  for (const e of entries) {
    if (e.changeSetId === null) continue;
    const list = members.get(e.changeSetId) ?? [];
    list.push(toEntry(e, names));
    members.set(e.changeSetId, list);
  }
  const sets = new Map(changeSets.map((c) => [c.id, c]));
  return keys.map((k): AuditItem => {
    if (k.entryId !== null) return { kind: 'entry', entry: toEntry(byId.get(k.entryId)!, names) };
    const set = sets.get(k.changeSetId!)!;
    return {
      kind: 'change-set',
      changeSet: { ...set, productCode: names.product(set.productId)?.code ?? null, members: members.get(set.id) ?? [] },
    };
  });
}

/** Entries one by one in words (oldest first within the query), for exports that list every change. */
export function listAuditEntries(ctx: ServiceContext, query: AuditQuery): AuditEntry[] {
  const entries = ctx.repos.audit.list(query);
  const names = namesFor(ctx, entries);
  return entries.map((e) => toEntry(e, names));
}
