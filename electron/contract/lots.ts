import { z } from 'zod';
import { choice, Id, IsoDate, requiredText, text } from './common';

/** Lot register (issue 15): specifications, lots, results, import, trends and comparability. */

export const LOT_PURPOSE_LABELS = {
  engineering: 'Engineering',
  toxicology: 'Toxicology (GLP)',
  clinical: 'Clinical',
  stability: 'Stability',
  research: 'Research',
} as const;
export type LotPurposeId = keyof typeof LOT_PURPOSE_LABELS;
export const LotPurpose = choice('Purpose', Object.keys(LOT_PURPOSE_LABELS) as [LotPurposeId, ...LotPurposeId[]]);

export const LOT_STATUS_LABELS = {
  'in-production': 'In production',
  'on-test': 'On test',
  released: 'Released',
  rejected: 'Rejected',
  quarantined: 'Quarantined',
} as const;
export type LotStatusId = keyof typeof LOT_STATUS_LABELS;
export const LotStatus = choice('Status', Object.keys(LOT_STATUS_LABELS) as [LotStatusId, ...LotStatusId[]]);

export const SPEC_PHASE_LABELS = {
  preclinical: 'Preclinical (GLP toxicology)',
  'phase-1': 'Phase 1',
  'phase-2': 'Phase 2',
  'phase-3': 'Phase 3',
} as const;
export type SpecPhaseId = keyof typeof SPEC_PHASE_LABELS;
export const SpecPhase = choice('Phase', Object.keys(SPEC_PHASE_LABELS) as [SpecPhaseId, ...SpecPhaseId[]]);

export const CRITERION_KIND_LABELS = {
  range: 'Range (low – high)',
  max: 'Not more than (≤)',
  min: 'Not less than (≥)',
  negative: 'Negative',
  conforms: 'Conforms',
  report: 'Report result',
} as const;
export type CriterionKindId = keyof typeof CRITERION_KIND_LABELS;
export const CriterionKind = choice('Acceptance criterion', Object.keys(CRITERION_KIND_LABELS) as [CriterionKindId, ...CriterionKindId[]]);

export const JUDGEMENT_LABELS = { conforms: 'Conforms', oos: 'Out of specification', missing: 'Missing' } as const;
export type JudgementId = keyof typeof JUDGEMENT_LABELS;
export const Judgement = z.enum(Object.keys(JUDGEMENT_LABELS) as [JudgementId, ...JudgementId[]]);

const Limit = z.number({ error: 'Limits must be numbers' }).finite().nullable().optional();

export const SpecAttributeInput = z.strictObject({
  key: text(60, 'Attribute key').optional(),
  name: requiredText('Attribute', 120),
  method: text(200, 'Method').optional(),
  unit: text(40, 'Unit').optional(),
  kind: CriterionKind,
  lower: Limit,
  upper: Limit,
  required: z.boolean().optional(),
  checklistItemId: Id.nullable().optional(),
  citation: text(500, 'Citation').optional(),
});

export const SpecCreateInput = z.strictObject({
  productId: Id,
  phase: SpecPhase,
  notes: text(2000, 'Notes').optional(),
  /** The suggested template the attributes came from, kept for the record. */
  source: text(120, 'Source').optional(),
  attributes: z.array(SpecAttributeInput).min(1, 'A specification needs at least one attribute').max(80, 'A specification has at most 80 attributes'),
});

export const SpecAttribute = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  method: z.string(),
  unit: z.string(),
  kind: CriterionKind,
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  required: z.boolean(),
  checklistItemId: z.string().nullable(),
  citation: z.string(),
  /** "1E9 – 5E10 particles/mL", "≤ 0.5 EU/mL", "Negative" */
  criterion: z.string(),
});
export type SpecAttribute = z.infer<typeof SpecAttribute>;

export const Spec = z.object({
  id: z.string(),
  productId: z.string(),
  version: z.number(),
  phase: SpecPhase,
  notes: z.string(),
  source: z.string(),
  createdAt: z.string(),
  attributes: z.array(SpecAttribute),
  lotCount: z.number(),
});
export type Spec = z.infer<typeof Spec>;

export const SpecTemplate = z.object({
  id: z.string(),
  name: z.string(),
  fraction: z.string(),
  description: z.string(),
  attributes: z.array(SpecAttributeInput),
});
export type SpecTemplate = z.infer<typeof SpecTemplate>;

export const LotsProductInput = z.strictObject({ productId: Id });
export const SpecsView = z.object({ current: Spec.nullable(), versions: z.array(Spec), templates: z.array(SpecTemplate) });

const optionalDate = IsoDate.nullable().optional();

