import { ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type ChecklistKindId, type Due, type ItemStatusId } from '../contract/checklist';
import { addDays, isValidDate } from '../contract/dates';
import {
  MILESTONE_KEYS,
  type ChecklistTemplate,
  type ChecklistTemplateItem,
  type Condition,
  type ConditionField,
  type FieldCondition,
  type MilestoneKey,
  type ProfileFacts,
  type StageKind,
  type TemplateKind,
} from './checklistTemplate';

/*
 * Pure checklist logic: applicability, the status workflow, regeneration after a profile
 * change, readiness gates and due dates. No I/O; services persist what these functions plan.
 */

// --- applicability ----------------------------------------------------------------------

function fieldValues(condition: FieldCondition): readonly unknown[] {
  return 'equals' in condition ? [condition.equals] : condition.in;
}

/** True when the item applies to the product; an absent condition applies to every product. */
export function appliesTo(condition: Condition | null | undefined, profile: ProfileFacts): boolean {
  if (condition == null) return true;
  if ('all' in condition) return condition.all.every((c) => appliesTo(c, profile));
  if ('any' in condition) return condition.any.some((c) => appliesTo(c, profile));
  if ('not' in condition) return !appliesTo(condition.not, profile);
  return fieldValues(condition).includes(profile[condition.field]);
}

const FRACTION_LABELS: Record<ProfileFacts['fraction'], string> = {
  'conditioned-medium': 'conditioned medium',
  ev: 'EV',
  exosome: 'exosome',
  'lyophilised-secretome': 'lyophilised secretome',
};

