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
  indNumber: 'IND number',
  stage: 'Current stage',
  notes: 'Notes',
} as const;

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const DonorType = choice('Donor type', keysOf(DONOR_TYPES));
export const Fraction = choice('Secretome fraction', keysOf(FRACTIONS));
export const Oxygen = choice('Culture oxygen', keysOf(OXYGEN));
export const StageKind = choice('Stage', keysOf(STAGE_KINDS));
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
