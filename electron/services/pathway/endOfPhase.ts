import { endOfPhase1MeetingType, adaptEndOfPhaseMeetings } from '../../domain/endOfPhaseMeeting';
import type { Audit, ServiceContext } from '../context';
import { PATHWAY_TEMPLATES } from './templates';

/**
 * After "subpart E / accelerated approval" changes on a product with a pathway, its
 * end-of-phase-1 meeting follows: the type of the meeting milestones not yet done, and the lags
 * and descriptions the template gave them, where the user has not changed them since. Returns
 * true when anything changed.
 */
export function followSubpartE(ctx: ServiceContext, productId: string, subpartE: boolean, audit: Audit): boolean {
  const templateId = ctx.repos.pathway.settings(productId)?.pathway_template_id ?? null;
  const template = PATHWAY_TEMPLATES.find((t) => t.id === templateId) ?? null;
  if (!template) return false;
  const before = adaptEndOfPhaseMeetings(template, !subpartE).stages.flatMap((s) => s.milestones);
  const after = adaptEndOfPhaseMeetings(template, subpartE).stages.flatMap((s) => s.milestones);
  const { pathway } = ctx.repos;
  const rows = pathway.milestones(productId);
  const byKey = new Map(rows.filter((m) => m.key !== null).map((m) => [m.key!, m]));
  const deps = pathway.dependencies(productId);
  const now = ctx.now();
  const reason = endOfPhase1MeetingType(subpartE).reason;
  let changed = false;
  after.forEach((next, i) => {
    const old = before[i]!;
    const row = byKey.get(next.key);
    if (!row || row.actual_finish) return;
    if (next.meetingType !== old.meetingType && row.meeting_type === (old.meetingType ?? null) && next.meetingType) {
      pathway.setMeetingType(row.id, next.meetingType, now);
      audit({ entity: 'milestone', entityId: row.id, productId, action: 'update', field: 'meetingType', oldValue: row.meeting_type, newValue: next.meetingType, reason });
      changed = true;
    }
    if (next.description !== old.description && row.description === (old.description ?? '')) {
      pathway.updateMilestone(row.id, { description: next.description ?? '' }, now);
      audit({ entity: 'milestone', entityId: row.id, productId, action: 'update', field: 'description', oldValue: row.description, newValue: next.description ?? '', reason });
      changed = true;
    }
    next.dependsOn.forEach((d, j) => {
      const was = old.dependsOn[j];
      const pred = byKey.get(d.key);
      if (!was || was.lagDays === d.lagDays || !pred) return;
      const dep = deps.find((x) => x.predecessor_id === pred.id && x.successor_id === row.id);
      if (!dep || dep.lag_days !== was.lagDays) return; // the user set this lag: theirs stands
      pathway.updateDependency(pred.id, row.id, d.lagDays);
      audit({ entity: 'dependency', entityId: `${pred.id}>${row.id}`, productId, action: 'update', field: 'lagDays', oldValue: String(was.lagDays), newValue: String(d.lagDays), reason });
      changed = true;
    });
  });
  return changed;
}
