import { z } from 'zod';
// The profile vocabulary is the contract's: one list for forms, templates and conditions.
import { ChecklistKind } from '../contract/checklist';
import { DonorType, DoseUnit, Fraction, Oxygen, ProducingCell, RouteCategory, SourceKind, StageKind as StageKindContract, TrialPhase } from '../contract/product';

/*
 * Checklist templates are data files (templates/checklists/*.json) that a regulatory
 * affairs person may edit. The schema is strict on purpose: a misspelt key such as
 * "appliesWhn" would otherwise be dropped silently and the item would then apply to every
 * product. Errors name the file, the item and the field so the editor can fix the file
 * without reading code.
 */

// --- vocabularies shared with the pathway -------------------------------------------

export const StageKindSchema = StageKindContract;
export type StageKind = z.infer<typeof StageKindSchema>;

/*
 * Listed in the order the standard pathway reaches them. The order is load-bearing: a
 * readiness gate ignores items tied to a milestone that comes after the one it guards
 * (the pre-IND minutes cannot block sending the briefing package). Keep in step with the
 * pathway template's milestone keys.
 */
export const MILESTONE_KEYS = [
  'potency-assay-qualified',
  'ev-characterisation-complete',
  'glp-tox-final-report-signed',
  'pre-ind-meeting-request-sent',
  'briefing-package-submitted',
  'pre-ind-meeting-held',
  'pre-ind-meeting-minutes-received',
  'ind-submitted',
  'ind-in-effect',
  'first-patient-dosed',
  'annual-report-year-1',
] as const;
export const MilestoneKeySchema = z.enum(MILESTONE_KEYS);
export type MilestoneKey = z.infer<typeof MilestoneKeySchema>;

/** A template's kind: any checklist kind but "custom", which only a user's own checklist has. */
export const TemplateKindSchema = ChecklistKind.exclude(['custom']);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

export const ECTD_MODULES = ['1', '2', '3', '4', '5'] as const;
export const EctdModuleSchema = z.enum(ECTD_MODULES);
export type EctdModule = z.infer<typeof EctdModuleSchema>;

// --- the applicability condition language ---------------------------------------------

/*
 * Only enum and boolean profile fields may appear in a condition: free-text fields
 * (sourceCell, indication, ...) cannot be matched reliably, and a condition that silently
 * never matches is worse than one the schema refuses.
 */
export const DONOR_TYPES = DonorType.options;
export const FRACTIONS = Fraction.options;
export const OXYGEN_LEVELS = Oxygen.options;

export const CONDITION_FIELD_SCHEMAS = {
  donorType: z.enum(DONOR_TYPES),
  fraction: z.enum(FRACTIONS),
  oxygen: z.enum(OXYGEN_LEVELS),
  serumFree: z.boolean(),
  sourceKind: z.enum(SourceKind.options),
  producingCell: z.enum(ProducingCell.options),
  doseUnit: z.enum(DoseUnit.options),
  routeCategory: z.enum(RouteCategory.options),
  subpartE: z.boolean(),
  trialPhase: z.enum(TrialPhase.options),
} as const;

export type ConditionField = keyof typeof CONDITION_FIELD_SCHEMAS;
export const CONDITION_FIELDS = Object.keys(CONDITION_FIELD_SCHEMAS) as ConditionField[];

/** The part of a product profile that conditions can read; any ProductProfile satisfies it. */
export type ProfileFacts = { [F in ConditionField]: z.infer<(typeof CONDITION_FIELD_SCHEMAS)[F]> };

export type FieldCondition = {
  [F in ConditionField]:
    | { readonly field: F; readonly equals: ProfileFacts[F] }
    | { readonly field: F; readonly in: readonly ProfileFacts[F][] };
}[ConditionField];

export type Condition =
  | FieldCondition
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

type PathSegment = string | number;
type ConditionIssue = { path: PathSegment[]; message: string };

const CONDITION_SHAPES =
  'a condition is {"field", "equals"}, {"field", "in": [...]}, {"all": [...]}, {"any": [...]} or {"not": {...}}';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isConditionField(value: unknown): value is ConditionField {
  return typeof value === 'string' && Object.hasOwn(CONDITION_FIELD_SCHEMAS, value);
}

