/**
 * Which template branches join a product's pathway by themselves: those whose condition (the
 * checklist condition language) the profile meets, e.g. cell-bank milestones for a cultured
 * product. Optional branches (no condition) join only on request.
 */
import { appliesTo } from './checklist';
import type { ProfileFacts } from './checklistTemplate';
import { withBranches, type PathwayTemplate } from './pathwayTemplate';

export function automaticBranchIds(template: PathwayTemplate, profile: ProfileFacts): string[] {
  return template.branches.filter((b) => b.appliesWhen !== undefined && appliesTo(b.appliesWhen, profile)).map((b) => b.id);
}

/** The template a product follows at set-up: with the branches that apply to it. */
export function templateForProduct(template: PathwayTemplate, profile: ProfileFacts): PathwayTemplate {
  return withBranches(template, automaticBranchIds(template, profile));
}