function joinOr(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1] ?? ''}`;
}

const FIELD_PHRASES: { [F in ConditionField]: (values: readonly ProfileFacts[F][]) => string } = {
  donorType: (values) => `${joinOr(values)} donors`,
  fraction: (values) => `${joinOr(values.map((v) => FRACTION_LABELS[v]))} fraction${values.length > 1 ? 's' : ''}`,
  oxygen: (values) => `${joinOr(values.map((v) => (v === 'hypoxia' ? 'hypoxic' : 'normoxic')))} culture`,
  serumFree: (values) => `culture in ${joinOr(values.map((v) => (v ? 'serum-free' : 'serum-containing')))} medium`,
};

function fieldPhrase(condition: FieldCondition): string {
  // The mapped-type lookup loses the link between field and value type, so dispatch per field.
  switch (condition.field) {
    case 'donorType':
      return FIELD_PHRASES.donorType('equals' in condition ? [condition.equals] : condition.in);
    case 'fraction':
      return FIELD_PHRASES.fraction('equals' in condition ? [condition.equals] : condition.in);
    case 'oxygen':
      return FIELD_PHRASES.oxygen('equals' in condition ? [condition.equals] : condition.in);
    case 'serumFree':
      return FIELD_PHRASES.serumFree('equals' in condition ? [condition.equals] : condition.in);
  }
}

function phrase(condition: Condition, nested: boolean): string {
  const wrap = (s: string): string => (nested ? `(${s})` : s);
  if ('all' in condition) return wrap(condition.all.map((c) => phrase(c, true)).join(' and '));
  if ('any' in condition) return wrap(condition.any.map((c) => phrase(c, true)).join(', or '));
  if ('not' in condition) return `not ${phrase(condition.not, true)}`;
  return fieldPhrase(condition);
}

/** Plain-English applicability, e.g. "only for EV or exosome fractions". */
export function describeCondition(condition: Condition | null | undefined): string {
  if (condition == null) return 'applies to every product';
  // Brackets keep "except for (A and B)" from reading as "except for A, and B".
  if ('not' in condition) return `except for ${phrase(condition.not, !('field' in condition.not))}`;
  return `only for ${phrase(condition, false)}`;
}

// --- status workflow --------------------------------------------------------------------

// The statuses (and their labels) are the contract's: one vocabulary for every layer.
type ItemStatus = ItemStatusId;
const KNOWN_STATUSES: ReadonlySet<string> = new Set(ITEM_STATUS_IDS);

function hasText(value: string | null | undefined): boolean {
  return value != null && value.trim() !== '';
}

/**
 * Returns why a status change is refused, or null when it is allowed. Moves are free in
 * any direction (reviews bounce back), but "not applicable" must say why, because an
 * unexplained N/A is how a required document quietly goes missing from an IND.
 */
export function validateStatusChange(
  from: ItemStatus,
  to: ItemStatus,
  justification: string | null | undefined,
): string | null {
  for (const status of [from, to]) {
    if (!KNOWN_STATUSES.has(status)) {
      return `Unknown status "${String(status)}"; use one of ${ITEM_STATUS_IDS.join(', ')}.`;
    }
  }
  if (to === 'not-applicable' && !hasText(justification)) {
    return 'Write a justification before marking this item not applicable: say why it does not apply to this product.';
  }
  return null;
}

// --- generation and regeneration ----------------------------------------------------------

/** The fields regeneration reads from a stored checklist item; everything else is carried through untouched. */
export type ExistingItemRef = {
  readonly templateItemId: string | null;
  readonly status: ItemStatus;
  readonly applicable: boolean;
};

export type PlannedTemplateItem = {
  templateId: string;
  templateKind: TemplateKind;
  item: ChecklistTemplateItem;
};

export type RegenerationPlan<T extends ExistingItemRef> = {
  /** Template items that apply and have no checklist item yet. */
  toAdd: PlannedTemplateItem[];
  /** Items whose condition no longer holds: flag them, never delete them (they may hold work and audit history). */
  toMarkInapplicable: T[];
  /** Flagged items whose condition holds again. */
  toMarkApplicable: T[];
  /** Template-derived items whose template item no longer exists in any loaded template; left as they are. */
  orphaned: T[];
};

export type RegenerationOptions = {
  /**
   * Stage kinds present in the product's pathway. When given, items for absent stages do
   * not apply, so a pathway with a merged phase I/II stage gets the phase-1-2 clinical
   * items and not also the separate phase-1 and phase-2 ones.
   */
  stageKinds?: readonly StageKind[];
};

function templateItemApplies(item: ChecklistTemplateItem, profile: ProfileFacts, options: RegenerationOptions): boolean {
  if (options.stageKinds !== undefined && !options.stageKinds.includes(item.stage)) return false;
  return appliesTo(item.appliesWhen, profile);
}

/**
 * Plans how to bring a product's checklist items in line with its profile. Returns the
 * existing item objects themselves (never copies or mutated ones) so the caller can update
 * just the applicable flag; custom items (templateItemId null) never appear in the plan.
 */
export function planRegeneration<T extends ExistingItemRef>(
  templates: readonly ChecklistTemplate[],
  profile: ProfileFacts,
  existingItems: readonly T[],
  options: RegenerationOptions = {},
): RegenerationPlan<T> {
  const byId = new Map<string, PlannedTemplateItem>();
  for (const t of templates) {
    for (const item of t.items) {
      if (!byId.has(item.id)) byId.set(item.id, { templateId: t.id, templateKind: t.kind, item });
    }
  }

  const plan: RegenerationPlan<T> = { toAdd: [], toMarkInapplicable: [], toMarkApplicable: [], orphaned: [] };
  const present = new Set<string>();
  for (const existing of existingItems) {
    if (existing.templateItemId === null) continue;
    present.add(existing.templateItemId);
    const planned = byId.get(existing.templateItemId);
    if (planned === undefined) {
      plan.orphaned.push(existing);
      continue;
    }
    const applies = templateItemApplies(planned.item, profile, options);
    if (applies && !existing.applicable) plan.toMarkApplicable.push(existing);
    if (!applies && existing.applicable) plan.toMarkInapplicable.push(existing);
  }

  for (const planned of byId.values()) {
    if (!present.has(planned.item.id) && templateItemApplies(planned.item, profile, options)) {
      plan.toAdd.push(planned);
    }
  }
  return plan;
}

/** The items a new product starts with. */
export function generateChecklist(
  templates: readonly ChecklistTemplate[],
  profile: ProfileFacts,
  options: RegenerationOptions = {},
): PlannedTemplateItem[] {
  return planRegeneration(templates, profile, [], options).toAdd;
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

// --- due dates --------------------------------------------------------------------------

/** Due-date errors are RangeErrors, so callers can tell a bad date from a bad template. */
function requireIsoDate(value: string, what: string): string {
  if (!isValidDate(value)) throw new RangeError(`${what} "${value}" is not a calendar date in YYYY-MM-DD form.`);
  return value;
}

/** Fixed, or relative to a pathway milestone (negative offset = days before it): the contract's `Due`. */
type DueDate = Due;

/** The due date a generated item starts with, from its template's default, if any. */
export function defaultDueFor(item: ChecklistTemplateItem): DueDate | null {
  return item.due === undefined ? null : { kind: 'milestone', milestone: item.due.milestone, offsetDays: item.due.offsetDays };
}

/**
 * The item's due date as YYYY-MM-DD, or null when it has none or its milestone has no date
 * yet (planned or actual, whichever the caller passes in milestoneDates).
 */
export function resolveDueDate(
  item: { readonly due?: DueDate | null },
  milestoneDates: ReadonlyMap<string, string>,
): string | null {
  const due = item.due;
  if (due == null) return null;
  if (due.kind === 'fixed') {
    requireIsoDate(due.date, 'Due date');
    return due.date;
  }
  const anchor = milestoneDates.get(due.milestone);
  return anchor === undefined ? null : addDays(requireIsoDate(anchor, 'Date'), due.offsetDays);
}

const CLOSED_STATUSES: ReadonlySet<ItemStatus> = new Set(['approved', 'submitted', 'not-applicable']);

/**
 * Overdue when still open after its due day (an item due today is not yet overdue).
 * milestoneDates is needed only for items whose due date hangs off a milestone.
 */
export function isOverdue(
  item: { readonly status: ItemStatus; readonly applicable?: boolean; readonly due?: DueDate | null },
  today: string,
  milestoneDates: ReadonlyMap<string, string> = new Map(),
): boolean {
  const todayDate = requireIsoDate(today, 'Today');
  if (item.applicable === false || CLOSED_STATUSES.has(item.status)) return false;
  const due = resolveDueDate(item, milestoneDates);
  // Valid ISO dates compare in calendar order as strings.
  return due !== null && requireIsoDate(due, 'Due date') < todayDate;
}
