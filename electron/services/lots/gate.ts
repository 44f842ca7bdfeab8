import type { Gate } from '../../contract';
import { lotGateBlockers } from '../../domain/lots/gate';
import type { ServiceContext } from '../context';

/**
 * The IND gate's lot blockers for a product, as gate blockers (shown beside the checklist items
 * that block). `milestoneKeys` spares a caller that has read the milestones a second read.
 */
export function indLotBlockers(ctx: ServiceContext, productId: string, milestoneKeys?: ReadonlySet<string>): Gate['blockers'] {
  const keys = milestoneKeys ?? new Set(ctx.repos.pathway.milestones(productId).flatMap((m) => (m.key ? [m.key] : [])));
  if (!keys.has('tox-lot-released') && !keys.has('clinical-lot-released')) return [];
  const spec = ctx.repos.lots.currentSpec(productId);
  const lots = ctx.repos.lots.lots(productId).map((l) => ({ lotNumber: l.lot_number, purpose: l.purpose, status: l.status, specId: l.spec_id }));
  return lotGateBlockers(keys, spec ? { id: spec.id, version: spec.version } : null, lots).map((b) => ({ ...b, status: 'not-started' as const }));
}
