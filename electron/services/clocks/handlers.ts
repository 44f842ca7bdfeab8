import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { HandlerMap } from '../handlers';
import { writePathway } from '../pathway/writes';

function requireTrigger(ctx: ServiceContext, id: string) {
  const trigger = ctx.repos.pathway.trigger(id);
  if (!trigger) throw notFound('clock trigger', id);
  return trigger;
}

/** Recorded clock triggers: part of a product's pathway, so each write answers with its view. */
export const clockHandlers: HandlerMap<'clocks.record' | 'clocks.override' | 'clocks.remove'> = {
  'clocks.record': ({ productId, event, date, meetingType, meetingDate, label, reason }, ctx) =>
    writePathway(ctx, () => productId, (_, audit) => {
      if (meetingDate && meetingDate < date) {
        throw new AppError('VALIDATION', 'The meeting date cannot be before the date FDA received the request.', [{ path: 'meetingDate', message: 'Before the request date' }]);
      }
      const id = randomUUID();
      ctx.repos.pathway.insertTrigger(
        { id, product_id: productId, event, date, original_date: null, meeting_type: meetingType ?? null, meeting_date: meetingDate ?? null, label: label ?? '', reason: reason ?? null, milestone_id: null },
        ctx.now(),
      );
      audit({ entity: 'clock_trigger', entityId: id, productId, action: 'create', field: event, newValue: date, reason: reason ?? null });
    }),

  'clocks.override': ({ triggerId, date, meetingDate, reason }, ctx) =>
    writePathway(ctx, () => requireTrigger(ctx, triggerId), (before, audit) => {
      const nextMeeting = meetingDate === undefined ? before.meeting_date : meetingDate;
      ctx.repos.pathway.updateTrigger({ id: triggerId, date, original_date: before.original_date ?? before.date, meeting_date: nextMeeting, reason }, ctx.now());
      audit({ entity: 'clock_trigger', entityId: triggerId, productId: before.product_id, action: 'update', field: 'date', oldValue: before.date, newValue: date, reason });
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
