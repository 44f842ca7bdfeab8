import { ChecklistKind, ITEM_STATUS_IDS, StageKind, type Gate, type Summary } from '../../contract';
import { evaluateGate, GATE_IDS, summarise, type ScopedReadinessItem } from '../../domain/checklistReadiness';
import type { ServiceContext } from '../context';
import { indLotBlockers } from '../lots/gate';
import { member } from '../vocabulary';

export function toSummary(s: ReturnType<typeof summarise>): Summary {
  return { ...s, byStatus: { ...s.byStatus } };
}

/** The standard gates over a product's items: ready or not, and what blocks each (plus blockers from outside the checklists, by gate). */
export function gatesOf(items: readonly ScopedReadinessItem[], more: Partial<Record<(typeof GATE_IDS)[number], Gate['blockers']>> = {}): Gate[] {
  return GATE_IDS.map((id) => {
    const result = evaluateGate(id, items);
    const extra = more[id] ?? [];
    return {
      id,
      label: result.gate.label,
      description: result.gate.description,
      milestone: result.gate.milestone,
      ready: result.ready && extra.length === 0,
      considered: result.considered,
      blockers: [...result.blockers, ...extra],
    };
  });
}

/**
 * A product's readiness without building its checklists: the overall summary and the gates,
 * from a lean read of the items (what the dashboard shows for every product).
 */
export function productReadiness(ctx: ServiceContext, productId: string, milestoneKeys?: ReadonlySet<string>): { summary: Summary; gates: Gate[] } {
  const items: ScopedReadinessItem[] = ctx.repos.checklists.readiness(productId).map((r) => ({
    id: r.id,
    title: r.title,
    status: member(ITEM_STATUS_IDS, r.status, 'item status'),
    required: r.required === 1,
    applicable: r.applicable === 1,
    naJustification: r.justification,
    checklistKind: member(ChecklistKind.options, r.kind, 'checklist kind'),
    stage: member(StageKind.options, r.stage, 'stage'),
    milestone: r.milestone_key,
  }));
  return { summary: toSummary(summarise(items)), gates: gatesOf(items, { 'ind-ready': indLotBlockers(ctx, productId, milestoneKeys) }) };
}
