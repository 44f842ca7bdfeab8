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
  type ClockEventId,
  type MeetingTypeId,
} from '../contract/clocks';
import { addDays, addYears, compareDates, InvalidDateError, parseDate, type IsoDate } from '../contract/dates';

// The event and meeting-type vocabulary is the contract's; the domain computes from it.
export { CLOCK_EVENT_IDS, CLOCK_EVENT_LABELS, MEETING_TYPE_IDS };
export type ClockEvent = ClockEventId;
export type MeetingType = MeetingTypeId;

/** The trigger events with their labels, in display order. */
export const CLOCK_EVENTS: ReadonlyArray<{ id: ClockEvent; label: string }> = CLOCK_EVENT_IDS.map((id) => ({
  id,
  label: CLOCK_EVENT_LABELS[id],
}));

const FORMAL_MEETINGS_GUIDANCE =
  'FDA guidance: Formal Meetings Between the FDA and Sponsors or Applicants of PDUFA Products (revised draft, September 2023); timelines as summarised on CBER OTP pages and by TOPRA';
const INTERACT_SOURCE =
  'CBER OTP: INTERACT meetings (INitial Targeted Engagement for Regulatory Advice on CBER producTs); timelines as summarised on CBER OTP pages and by TOPRA';

/** When the briefing (meeting) package is due. */
export type BriefingPackageTiming =
  | { kind: 'with-request'; note?: string }
  | { kind: 'before-meeting'; daysBefore: number; unconfirmed: boolean; note?: string };

export interface MeetingTimeline {
  type: MeetingType;
  label: string;
  /** Days from FDA's receipt of the request to FDA's reply (for INTERACT: the grant decision). */
  fdaReplyDays: number;
  replyLabel: string;
  /** Days from FDA's receipt of the request by which the meeting is held. */
  meetingHeldByDays: number;
  briefingPackage: BriefingPackageTiming;
  /** Days before the meeting that FDA sends preliminary responses; null when not confirmed. */
  preliminaryResponsesDaysBefore: number | null;
  preliminaryResponsesUnconfirmed: boolean;
  citation: string;
}

/** REGULATORY.md section 4, formal meetings table. */
export const MEETING_TIMELINES: Readonly<Record<MeetingType, MeetingTimeline>> = {
  A: {
    type: 'A',
    label: 'Type A',
    fdaReplyDays: 14,
    replyLabel: 'FDA replies to the Type A meeting request',
    meetingHeldByDays: 30,
    briefingPackage: { kind: 'with-request' },
    preliminaryResponsesDaysBefore: 2,
    preliminaryResponsesUnconfirmed: false,
    citation: FORMAL_MEETINGS_GUIDANCE,
  },
  B: {
    type: 'B',
    label: 'Type B (including pre-IND)',
    fdaReplyDays: 21,
    replyLabel: 'FDA replies to the Type B meeting request',
    meetingHeldByDays: 60,
    briefingPackage: { kind: 'before-meeting', daysBefore: 30, unconfirmed: false },
    preliminaryResponsesDaysBefore: 2,
    preliminaryResponsesUnconfirmed: false,
    citation: FORMAL_MEETINGS_GUIDANCE,
  },
  'B-EOP': {
    type: 'B-EOP',
    label: 'Type B (end of phase)',
    fdaReplyDays: 14,
    replyLabel: 'FDA replies to the Type B (end of phase) meeting request',
    meetingHeldByDays: 70,
    briefingPackage: { kind: 'before-meeting', daysBefore: 50, unconfirmed: false },
    preliminaryResponsesDaysBefore: 5,
    preliminaryResponsesUnconfirmed: false,
    citation: FORMAL_MEETINGS_GUIDANCE,
  },
  C: {
    type: 'C',
    label: 'Type C',
    fdaReplyDays: 21,
    replyLabel: 'FDA replies to the Type C meeting request',
    meetingHeldByDays: 75,
    briefingPackage: {
      kind: 'before-meeting',
      daysBefore: 47,
      unconfirmed: true,
      note: 'The 47-day lead is unconfirmed under the 2023 draft guidance; check the current guidance.',
    },
    preliminaryResponsesDaysBefore: 5,
    preliminaryResponsesUnconfirmed: false,
    citation: FORMAL_MEETINGS_GUIDANCE,
  },
  D: {
    type: 'D',
    label: 'Type D',
    fdaReplyDays: 14,
    replyLabel: 'FDA replies to the Type D meeting request',
    meetingHeldByDays: 50,
    briefingPackage: { kind: 'with-request' },
    preliminaryResponsesDaysBefore: 5,
    preliminaryResponsesUnconfirmed: false,
    citation: FORMAL_MEETINGS_GUIDANCE,
  },
  INTERACT: {
    type: 'INTERACT',
    label: 'INTERACT (OTP)',
    fdaReplyDays: 21,
    replyLabel: 'FDA decides whether to grant the INTERACT meeting',
    meetingHeldByDays: 75,
    briefingPackage: { kind: 'with-request', note: 'Due with the request, at most 50 pages.' },
    preliminaryResponsesDaysBefore: null,
    preliminaryResponsesUnconfirmed: true,
    citation: INTERACT_SOURCE,
  },
};

