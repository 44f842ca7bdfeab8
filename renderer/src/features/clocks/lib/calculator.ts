/**
 * The clock calculator's pure logic: reading its form from the address, the input it sends,
 * and the date arithmetic of the deadline table (on the contract's date module, so the page
 * counts days exactly as the back end does).
 */
import dayjs from 'dayjs';
import { CLOCK_EVENT_IDS, MEETING_TYPE_IDS, RECEIPT_EVENT_IDS, type ChannelInput, type ChannelOutput, type ClockEventId, type MeetingTypeId } from '../../../../../electron/contract';
import { diffDays, isoWeekday, isValidDate } from '../../../../../electron/contract/dates';

export type CalculateInput = ChannelInput<'clocks.calculate'>;
export type Catalogue = ChannelOutput<'clocks.catalogue'>;

export const DEFAULT_EVENT: ClockEventId = 'ind-received';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** By ISO weekday: 1 = Monday ... 7 = Sunday. */
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const isEvent = (value: string | null): value is ClockEventId => value !== null && (CLOCK_EVENT_IDS as readonly string[]).includes(value);
export const isMeetingType = (value: string | null): value is MeetingTypeId =>
  value !== null && (MEETING_TYPE_IDS as readonly string[]).includes(value);

/**
 * A date from the address, kept when it has the YYYY-MM-DD shape. An impossible one
 * (2026-02-31) is kept too: the back end refuses it on its field, which says what is wrong.
 */
export const isoOrNull = (value: string | null) => (value !== null && ISO_DATE.test(value) ? value : null);

/** What the date fields accept while typing: only real YYYY-MM-DD dates, so a half-typed date does not jump the results around. */
export function parseIsoDate(text: string): string | null {
  const value = text.trim();
  return isValidDate(value) ? value : null;
}

export const weekday = (iso: string) => WEEKDAYS[isoWeekday(iso) - 1]!;
export const isWeekend = (iso: string) => isoWeekday(iso) >= 6;

/** Calendar days from the event to a deadline, with a real minus sign before the deadlines counted back. */
export function daysAfter(trigger: string, date: string): string {
  const n = diffDays(trigger, date);
  return n < 0 ? `\u2212${-n}` : String(n);
}

/**
 * "Tuesday, 3 March 2026" under the date field. dayjs formats it, rolling an impossible date
 * from the address over as the date picker shows it, while the back end marks the field.
 */
export const longDate = (iso: string) => dayjs(iso).format('dddd, D MMMM YYYY');

/** Compact segment labels ("Type B-EOP") keep the control on one line; the full label shows below it. */
export const shortMeetingLabel = (id: string) => (id === 'INTERACT' ? id : `Type ${id}`);

export interface ClockForm {
  event: ClockEventId;
  date: string | null;
  meetingType: MeetingTypeId | null;
  meetingDate: string | null;
  /** Eastern time of FDA's receipt (HH:MM), for receipt events. */
  receiptTime: string | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** "16:45" or "16:45:00" (what a time input gives) as HH:MM; anything else null. */
export function receiptTimeOrNull(value: string | null): string | null {
  const hhmm = value?.slice(0, 5) ?? null;
  return hhmm !== null && TIME.test(hhmm) ? hhmm : null;
}

export const isReceiptEvent = (event: ClockEventId) => RECEIPT_EVENT_IDS.includes(event);

/** Rules that flag a date rather than set a deadline: shown highlighted above the others' reading. */
export const CALENDAR_FLAG_RULES: readonly string[] = ['receipt.next-business-day', 'calendar.meeting-not-business-day'];

/** The form as the address (#/clocks?event=…&date=…) holds it; anything unknown falls back to the defaults. */
export function readClockForm(params: URLSearchParams): ClockForm {
  const event = params.get('event');
  const meetingType = params.get('meetingType');
  return {
    event: isEvent(event) ? event : DEFAULT_EVENT,
    date: isoOrNull(params.get('date')),
    meetingType: isMeetingType(meetingType) ? meetingType : null,
    meetingDate: isoOrNull(params.get('meetingDate')),
    receiptTime: receiptTimeOrNull(params.get('receiptTime')),
  };
}

/** The request for the form, or null while it is incomplete (no date, or a meeting event without its type). */
export function calculationInput(form: ClockForm, needsMeetingType: boolean): CalculateInput | null {
  if (form.date === null || (needsMeetingType && form.meetingType === null)) return null;
  return {
    event: form.event,
    date: form.date,
    ...(needsMeetingType && form.meetingType ? { meetingType: form.meetingType } : {}),
    ...(needsMeetingType && form.meetingDate ? { meetingDate: form.meetingDate } : {}),
    ...(isReceiptEvent(form.event) && form.receiptTime ? { receiptTime: form.receiptTime } : {}),
  };
}