export const LotFields = z.strictObject({
  lotNumber: requiredText('Lot number', 60),
  purpose: LotPurpose,
  manufacturedOn: IsoDate,
  processVersion: requiredText('Process version', 60),
  source: text(300, 'Source').optional(),
  scale: text(120, 'Scale').optional(),
  retestOn: optionalDate,
  expiryOn: optionalDate,
  milestoneId: Id.nullable().optional(),
  notes: text(4000, 'Notes').optional(),
});
export const LotCreateInput = LotFields.extend({ productId: Id });
export const LotUpdateInput = z.strictObject({ lotId: Id, changes: LotFields.partial() });
export const LotRef = z.strictObject({ lotId: Id });
export const LotStatusInput = z.strictObject({
  lotId: Id,
  status: LotStatus,
  /** A recorded deviation with its justification: needed to release a lot with a missing or OOS required result. */
  deviation: text(4000, 'Deviation').optional(),
  reason: text(1000, 'Reason').optional(),
});

export const ResultEntry = z.strictObject({
  attribute: requiredText('Attribute', 120),
  value: requiredText('Value', 200),
  unit: text(40, 'Unit').optional(),
  testedOn: IsoDate,
  analyst: text(120, 'Analyst').optional(),
  method: text(200, 'Method').optional(),
  investigation: text(4000, 'Investigation').optional(),
});
export const ResultsRecordInput = z.strictObject({ lotId: Id, results: z.array(ResultEntry).min(1, 'Enter at least one result').max(200) });
export const InvestigationInput = z.strictObject({ resultId: Id, investigation: requiredText('Investigation note', 4000) });

export const LotResultLine = z.object({
  attribute: SpecAttribute,
  result: z
    .object({
      id: z.string(),
      value: z.string(),
      valueNumber: z.number().nullable(),
      enteredValue: z.string(),
      enteredUnit: z.string(),
      testedOn: z.string(),
      analyst: z.string(),
      method: z.string(),
      investigation: z.string(),
    })
    .nullable(),
  judgement: Judgement,
  /** An OOS result without an investigation note. */
  needsInvestigation: z.boolean(),
});

export const LotSummary = z.object({
  id: z.string(),
  productId: z.string(),
  lotNumber: z.string(),
  purpose: LotPurpose,
  manufacturedOn: z.string(),
  processVersion: z.string(),
  source: z.string(),
  scale: z.string(),
  status: LotStatus,
  retestOn: z.string().nullable(),
  expiryOn: z.string().nullable(),
  milestoneId: z.string().nullable(),
  milestoneName: z.string().nullable(),
  deviation: z.string(),
  illustrative: z.boolean(),
  notes: z.string(),
  releasedOn: z.string().nullable(),
  specId: z.string(),
  specVersion: z.number(),
  counts: z.object({ conforms: z.number(), oos: z.number(), missing: z.number() }),
  /** Why the lot cannot be released now, in words (empty when it can). */
  releaseBlockers: z.array(z.string()),
});
export type LotSummary = z.infer<typeof LotSummary>;

export const LotView = z.object({ lot: LotSummary, spec: Spec, lines: z.array(LotResultLine) });
export type LotView = z.infer<typeof LotView>;
export const LotsView = z.object({ spec: Spec.nullable(), lots: z.array(LotSummary), processVersions: z.array(z.string()) });
export type LotsView = z.infer<typeof LotsView>;

