import { z } from 'zod';
import { choice, Id, IsoDate, Reason, requiredText, text } from './common';

/** The API vocabulary of clock trigger events; electron/domain/clocks computes from these. */
export const CLOCK_EVENT_LABELS = {
  'ind-submitted': 'IND submitted to FDA',
  'ind-received': 'FDA receives the IND',
  'ind-in-effect': 'IND goes into effect',
  'meeting-request-received': 'FDA receives a meeting request',
  'meeting-held': 'Meeting with FDA held',
  'clinical-hold-imposed': 'FDA imposes a clinical hold',
  'complete-response-received': 'FDA receives the complete response to a clinical hold',
  'safety-information-received': 'Sponsor receives safety information (possible IND safety report)',
  'safety-determination-made': 'Sponsor determines the information qualifies for an IND safety report',
  'safety-follow-up-received': 'Sponsor receives follow-up information on an IND safety report',
  'new-investigator-added': 'New investigator added to a protocol',
  'information-amendment-submitted': 'Information amendment submitted',
} as const;
export type ClockEventId = keyof typeof CLOCK_EVENT_LABELS;
export const CLOCK_EVENT_IDS = Object.keys(CLOCK_EVENT_LABELS) as [ClockEventId, ...ClockEventId[]];

export const MEETING_TYPE_LABELS = {
  A: 'Type A',
  B: 'Type B (including pre-IND)',
  'B-EOP': 'Type B (end of phase)',
  C: 'Type C',
  D: 'Type D',
  INTERACT: 'INTERACT (OTP)',
} as const;
export type MeetingTypeId = keyof typeof MEETING_TYPE_LABELS;
export const MEETING_TYPE_IDS = Object.keys(MEETING_TYPE_LABELS) as [MeetingTypeId, ...MeetingTypeId[]];

/** Events whose date is FDA's receipt of a submission (ind-submitted: receipt assumed the same day); a receipt time can be given for these. */
export const RECEIPT_EVENT_IDS: readonly ClockEventId[] = ['ind-submitted', 'ind-received', 'meeting-request-received', 'complete-response-received'];

/** Events whose deadlines depend on the meeting type. */
export const EVENTS_NEEDING_MEETING_TYPE: readonly ClockEventId[] = ['meeting-request-received'];

export const ClockEvent = choice('Event', CLOCK_EVENT_IDS);
export const MeetingType = choice('Meeting type', MEETING_TYPE_IDS);

export const ClockDeadline = z.object({
  rule: z.string(),
  label: z.string(),
  date: z.string().optional(),
  window: z.object({ from: z.string(), to: z.string() }).optional(),
  citation: z.string(),
  unconfirmed: z.boolean(),
  note: z.string().optional(),
});
export type ClockDeadline = z.infer<typeof ClockDeadline>;

/**
 * A product's deadline: one row per rule and thread (the IND events are one thread, each meeting
 * another). Estimated while its event has not happened (computed from the milestone's forecast),
 * firm once it has; met when the milestone that answers it is done.
 */
export const ProductDeadline = ClockDeadline.extend({
  key: z.string(),
  estimated: z.boolean(),
  basis: z.object({ event: ClockEvent, date: z.string(), milestoneId: z.string().nullable(), triggerId: z.string().nullable(), label: z.string() }),
  metOn: z.string().nullable(),
  overdue: z.boolean(),
  daysAway: z.number().int().nullable(),
});
export type ProductDeadline = z.infer<typeof ProductDeadline>;

const meetingTypeWhenNeeded = <T extends { event: ClockEventId; meetingType?: MeetingTypeId | undefined }>(v: T) =>
  !EVENTS_NEEDING_MEETING_TYPE.includes(v.event) || v.meetingType !== undefined;
const meetingTypeMessage = { message: 'Choose the meeting type (A, B, B-EOP, C, D or INTERACT): its timelines differ', path: ['meetingType'] };

export const ClockCalculateInput = z
  .strictObject({
    event: ClockEvent,
    date: IsoDate,
    meetingType: MeetingType.optional(),
    meetingDate: IsoDate.optional(),
    /** Eastern time FDA received it (HH:MM, 24-hour); after 4:30 pm the receipt is flagged. */
    receiptTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Receipt time: HH:MM on a 24-hour clock, Eastern time (e.g. 16:45)').optional(),
    years: z.number().int().min(1).max(50).optional(),
  })
  .refine(meetingTypeWhenNeeded, meetingTypeMessage);

export const ClockCatalogue = z.object({
  events: z.array(z.object({ id: z.string(), label: z.string(), needsMeetingType: z.boolean() })),
  meetingTypes: z.array(z.object({ id: z.string(), label: z.string() })),
  rules: z.array(z.object({ id: z.string(), label: z.string(), trigger: z.string(), citation: z.string(), unconfirmed: z.boolean(), description: z.string() })),
});

export const ClockTrigger = z.object({
  id: z.string(),
  productId: z.string(),
  event: ClockEvent,
  eventLabel: z.string(),
  /** The date the clocks run from (after any override). */
  date: z.string(),
  /** The date first recorded, when an override changed it. */
  originalDate: z.string().nullable(),
  meetingType: MeetingType.nullable(),
  meetingDate: z.string().nullable(),
  label: z.string(),
  /** Why this trigger date was used (kept for every override). */
  reason: z.string().nullable(),
  /** Set when the trigger came from a milestone's actual date. */
  milestoneId: z.string().nullable(),
  createdAt: z.string(),
  deadlines: z.array(ClockDeadline),
});
export type ClockTrigger = z.infer<typeof ClockTrigger>;

export const ClockRecordInput = z
  .strictObject({
    productId: Id,
    event: ClockEvent,
    date: IsoDate,
    meetingType: MeetingType.optional(),
    meetingDate: IsoDate.optional(),
    label: text(120, 'Label').optional(),
    /**
     * The pathway milestone that stands for this event, when there are several (a pre-IND and an
     * end-of-phase-1 meeting request). Without it, the first milestone for the event that is not
     * done yet is used; an event no milestone stands for is recorded on its own.
     */
    milestoneId: Id.optional(),
    reason: Reason,
  })
  .refine(meetingTypeWhenNeeded, meetingTypeMessage);

export const ClockOverrideInput = z.strictObject({
  triggerId: Id,
  date: IsoDate,
  meetingDate: IsoDate.nullable().optional(),
  reason: requiredText('A reason for the override', 1000),
});
export const ClockRemoveInput = z.strictObject({ triggerId: Id, reason: Reason });
