/**
 * FDA regulatory clocks (REGULATORY.md section 4): from a trigger event and its date, the dates
 * and windows that follow, each with the rule's citation. Rules the reference marks as
 * unconfirmed carry `unconfirmed: true` so the UI can show them as editable, not settled.
 *
 * All offsets are calendar days; regulatory clocks do not skip weekends or holidays.
 */
import {
  CLOCK_EVENT_IDS,
  CLOCK_EVENT_LABELS,
  MEETING_TYPE_IDS,
  RECEIPT_EVENT_IDS,
  type ClockEventId,
  type MeetingTypeId,
} from '../contract/clocks';
import { addDays, addYears, compareDates, InvalidDateError, parseDate, type IsoDate } from '../contract/dates';
import {
  ANNUAL_REPORT_WINDOW_DAYS,
  DEFAULT_ANNUAL_REPORTS,
  HOLD_EXPLANATION_DAYS,
  HOLD_RESPONSE_ANSWER_DAYS,
  IND_IN_EFFECT_DAYS,
  IND_IN_EFFECT_NOTE,
  INFORMATION_AMENDMENT_INTERVAL_DAYS,
  MAX_ANNUAL_REPORTS,
  MEETING_MINUTES_DAYS,
  MEETING_TIMELINES,
  NEW_INVESTIGATOR_DAYS,
  SAFETY_FOLLOW_UP_DAYS,
  SAFETY_REPORT_FATAL_DAYS,
  SAFETY_REPORT_SERIOUS_DAYS,
  meetingRuleId,
  RULES_BY_ID,
} from './clockRules';
import { isReceiptTime, nonBusinessDayReason, receiptFlag } from './fdaCalendar';

export { CLOCK_EVENTS, CLOCK_RULES, MEETING_TIMELINES, type BriefingPackageTiming, type ClockRule, type MeetingTimeline } from './clockRules';

// The event and meeting-type vocabulary is the contract's; the domain computes from it.
export { CLOCK_EVENT_IDS, CLOCK_EVENT_LABELS, MEETING_TYPE_IDS };
export type ClockEvent = ClockEventId;
export type MeetingType = MeetingTypeId;

export interface ClockResult {
  rule: string;
  label: string;
  /** The date the clock falls due; for a window, its last day. */
  date?: IsoDate;
  window?: { from: IsoDate; to: IsoDate };
  citation: string;
  unconfirmed: boolean;
  note?: string;
}

export class ClockInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ClockInputError';
    this.field = field;
  }
}

export function isClockEvent(value: unknown): value is ClockEvent {
  return typeof value === 'string' && (CLOCK_EVENT_IDS as readonly string[]).includes(value);
}

export function isMeetingType(value: unknown): value is MeetingType {
  return typeof value === 'string' && (MEETING_TYPE_IDS as readonly string[]).includes(value);
}

export interface ClockOptions {
  /** Required for 'meeting-request-received'. */
  meetingType?: string | null;
  /** The scheduled meeting date, when known; briefing package and preliminary responses count back from it. */
  meetingDate?: IsoDate | null;
  /** How many annual report windows to list; default 3. */
  years?: number | null;
  /** Eastern time of FDA's receipt (HH:MM), when known: after 4:30 pm the receipt is flagged. */
  receiptTime?: string | null;
}

/** Events whose date is FDA's receipt of a submission (or, for ind-submitted, assumed to be). */
export const RECEIPT_EVENTS: readonly ClockEvent[] = RECEIPT_EVENT_IDS;

/**
 * The earliest meeting date that leaves room for the briefing package and FDA's preliminary
 * responses after the request: a Type B meeting on the day after its request would otherwise
 * put the package due a month before the request was sent.
 */
export function earliestMeetingDate(type: MeetingType, received: IsoDate): IsoDate {
  const timeline = MEETING_TIMELINES[type];
  const packageLead = timeline.briefingPackage.kind === 'before-meeting' ? timeline.briefingPackage.daysBefore : 0;
  return addDays(received, Math.max(packageLead, timeline.preliminaryResponsesDaysBefore ?? 0));
}