function describeAllowed(field: ConditionField): string {
  const schema = CONDITION_FIELD_SCHEMAS[field];
  return 'options' in schema ? `one of ${schema.options.join(', ')}` : 'true or false';
}

function valueIssue(field: ConditionField, value: unknown, path: PathSegment[]): ConditionIssue[] {
  if (CONDITION_FIELD_SCHEMAS[field].safeParse(value).success) return [];
  return [{ path, message: `${JSON.stringify(value)} is not a valid ${field}; expected ${describeAllowed(field)}` }];
}

/*
 * Hand-written rather than a zod union: a union reports "Invalid input" at the top of the
 * condition, whereas an editor needs to know which nested key or value is wrong.
 */
function conditionIssues(value: unknown, path: PathSegment[]): ConditionIssue[] {
  if (!isRecord(value)) return [{ path, message: `expected an object; ${CONDITION_SHAPES}` }];
  const keys = Object.keys(value);

  if ('field' in value) {
    const extra = keys.filter((k) => k !== 'field' && k !== 'equals' && k !== 'in');
    if (extra.length > 0) {
      return [{ path, message: `unknown key ${extra.map((k) => JSON.stringify(k)).join(', ')} in a field condition` }];
    }
    const field = value.field;
    if (!isConditionField(field)) {
      return [
        {
          path: [...path, 'field'],
          message: `unknown profile field ${JSON.stringify(field)}; conditions may use only ${CONDITION_FIELDS.join(', ')}`,
        },
      ];
    }
    const hasEquals = 'equals' in value;
    const hasIn = 'in' in value;
    if (hasEquals === hasIn) return [{ path, message: 'a field condition needs exactly one of "equals" or "in"' }];
    if (hasEquals) return valueIssue(field, value.equals, [...path, 'equals']);
    const list = value.in;
    if (!Array.isArray(list) || list.length === 0) {
      return [{ path: [...path, 'in'], message: `expected a non-empty list of ${describeAllowed(field)}` }];
    }
    return list.flatMap((v, i) => valueIssue(field, v, [...path, 'in', i]));
  }

  if (keys.length !== 1) return [{ path, message: CONDITION_SHAPES }];
  const [key] = keys as [string];
  if (key === 'not') return conditionIssues(value.not, [...path, 'not']);
  if (key === 'all' || key === 'any') {
    const list = value[key];
    if (!Array.isArray(list) || list.length === 0) {
      return [{ path: [...path, key], message: 'expected a non-empty list of conditions' }];
    }
    return list.flatMap((c, i) => conditionIssues(c, [...path, key, i]));
  }
  return [{ path, message: `unknown key ${JSON.stringify(key)}; ${CONDITION_SHAPES}` }];
}

export const ConditionSchema = z.custom<Condition>(() => true).superRefine((value, ctx) => {
  for (const issue of conditionIssues(value, [])) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
});

// --- template and item -----------------------------------------------------------------

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabId = z.string().regex(KEBAB, 'must be kebab-case (lower-case letters, digits, single hyphens)');
const text = z.string().trim().min(1, 'must not be empty');
/** The lengths a stored item (and a sharing bundle) can hold: a longer text is refused here, in the editor's file. */
const bounded = (max: number) => text.max(max, `must be at most ${max} characters`);

/*
 * A default due date for generated items, relative to a pathway milestone (negative = days
 * before). Checklist items keep their own due date once generated; this only seeds it.
 */
export const TemplateDueSchema = z.strictObject({
  milestone: MilestoneKeySchema,
  offsetDays: z.int(),
});

export const ChecklistTemplateItemSchema = z.strictObject({
  id: kebabId,
  section: bounded(80),
  sectionTitle: bounded(200),
  title: bounded(300),
  guidance: bounded(2000),
  citation: bounded(400),
  required: z.boolean(),
  stage: StageKindSchema,
  milestone: MilestoneKeySchema.optional(),
  ectdModule: EctdModuleSchema.optional(),
  perInvestigator: z.boolean().optional(),
  appliesWhen: ConditionSchema.optional(),
  due: TemplateDueSchema.optional(),
});
export type ChecklistTemplateItem = z.infer<typeof ChecklistTemplateItemSchema>;

