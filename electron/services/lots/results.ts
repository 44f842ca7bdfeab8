import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AuditRecord } from '../../../db';
import type { LotResultRow, LotRow } from '../../../db/repositories/lots';
import type { FieldIssue, InvestigationInput, LotView, ResultEntry } from '../../contract';
import { readEntered } from '../../domain/lots/judge';
import type { Audit, ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { requireEditableProduct } from '../lookups';
import { lotView, requireLot, toAttribute } from './view';

export type Entry = z.output<typeof ResultEntry>;

/** One result to record: the lot, what was entered, and where it came from ("Row 3", "CSV line 12"). */
export interface PendingResult {
  lot: LotRow;
  entry: Entry;
  where: string;
  path: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Checks results against each lot's own specification version and writes them inside the
 * caller's transaction. Every bad row is reported (row and field named); nothing is written
 * when any row is bad.
 */
export function writeResults(ctx: ServiceContext, audit: Audit, pending: readonly PendingResult[]): { created: number; updated: number } {
  const today = ctx.today();
  const issues: FieldIssue[] = [];
  const attributesBySpec = new Map<string, Map<string, ReturnType<typeof toAttribute>>>();
  const attributeIndex = (specId: string) => {
    let index = attributesBySpec.get(specId);
    if (!index) {
      index = new Map();
      for (const row of ctx.repos.lots.attributes(specId)) {
        const a = toAttribute(row);
        index.set(norm(a.key), a);
        index.set(norm(a.name), a);
      }
      attributesBySpec.set(specId, index);
    }
    return index;
  };
  const rows: Array<{ row: LotResultRow; old: LotResultRow | undefined; name: string; lot: LotRow }> = [];
  const seen = new Set<string>();
  const now = ctx.now();
  for (const p of pending) {
    const index = attributeIndex(p.lot.spec_id);
    const a = index.get(norm(p.entry.attribute));
    if (!a) {
      const spec = ctx.repos.lots.spec(p.lot.spec_id);
      const names = [...new Set([...index.values()].map((x) => x.name))];
      issues.push({ path: `${p.path}.attribute`, message: `${p.where}, attribute: "${p.entry.attribute}" is not in specification v${spec?.version ?? '?'} of lot ${p.lot.lot_number} (its attributes: ${names.join(', ')})` });
      continue;
    }
    if (p.entry.testedOn > today) issues.push({ path: `${p.path}.testedOn`, message: `${p.where}, test date: ${p.entry.testedOn} is in the future (today is ${today})` });
    if (p.entry.testedOn < p.lot.manufactured_on) issues.push({ path: `${p.path}.testedOn`, message: `${p.where}, test date: ${p.entry.testedOn} is before lot ${p.lot.lot_number} was made (${p.lot.manufactured_on})` });
    const read = readEntered(a, p.entry.value, p.entry.unit ?? '');
    if (!read.ok) {
      issues.push({ path: `${p.path}.${read.field}`, message: `${p.where}, ${read.field === 'unit' ? 'unit' : 'value'} of ${a.name}: ${read.reason}` });
      continue;
    }
    const key = `${p.lot.id}|${a.id}`;
    if (seen.has(key)) {
      issues.push({ path: `${p.path}.attribute`, message: `${p.where}, attribute: ${a.name} of lot ${p.lot.lot_number} appears twice in this entry` });
      continue;
    }
    seen.add(key);
    const old = ctx.repos.lots.resultFor(p.lot.id, a.id);
    rows.push({
      lot: p.lot,
      name: a.name,
      old,
      row: {
        id: old?.id ?? randomUUID(),
        lot_id: p.lot.id,
        attribute_id: a.id,
        value_text: read.text,
        value_num: read.num,
        entered_value: p.entry.value.trim(),
        entered_unit: (p.entry.unit ?? '').trim(),
        tested_on: p.entry.testedOn,
        analyst: p.entry.analyst ?? old?.analyst ?? '',
        method: p.entry.method ?? old?.method ?? a.method,
        investigation: p.entry.investigation ?? old?.investigation ?? '',
        created_at: old?.created_at ?? now,
        updated_at: now,
      },
    });
  }
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new AppError('VALIDATION', `Nothing was recorded. ${issues[0]!.message}${more}.`, issues.slice(0, 200));
  }
  const records: AuditRecord[] = [];
  let created = 0;
  for (const { row, old, name, lot } of rows) {
    ctx.repos.lots.upsertResult(row);
    const label = `${lot.lot_number} · ${name}`;
    if (!old) {
      created++;
      records.push({ entity: 'lot_result', entityId: row.id, productId: lot.product_id, action: 'create', newValue: JSON.stringify({ name: label, value: row.value_text, testedOn: row.tested_on }) });
    } else {
      if (old.value_text !== row.value_text) records.push({ entity: 'lot_result', entityId: row.id, productId: lot.product_id, action: 'update', field: 'value', oldValue: old.value_text, newValue: row.value_text });
      if (old.tested_on !== row.tested_on) records.push({ entity: 'lot_result', entityId: row.id, productId: lot.product_id, action: 'update', field: 'testedOn', oldValue: old.tested_on, newValue: row.tested_on });
      if (old.investigation !== row.investigation) records.push({ entity: 'lot_result', entityId: row.id, productId: lot.product_id, action: 'update', field: 'investigation', oldValue: old.investigation || null, newValue: row.investigation || null });
    }
  }
  audit(...records);
  return { created, updated: rows.length - created };
}

export function recordResults(ctx: ServiceContext, lotId: string, entries: readonly Entry[]): LotView {
  ctx.write((audit) => {
    const lot = requireLot(ctx, lotId);
    requireEditableProduct(ctx, lot.product_id, 'recording results');
    if (lot.status === 'released' || lot.status === 'rejected') {
      throw new AppError('CONFLICT', `Lot ${lot.lot_number} is ${lot.status}: its results are closed. Move it back to "On test" (with a reason) to change them.`);
    }
    const { created, updated } = writeResults(ctx, audit, entries.map((entry, i) => ({ lot, entry, where: `Row ${i + 1}`, path: `results.${i}` })));
    audit.summarise(`Recorded ${created + updated} result${created + updated === 1 ? '' : 's'} for lot ${lot.lot_number}`);
  });
  return lotView(ctx, lotId);
}

/** The investigation note of an out-of-specification result. */
export function investigate(ctx: ServiceContext, input: z.output<typeof InvestigationInput>): LotView {
  const lotId = ctx.write((audit) => {
    const result = ctx.repos.lots.result(input.resultId);
    if (!result) throw notFound('lot result', input.resultId);
    const lot = requireLot(ctx, result.lot_id);
    requireEditableProduct(ctx, lot.product_id, 'recording investigations');
    if (result.investigation === input.investigation) return lot.id;
    ctx.repos.lots.setInvestigation(result.id, input.investigation, ctx.now());
    audit({ entity: 'lot_result', entityId: result.id, productId: lot.product_id, action: 'update', field: 'investigation', oldValue: result.investigation || null, newValue: input.investigation });
    return lot.id;
  });
  return lotView(ctx, lotId);
}
