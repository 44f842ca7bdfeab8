/*
 * Readiness: which items count as done, the summary of a set of items, and the readiness
 * gates (IND ready to submit...) with what blocks them. Pure, like the rest of the domain.
 */
import { ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type ChecklistKindId, type ItemStatusId } from '../contract/checklist';
import { joinOr } from './checklist';
import { MILESTONE_KEYS, type MilestoneKey, type StageKind } from './checklistTemplate';

type ItemStatus = ItemStatusId;

function hasText(value: string | null | undefined): boolean {
  return value != null && value.trim() !== '';
}

// --- readiness --------------------------------------------------------------------------

export type ReadinessItem = {
  readonly id: string;
  readonly title: string;
  readonly status: ItemStatus;
  readonly required: boolean;
  /** False when regeneration flagged the item as no longer applying to the profile. */
  readonly applicable: boolean;
  readonly naJustification?: string | null;
};

/** Approved, submitted, or not applicable with a written reason. */
export function isDone(item: Pick<ReadinessItem, 'status' | 'naJustification'>): boolean {
  if (item.status === 'not-applicable') return hasText(item.naJustification);
  return item.status === 'approved' || item.status === 'submitted';
}

export type ChecklistSummary = {
  byStatus: Record<ItemStatus, number>;
  /** Items that apply to the profile; flagged items are counted only in flaggedInapplicable. */
  total: number;
  required: number;
  done: number;
  requiredDone: number;
  /** done / total, rounded down so 100 means every item really is done; 0 when there are no items. */
  percent: number;
  flaggedInapplicable: number;
};

export function summarise(items: readonly ReadinessItem[]): ChecklistSummary {
  const byStatus = Object.fromEntries(ITEM_STATUS_IDS.map((s) => [s, 0])) as Record<ItemStatus, number>;
  const summary: ChecklistSummary = {
    byStatus,
    total: 0,
    required: 0,
    done: 0,
    requiredDone: 0,
    percent: 0,
    flaggedInapplicable: 0,
  };
  for (const item of items) {
    if (!item.applicable) {
      summary.flaggedInapplicable += 1;
      continue;
    }
    byStatus[item.status] += 1;
    summary.total += 1;
    const done = isDone(item);
    if (done) summary.done += 1;
    if (item.required) {
      summary.required += 1;
      if (done) summary.requiredDone += 1;
    }
  }
  summary.percent = summary.total === 0 ? 0 : Math.floor((summary.done / summary.total) * 100);
  return summary;
}

export type GateOptions = {
  /** Only required items block (default true). */
  requiredOnly: boolean;
  /** Statuses that count as done (default approved and submitted); a justified N/A always counts. */
  accept: readonly ItemStatus[];
};

export const DEFAULT_GATE_OPTIONS: GateOptions = { requiredOnly: true, accept: ['approved', 'submitted'] };

export type GateBlocker = { id: string; title: string; status: ItemStatus; reason: string };

export type GateResult = {
  /** False when anything blocks, and also when nothing is in scope: an empty checklist is not evidence of readiness. */
  ready: boolean;
  blockers: GateBlocker[];
  /** Items the gate looked at. */
  considered: number;
};

export function gate(items: readonly ReadinessItem[], options: Partial<GateOptions> = {}): GateResult {
  const { requiredOnly, accept } = { ...DEFAULT_GATE_OPTIONS, ...options };
  const acceptLabel = joinOr(accept.filter((s) => s !== 'not-applicable').map((s) => ITEM_STATUS_LABELS[s]));
  const blockers: GateBlocker[] = [];
  let considered = 0;
  for (const item of items) {
    if (!item.applicable || (requiredOnly && !item.required)) continue;
    considered += 1;
    if (item.status === 'not-applicable') {
      if (!hasText(item.naJustification)) {
        blockers.push({
          id: item.id,
          title: item.title,
          status: item.status,
          reason: 'Marked not applicable without a written justification.',
        });
      }
      continue;
    }
    if (!accept.includes(item.status)) {
      blockers.push({
        id: item.id,
        title: item.title,
        status: item.status,
        reason: `${ITEM_STATUS_LABELS[item.status]}; needs to be ${acceptLabel} (or not applicable with a justification).`,
      });
    }
  }
  return { ready: considered > 0 && blockers.length === 0, blockers, considered };
}

/** A readiness item together with where it sits, so standard gates can pick their scope. */
export type ScopedReadinessItem = ReadinessItem & {
  readonly checklistKind: ChecklistKindId;
  readonly stage: StageKind;
  readonly milestone?: string | null;
};

export const GATE_IDS = ['ind-ready', 'pre-ind-ready', 'phase-1-ready'] as const;
export type GateId = (typeof GATE_IDS)[number];

export type GateDefinition = {
  id: GateId;
  label: string;
  description: string;
  /** The pathway milestone this gate guards. */
  milestone: MilestoneKey;
  kinds: readonly ChecklistKindId[];
  /** When set, only items of these stage kinds count. */
  stages?: readonly StageKind[];
};

export const STANDARD_GATES: Readonly<Record<GateId, GateDefinition>> = {
  'ind-ready': {
    id: 'ind-ready',
    label: 'IND ready to submit',
    description: 'Every required item of the IND, CMC and preclinical checklists is approved, submitted or justified as not applicable.',
    milestone: 'ind-submitted',
    kinds: ['ind', 'cmc', 'preclinical'],
  },
  'pre-ind-ready': {
    id: 'pre-ind-ready',
    label: 'Pre-IND briefing package ready',
    description: 'Every required item of the pre-IND meeting request and briefing package is done.',
    milestone: 'briefing-package-submitted',
    kinds: ['pre-ind-meeting'],
  },
  'phase-1-ready': {
    id: 'phase-1-ready',
    label: 'Ready to dose the first patient',
    description: 'Every required clinical item for the phase 1 (or phase I/II) stage is done.',
    milestone: 'first-patient-dosed',
    kinds: ['clinical'],
    stages: ['phase-1', 'phase-1-2'],
  },
};

const MILESTONE_ORDER = new Map<string, number>(MILESTONE_KEYS.map((key, index) => [key, index]));

/*
 * An item tied to a milestone later than the guarded one is out of scope: FDA's meeting
 * minutes cannot block sending the briefing package, nor the annual report block first
 * dosing. Items with no milestone, or one this module does not know, stay in scope.
 */
export function inGateScope(definition: GateDefinition, item: ScopedReadinessItem): boolean {
  if (!definition.kinds.includes(item.checklistKind)) return false;
  if (definition.stages !== undefined && !definition.stages.includes(item.stage)) return false;
  if (item.milestone == null) return true;
  const itemOrder = MILESTONE_ORDER.get(item.milestone);
  const gateOrder = MILESTONE_ORDER.get(definition.milestone);
  return itemOrder === undefined || gateOrder === undefined || itemOrder <= gateOrder;
}

export function evaluateGate(
  gateId: GateId,
  items: readonly ScopedReadinessItem[],
  options: Partial<GateOptions> = {},
): GateResult & { gate: GateDefinition } {
  const definition = STANDARD_GATES[gateId];
  return { gate: definition, ...gate(items.filter((i) => inGateScope(definition, i)), options) };
}
