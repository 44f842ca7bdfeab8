import { z } from 'zod';
import { choice, Id, IsoDate, Reason, requiredText, text } from './common';
import { StageKind } from './product';

/** The item workflow; "not applicable" needs a written justification. */
export const ITEM_STATUS_LABELS = {
  'not-started': 'Not started',
  drafting: 'Drafting',
  'in-review': 'In review',
  approved: 'Approved',
  submitted: 'Submitted',
  'not-applicable': 'Not applicable',
} as const;
export type ItemStatusId = keyof typeof ITEM_STATUS_LABELS;
export const ITEM_STATUS_IDS = Object.keys(ITEM_STATUS_LABELS) as [ItemStatusId, ...ItemStatusId[]];
export const ItemStatus = choice('Status', ITEM_STATUS_IDS);

export const CHECKLIST_KIND_LABELS = {
  ind: 'Initial IND submission',
  cmc: 'CMC and characterisation',
  preclinical: 'Preclinical and GLP toxicology',
  'pre-ind-meeting': 'Pre-IND meeting',
  clinical: 'Clinical trial documents',
  custom: 'Custom',
} as const;
export type ChecklistKindId = keyof typeof CHECKLIST_KIND_LABELS;
export const ChecklistKind = choice('Checklist kind', Object.keys(CHECKLIST_KIND_LABELS) as [ChecklistKindId, ...ChecklistKindId[]]);

/** Fixed, or relative to a pathway milestone (negative offset = days before it). */
export const Due = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), date: IsoDate }),
  z.strictObject({
    kind: z.literal('milestone'),
    milestone: requiredText('Milestone', 80),
    offsetDays: z.number({ error: 'Offset: a whole number of days' }).int('Offset: a whole number of days').min(-3650).max(3650),
  }),
]);
export type Due = z.infer<typeof Due>;

export const ChecklistItem = z.object({
  id: z.string(),
  checklistId: z.string(),
  templateItemId: z.string().nullable(),
  section: z.string(),
  sectionTitle: z.string(),
  title: z.string(),
  guidance: z.string(),
  citation: z.string(),
  required: z.boolean(),
  stage: StageKind,
  milestone: z.string().nullable(),
  ectdModule: z.string().nullable(),
  /** Plain words for the template's applicability condition, e.g. "only for EV or exosome fractions". */
  appliesWhen: z.string().nullable(),
  /** False when the profile changed and the item no longer applies; kept, never deleted. */
  applicable: z.boolean(),
  status: ItemStatus,
  justification: z.string(),
  owner: z.string(),
  due: Due.nullable(),
  /** The due date resolved against the schedule (milestone-tied dates move with it). */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  documentPath: z.string(),
  /** Checked when read: a linked file that is missing is shown as such. */
  documentExists: z.boolean().nullable(),
  notes: z.string(),
  position: z.number().int(),
  updatedAt: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Summary = z.object({
  total: z.number().int(),
  required: z.number().int(),
  done: z.number().int(),
  requiredDone: z.number().int(),
  percent: z.number().int(),
  flaggedInapplicable: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
});
export type Summary = z.infer<typeof Summary>;

export const Checklist = z.object({
  id: z.string(),
  templateId: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  kind: ChecklistKind,
  name: z.string(),
  items: z.array(ChecklistItem),
  summary: Summary,
});
export type Checklist = z.infer<typeof Checklist>;

export const GateBlocker = z.object({ id: z.string(), title: z.string(), status: ItemStatus, reason: z.string() });
export const Gate = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  /** The pathway milestone key the gate guards. */
  milestone: z.string(),
  ready: z.boolean(),
  considered: z.number().int(),
  blockers: z.array(GateBlocker),
});
export type Gate = z.infer<typeof Gate>;

