import { ITEM_STATUS_IDS, type Due, type ItemStatusId } from '../contract/checklist';
import { addDays, isValidDate } from '../contract/dates';
import {
  type ChecklistTemplate,
  type ChecklistTemplateItem,
  type Condition,
  type ConditionField,
  type FieldCondition,
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

export function joinOr(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1] ?? ''}`;
}

const SOURCE_PHRASES: Record<ProfileFacts['sourceKind'], string> = { 'cell-culture': 'cell-culture', biofluid: 'biofluid', tissue: 'tissue' };
const CELL_PHRASES: Record<ProfileFacts['producingCell'], string> = { msc: 'MSC', afsc: 'AFSC', other: 'other-cell' };
const DOSE_PHRASES: Record<ProfileFacts['doseUnit'], string> = { 'per-kg': 'per kg', 'per-cm2': 'per cm²', flat: 'as a flat dose' };
const ROUTE_PHRASES: Record<ProfileFacts['routeCategory'], string> = {
  intravenous: 'intravenous',
  'local-injection': 'local-injection',
  topical: 'topical',
  respiratory: 'intranasal, inhaled or intratracheal',
  other: 'other-route',
};

const FIELD_PHRASES: { [F in ConditionField]: (values: readonly ProfileFacts[F][]) => string } = {
  donorType: (values) => `${joinOr(values)} donors`,
  fraction: (values) => `${joinOr(values.map((v) => FRACTION_LABELS[v]))} fraction${values.length > 1 ? 's' : ''}`,
  oxygen: (values) => `${joinOr(values.map((v) => (v === 'hypoxia' ? 'hypoxic' : 'normoxic')))} culture`,
  serumFree: (values) => `culture in ${joinOr(values.map((v) => (v ? 'serum-free' : 'serum-containing')))} medium`,
  sourceKind: (values) => `${joinOr(values.map((v) => SOURCE_PHRASES[v]))} sources`,
  producingCell: (values) => `${joinOr(values.map((v) => CELL_PHRASES[v]))}-derived products`,
  doseUnit: (values) => `doses ${joinOr(values.map((v) => DOSE_PHRASES[v]))}`,
  routeCategory: (values) => `${joinOr(values.map((v) => ROUTE_PHRASES[v]))} administration`,
  subpartE: (values) => joinOr(values.map((v) => (v ? 'subpart E / accelerated-approval products' : 'products outside subpart E'))),
  trialPhase: (values) => `a first trial that is ${joinOr(values.map((v) => (v === 'phase-1' ? 'phase 1 only' : 'phase I/II')))}`,
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
    case 'sourceKind':
      return FIELD_PHRASES.sourceKind('equals' in condition ? [condition.equals] : condition.in);
    case 'producingCell':
      return FIELD_PHRASES.producingCell('equals' in condition ? [condition.equals] : condition.in);
    case 'doseUnit':
      return FIELD_PHRASES.doseUnit('equals' in condition ? [condition.equals] : condition.in);
    case 'routeCategory':
      return FIELD_PHRASES.routeCategory('equals' in condition ? [condition.equals] : condition.in);
    case 'subpartE':
      return FIELD_PHRASES.subpartE('equals' in condition ? [condition.equals] : condition.in);
    case 'trialPhase':
      return FIELD_PHRASES.trialPhase('equals' in condition ? [condition.equals] : condition.in);
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
