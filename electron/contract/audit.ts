import { z } from 'zod';
import { Id, IsoDate } from './common';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'archive', 'restore'] as const;

/**
 * One stored change. The machine-readable fields are as written (append-only); `productCode`,
 * `record` and `change` are the same change in words, derived when read, so old entries read
 * the same way as new ones and every front door (UI, CLI, Word) says the same thing.
 */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  productId: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
  /** The change set this entry belongs to, if it was part of a larger change. */
  changeSetId: z.number().int().nullable(),
  productCode: z.string().nullable(),
  /** The record in words, e.g. "Milestone 'GLP toxicology in-life'". */
  record: z.string(),
  /** What happened to it, e.g. "duration 120 → 210 days". */
  change: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A change made of many entries, shown as one with its summary; the members stay inspectable. */
export const AuditChangeSet = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  productId: z.string().nullable(),
  productCode: z.string().nullable(),
  summary: z.string(),
  reason: z.string().nullable(),
  members: z.array(AuditEntry),
});
export type AuditChangeSet = z.infer<typeof AuditChangeSet>;

/** What the trail lists: single entries, and change sets in their place. */
export const AuditItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), entry: AuditEntry }),
  z.object({ kind: z.literal('change-set'), changeSet: AuditChangeSet }),
]);
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditListInput = z
  .strictObject({
    productId: Id.optional(),
    actor: z.string().trim().max(200).optional(),
    entity: z.string().trim().max(60).optional(),
    field: z.string().trim().max(60).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The start date must be on or before the end date', path: ['to'] });

/** What the audit view can filter on: the actors, entities and fields present in the trail. */
export const AuditFacets = z.object({ actors: z.array(z.string()), entities: z.array(z.string()), fields: z.array(z.string()) });

/** Every entry of a list of items, change-set members included, in the order listed. */
export function auditEntriesOf(items: readonly AuditItem[]): AuditEntry[] {
  return items.flatMap((item) => (item.kind === 'entry' ? [item.entry] : item.changeSet.members));
}