export const ChecklistTemplateSchema = z
  .strictObject({
    id: kebabId,
    name: text,
    description: text,
    version: z.int().min(1),
    kind: TemplateKindSchema,
    items: z.array(ChecklistTemplateItemSchema).min(1, 'a template needs at least one item'),
  })
  .superRefine((template, ctx) => {
    const firstIndex = new Map<string, number>();
    template.items.forEach((item, index) => {
      // The prefix makes ids unique across templates by construction and tells a reader
      // where an item came from when it shows up in an audit entry.
      if (KEBAB.test(item.id) && !item.id.startsWith(`${template.id}-`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'id'],
          message: `must start with the template id "${template.id}-"`,
        });
      }
      const seen = firstIndex.get(item.id);
      if (seen === undefined) firstIndex.set(item.id, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'id'],
          message: `duplicate id "${item.id}" (first used by items[${seen}])`,
        });
      }
    });
  });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

// --- parsing with readable errors -------------------------------------------------------

export type TemplateIssue = { path: string; message: string };

const MAX_ISSUES_IN_MESSAGE = 20;

export class ChecklistTemplateError extends Error {
  readonly fileName: string;
  readonly issues: readonly TemplateIssue[];

  constructor(fileName: string, issues: readonly TemplateIssue[]) {
    const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((i) => `${fileName}: ${i.path}: ${i.message}`);
    const hidden = issues.length - shown.length;
    if (hidden > 0) shown.push(`${fileName}: ... and ${hidden} more`);
    super(shown.join('\n'));
    this.name = 'ChecklistTemplateError';
    this.fileName = fileName;
    this.issues = issues;
  }
}

function itemIdAt(json: unknown, index: number): string | undefined {
  if (!isRecord(json) || !Array.isArray(json.items)) return undefined;
  const item: unknown = json.items[index];
  return isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
}

/** Renders a zod path as `items[4] (cmc-secretome-sterility).citation`. */
function formatPath(path: readonly PropertyKey[], json: unknown): string {
  if (path.length === 0) return '(file)';
  let out = '';
  path.forEach((segment, i) => {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += `${out === '' ? '' : '.'}${String(segment)}`;
    if (i === 1 && path[0] === 'items' && typeof segment === 'number') {
      const id = itemIdAt(json, segment);
      if (id !== undefined) out += ` (${id})`;
    }
  });
  return out;
}

const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return undefined;
};

/** Validates a parsed JSON value as a checklist template. Pure: the caller reads the file. */
export function parseChecklistTemplate(json: unknown, fileName: string): ChecklistTemplate {
  const result = ChecklistTemplateSchema.safeParse(json, { error: errorMap });
  if (result.success) return result.data;
  throw new ChecklistTemplateError(
    fileName,
    result.error.issues.map((issue) => ({ path: formatPath(issue.path, json), message: issue.message })),
  );
}

/**
 * Item ids must be unique across every template loaded together, because generated
 * checklist items point back to their template item by id alone. Returns one message per
 * clash; empty when all ids are unique.
 */
export function crossTemplateIdIssues(templates: readonly ChecklistTemplate[]): string[] {
  const issues: string[] = [];
  const templateIds = new Map<string, number>();
  for (const t of templates) templateIds.set(t.id, (templateIds.get(t.id) ?? 0) + 1);
  for (const [id, count] of templateIds) {
    if (count > 1) issues.push(`template id "${id}" is used by ${count} templates`);
  }
  const owners = new Map<string, string[]>();
  for (const t of templates) {
    for (const item of t.items) owners.set(item.id, [...(owners.get(item.id) ?? []), t.id]);
  }
  for (const [id, ts] of owners) {
    if (ts.length > 1) issues.push(`item id "${id}" appears in more than one template: ${ts.join(', ')}`);
  }
  return issues;
}

/** Throws a ChecklistTemplateError naming every clash between the given templates. */
export function assertUniqueAcrossTemplates(templates: readonly ChecklistTemplate[]): void {
  const issues = crossTemplateIdIssues(templates);
  if (issues.length > 0) {
    throw new ChecklistTemplateError(
      templates.map((t) => `${t.id}.json`).join(', '),
      issues.map((message) => ({ path: 'id', message })),
    );
  }
}