/** How a CSV's columns map to results, saved per source (an instrument or LIMS) and reused. */
export const ImportMapping = z.strictObject({
  lot: requiredText('Lot column', 200),
  testedOn: requiredText('Test date column', 200),
  analyst: text(200, 'Analyst column').optional(),
  /** Long format: one result per line, with the attribute, value and (optionally) unit in columns. */
  attribute: text(200, 'Attribute column').optional(),
  value: text(200, 'Value column').optional(),
  unit: text(200, 'Unit column').optional(),
  /** Wide format: a column per attribute (an NTA export: concentration, mode...), with its unit. */
  columns: z.array(z.strictObject({ column: requiredText('Column', 200), attribute: requiredText('Attribute', 120), unit: text(40, 'Unit').optional() })).max(100).optional(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

const CsvText = z.string({ error: 'The CSV text is required' }).max(20_000_000, 'The CSV file is larger than 20 MB: split it');
export const ImportInput = z.strictObject({
  productId: Id,
  source: requiredText('Source (instrument or LIMS)', 120),
  csv: CsvText,
  mapping: ImportMapping.optional(),
  saveMapping: z.boolean().optional(),
});

export const ImportIssue = z.object({ line: z.number(), field: z.string(), message: z.string() });
export const ImportPreview = z.object({
  source: z.string(),
  delimiter: z.string(),
  columns: z.array(z.string()),
  /** The mapping used: as given, else the one saved for this source, else guessed from the column names. */
  mapping: ImportMapping.nullable(),
  mappingFrom: z.enum(['given', 'saved', 'guessed']),
  total: z.number(),
  rows: z.array(z.object({ line: z.number(), lot: z.string(), attribute: z.string(), value: z.string(), unit: z.string(), testedOn: z.string(), judgement: Judgement.nullable() })),
  issues: z.array(ImportIssue),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
export const ImportDone = z.object({ created: z.number(), updated: z.number(), lots: z.number(), mappingSaved: z.boolean() });
export const ImportMappings = z.array(z.object({ source: z.string(), mapping: ImportMapping, updatedAt: z.string() }));

export const TrendsInput = z.strictObject({
  productId: Id,
  /** The attributes to chart (keys); all numeric ones when absent. */
  attributeKeys: z.array(requiredText('Attribute', 60)).max(80).optional(),
  /** The lots the centre line and ±3σ limits come from; every lot with a value when absent. */
  referenceLotIds: z.array(Id).max(5000).optional(),
});

export const TrendPoint = z.object({
  lotId: z.string(),
  lotNumber: z.string(),
  processVersion: z.string(),
  manufacturedOn: z.string(),
  value: z.number(),
  reference: z.boolean(),
  /** Western Electric rules this point completes (1–4). */
  rules: z.array(z.number()),
});
export const TrendAttribute = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: CriterionKind,
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  limits: z.object({ center: z.number(), sigma: z.number(), ucl: z.number(), lcl: z.number(), movingRangeMean: z.number(), referenceCount: z.number() }).nullable(),
  capability: z.object({ cp: z.number().nullable(), cpk: z.number() }).nullable(),
  points: z.array(TrendPoint),
  /** "EV-012: two of three points beyond 2σ on one side (rule 2)" */
  signals: z.array(z.object({ rule: z.number(), lotNumber: z.string(), text: z.string() })),
});
export type TrendAttribute = z.infer<typeof TrendAttribute>;
export const TrendsView = z.object({ attributes: z.array(TrendAttribute), processVersions: z.array(z.string()) });
export type TrendsView = z.infer<typeof TrendsView>;

export const CompareInput = z.strictObject({
  productId: Id,
  reference: requiredText('Reference process version', 60),
  test: requiredText('Test process version', 60),
  /** The equivalence margin: ± this percentage of the reference mean. */
  marginPercent: z.number({ error: 'Margin must be a number' }).gt(0, 'Margin must be above 0%').max(100, 'Margin: at most 100%'),
  alpha: z.number().gt(0).max(0.2).optional(),
  attributeKeys: z.array(requiredText('Attribute', 60)).max(80).optional(),
});
export const Comparison = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  reference: z.object({ n: z.number(), mean: z.number().nullable(), sd: z.number().nullable() }),
  test: z.object({ n: z.number(), mean: z.number().nullable(), sd: z.number().nullable() }),
  difference: z.number().nullable(),
  differencePercent: z.number().nullable(),
  /** The (1 − 2α) confidence interval of the difference (test − reference). */
  ci: z.tuple([z.number(), z.number()]).nullable(),
  margin: z.number().nullable(),
  df: z.number().nullable(),
  p: z.number().nullable(),
  equivalent: z.boolean().nullable(),
  /** In words, ready to paste into a comparability report. */
  statement: z.string(),
});
export type Comparison = z.infer<typeof Comparison>;
export const ComparisonView = z.object({ reference: z.string(), test: z.string(), marginPercent: z.number(), alpha: z.number(), confidence: z.number(), attributes: z.array(Comparison) });
export type ComparisonView = z.infer<typeof ComparisonView>;

const Paper = z.enum(['letter', 'a4'], { error: 'Paper: letter or a4' }).default('letter');
const OutPath = z.string().trim().min(1, 'Give the file to write').max(4096).refine((p) => p.toLowerCase().endsWith('.docx'), 'The file name must end in .docx');
export const CertificateInput = z.strictObject({ lotId: Id, paper: Paper });
export const CertificateSaveInput = z.strictObject({ lotId: Id, paper: Paper, outPath: OutPath });
/** Word (the report with figures), or the lots × attributes table as a spreadsheet. */
const BatchFormat = z.enum(['docx', 'xlsx', 'csv'], { error: 'Format: docx, xlsx or csv' }).default('docx');
export const BatchAnalysisInput = z.strictObject({ productId: Id, paper: Paper, format: BatchFormat });
export const BatchAnalysisSaveInput = z
  .strictObject({ productId: Id, paper: Paper, format: BatchFormat, outPath: z.string().trim().min(1, 'Give the file to write').max(4096) })
  .refine((v) => v.outPath.toLowerCase().endsWith(`.${v.format}`), { message: 'The file name must end in the format\'s suffix (.docx, .xlsx or .csv)', path: ['outPath'] });
