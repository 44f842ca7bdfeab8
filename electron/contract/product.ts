import { z } from 'zod';
import { choice, Id, IsoDate, Reason, requiredText, text } from './common';

/** Enumerations of the profile (REGULATORY.md section 1). Labels live beside the values so
 *  every front door and export names them the same way. */
export const DONOR_TYPES = { autologous: 'Autologous', allogeneic: 'Allogeneic' } as const;
export const FRACTIONS = {
  'conditioned-medium': 'Conditioned medium',
  ev: 'Extracellular vesicles (EV)',
  exosome: 'Exosomes',
  'lyophilised-secretome': 'Lyophilised secretome',
} as const;
export const OXYGEN = { normoxia: 'Normoxia', hypoxia: 'Hypoxia' } as const;
/** Where the secretome comes from: a cell culture, a body fluid collected as is (e.g.
 *  cell-free amniotic fluid, never cultured) or a tissue. Culture-only requirements (cell
 *  banks, passage window, conditioned-medium harvest, serum-free medium) follow it. */
export const SOURCE_KINDS = { 'cell-culture': 'Cell culture', biofluid: 'Biofluid (not cultured)', tissue: 'Tissue (not cultured)' } as const;
/** The cell type that made the vesicles or factors; MSC-specific EV criteria follow it. */
export const PRODUCING_CELLS = { msc: 'Mesenchymal stromal cells (MSC)', afsc: 'Amniotic fluid stem cells (AFSC)', other: 'Other or mixed' } as const;
/** How the dose is expressed; the dose items' wording follows it. */
export const DOSE_UNITS = { 'per-kg': 'Per kg body weight', 'per-cm2': 'Per cm² (area treated)', flat: 'Flat (fixed) dose' } as const;
export const ROUTE_CATEGORIES = {
  intravenous: 'Intravenous',
  'local-injection': 'Local injection (e.g. intramyocardial, intra-articular)',
  topical: 'Topical',
  respiratory: 'Intranasal, inhaled or intratracheal',
  other: 'Other',
} as const;
/** The design of the first clinical trial: a phase I/II trial is an applicable clinical
 *  trial under 42 CFR 11.22(b)(1), a phase 1 trial alone is not. */
export const TRIAL_PHASES = { 'phase-1': 'Phase 1 only', 'phase-1-2': 'Phase I/II' } as const;
export const STAGE_KINDS = {
  'in-vitro': 'In vitro',
  'in-vivo': 'In vivo (preclinical)',
  'pre-ind': 'Pre-IND',
  ind: 'IND',
  'phase-1': 'Phase I',
  'phase-2': 'Phase II',
  'phase-1-2': 'Phase I/II',
} as const;

/** Each profile field in words: the form, the audit trail and the exports name fields alike. */
export const PRODUCT_FIELD_LABELS = {
  name: 'Name',
  code: 'Code',
  sponsor: 'Sponsor',
  sourceCell: 'Source cell',
  sourceTissue: 'Source tissue',
  donorType: 'Donor type',
  fraction: 'Secretome fraction',
  oxygen: 'Oxygen',
  passageWindow: 'Passage window',
  serumFree: 'Serum-free medium',
  indication: 'Indication',
  route: 'Route',
  doseBasis: 'Dose basis',
  sourceKind: 'Source kind',
  producingCell: 'Producing cell type',
  doseUnit: 'Dose expressed',
  routeCategory: 'Route category',
  subpartE: 'Subpart E / accelerated approval',
  trialPhase: 'First trial design',
  indNumber: 'IND number',
  stage: 'Current stage',
  notes: 'Notes',
} as const;

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const DonorType = choice('Donor type', keysOf(DONOR_TYPES));
export const Fraction = choice('Secretome fraction', keysOf(FRACTIONS));
export const Oxygen = choice('Culture oxygen', keysOf(OXYGEN));
export const StageKind = choice('Stage', keysOf(STAGE_KINDS));
export const SourceKind = choice('Source kind', keysOf(SOURCE_KINDS));
export const ProducingCell = choice('Producing cell type', keysOf(PRODUCING_CELLS));
export const DoseUnit = choice('Dose expressed', keysOf(DOSE_UNITS));
export const RouteCategory = choice('Route category', keysOf(ROUTE_CATEGORIES));
export const TrialPhase = choice('First trial design', keysOf(TRIAL_PHASES));
export type StageKind = z.infer<typeof StageKind>;

/** The date each stage finished, for a product that joins its pathway mid-way. */
export const StageFinishes = z.partialRecord(StageKind, IsoDate);