export const ChecklistsView = z.object({
  productId: z.string(),
  today: z.string(),
  checklists: z.array(Checklist),
  summary: Summary,
  byStage: z.array(z.object({ stage: StageKind, summary: Summary })),
  gates: z.array(Gate),
  /** Approvals with a valid electronic signature, approvals without one (legacy or superseded), and done items with no document and no note. */
  evidence: z.object({ signedApprovals: z.number().int(), unsignedApprovals: z.number().int(), doneWithoutEvidence: z.number().int() }).optional(),
  /** Set after generate: what regeneration changed. */
  regenerated: z.object({ added: z.number().int(), flagged: z.number().int(), restored: z.number().int() }).optional(),
});
export type ChecklistsView = z.infer<typeof ChecklistsView>;

export const ChecklistTemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.string(),
  version: z.number().int(),
  itemCount: z.number().int(),
  source: z.enum(['default', 'imported']),
});

/** The fields of an item a person edits (any subset). */
export const ChecklistItemChanges = z
  .strictObject({
    status: ItemStatus,
    justification: text(2000, 'Justification'),
    owner: text(80, 'Owner'),
    due: Due.nullable(),
    documentPath: text(1000, 'Document path'),
    notes: text(4000, 'Notes'),
  })
  .partial();
export type ChecklistItemChanges = z.infer<typeof ChecklistItemChanges>;

/**
 * Marking an item not applicable with an empty justification is always refused (the domain
 * refuses it too); said here as well, so a form can check before sending, on the same field.
 */
const NA_NEEDS_JUSTIFICATION = 'Write a justification before marking this item not applicable: say why it does not apply to this product.';
const naJustified = (c: { status?: string; justification?: string }) => !(c.status === 'not-applicable' && c.justification !== undefined && c.justification.trim() === '');

export const ChecklistItemUpdateInput = z.strictObject({
  id: Id,
  changes: ChecklistItemChanges.refine((c) => Object.keys(c).length > 0, 'Change at least one field').refine(naJustified, { message: NA_NEEDS_JUSTIFICATION, path: ['justification'] }),
  reason: Reason,
});

export const ChecklistBulkUpdateInput = z.strictObject({
  ids: z.array(Id).min(1, 'Select at least one item').max(5000, 'At most 5000 items at once'),
  changes: ChecklistItemChanges.pick({ status: true, justification: true, owner: true, due: true })
    .refine((c) => Object.keys(c).length > 0, 'Change at least one field')
    .refine(naJustified, { message: NA_NEEDS_JUSTIFICATION, path: ['justification'] }),
  reason: Reason,
});

/**
 * Undo of a checklist change in one step: the change set a bulk change wrote (or the single
 * entry of a one-field change), reverted in one transaction and audited as its own change set.
 */
export const ChecklistRevertInput = z
  .strictObject({
    changeSetId: z.number().int().positive().optional(),
    entryId: z.number().int().positive().optional(),
    reason: Reason,
  })
  .refine((v) => (v.changeSetId === undefined) !== (v.entryId === undefined), { message: 'Give the change set or the single entry to undo (one of them)', path: ['changeSetId'] });

export const ChecklistItemCreateInput = z.strictObject({
  checklistId: Id,
  section: requiredText('Section', 80),
  sectionTitle: text(200, 'Section title').default(''),
  title: requiredText('Title', 300),
  guidance: text(2000, 'Guidance').default(''),
  citation: text(400, 'Citation').default(''),
  required: z.boolean().default(true),
  stage: StageKind,
  owner: text(80, 'Owner').default(''),
  due: Due.nullable().default(null),
});

export const ChecklistItemRemoveInput = z.strictObject({ id: Id, reason: Reason });

export const ChecklistTemplateImportInput = z.strictObject({
  fileName: requiredText('File name', 200),
  /** The file's text; the renderer reads the file the user picked. */
  content: z.string().max(900_000, 'The template file is larger than 900 kB; split it.'),
});

export const ChecklistsGetInput = z.strictObject({ productId: Id, today: IsoDate.optional() });

