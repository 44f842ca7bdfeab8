/**
 * The FDA clock rules as data (REGULATORY.md section 4): trigger events, meeting timelines by
 * type, the day counts, and every rule with its citation and whether the reference marks it
 * unconfirmed. clocks.ts computes dates from these.
 */
import { CLOCK_EVENT_IDS, CLOCK_EVENT_LABELS, MEETING_TYPE_IDS, type ClockEventId, type MeetingTypeId } from '../contract/clocks';
import { RECEIPT_DATE_SOURCE } from './fdaCalendar';

type ClockEvent = ClockEventId;
type MeetingType = MeetingTypeId;

/** The trigger events with their labels, in display order. */
export const CLOCK_EVENTS: ReadonlyArray<{ id: ClockEvent; label: string }> = CLOCK_EVENT_IDS.map((id) => ({
  id,
  label: CLOCK_EVENT_LABELS[id],
}));

export const FORMAL_MEETINGS_GUIDANCE =
  'FDA guidance: Formal Meetings Between the FDA and Sponsors or Applicants of PDUFA Products (revised draft, September 2023); timelines as summarised on CBER OTP pages and by TOPRA';
export const INTERACT_SOURCE =
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


export const IND_IN_EFFECT_DAYS = 30;
export const ANNUAL_REPORT_WINDOW_DAYS = 60;
export const SAFETY_REPORT_FATAL_DAYS = 7;
export const SAFETY_REPORT_SERIOUS_DAYS = 15;
export const SAFETY_FOLLOW_UP_DAYS = 15;
export const HOLD_EXPLANATION_DAYS = 30;
export const HOLD_RESPONSE_ANSWER_DAYS = 30;
export const NEW_INVESTIGATOR_DAYS = 30;
export const INFORMATION_AMENDMENT_INTERVAL_DAYS = 30;
export const MEETING_MINUTES_DAYS = 30;
export const DEFAULT_ANNUAL_REPORTS = 3;
export const MAX_ANNUAL_REPORTS = 50;

export const IND_IN_EFFECT_NOTE =
  'Unless FDA imposes a clinical hold first, or earlier if FDA says the studies may begin. No clinical investigation may start before the IND is in effect.';

export function meetingRuleId(type: MeetingType, part: string): string {
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
      label: `${label}: FDA preliminary responses`,
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
    citation: '21 CFR 312.32(c)(2)',
    unconfirmed: false,
    description: `As soon as possible and no later than ${SAFETY_REPORT_FATAL_DAYS} calendar days after the sponsor\u2019s initial receipt of the information. This clock runs from receipt, not from the sponsor\u2019s determination.`,
  },
  {
    id: 'safety.determination-pending',
    label: 'Sponsor decides whether the information qualifies for a 15-day IND safety report',
    trigger: 'safety-information-received',
    citation: '21 CFR 312.32(b), (c)(1)',
    unconfirmed: false,
    description:
      'The sponsor must review the information promptly (312.32(b)). The 15-day clock of 312.32(c)(1) runs from the sponsor\u2019s determination that the information qualifies, not from receipt: record "Sponsor determines the information qualifies" to compute it.',
  },
  {
    id: 'safety.serious-unexpected',
    label: 'IND safety report (15-day): serious and unexpected suspected adverse reaction or other qualifying finding',
    trigger: 'safety-determination-made',
    citation: '21 CFR 312.32(c)(1)(i)\u2013(iv)',
    unconfirmed: false,
    description: `As soon as possible and no later than ${SAFETY_REPORT_SERIOUS_DAYS} calendar days after the sponsor determines that the information qualifies: a serious and unexpected suspected adverse reaction ((c)(1)(i)), findings from other studies ((c)(1)(ii)), findings from animal or in vitro testing ((c)(1)(iii)) or an increased rate of serious suspected adverse reactions ((c)(1)(iv)) (Form FDA 3500A or a narrative).`,
  },
  {
    id: 'safety.follow-up',
    label: 'Follow-up IND safety report',
    trigger: 'safety-follow-up-received',
    citation: '21 CFR 312.32(d)(2)',
    unconfirmed: false,
    description: `Relevant follow-up information is submitted as a follow-up IND safety report without delay, and no later than ${SAFETY_FOLLOW_UP_DAYS} calendar days after the sponsor receives it.`,
  },
  {
    id: 'hold.written-explanation',
    label: 'FDA written explanation of the clinical hold',
    trigger: 'clinical-hold-imposed',
    citation: '21 CFR 312.42(d)',
    unconfirmed: false,
    description: `FDA sends the written explanation of the basis for the hold as soon as possible and no more than ${HOLD_EXPLANATION_DAYS} days after imposing it. Studies resume only when FDA says so.`,
  },
  {
    id: 'hold.complete-response-answer',
    label: 'FDA answers the complete response to the clinical hold',
    trigger: 'complete-response-received',
    citation: '21 CFR 312.42(e)',
    unconfirmed: false,
    description: `FDA replies in writing within ${HOLD_RESPONSE_ANSWER_DAYS} calendar days of receiving the sponsor\u2019s complete response. Studies resume only when FDA says so.`,
  },
  {
    id: 'protocol.new-investigator',
    label: 'Protocol amendment: notify FDA of the new investigator',
    trigger: 'new-investigator-added',
    citation: '21 CFR 312.30(c)',
    unconfirmed: false,
    description: `Within ${NEW_INVESTIGATOR_DAYS} days of the investigator being added to a previously submitted protocol (the investigator may start once added). Record the date the investigator was added.`,
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
  {
    id: 'receipt.next-business-day',
    label: 'FDA receipt date: generally the next business day',
    trigger: 'ind-received',
    citation: RECEIPT_DATE_SOURCE,
    unconfirmed: true,
    description:
      'An electronic submission (IND, meeting request, complete response) that arrives on a weekend, a US federal holiday or after 4:30 pm Eastern time is generally given the next business day as its receipt date. Calendar-day clocks then run from that date. Unconfirmed until checked against FDA\u2019s acknowledgement.',
  },
  {
    id: 'calendar.meeting-not-business-day',
    label: 'Scheduled meeting date is not an FDA business day',
    trigger: 'meeting-request-received',
    citation: '5 U.S.C. 6103; ' + FORMAL_MEETINGS_GUIDANCE,
    unconfirmed: false,
    description: 'FDA holds meetings on business days; a meeting on a weekend or federal holiday is almost certainly a wrong date.',
  },
];

export const RULES_BY_ID: ReadonlyMap<string, ClockRule> = new Map(CLOCK_RULES.map((rule) => [rule.id, rule]));
