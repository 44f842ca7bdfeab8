import { z } from 'zod';
import { Id, IsoDate } from './common';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  productId: z.string().nullable(),
  action: z.enum(['create', 'update', 'delete', 'archive', 'restore']),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

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
