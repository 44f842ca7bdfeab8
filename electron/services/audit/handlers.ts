import type { HandlerMap } from '../handlers';
import { listAuditItems } from './entries';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.facets'> = {
  'audit.list': (query, ctx) => listAuditItems(ctx, query),
  'audit.facets': ({ productId }, ctx) => ctx.repos.audit.facets(productId ?? null),
};