export const PRODUCT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/;

export const ProductProfile = z.strictObject({
  name: requiredText('Name', 120),
  code: requiredText('Code', 20)
    .regex(PRODUCT_CODE_PATTERN, 'Code: 2 to 20 letters, digits or dashes, starting with a letter or digit (e.g. AFSC-S-01)'),
  sponsor: requiredText('Sponsor', 120),
  sourceCell: requiredText('Source cell', 120),
  sourceTissue: requiredText('Source tissue', 120),
  donorType: DonorType,
  fraction: Fraction,
  oxygen: Oxygen,
  passageWindow: text(40, 'Passage window'),
  serumFree: z.boolean({ error: 'Serum-free: answer true or false' }),
  indication: requiredText('Indication', 200),
  route: requiredText('Route', 80),
  doseBasis: text(120, 'Dose basis'),
  sourceKind: SourceKind,
  producingCell: ProducingCell,
  doseUnit: DoseUnit,
  routeCategory: RouteCategory,
  /** 21 CFR 312 subpart E (life-threatening or severely debilitating illness) or accelerated
   *  approval (21 CFR 601 subpart E): the end-of-phase-1 meeting is then Type B (EOP). */
  subpartE: z.boolean({ error: 'Subpart E: answer true or false' }),
  trialPhase: TrialPhase,
  indNumber: text(12, 'IND number').regex(/^(\d{5,7})?$/, 'IND number: 5 to 7 digits, or leave empty until FDA assigns one'),
  stage: StageKind,
  notes: text(4000, 'Notes'),
});
export type ProductProfile = z.infer<typeof ProductProfile>;

/** Create accepts the optional texts left out (CLI, scripts); update never fills defaults in,
 *  so a partial change cannot blank a field it did not name. */
export const ProductCreateInput = ProductProfile.extend({
  passageWindow: ProductProfile.shape.passageWindow.default(''),
  doseBasis: ProductProfile.shape.doseBasis.default(''),
  // Scripts written before these fields existed still create products: the defaults are the
  // commonest case (a cultured product dosed per kg), and the form always sends them.
  sourceKind: SourceKind.default('cell-culture'),
  producingCell: ProducingCell.default('other'),
  doseUnit: DoseUnit.default('per-kg'),
  routeCategory: RouteCategory.default('other'),
  subpartE: ProductProfile.shape.subpartE.default(false),
  trialPhase: TrialPhase.default('phase-1'),
  indNumber: ProductProfile.shape.indNumber.default(''),
  notes: ProductProfile.shape.notes.default(''),
  /** Instantiate this pathway template in the same transaction. */
  pathway: z
    .strictObject({
      templateId: requiredText('Pathway template', 80),
      startDate: IsoDate,
      calendar: choice('Calendar', ['calendar', 'working'] as const).default('calendar'),
      /**
       * A product that joins at a later stage (`stage`): the date each earlier stage finished.
       * A stage left out finished on the pathway's start date. Its milestones are recorded done.
       */
      stageFinishes: StageFinishes.default({}),
    })
    .optional(),
});

export const Product = ProductProfile.extend({
  id: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof Product>;

export const ProductsListInput = z.strictObject({ includeArchived: z.boolean().default(false) });
export const ProductRef = z.strictObject({ id: Id });
export const ProductUpdateInput = z.strictObject({
  id: Id,
  changes: ProductProfile.partial().refine((c) => Object.keys(c).length > 0, 'Change at least one field'),
  reason: Reason,
});
export const ProductArchiveInput = z.strictObject({ id: Id, reason: Reason });

/** What a new, empty form starts from. */
export const EMPTY_PROFILE: ProductProfile = {
  name: '',
  code: '',
  sponsor: '',
  sourceCell: '',
  sourceTissue: '',
  donorType: 'allogeneic',
  fraction: 'conditioned-medium',
  oxygen: 'normoxia',
  passageWindow: '',
  serumFree: true,
  indication: '',
  route: '',
  doseBasis: 'per kg body weight',
  sourceKind: 'cell-culture',
  producingCell: 'msc',
  doseUnit: 'per-kg',
  routeCategory: 'intravenous',
  subpartE: false,
  trialPhase: 'phase-1',
  indNumber: '',
  stage: 'in-vitro',
  notes: '',
};

/** The editable profile of a stored product (drops id and timestamps). */
export function toProfile(product: Product): ProductProfile {
  const profile = {} as Record<string, unknown>;
  for (const key of Object.keys(ProductProfile.shape)) profile[key] = product[key as keyof Product];
  return profile as ProductProfile;
}
