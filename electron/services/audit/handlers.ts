import type { HandlerMap } from '../handlers';
import { listAudit } from './entries';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.facets'> = {
  'audit.list': (query, ctx) => listAudit(ctx, query),
  'audit.facets': ({ productId }, ctx) => ctx.repos.audit.facets(productId ?? null),
};
