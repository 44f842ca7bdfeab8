import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adaptEndOfPhaseMeetings, endOfPhase1MeetingType } from './endOfPhaseMeeting';
import { parsePathwayTemplate } from './pathwayTemplate';

const standard = parsePathwayTemplate(
  JSON.parse(readFileSync(new URL('../../templates/pathways/fda-ind-secretome.json', import.meta.url), 'utf8')),
  'fda-ind-secretome.json',
);
const milestone = (t: typeof standard, key: string) => t.stages.flatMap((s) => s.milestones).find((m) => m.key === key)!;

describe('the end-of-phase-1 meeting type follows the product', () => {
  it('is Type B (EOP) for a subpart E / accelerated-approval product, with the reason', () => {
    const choice = endOfPhase1MeetingType(true);
    expect(choice.type).toBe('B-EOP');
    expect(choice.reason).toMatch(/312\.82\(b\)/);
    const adapted = adaptEndOfPhaseMeetings(standard, true);
    expect(milestone(adapted, 'fda-receives-eop1-meeting-request').meetingType).toBe('B-EOP');
    expect(milestone(adapted, 'end-of-phase-1-meeting-held').dependsOn).toEqual(milestone(standard, 'end-of-phase-1-meeting-held').dependsOn);
  });

  it('is Type C otherwise, with Type C lags (held within 75 days, package 47 days before) and the reason in the milestone', () => {
    expect(endOfPhase1MeetingType(false).type).toBe('C');
    const adapted = adaptEndOfPhaseMeetings(standard, false);
    const request = milestone(adapted, 'fda-receives-eop1-meeting-request');
    expect(request.meetingType).toBe('C');
    expect(request.description).toMatch(/not marked subpart E/);
    expect(milestone(adapted, 'end-of-phase-1-meeting-held')).toMatchObject({ meetingType: 'C' });
    expect(milestone(adapted, 'end-of-phase-1-meeting-held').dependsOn).toEqual([
      { key: 'fda-receives-eop1-meeting-request', lagDays: 75 },
      { key: 'eop1-briefing-package-submitted', lagDays: 47 },
    ]);
    expect(milestone(adapted, 'eop1-briefing-package-submitted').dependsOn).toContainEqual({ key: 'fda-receives-eop1-meeting-request', lagDays: 28 });
    expect(milestone(adapted, 'eop1-meeting-request-sent').description).toMatch(/^Type C meeting request/);
    // The pre-IND meeting is untouched.
    expect(milestone(adapted, 'fda-receives-meeting-request')).toEqual(milestone(standard, 'fda-receives-meeting-request'));
  });
});