/** Why a meeting date cannot follow a request received on a date, or null when it can. */
export function meetingDateProblem(type: MeetingType, received: IsoDate, meetingDate: IsoDate): string | null {
  const timeline = MEETING_TIMELINES[type];
  if (compareDates(meetingDate, received) < 0) {
    return `the meeting date ${meetingDate} is before FDA received the request (${received})`;
  }
  const earliest = earliestMeetingDate(type, received);
  if (compareDates(meetingDate, earliest) >= 0) return null;
  const briefing = timeline.briefingPackage;
  const what =
    briefing.kind === 'before-meeting'
      ? `the ${timeline.label} briefing package is due ${briefing.daysBefore} days before the meeting (${addDays(meetingDate, -briefing.daysBefore)})`
      : `FDA's preliminary responses come ${timeline.preliminaryResponsesDaysBefore ?? 0} days before the meeting (${addDays(meetingDate, -(timeline.preliminaryResponsesDaysBefore ?? 0))})`;
  return `the meeting date ${meetingDate} is too soon after the request received on ${received}: ${what}, before the request. Choose a meeting date on or after ${earliest}`;
}

function receiptRow(date: IsoDate, time: string | null): ClockResult | null {
  const flag = receiptFlag(date, time);
  if (flag === null) return null;
  return rowFor('receipt.next-business-day', {
    label: `FDA receipt date: ${flag.reason}, so it is generally dated the next business day`,
    date: flag.nextBusinessDay,
    note: `The dates here run from ${date} as entered. If FDA's acknowledgement gives ${flag.nextBusinessDay}, recompute from that date.`,
  });
}

const dueOf = (row: ClockResult): IsoDate => row.window?.to ?? row.date ?? '9999-12-31';

/** Rows in date order (a window by its last day); rows without a date keep their order, last. */
function inDateOrder(rows: ClockResult[]): ClockResult[] {
  return rows.map((row, index) => ({ row, index })).sort((a, b) => dueOf(a.row).localeCompare(dueOf(b.row)) || a.index - b.index).map((x) => x.row);
}

function checkDate(value: unknown, field: string): IsoDate {
  try {
    parseDate(value);
  } catch (error) {
    if (error instanceof InvalidDateError) {
      throw new ClockInputError(field, `${error.message} (for example 2027-12-15)`);
    }
    throw error;
  }
  return value as IsoDate;
}

function rowFor(ruleId: string, fields: Omit<ClockResult, 'rule' | 'citation' | 'unconfirmed' | 'label'> & { label?: string }): ClockResult {
  const rule = RULES_BY_ID.get(ruleId);
  if (rule === undefined) throw new Error(`Clock rule ${ruleId} is missing from CLOCK_RULES`);
  const row: ClockResult = {
    rule: rule.id,
    label: fields.label ?? rule.label,
    citation: rule.citation,
    unconfirmed: rule.unconfirmed,
  };
  if (fields.date !== undefined) row.date = fields.date;
  if (fields.window !== undefined) row.window = fields.window;
  if (fields.note !== undefined) row.note = fields.note;
  return row;
}

function annualReports(inEffect: IsoDate, years: number): ClockResult[] {
  const rows: ClockResult[] = [];
  const isLeapDay = inEffect.endsWith('-02-29');
  for (let year = 1; year <= years; year++) {
    const anniversary = addYears(inEffect, year);
    const due = addDays(anniversary, ANNUAL_REPORT_WINDOW_DAYS);
    const row = rowFor('ind.annual-report', {
      label: `IND annual report ${year} (anniversary ${anniversary})`,
      date: due,
      window: { from: anniversary, to: due },
    });
    if (isLeapDay && !anniversary.endsWith('-02-29')) {
      row.note = 'The IND went into effect on 29 February; this anniversary is taken as 28 February.';
    }
    rows.push(row);
  }
  return rows;
}

