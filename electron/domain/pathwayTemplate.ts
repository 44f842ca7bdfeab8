/**
 * Pathway templates (templates/pathways/*.json): the schema, and a parser that adds the checks a
 * schema cannot express (unique keys, known dependencies, no cycles, stage order). Pure: the
 * caller reads the file and passes its content and name, so errors can name both the file and
 * the field.
 */
import { z } from 'zod';
import { StageKind as StageKindSchema } from '../contract/product';
import { ConditionSchema } from './checklistTemplate';
import { CLOCK_EVENT_IDS, MEETING_TYPE_IDS } from './clocks';
import { findCycle, type ScheduleDependency, type ScheduleMilestone } from './schedule';

/** In pathway order (the contract's list); 'phase-1-2' replaces 'phase-1' and 'phase-2' in a combined design. */
export const STAGE_KINDS = StageKindSchema.options;
export type StageKind = (typeof STAGE_KINDS)[number];

const STAGE_RANK: Readonly<Record<StageKind, number>> = {
  'in-vitro': 0,
  'in-vivo': 1,
  'pre-ind': 2,
  ind: 3,
  'phase-1': 4,
  'phase-1-2': 4,
  'phase-2': 5,
};

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

const oneOf = (values: readonly string[]) => `expected one of: ${values.join(', ')}`;
// Only the type mismatch gets a custom text; unknown fields are worded by schemaIssues.
const objectError = { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? 'expected an object' : undefined) };
const STAGE_ORDER_TEXT = 'in-vitro, in-vivo, pre-ind, ind, then phase-1 and phase-2 or one combined phase-1-2, each at most once';

const requiredText = z.string({ error: 'expected a string' }).trim().min(1, 'expected a non-empty string');
const optionalText = z.string({ error: 'expected a string' });
const templateKey = z
  .string({ error: 'expected a string' })
  .regex(KEY_PATTERN, 'expected a kebab-case key (lowercase letters and digits separated by single hyphens)');
const wholeDays = z.number({ error: 'expected a whole number of days' }).int('expected a whole number of days');

export const templateDependencySchema = z.strictObject({
  key: templateKey,
  /** Finish-to-start lag in days; negative is a lead. */
  lagDays: wholeDays,
}, objectError);

export const templateMilestoneSchema = z.strictObject({
  key: templateKey,
  name: requiredText,
  description: optionalText,
  durationDays: z
    .number({ error: 'expected a number >= 0' })
    .min(0, 'expected a number >= 0')
    .int('expected a whole number of days'),
  gate: z.boolean({ error: 'expected true or false' }),
  citation: requiredText,
  clockEvent: z.enum(CLOCK_EVENT_IDS, { error: oneOf(CLOCK_EVENT_IDS) }).optional(),
  /** For meeting events, when the meeting is not the template's pre-IND type (e.g. 'B-EOP'). */
  meetingType: z.enum(MEETING_TYPE_IDS, { error: oneOf(MEETING_TYPE_IDS) }).optional(),
  dependsOn: z.array(templateDependencySchema, { error: 'expected a list of { key, lagDays }' }),
}, objectError);

export const templateStageSchema = z.strictObject({
  kind: z.enum(STAGE_KINDS, { error: oneOf(STAGE_KINDS) }),
  name: requiredText,
  description: optionalText,
  milestones: z.array(templateMilestoneSchema, { error: 'expected a list of milestones' }),
}, objectError);

/**
 * A branch: milestones that join the pathway only when they apply. `appliesWhen` (the checklist
 * condition language, on the product profile) adds it when the pathway is set up (cell banks
 * for a cultured product); a branch without it is optional, added on request (an INTERACT
 * meeting, a clinical hold). `feeds` makes a main-line milestone wait for a branch milestone.
 */
export const templateBranchSchema = z.strictObject({
  id: templateKey,
  name: requiredText,
  description: optionalText,
  stage: z.enum(STAGE_KINDS, { error: oneOf(STAGE_KINDS) }),
  appliesWhen: ConditionSchema.optional(),
  milestones: z
    .array(
      templateMilestoneSchema.extend({
        feeds: z.array(templateDependencySchema, { error: 'expected a list of { key, lagDays }' }).default([]),
      }),
      { error: 'expected a list of milestones' },
    )
    .min(1, 'expected at least one milestone'),
}, objectError);

export const pathwayTemplateSchema = z.strictObject({
  id: templateKey,
  name: requiredText,
  description: optionalText,
  version: z.string({ error: 'expected a version string' }).regex(VERSION_PATTERN, 'expected a version like 1.0.0'),
  preIndMeetingType: z.enum(MEETING_TYPE_IDS, { error: oneOf(MEETING_TYPE_IDS) }),
  stages: z.array(templateStageSchema, { error: 'expected a list of stages' }).min(1, 'expected at least one stage'),
  branches: z.array(templateBranchSchema, { error: 'expected a list of branches' }).default([]),
}, { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? 'expected a pathway template object' : undefined) });

