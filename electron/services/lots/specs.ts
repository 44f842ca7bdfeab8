import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LotSpecAttributeRow } from '../../../db/repositories/lots';
import type { Spec, SpecCreateInput } from '../../contract';
import { isNumeric } from '../../domain/lots/judge';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireEditableProduct } from '../lookups';
import { toSpec } from './view';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'attribute';

/**
 * A new specification version for a product (v1, v2...). Versions are never edited: lots keep
 * the version they were made under, so a new one never rewrites an old lot's judgement.
 */
export function createSpec(ctx: ServiceContext, input: z.output<typeof SpecCreateInput>): Spec {
  const product = requireEditableProduct(ctx, input.productId, 'changing its specification');
  const issues: { path: string; message: string }[] = [];
  const keys = new Set<string>();
  const attributes = input.attributes.map((a, i) => {
    const where = `Attribute ${i + 1} (${a.name})`;
    const key = a.key?.trim() || slug(a.name);
    if (keys.has(key)) issues.push({ path: `attributes.${i}.name`, message: `${where}: appears twice; each attribute once per specification` });
    keys.add(key);
    const lower = a.lower ?? null;
    const upper = a.upper ?? null;
    if (a.kind === 'range' && (lower === null || upper === null)) issues.push({ path: `attributes.${i}.lower`, message: `${where}: a range needs both a low and a high limit` });
    if (a.kind === 'range' && lower !== null && upper !== null && lower > upper) issues.push({ path: `attributes.${i}.upper`, message: `${where}: the low limit ${lower} is above the high limit ${upper}` });
    if (a.kind === 'max' && upper === null) issues.push({ path: `attributes.${i}.upper`, message: `${where}: "not more than" needs its limit` });
    if (a.kind === 'min' && lower === null) issues.push({ path: `attributes.${i}.lower`, message: `${where}: "not less than" needs its limit` });
    if (a.checklistItemId && ctx.repos.checklists.item(a.checklistItemId)?.product_id !== product.id) {
      issues.push({ path: `attributes.${i}.checklistItemId`, message: `${where}: the linked checklist item is not one of this product's` });
    }
    return {
      key,
      name: a.name,
      method: a.method ?? '',
      unit: isNumeric(a.kind) || a.kind === 'report' ? (a.unit ?? '') : '',
      kind: a.kind,
      lower: a.kind === 'range' || a.kind === 'min' ? lower : null,
      upper: a.kind === 'range' || a.kind === 'max' ? upper : null,
      required: a.required === false ? 0 : 1,
      checklist_item_id: a.checklistItemId ?? null,
      citation: a.citation ?? '',
    } as const;
  });
  if (issues.length > 0) throw new AppError('VALIDATION', `The specification was not saved: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`, issues);
  return ctx.write((audit) => {
    const version = (ctx.repos.lots.currentSpec(product.id)?.version ?? 0) + 1;
    const row = { id: randomUUID(), product_id: product.id, version, phase: input.phase, notes: input.notes ?? '', source: input.source ?? '', created_at: ctx.now() };
    ctx.repos.lots.insertSpec(row);
    const rows: LotSpecAttributeRow[] = attributes.map((a, position) => ({ id: randomUUID(), spec_id: row.id, position, ...a }));
    for (const a of rows) ctx.repos.lots.insertAttribute(a);
    audit({
      entity: 'lot_spec',
      entityId: row.id,
      productId: product.id,
      action: 'create',
      newValue: JSON.stringify({ name: `Specification v${version}`, phase: input.phase, attributes: rows.length, source: row.source || undefined }),
    });
    return toSpec(row, rows, 0);
  });
}
