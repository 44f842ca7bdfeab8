import { z } from 'zod';
import { Id, Reason, requiredText } from './common';
import { StageKind } from './product';

/** A pathway branch of the product's template: added automatically (it applies to the profile) or on request. */
export const PathwayBranch = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  stage: StageKind,
  /** True when the branch joins the pathway by itself for products it applies to (e.g. cell banks). */
  automatic: z.boolean(),
  /** True when its condition holds for the product's profile (always true for an optional branch). */
  applies: z.boolean(),
  /** True when its milestones are already in the product's pathway. */
  added: z.boolean(),
});
export type PathwayBranch = z.infer<typeof PathwayBranch>;

export const PathwayBranchesInput = z.strictObject({ productId: Id });
export const PathwayAddBranchInput = z.strictObject({ productId: Id, branchId: requiredText('Branch', 80), reason: Reason });