function indInEffectRows(received: IsoDate, years: number, ruleId: string): ClockResult[] {
  const inEffect = addDays(received, IND_IN_EFFECT_DAYS);
  const estimated = ruleId === 'ind.in-effect-estimate';
  const rows = [rowFor(ruleId, { date: inEffect, note: IND_IN_EFFECT_NOTE })];
  for (const row of annualReports(inEffect, years)) {
    const caveat = estimated
      ? 'Estimated from the submission date; recompute from the in-effect date.'
      : 'Assumes the IND goes into effect on day 30; recompute from the actual in-effect date.';
    row.note = row.note === undefined ? caveat : `${row.note} ${caveat}`;
    rows.push(row);
  }
  return rows;
}

function meetingRequestRows(received: IsoDate, type: MeetingType, meetingDate: IsoDate | null): ClockResult[] {
  const timeline = MEETING_TIMELINES[type];
  const heldBy = addDays(received, timeline.meetingHeldByDays);
  const rows: ClockResult[] = [
    rowFor(meetingRuleId(type, 'reply'), { date: addDays(received, timeline.fdaReplyDays) }),
    rowFor(meetingRuleId(type, 'held-by'), { date: heldBy }),
  ];
  // Without a scheduled date the latest permitted meeting date is the only anchor; counting
  // back from it gives the latest the package could be due, so the user must recompute.
  const meetingAnchor = meetingDate ?? heldBy;
  const anchorNote =
    meetingDate === null
      ? `Counted back from the latest meeting date (${heldBy}); recompute when the meeting date is set.`
      : `Counted back from the meeting date ${meetingDate}.`;
  const briefing = timeline.briefingPackage;
  if (briefing.kind === 'with-request') {
    rows.push(
      rowFor(meetingRuleId(type, 'briefing-package'), {
        date: received,
        note: briefing.note ?? 'Due with the meeting request.',
      }),
    );
  } else {
    rows.push(
      rowFor(meetingRuleId(type, 'briefing-package'), {
        date: addDays(meetingAnchor, -briefing.daysBefore),
        note: [anchorNote, briefing.note].filter(Boolean).join(' '),
      }),
    );
  }
  const prelim = timeline.preliminaryResponsesDaysBefore;
  rows.push(
    prelim === null
      ? rowFor(meetingRuleId(type, 'preliminary-responses'), {
          note: 'No timeline for preliminary responses is confirmed for this meeting type; enter one if FDA gives it.',
        })
      : rowFor(meetingRuleId(type, 'preliminary-responses'), {
          date: addDays(meetingAnchor, -prelim),
          note: anchorNote,
        }),
  );
  if (meetingDate !== null) {
    const minutes = rowFor('meeting.minutes', { date: addDays(meetingDate, MEETING_MINUTES_DAYS) });
    minutes.note = 'Expected from the scheduled meeting date; recompute once the meeting is held.';
    rows.push(minutes);
    if (compareDates(meetingDate, heldBy) > 0) {
      rows[1]!.note = `The scheduled meeting (${meetingDate}) is later than this bound.`;
    }
    const notBusiness = nonBusinessDayReason(meetingDate);
    if (notBusiness !== null) {
      rows.push(rowFor('calendar.meeting-not-business-day', { label: `Scheduled meeting date ${meetingDate} is ${notBusiness}`, date: meetingDate, note: 'Check the date FDA gave for the meeting.' }));
    }
  }
  return rows;
}

function validValues(values: readonly string[]): string {
  return values.join(', ');
}

/**
 * The clocks that a trigger event starts. Throws ClockInputError (naming the field and listing
 * the valid values) for an unknown event or meeting type, a malformed date, a meeting date
 * before the request or too soon after it for the briefing package, or a bad `years`. Rows
 * come in date order; a receipt on a weekend, a federal holiday or after 4:30 pm Eastern adds
 * an unconfirmed row with the next business day.
 */
