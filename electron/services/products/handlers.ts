import { randomUUID } from 'node:crypto';
import { PRODUCT_COLUMNS } from '../../../db/repositories/products';
import { PRODUCT_FIELD_LABELS, STAGE_KINDS, type Product, type ProductProfile, type StageKind } from '../../contract';
import { auditValue } from '../audit/values';
import type { Audit, ServiceContext } from '../context';
import { AppError } from '../errors';
import type { HandlerMap } from '../handlers';
import { requireProduct, toProduct } from '../lookups';
import { pathwayTemplate } from '../pathway/templates';
import { markEarlierWorkDone } from '../pathway/progress';
import { followSubpartE } from '../pathway/endOfPhase';
import { instantiatePathway, syncDerived } from '../pathway/writes';

/** The stored columns are exactly the contract's profile fields (a compile-time check). */
const FIELDS: (keyof ProductProfile)[] = Object.keys(PRODUCT_COLUMNS satisfies Record<keyof ProductProfile, string>) as (keyof ProductProfile)[];

function normalise<T extends Partial<ProductProfile>>(profile: T): T {
  return profile.code === undefined ? profile : { ...profile, code: profile.code.toUpperCase() };
}

function assertCodeFree(ctx: ServiceContext, code: string, exceptId?: string) {
  const existing = ctx.repos.products.findByCode(code);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CONFLICT', `The code ${code} is already used by "${existing.name}". Choose another code.`, [
      { path: 'code', message: `${code} is already used by "${existing.name}"` },
    ]);
  }
}

export interface PathwayChoice {
  templateId: string;
  startDate: string;
  calendar: 'calendar' | 'working';
  /** For a product joining at a later stage: when each earlier stage finished. */
  stageFinishes?: Partial<Record<StageKind, string>>;
}

/** Creates a product (and its pathway, if asked); used by the create channel and by the
 *  example loader, so both validate and audit alike. */
export function createProduct(ctx: ServiceContext, input: ProductProfile & { pathway?: PathwayChoice }, audit: Audit): Product {
  const { pathway, ...profile } = input;
  const p = normalise(profile);
  assertCodeFree(ctx, p.code);
  const template = pathway ? pathwayTemplate(pathway.templateId) : undefined;
  const id = randomUUID();
  ctx.repos.products.insert(id, p, ctx.now());
  audit({ entity: 'product', entityId: id, productId: id, action: 'create', newValue: JSON.stringify(p) });
  if (pathway && template) {
    instantiatePathway(ctx, id, template, pathway.startDate, pathway.calendar, audit);
    audit.summarise(`Created product ${p.code} “${p.name}” with the pathway “${template.name}”`);
    // Joining mid-way: the stage the form offered is honoured by recording earlier work done.
    if (p.stage !== template.stages[0]!.kind) {
      markEarlierWorkDone(ctx, id, p.stage, pathway.stageFinishes ?? {}, pathway.startDate, 'Joined the pathway at this stage', audit);
      audit.summarise(`Created product ${p.code} “${p.name}” with the pathway “${template.name}”, joining at ${STAGE_KINDS[p.stage]}`);
    }
    syncDerived(ctx, id, audit);
  }
  return requireProduct(ctx, id);
}

export const productHandlers: HandlerMap<
  'products.list' | 'products.get' | 'products.create' | 'products.update' | 'products.archive' | 'products.restore'
> = {
  'products.list': ({ includeArchived }, ctx) => ctx.repos.products.list(includeArchived).map(toProduct),
  'products.get': ({ id }, ctx) => requireProduct(ctx, id),
  'products.create': (profile, ctx) => ctx.write((audit) => createProduct(ctx, profile, audit)),
  'products.update': ({ id, changes, reason }, ctx) =>
    ctx.write((audit) => {
      const before = requireProduct(ctx, id);
      if (before.archivedAt) throw new AppError('CONFLICT', `"${before.name}" is archived. Restore it before editing.`);
      const next = normalise(changes);
      if (next.code !== undefined) assertCodeFree(ctx, next.code, id);
      if (next.stage !== undefined && next.stage !== before.stage && ctx.repos.pathway.stages(id).length > 0) {
        // Never stored and silently overwritten: with a pathway the stage is what its dates say.
        throw new AppError('VALIDATION', `The stage of ${before.code} follows its pathway (now ${STAGE_KINDS[before.stage]}). To say earlier work is done, use “Mark earlier work done” on the Pathway tab.`, [
          { path: 'stage', message: 'Follows the pathway' },
        ]);
      }
      const changed = FIELDS.filter((f) => next[f] !== undefined && next[f] !== before[f]);
      if (changed.length === 0) return before;
      const patch: Partial<ProductProfile> = {};
      for (const f of changed) Object.assign(patch, { [f]: next[f] });
      ctx.repos.products.update(id, patch, ctx.now());
      // The end-of-phase-1 meeting type follows subpart E (Type B (EOP) or Type C), with its reason.
      if (patch.subpartE !== undefined && followSubpartE(ctx, id, patch.subpartE, audit)) syncDerived(ctx, id, audit);
      audit.summarise(`Profile of ${before.code} changed: ${changed.map((f) => PRODUCT_FIELD_LABELS[f].toLowerCase()).join(', ')}`);
      audit(
        ...changed.map((f) => ({
          entity: 'product',
          entityId: id,
          productId: id,
          action: 'update' as const,
          field: f,
          oldValue: auditValue(before[f]),
          newValue: auditValue(next[f]),
          reason: reason ?? null,
        })),
      );
      return requireProduct(ctx, id);
    }),
  'products.archive': ({ id, reason }, ctx) =>
    ctx.write((audit) => {
      const before = requireProduct(ctx, id);
      if (before.archivedAt) throw new AppError('CONFLICT', `"${before.name}" is already archived.`);
      const now = ctx.now();
      ctx.repos.products.setArchived(id, now, now);
      audit({ entity: 'product', entityId: id, productId: id, action: 'archive', field: 'archivedAt', oldValue: null, newValue: now, reason: reason ?? null });
      return requireProduct(ctx, id);
    }),
  'products.restore': ({ id, reason }, ctx) =>
    ctx.write((audit) => {
      const before = requireProduct(ctx, id);
      if (!before.archivedAt) throw new AppError('CONFLICT', `"${before.name}" is not archived.`);
      ctx.repos.products.setArchived(id, null, ctx.now());
      audit({ entity: 'product', entityId: id, productId: id, action: 'restore', field: 'archivedAt', oldValue: before.archivedAt, newValue: null, reason: reason ?? null });
      return requireProduct(ctx, id);
    }),
};
