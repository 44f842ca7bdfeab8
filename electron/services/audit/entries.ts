import type { AuditQuery } from '../../../db/repositories/audit';
import { AuditEntry } from '../../contract';
import type { ServiceContext } from '../context';
import { member } from '../vocabulary';

const ACTIONS = AuditEntry.shape.action.options;

/** Audit entries in the contract's terms, newest first. */
export function listAudit(ctx: ServiceContext, query: AuditQuery): AuditEntry[] {
  return ctx.repos.audit.list(query).map((e) => ({ ...e, action: member(ACTIONS, e.action, 'audit action') }));
}
