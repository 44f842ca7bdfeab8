import { z } from 'zod';
import { Id, requiredText } from './common';

/** The dates planning sessions argue about, by milestone key (first key present wins). */
export const KEY_DATES = [
  { id: 'ind-submission', label: 'IND submission', keys: ['ind-submitted'] },
  { id: 'ind-in-effect', label: 'IND in effect', keys: ['ind-in-effect'] },
  { id: 'first-patient-dosed', label: 'First patient dosed', keys: ['first-patient-dosed'] },
  { id: 'phase-2-start', label: 'Phase II start', keys: ['phase-2-first-patient', 'expansion-first-patient'] },
] as const;

export const KeyDate = z.object({ id: z.string(), label: z.string(), date: z.string().nullable() });

export const Baseline = z.object({
  id: z.string(),
  productId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  isReference: z.boolean(),
  projectFinish: z.string().nullable(),
  keyDates: z.array(KeyDate),
});
export type Baseline = z.infer<typeof Baseline>;

export const BaselineComparison = z.object({
  baseline: Baseline,
  keyDates: z.array(z.object({ id: z.string(), label: z.string(), baseline: z.string().nullable(), live: z.string().nullable(), varianceDays: z.number().int().nullable() })),
  milestones: z.array(
    z.object({ milestoneId: z.string(), name: z.string(), baselineFinish: z.string().nullable(), liveFinish: z.string(), varianceDays: z.number().int().nullable() }),
  ),
});
export type BaselineComparison = z.infer<typeof BaselineComparison>;

export const BaselineCreateInput = z.strictObject({
  productId: Id,
  name: requiredText('Baseline name', 120),
  reference: z.boolean().default(false),
});
export const BaselineRef = z.strictObject({ id: Id });
export const BaselineListInput = z.strictObject({ productId: Id });