export function computeClocks(event: string, date: IsoDate, options: ClockOptions = {}): ClockResult[] {
  if (!isClockEvent(event)) {
    throw new ClockInputError(
      'event',
      `unknown clock event ${JSON.stringify(event)}. Valid events: ${validValues(CLOCK_EVENT_IDS)}`,
    );
  }
  const triggerDate = checkDate(date, 'date');
  const meetingType = options.meetingType ?? null;
  if (meetingType !== null && !isMeetingType(meetingType)) {
    throw new ClockInputError(
      'meetingType',
      `unknown meeting type ${JSON.stringify(meetingType)}. Valid meeting types: ${validValues(MEETING_TYPE_IDS)}`,
    );
  }
  const meetingDate = options.meetingDate == null ? null : checkDate(options.meetingDate, 'meetingDate');
  const years = options.years ?? DEFAULT_ANNUAL_REPORTS;
  if (!Number.isInteger(years) || years < 0 || years > MAX_ANNUAL_REPORTS) {
    throw new ClockInputError('years', `expected a whole number from 0 to ${MAX_ANNUAL_REPORTS}, got ${String(years)}`);
  }

  const receiptTime = options.receiptTime ?? null;
  if (receiptTime !== null && !isReceiptTime(receiptTime)) {
    throw new ClockInputError('receiptTime', `expected HH:MM on a 24-hour clock, Eastern time (e.g. 16:45), got ${JSON.stringify(receiptTime)}`);
  }
  const rows = rowsFor(event, triggerDate, meetingType, meetingDate, years);
  const receipt = RECEIPT_EVENTS.includes(event) ? receiptRow(triggerDate, receiptTime) : null;
  return inDateOrder(receipt ? [receipt, ...rows] : rows);
}

function rowsFor(event: ClockEvent, triggerDate: IsoDate, meetingType: MeetingType | null, meetingDate: IsoDate | null, years: number): ClockResult[] {
  switch (event) {
    case 'ind-submitted':
      return indInEffectRows(triggerDate, years, 'ind.in-effect-estimate');
    case 'ind-received':
      return indInEffectRows(triggerDate, years, 'ind.in-effect');
    case 'ind-in-effect':
      return annualReports(triggerDate, years);
    case 'meeting-request-received': {
      if (meetingType === null) {
        throw new ClockInputError(
          'meetingType',
          `a meeting type is required for a meeting request. Valid meeting types: ${validValues(MEETING_TYPE_IDS)}`,
        );
      }
      const problem = meetingDate === null ? null : meetingDateProblem(meetingType, triggerDate, meetingDate);
      if (problem !== null) throw new ClockInputError('meetingDate', problem);
      return meetingRequestRows(triggerDate, meetingType, meetingDate);
    }
    case 'meeting-held':
      return [rowFor('meeting.minutes', { date: addDays(triggerDate, MEETING_MINUTES_DAYS) })];
    case 'clinical-hold-imposed':
      return [rowFor('hold.written-explanation', { date: addDays(triggerDate, HOLD_EXPLANATION_DAYS) })];
    case 'complete-response-received':
      return [rowFor('hold.complete-response-answer', { date: addDays(triggerDate, HOLD_RESPONSE_ANSWER_DAYS) })];
    case 'safety-information-received':
      // Only the 7-day report runs from receipt (312.32(c)(2)); the 15-day one runs from the
      // sponsor's determination (312.32(c)(1)), which is its own event.
      return [
        rowFor('safety.fatal-or-life-threatening', { date: addDays(triggerDate, SAFETY_REPORT_FATAL_DAYS) }),
        rowFor('safety.determination-pending', {
          note: 'Record the date the sponsor determined the information qualifies; the 15-day report is due 15 calendar days after it.',
        }),
      ];
    case 'safety-determination-made':
      return [rowFor('safety.serious-unexpected', { date: addDays(triggerDate, SAFETY_REPORT_SERIOUS_DAYS) })];
    case 'safety-follow-up-received':
      return [rowFor('safety.follow-up', { date: addDays(triggerDate, SAFETY_FOLLOW_UP_DAYS) })];
    case 'new-investigator-added':
      return [
        rowFor('protocol.new-investigator', {
          date: addDays(triggerDate, NEW_INVESTIGATOR_DAYS),
          note: 'Record the trigger date used and why; users disagree on what starts this clock.',
        }),
      ];
    case 'information-amendment-submitted':
      return [
        rowFor('amendment.information-next', {
          date: addDays(triggerDate, INFORMATION_AMENDMENT_INTERVAL_DAYS),
          note: 'Where feasible only; an amendment needed sooner may still be sent.',
        }),
      ];
  }
}
