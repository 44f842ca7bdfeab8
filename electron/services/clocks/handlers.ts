import { randomUUID } from 'node:crypto';
import { CLOCK_EVENT_LABELS, MEETING_TYPE_IDS, type ClockEventId, type MeetingTypeId } from '../../contract';
import { meetingDateProblem } from '../../domain/clocks';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { HandlerMap } from '../handlers';
import { setActualDates } from '../pathway/progress';
import { syncDerived, writePathway } from '../pathway/writes';

/** Events that happen once per IND: recording one again is a mistake, not a second occurrence. */
const ONCE: readonly ClockEventId[] = ['ind-submitted', 'ind-received', 'ind-in-effect'];

/**
 * The pathway milestone that stands for an event being recorded: the one named, or the first
 * for that event not yet done. Null when no milestone stands for it (it is recorded on its own).
 */
function eventMilestone(ctx: ServiceContext, productId: string, event: ClockEventId, milestoneId: string | undefined) {
  const rows = ctx.repos.pathway.milestones(productId).filter((m) => m.clock_event === event);
  const label = CLOCK_EVENT_LABELS[event];
  if (milestoneId !== undefined) {
    const chosen = rows.find((m) => m.id === milestoneId);
    if (!chosen) throw new AppError('VALIDATION', `That milestone does not stand for “${label}” in this product's pathway.`, [{ path: 'milestoneId', message: `Not a “${label}” milestone` }]);
    if (chosen.actual_finish) throw new AppError('CONFLICT', `“${chosen.name}” is already done (${chosen.actual_finish}). If that date was wrong, change the milestone's actual date.`);
    return chosen;
  }
  const open = rows.find((m) => !m.actual_finish);
  if (open) return open;
  if (rows.length > 0 && ONCE.includes(event)) {
    throw new AppError('CONFLICT', `“${label}” is already recorded on ${rows[0]!.actual_finish} (milestone “${rows[0]!.name}”). If that date was wrong, change the milestone's actual date.`);
  }
  return null;
}

/** The same refusal as the calculator's: a meeting date before the request, or too soon for its briefing package. */
function assertMeetingDate(type: MeetingTypeId, received: string, meetingDate: string | null | undefined) {
  if (!meetingDate) return;
  const problem = meetingDateProblem(type, received, meetingDate);
  if (problem) {
    const message = problem.charAt(0).toUpperCase() + problem.slice(1);
    throw new AppError('VALIDATION', `${message}.`, [{ path: 'meetingDate', message }]);
  }
}

const meetingTypeOf = (stored: string | null | undefined): MeetingTypeId =>
  (MEETING_TYPE_IDS as readonly string[]).includes(stored ?? '') ? (stored as MeetingTypeId) : 'B';

function requireTrigger(ctx: ServiceContext, id: string) {
  const trigger = ctx.repos.pathway.trigger(id);
  if (!trigger) throw notFound('clock trigger', id);
  return trigger;
}

/** Recorded clock triggers: part of a product's pathway, so each write answers with its view. */
export const clockHandlers: HandlerMap<'clocks.record' | 'clocks.override' | 'clocks.remove'> = {
  'clocks.record': ({ productId, event, date, meetingType, meetingDate, label, milestoneId, reason }, ctx) =>
    writePathway(ctx, () => productId, (_, audit) => {
      // One event, one fact: where a milestone stands for the event, recording it is setting that
      // milestone's actual date, exactly as the pathway tab does; the trigger follows from it.
      const milestone = eventMilestone(ctx, productId, event, milestoneId);
      assertMeetingDate(meetingType ?? meetingTypeOf(milestone?.meeting_type), date, meetingDate);
      if (milestone) {
        if (meetingType && meetingType !== milestone.meeting_type) {
          ctx.repos.pathway.setMeetingType(milestone.id, meetingType, ctx.now());
          audit({ entity: 'milestone', entityId: milestone.id, productId, action: 'update', field: 'meetingType', oldValue: milestone.meeting_type, newValue: meetingType, reason: reason ?? null });
        }
        setActualDates(ctx, { ...milestone, meeting_type: meetingType ?? milestone.meeting_type }, { actualStart: milestone.actual_start ?? (milestone.duration_days === 0 ? date : undefined), actualFinish: date }, reason ?? null, audit);
        if (meetingDate) {
          syncDerived(ctx, productId, audit);
          const trigger = ctx.repos.pathway.triggerOfMilestone(milestone.id)!;
          ctx.repos.pathway.updateTrigger({ id: trigger.id, date: trigger.date, original_date: trigger.original_date, meeting_date: meetingDate, reason: trigger.reason }, ctx.now());
          audit({ entity: 'clock_trigger', entityId: trigger.id, productId, action: 'update', field: 'meetingDate', oldValue: trigger.meeting_date, newValue: meetingDate, reason: reason ?? null });
        }
        return;
      }
      const id = randomUUID();
      ctx.repos.pathway.insertTrigger(
        { id, product_id: productId, event, date, original_date: null, meeting_type: meetingType ?? null, meeting_date: meetingDate ?? null, label: label ?? '', reason: reason ?? null, milestone_id: null },
        ctx.now(),
      );
      audit({ entity: 'clock_trigger', entityId: id, productId, action: 'create', field: event, newValue: date, reason: reason ?? null });
      audit.summarise(`Recorded “${CLOCK_EVENT_LABELS[event]}” on ${date}`);
    }),

  'clocks.override': ({ triggerId, date, meetingDate, reason }, ctx) =>
    writePathway(ctx, () => requireTrigger(ctx, triggerId), (before, audit) => {
      const nextMeeting = meetingDate === undefined ? before.meeting_date : meetingDate;
      if (before.event === 'meeting-request-received') assertMeetingDate(meetingTypeOf(before.meeting_type), date, nextMeeting);
      ctx.repos.pathway.updateTrigger({ id: triggerId, date, original_date: before.original_date ?? before.date, meeting_date: nextMeeting, reason }, ctx.now());
      audit({ entity: 'clock_trigger', entityId: triggerId, productId: before.product_id, action: 'update', field: 'date', oldValue: before.date, newValue: date, reason });
      audit.summarise(`Clock dates of “${CLOCK_EVENT_LABELS[before.event as ClockEventId] ?? before.event}” overridden: ${reason}`);
      if (nextMeeting !== before.meeting_date) {
        audit({ entity: 'clock_trigger', entityId: triggerId, productId: before.product_id, action: 'update', field: 'meetingDate', oldValue: before.meeting_date, newValue: nextMeeting, reason });
      }
    }),

  'clocks.remove': ({ triggerId, reason }, ctx) =>
    writePathway(ctx, () => requireTrigger(ctx, triggerId), (before, audit) => {
      if (before.milestone_id && before.original_date === null) {
        throw new AppError('CONFLICT', 'This trigger follows a milestone’s actual date. Clear that date on the milestone instead.');
      }
      ctx.repos.pathway.deleteTrigger(triggerId);
      audit({ entity: 'clock_trigger', entityId: triggerId, productId: before.product_id, action: 'delete', field: before.event, oldValue: before.date, reason: reason ?? null });
    }),
};
