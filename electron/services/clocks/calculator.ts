import { CLOCK_EVENT_IDS, EVENTS_NEEDING_MEETING_TYPE, MEETING_TYPE_IDS, MEETING_TYPE_LABELS } from '../../contract';
import { CLOCK_EVENT_LABELS, CLOCK_RULES, ClockInputError, computeClocks } from '../../domain/clocks';
import { AppError } from '../errors';
import type { HandlerMap } from '../handlers';

/** The rule catalogue does not change at run time: build the answer once. */
const CATALOGUE = {
  events: CLOCK_EVENT_IDS.map((id) => ({ id, label: CLOCK_EVENT_LABELS[id], needsMeetingType: EVENTS_NEEDING_MEETING_TYPE.includes(id) })),
  meetingTypes: MEETING_TYPE_IDS.map((id) => ({ id, label: MEETING_TYPE_LABELS[id] })),
  rules: CLOCK_RULES.map(({ id, label, trigger, citation, unconfirmed, description }) => ({ id, label, trigger, citation, unconfirmed, description })),
};

/** Pure channels: they compute from the clock rules and never touch the data file. */
export const clockCalculatorHandlers: HandlerMap<'clocks.calculate' | 'clocks.catalogue'> = {
  'clocks.calculate': ({ event, date, meetingType, meetingDate, receiptTime, years }) => {
    try {
      return computeClocks(event, date, { meetingType, meetingDate, receiptTime, years });
    } catch (error) {
      if (error instanceof ClockInputError) {
        // The domain prefixes its message with the field; the issue carries the field as its path.
        const prefix = `${error.field}: `;
        const bare = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
        const message = bare.charAt(0).toUpperCase() + bare.slice(1);
        throw new AppError('VALIDATION', `Please correct the input. ${error.message}`, [{ path: error.field, message }]);
      }
      throw error;
    }
  },
  'clocks.catalogue': () => CATALOGUE,
};
