/**
 * The end-of-phase-1 meeting's type follows the product. Type B (EOP) is for products developed
 * under 21 CFR 312 subpart E (life-threatening or severely debilitating illness; 312.82(b)) or
 * for accelerated approval (21 CFR 314 subpart H, 601 subpart E) or similar; for any other
 * product an end-of-phase-1 meeting is requested as Type C (or Type B if FDA agrees), so the
 * plan uses Type C timelines, the longer ones. A pathway template marks its end-of-phase
 * meeting milestones with meetingType "B-EOP"; this rewrites them, and the lags that follow
 * from the meeting timelines, for a product that is not subpart E.
 */
import type { MeetingTypeId } from '../contract/clocks';
import { MEETING_TIMELINES } from './clockRules';
import type { PathwayTemplate, TemplateMilestone } from './pathwayTemplate';

export const EOP_MEETING_SOURCE =
  '21 CFR 312.82(b); FDA guidance: Formal Meetings Between the FDA and Sponsors or Applicants of PDUFA Products (revised draft, September 2023); PDUFA VII commitment letter (Type B (EOP): end-of-phase-1 meetings for 21 CFR 312 subpart E, 314 subpart H or similar products)';

export interface EndOfPhaseChoice {
  type: MeetingTypeId;
  reason: string;
}

export function endOfPhase1MeetingType(subpartE: boolean): EndOfPhaseChoice {
  return subpartE
    ? {
        type: 'B-EOP',
        reason:
          'Type B (end of phase) because the product is marked subpart E / accelerated approval: an end-of-phase-1 meeting is Type B (EOP) for products under 21 CFR 312 subpart E (312.82(b)), 314 subpart H, 601 subpart E or similar.',
      }
    : {
        type: 'C',
        reason:
          'Type C because the product is not marked subpart E / accelerated approval: Type B (EOP) end-of-phase-1 meetings are for subpart E or accelerated-approval products only. The plan uses the Type C timelines (the longer ones); if FDA grants a Type B meeting, change the meeting type.',
      };
}

const isEopRequest = (m: TemplateMilestone) => m.meetingType === 'B-EOP' && m.clockEvent === 'meeting-request-received';
const isEopHeld = (m: TemplateMilestone) => m.meetingType === 'B-EOP' && m.clockEvent === 'meeting-held';

/** The template as this product should follow it: its end-of-phase meetings typed by the product. */
export function adaptEndOfPhaseMeetings(template: PathwayTemplate, subpartE: boolean): PathwayTemplate {
  const choice = endOfPhase1MeetingType(subpartE);
  const timeline = MEETING_TIMELINES[choice.type];
  const lead = timeline.briefingPackage.kind === 'before-meeting' ? timeline.briefingPackage.daysBefore : 0;
  const all = template.stages.flatMap((s) => s.milestones);
  const requests = new Set(all.filter(isEopRequest).map((m) => m.key));
  if (requests.size === 0) return template;
  const requestSent = new Set(all.filter(isEopRequest).flatMap((m) => m.dependsOn.map((d) => d.key)));
  const packageOf = (m: TemplateMilestone) => m.key.endsWith('briefing-package-submitted') && m.dependsOn.some((d) => requests.has(d.key));
  const packages = new Set(all.filter(packageOf).map((m) => m.key));

  const adapt = (m: TemplateMilestone): TemplateMilestone => {
    if (isEopRequest(m)) {
      return { ...m, meetingType: choice.type, description: `FDA replies within ${timeline.fdaReplyDays} days and holds the meeting within ${timeline.meetingHeldByDays} days. ${choice.reason}` };
    }
    if (isEopHeld(m)) {
      return {
        ...m,
        meetingType: choice.type,
        description: `Within ${timeline.meetingHeldByDays} days of FDA receiving the request (${timeline.label}).`,
        dependsOn: m.dependsOn.map((d) => (requests.has(d.key) ? { ...d, lagDays: timeline.meetingHeldByDays } : packages.has(d.key) ? { ...d, lagDays: lead } : d)),
      };
    }
    if (packages.has(m.key)) {
      return {
        ...m,
        description: lead > 0 ? `Due ${lead} days before a ${timeline.label} meeting.` : `Due with the ${timeline.label} meeting request.`,
        dependsOn: m.dependsOn.map((d) => (requests.has(d.key) ? { ...d, lagDays: Math.max(0, timeline.meetingHeldByDays - lead) } : d)),
      };
    }
    if (requestSent.has(m.key)) return { ...m, description: `${timeline.label} meeting request. ${choice.reason}` };
    return m;
  };
  return { ...template, stages: template.stages.map((s) => ({ ...s, milestones: s.milestones.map(adapt) })) };
}