export type PathwayTemplate = z.output<typeof pathwayTemplateSchema>;
export type TemplateStage = z.output<typeof templateStageSchema>;
export type TemplateMilestone = z.output<typeof templateMilestoneSchema>;
export type TemplateDependency = z.output<typeof templateDependencySchema>;
export type TemplateBranch = z.output<typeof templateBranchSchema>;

export interface TemplateIssue {
  /** e.g. `stages[2].milestones[1].durationDays`; empty for the whole document. */
  path: string;
  message: string;
}

export class TemplateError extends Error {
  readonly fileName: string;
  readonly issues: readonly TemplateIssue[];
  constructor(fileName: string, issues: readonly TemplateIssue[]) {
    super(issues.map((issue) => `${fileName}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('\n'));
    this.name = 'TemplateError';
    this.fileName = fileName;
    this.issues = issues;
  }
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function schemaIssues(error: z.ZodError): TemplateIssue[] {
  return error.issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const fields = issue.keys.map((key) => `"${key}"`).join(', ');
      return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${fields}` };
    }
    if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
      return { path, message: `required (${issue.message})` };
    }
    return { path, message: issue.message };
  });
}

const milestonePath = (stage: number, milestone: number) => `stages[${stage}].milestones[${milestone}]`;

function checkStageOrder(template: PathwayTemplate, issues: TemplateIssue[]): void {
  let combinedAt = -1;
  let separatePhaseAt = -1;
  for (let index = 0; index < template.stages.length; index++) {
    const kind = template.stages[index]!.kind;
    if (kind === 'phase-1-2' && combinedAt < 0) combinedAt = index;
    if ((kind === 'phase-1' || kind === 'phase-2') && separatePhaseAt < 0) separatePhaseAt = index;
    const previous = index > 0 ? template.stages[index - 1]!.kind : null;
    // phase-1 next to phase-1-2 is reported once below, as a mixed design.
    const mixedDesign = previous !== null && previous !== kind && STAGE_RANK[kind] === STAGE_RANK[previous];
    if (previous !== null && !mixedDesign && STAGE_RANK[kind] <= STAGE_RANK[previous]) {
      issues.push({
        path: `stages[${index}].kind`,
        message: `"${kind}" cannot follow "${previous}" (stages[${index - 1}]); stages run ${STAGE_ORDER_TEXT}`,
      });
    }
  }
  if (combinedAt >= 0 && separatePhaseAt >= 0) {
    issues.push({
      path: `stages[${Math.max(combinedAt, separatePhaseAt)}].kind`,
      message: 'a combined "phase-1-2" stage replaces "phase-1" and "phase-2"; use one or the other',
    });
  }
}

/** Referential checks on a template that already matches the schema. */
function integrityIssues(template: PathwayTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  checkStageOrder(template, issues);

  const keyPaths = new Map<string, string>();
  template.stages.forEach((stage, s) => {
    stage.milestones.forEach((milestone, m) => {
      const path = `${milestonePath(s, m)}.key`;
      const first = keyPaths.get(milestone.key);
      if (first === undefined) keyPaths.set(milestone.key, path);
      else issues.push({ path, message: `duplicate key "${milestone.key}" (first used at ${first})` });
    });
  });

  const ids: string[] = [];
  const dependencies: ScheduleDependency[] = [];
  let dependenciesKnown = true;
  template.stages.forEach((stage, s) => {
    stage.milestones.forEach((milestone, m) => {
      ids.push(milestone.key);
      const seen = new Set<string>();
      milestone.dependsOn.forEach((dependency, d) => {
        const path = `${milestonePath(s, m)}.dependsOn[${d}].key`;
        if (!keyPaths.has(dependency.key)) {
          dependenciesKnown = false;
          issues.push({ path, message: `unknown milestone key "${dependency.key}"` });
        } else if (seen.has(dependency.key)) {
          issues.push({ path, message: `"${dependency.key}" is listed more than once` });
        }
        seen.add(dependency.key);
        dependencies.push({ predecessorId: dependency.key, successorId: milestone.key, lagDays: dependency.lagDays });
      });
    });
  });

  // A cycle is only meaningful once every key is unique and every dependency resolves.
  if (issues.length === 0 && dependenciesKnown) {
    const cycle = findCycle(ids, dependencies);
    if (cycle !== null) {
      const [predecessor, successor] = cycle as [string, string];
      issues.push({
        path: dependencyPath(template, successor, predecessor),
        message: `dependency cycle: ${cycle.join(' -> ')}`,
      });
    }
  }
  return issues;
}