export interface ClockRule {
  /** Stable id, e.g. 'ind.in-effect' or 'meeting.b.briefing-package'. */
  id: string;
  label: string;
  trigger: ClockEvent;
  citation: string;
  unconfirmed: boolean;
  description: string;
}

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

const IND_IN_EFFECT_DAYS = 30;
const ANNUAL_REPORT_WINDOW_DAYS = 60;
const SAFETY_REPORT_FATAL_DAYS = 7;
const SAFETY_REPORT_SERIOUS_DAYS = 15;
const SAFETY_FOLLOW_UP_DAYS = 15;
const HOLD_EXPLANATION_DAYS = 30;
const HOLD_RESPONSE_ANSWER_DAYS = 30;
const NEW_INVESTIGATOR_DAYS = 30;
const INFORMATION_AMENDMENT_INTERVAL_DAYS = 30;
const MEETING_MINUTES_DAYS = 30;
const DEFAULT_ANNUAL_REPORTS = 3;
const MAX_ANNUAL_REPORTS = 50;

const IND_IN_EFFECT_NOTE =
  'Unless FDA imposes a clinical hold first, or earlier if FDA says the studies may begin. No clinical investigation may start before the IND is in effect.';

function meetingRuleId(type: MeetingType, part: string): string {
  return `meeting.${type.toLowerCase()}.${part}`;
}

function meetingRules(timeline: MeetingTimeline): ClockRule[] {
  const { type, label, citation } = timeline;
  const briefing = timeline.briefingPackage;
  const prelim = timeline.preliminaryResponsesDaysBefore;
  return [
    {
      id: meetingRuleId(type, 'reply'),
      label: timeline.replyLabel,
      trigger: 'meeting-request-received',
      citation,
      unconfirmed: false,
      description: `${timeline.fdaReplyDays} days after FDA receives the ${label} meeting request.`,
    },
    {
      id: meetingRuleId(type, 'held-by'),
      label: `${label} meeting held by`,
      trigger: 'meeting-request-received',
      citation,
      unconfirmed: false,
      description: `Within ${timeline.meetingHeldByDays} days after FDA receives the request.`,
    },
    {
      id: meetingRuleId(type, 'briefing-package'),
      label: `${label} briefing package due`,
      trigger: 'meeting-request-received',
      citation,
      unconfirmed: briefing.kind === 'before-meeting' && briefing.unconfirmed,
      description:
        briefing.kind === 'with-request'
          ? `Submitted with the meeting request.${briefing.note ? ` ${briefing.note}` : ''}`
          : `${briefing.daysBefore} days before the meeting.${briefing.note ? ` ${briefing.note}` : ''}`,
    },
    {
      id: meetingRuleId(type, 'preliminary-responses'),
      label: `FDA preliminary responses (${label})`,
      trigger: 'meeting-request-received',
      citation,
      unconfirmed: timeline.preliminaryResponsesUnconfirmed,
      description:
        prelim === null
          ? 'No timeline for preliminary responses is confirmed for this meeting type.'
          : `${prelim} days before the meeting.`,
    },
  ];
}

