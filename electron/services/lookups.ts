import type { ProductRecord } from '../../db';
import type { MilestoneRow } from '../../db/repositories/pathway';
import { DonorType, DoseUnit, Fraction, Oxygen, ProducingCell, RouteCategory, SourceKind, StageKind, TrialPhase, type Product } from '../contract';
import type { ServiceContext } from './context';
import { AppError, notFound } from './errors';
import { member } from './vocabulary';

/** A stored product in the contract's terms. */
export function toProduct(record: ProductRecord): Product {
  return {
    ...record,
    donorType: member(DonorType.options, record.donorType, 'donor type'),
    fraction: member(Fraction.options, record.fraction, 'secretome fraction'),
    oxygen: member(Oxygen.options, record.oxygen, 'culture oxygen'),
    stage: member(StageKind.options, record.stage, 'stage'),
    sourceKind: member(SourceKind.options, record.sourceKind, 'source kind'),
    producingCell: member(ProducingCell.options, record.producingCell, 'producing cell type'),
    doseUnit: member(DoseUnit.options, record.doseUnit, 'dose unit'),
    routeCategory: member(RouteCategory.options, record.routeCategory, 'route category'),
    trialPhase: member(TrialPhase.options, record.trialPhase, 'first trial design'),
  };
}

export function requireProduct(ctx: ServiceContext, id: string): Product {
  const record = ctx.repos.products.get(id);
  if (!record) throw notFound('product', id);
  return toProduct(record);
}

/** Writes refuse archived products: restore first, so an archived record stays as it was. */
export function requireEditableProduct(ctx: ServiceContext, id: string, doing: string): Product {
  const product = requireProduct(ctx, id);
  if (product.archivedAt) throw new AppError('CONFLICT', `"${product.name}" is archived. Restore it before ${doing}.`);
  return product;
}

export function requireMilestone(ctx: ServiceContext, id: string): MilestoneRow {
  const row = ctx.repos.pathway.milestone(id);
  if (!row) throw notFound('milestone', id);
  return row;
}