function dependencyPath(template: PathwayTemplate, successorKey: string, predecessorKey: string): string {
  for (let s = 0; s < template.stages.length; s++) {
    const milestones = template.stages[s]!.milestones;
    for (let m = 0; m < milestones.length; m++) {
      const milestone = milestones[m]!;
      if (milestone.key !== successorKey) continue;
      const d = milestone.dependsOn.findIndex((dependency) => dependency.key === predecessorKey);
      return d < 0 ? `${milestonePath(s, m)}.dependsOn` : `${milestonePath(s, m)}.dependsOn[${d}]`;
    }
  }
  return 'stages';
}

/**
 * Validates a pathway template: `json` is the parsed document (or its text), `fileName` is used
 * in messages. Throws TemplateError listing every problem as `file: path: message`.
 */
export function parsePathwayTemplate(json: unknown, fileName: string): PathwayTemplate {
  let document = json;
  if (typeof json === 'string') {
    try {
      document = JSON.parse(json) as unknown;
    } catch (error) {
      throw new TemplateError(fileName, [
        { path: '', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` },
      ]);
    }
  }
  const parsed = pathwayTemplateSchema.safeParse(document, { reportInput: true });
  if (!parsed.success) throw new TemplateError(fileName, schemaIssues(parsed.error));
  const issues = integrityIssues(parsed.data);
  // Each branch is checked as the pathway it makes (keys unique, dependencies known, no cycle),
  // once the main line is sound: a main-line fault would otherwise be reported once per branch.
  if (issues.length === 0) parsed.data.branches.forEach((branch, b) => {
    const mainKeys = new Set(parsed.data.stages.flatMap((stage) => stage.milestones.map((m) => m.key)));
    const branchKeys = new Set(parsed.data.branches.flatMap((x) => x.milestones.map((m) => m.key)));
    branch.milestones.forEach((m, i) =>
      m.feeds.forEach((f, j) => {
        if (!mainKeys.has(f.key) && !branchKeys.has(f.key)) issues.push({ path: `branches[${b}].milestones[${i}].feeds[${j}].key`, message: `unknown milestone key "${f.key}"` });
      }),
    );
    const ids = new Set(parsed.data.branches.map((x) => x.id));
    if (ids.size !== parsed.data.branches.length) issues.push({ path: `branches[${b}].id`, message: `duplicate branch id "${branch.id}"` });
    if (!parsed.data.stages.some((stage) => stage.kind === branch.stage)) {
      issues.push({ path: `branches[${b}].stage`, message: `the template has no "${branch.stage}" stage` });
      return;
    }
    for (const issue of integrityIssues(withBranches(parsed.data, [branch.id]))) {
      issues.push({ path: `branches[${b}] (${branch.id}): ${issue.path}`, message: issue.message });
    }
  });
  if (issues.length > 0) throw new TemplateError(fileName, issues);
  return parsed.data;
}

/** The template as a schedule network, with milestone keys as ids. */
export function templateNetwork(template: PathwayTemplate): {
  milestones: ScheduleMilestone[];
  dependencies: ScheduleDependency[];
} {
  const milestones: ScheduleMilestone[] = [];
  const dependencies: ScheduleDependency[] = [];
  for (const stage of template.stages) {
    for (const milestone of stage.milestones) {
      milestones.push({ id: milestone.key, durationDays: milestone.durationDays });
      for (const dependency of milestone.dependsOn) {
        dependencies.push({ predecessorId: dependency.key, successorId: milestone.key, lagDays: dependency.lagDays });
      }
    }
  }
  return { milestones, dependencies };
}

/**
 * The template with the named branches merged in: each branch's milestones appended to the stage
 * of its kind, and each `feeds` entry added to the main-line milestone it names as a dependency.
 * A branch whose stage the template lacks is left out (the parser refuses such a template).
 */
export function withBranches(template: PathwayTemplate, branchIds: readonly string[]): PathwayTemplate {
  const chosen = template.branches.filter((b) => branchIds.includes(b.id));
  if (chosen.length === 0) return template;
  const feeds = new Map<string, TemplateDependency[]>();
  for (const branch of chosen) {
    for (const m of branch.milestones) {
      for (const f of m.feeds) feeds.set(f.key, [...(feeds.get(f.key) ?? []), { key: m.key, lagDays: f.lagDays }]);
    }
  }
  const stages = template.stages.map((stage) => {
    const added = chosen
      .filter((b) => b.stage === stage.kind)
      .flatMap((b) => b.milestones.map(({ feeds: _feeds, ...m }) => m));
    const milestones = [...stage.milestones, ...added].map((m) => (feeds.has(m.key) ? { ...m, dependsOn: [...m.dependsOn, ...feeds.get(m.key)!] } : m));
    return { ...stage, milestones };
  });
  return { ...template, stages };
}