/** Every rule the app applies, for display; `computeClocks` returns rows with these ids. */
export const CLOCK_RULES: readonly ClockRule[] = [
  {
    id: 'ind.in-effect',
    label: 'IND goes into effect',
    trigger: 'ind-received',
    citation: '21 CFR 312.40(b)',
    unconfirmed: false,
    description: `${IND_IN_EFFECT_DAYS} days after FDA receives the IND. ${IND_IN_EFFECT_NOTE}`,
  },
  {
    id: 'ind.in-effect-estimate',
    label: 'IND goes into effect (estimated from the submission date)',
    trigger: 'ind-submitted',
    citation: '21 CFR 312.40(b)',
    unconfirmed: false,
    description:
      'The 30 days run from FDA\u2019s receipt, not from submission; this estimate assumes receipt on the day of submission. Record "FDA receives the IND" once FDA acknowledges receipt.',
  },
  {
    id: 'ind.annual-report',
    label: 'IND annual report',
    trigger: 'ind-in-effect',
    citation: '21 CFR 312.33',
    unconfirmed: false,
    description:
      'Within 60 days of each anniversary of the date the IND went into effect; a DSUR may be submitted instead. A 29 February anniversary falls on 28 February in non-leap years.',
  },
  {
    id: 'safety.fatal-or-life-threatening',
    label: 'IND safety report: unexpected fatal or life-threatening suspected adverse reaction',
    trigger: 'safety-information-received',
    citation: '21 CFR 312.32',
    unconfirmed: false,
    description: `No later than ${SAFETY_REPORT_FATAL_DAYS} days after the sponsor first receives the information.`,
  },
  {
    id: 'safety.serious-unexpected',
    label: 'IND safety report: serious and unexpected suspected adverse reaction',
    trigger: 'safety-information-received',
    citation: '21 CFR 312.32',
    unconfirmed: false,
    description: `No later than ${SAFETY_REPORT_SERIOUS_DAYS} days after the sponsor first receives the information (Form FDA 3500A or a narrative).`,
  },
  {
    id: 'safety.follow-up',
    label: 'Follow-up IND safety report',
    trigger: 'safety-follow-up-received',
    citation: '21 CFR 312.32',
    unconfirmed: false,
    description: `Within ${SAFETY_FOLLOW_UP_DAYS} days after the sponsor receives the follow-up information.`,
  },
  {
    id: 'hold.written-explanation',
    label: 'FDA written explanation of the clinical hold',
    trigger: 'clinical-hold-imposed',
    citation: '21 CFR 312.42',
    unconfirmed: false,
    description: `FDA sends the written basis for the hold within ${HOLD_EXPLANATION_DAYS} days of imposing it. Studies resume only when FDA says so.`,
  },
  {
    id: 'hold.complete-response-answer',
    label: 'FDA answers the complete response to the clinical hold',
    trigger: 'complete-response-received',
    citation: '21 CFR 312.42',
    unconfirmed: false,
    description: `FDA replies in writing within ${HOLD_RESPONSE_ANSWER_DAYS} days of receiving the sponsor\u2019s complete response. Studies resume only when FDA says so.`,
  },
  {
    id: 'protocol.new-investigator',
    label: 'Protocol amendment: notify FDA of the new investigator',
    trigger: 'new-investigator-added',
    citation: '21 CFR 312.30',
    unconfirmed: false,
    description: `Within ${NEW_INVESTIGATOR_DAYS} days of adding the investigator. Users disagree on what starts this clock; record the trigger date used and why.`,
  },
  {
    id: 'amendment.information-next',
    label: 'Next information amendment (where feasible, not before)',
    trigger: 'information-amendment-submitted',
    citation: '21 CFR 312.31',
    unconfirmed: false,
    description: `Information amendments are sent as needed, where feasible no more often than every ${INFORMATION_AMENDMENT_INTERVAL_DAYS} days.`,
  },
  {
    id: 'meeting.minutes',
    label: 'FDA issues the meeting minutes',
    trigger: 'meeting-held',
    citation: FORMAL_MEETINGS_GUIDANCE,
    unconfirmed: false,
    description: `Within ${MEETING_MINUTES_DAYS} days after the meeting.`,
  },
  ...MEETING_TYPE_IDS.flatMap((type) => meetingRules(MEETING_TIMELINES[type])),
];

const RULES_BY_ID: ReadonlyMap<string, ClockRule> = new Map(CLOCK_RULES.map((rule) => [rule.id, rule]));

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
  }
  return rows;
}

function validValues(values: readonly string[]): string {
  return values.join(', ');
}

/**
 * The clocks that a trigger event starts. Throws ClockInputError (naming the field and listing
 * the valid values) for an unknown event or meeting type, a malformed date, a meeting date
 * before the request, or a bad `years`.
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
      if (meetingDate !== null && compareDates(meetingDate, triggerDate) < 0) {
        throw new ClockInputError(
          'meetingDate',
          `the meeting date ${meetingDate} is before FDA received the request (${triggerDate})`,
        );
      }
      return meetingRequestRows(triggerDate, meetingType, meetingDate);
    }
    case 'meeting-held':
      return [rowFor('meeting.minutes', { date: addDays(triggerDate, MEETING_MINUTES_DAYS) })];
    case 'clinical-hold-imposed':
      return [rowFor('hold.written-explanation', { date: addDays(triggerDate, HOLD_EXPLANATION_DAYS) })];
    case 'complete-response-received':
      return [rowFor('hold.complete-response-answer', { date: addDays(triggerDate, HOLD_RESPONSE_ANSWER_DAYS) })];
    case 'safety-information-received':
      return [
        rowFor('safety.fatal-or-life-threatening', { date: addDays(triggerDate, SAFETY_REPORT_FATAL_DAYS) }),
        rowFor('safety.serious-unexpected', { date: addDays(triggerDate, SAFETY_REPORT_SERIOUS_DAYS) }),
      ];
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
