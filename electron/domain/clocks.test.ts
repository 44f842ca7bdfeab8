import { describe, expect, it } from 'vitest';
import {
  CLOCK_EVENTS,
  CLOCK_EVENT_IDS,
  CLOCK_RULES,
  ClockInputError,
  computeClocks,
  MEETING_TIMELINES,
  MEETING_TYPE_IDS,
  type ClockResult,
} from './clocks';

function rule(rows: ClockResult[], id: string): ClockResult {
  const row = rows.find((candidate) => candidate.rule === id);
  if (row === undefined) throw new Error(`no row for ${id} in ${rows.map((r) => r.rule).join(', ')}`);
  return row;
}

function thrown(action: () => unknown): ClockInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof ClockInputError) return error;
    throw error;
  }
  throw new Error('expected a ClockInputError');
}

describe('catalogue', () => {
  it('lists every event with a label and every rule with a citation', () => {
    expect(CLOCK_EVENTS.map((event) => event.id)).toEqual([...CLOCK_EVENT_IDS]);
    for (const event of CLOCK_EVENTS) expect(event.label.length).toBeGreaterThan(0);
    const ids = CLOCK_RULES.map((clockRule) => clockRule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const clockRule of CLOCK_RULES) {
      expect(clockRule.citation.length, clockRule.id).toBeGreaterThan(0);
      expect(clockRule.description.length, clockRule.id).toBeGreaterThan(0);
      expect(CLOCK_EVENT_IDS).toContain(clockRule.trigger);
    }
  });

  it('flags exactly the rules the reference calls unconfirmed', () => {
    expect(CLOCK_RULES.filter((clockRule) => clockRule.unconfirmed).map((clockRule) => clockRule.id)).toEqual([
      'meeting.c.briefing-package',
      'meeting.interact.preliminary-responses',
      // The next-business-day receipt rule is FDA guidance as summarised, until checked.
      'receipt.next-business-day',
    ]);
  });

  it('cites the regulation for each CFR rule', () => {
    const citation = (id: string) => CLOCK_RULES.find((clockRule) => clockRule.id === id)?.citation;
    expect(citation('ind.in-effect')).toBe('21 CFR 312.40(b)');
    expect(citation('ind.annual-report')).toBe('21 CFR 312.33');
    expect(citation('safety.fatal-or-life-threatening')).toBe('21 CFR 312.32(c)(2)');
    expect(citation('safety.serious-unexpected')).toBe('21 CFR 312.32(c)(1)(i)–(iv)');
    expect(citation('safety.follow-up')).toBe('21 CFR 312.32(d)(2)');
    expect(citation('hold.written-explanation')).toBe('21 CFR 312.42(d)');
    expect(citation('hold.complete-response-answer')).toBe('21 CFR 312.42(e)');
    expect(citation('protocol.new-investigator')).toBe('21 CFR 312.30(c)');
    expect(citation('amendment.information-next')).toBe('21 CFR 312.31');
    expect(citation('meeting.minutes')).toMatch(/Formal Meetings/);
  });

  it('returns only catalogued rules, with the catalogue citation and flag', () => {
    const rows = [
      ...CLOCK_EVENT_IDS.filter((event) => event !== 'meeting-request-received').flatMap((event) =>
        computeClocks(event, '2027-12-15'),
      ),
      ...MEETING_TYPE_IDS.flatMap((type) =>
        computeClocks('meeting-request-received', '2027-12-15', { meetingType: type, meetingDate: '2028-02-22' }),
      ),
      // A Saturday receipt and a Saturday meeting add the calendar rows.
      ...computeClocks('ind-received', '2027-12-18'),
      ...computeClocks('meeting-request-received', '2027-12-15', { meetingType: 'B', meetingDate: '2028-02-26' }),
    ];
    const seen = new Set(rows.map((row) => row.rule));
    for (const clockRule of CLOCK_RULES) expect(seen.has(clockRule.id), clockRule.id).toBe(true);
    for (const row of rows) {
      const clockRule = CLOCK_RULES.find((candidate) => candidate.id === row.rule)!;
      expect(row.citation).toBe(clockRule.citation);
      expect(row.unconfirmed).toBe(clockRule.unconfirmed);
    }
  });
});

describe('IND in effect and annual reports', () => {
  it('puts the IND in effect 30 days after receipt, across a year end', () => {
    const rows = computeClocks('ind-received', '2027-12-15');
    expect(rule(rows, 'ind.in-effect').date).toBe('2028-01-14');
    expect(rule(rows, 'ind.in-effect').citation).toBe('21 CFR 312.40(b)');
    // Annual reports from the derived in-effect date: 2029-01-14 + 60 days = 2029-03-15 (Feb 2029 has 28 days).
    const reports = rows.filter((row) => row.rule === 'ind.annual-report');
    expect(reports.map((row) => row.window)).toEqual([
      { from: '2029-01-14', to: '2029-03-15' },
      { from: '2030-01-14', to: '2030-03-15' },
      { from: '2031-01-14', to: '2031-03-15' },
    ]);
    expect(reports.map((row) => row.date)).toEqual(['2029-03-15', '2030-03-15', '2031-03-15']);
  });

  it('lands on a leap day and across the end of February', () => {
    expect(rule(computeClocks('ind-received', '2024-01-30'), 'ind.in-effect').date).toBe('2024-02-29');
    expect(rule(computeClocks('ind-received', '2023-01-30'), 'ind.in-effect').date).toBe('2023-03-01');
  });

  it('takes Feb 29 anniversaries as Feb 28 in non-leap years', () => {
    const rows = computeClocks('ind-in-effect', '2024-02-29', { years: 4 });
    expect(rows.map((row) => row.window)).toEqual([
      { from: '2025-02-28', to: '2025-04-29' },
      { from: '2026-02-28', to: '2026-04-29' },
      { from: '2027-02-28', to: '2027-04-29' },
      { from: '2028-02-29', to: '2028-04-29' },
    ]);
    expect(rows[0]!.note).toMatch(/28 February/);
    expect(rows[3]!.note).toBeUndefined();
    expect(rows[0]!.citation).toBe('21 CFR 312.33');
  });

  it('lists as many annual reports as asked', () => {
    expect(computeClocks('ind-in-effect', '2026-06-30', { years: 0 })).toEqual([]);
    expect(computeClocks('ind-in-effect', '2026-06-30', { years: 5 })).toHaveLength(5);
    expect(computeClocks('ind-received', '2026-06-30', { years: 1 })).toHaveLength(2);
  });

  it('estimates the in-effect date from the submission date', () => {
    const rows = computeClocks('ind-submitted', '2027-12-15', { years: 1 });
    expect(rule(rows, 'ind.in-effect-estimate').date).toBe('2028-01-14');
    expect(rule(rows, 'ind.annual-report').note).toMatch(/Estimated/);
  });
});

describe('safety, clinical hold, amendments and minutes', () => {
  it('runs the 7-day report from initial receipt (312.32(c)(2)) and the 15-day one from the determination (312.32(c)(1)), across a year end', () => {
    const received = computeClocks('safety-information-received', '2027-12-28');
    expect(rule(received, 'safety.fatal-or-life-threatening')).toMatchObject({ date: '2028-01-04', citation: '21 CFR 312.32(c)(2)' });
    // Receipt alone does not start the 15-day clock: it asks for the determination date.
    expect(received.find((r) => r.rule === 'safety.serious-unexpected')).toBeUndefined();
    expect(rule(received, 'safety.determination-pending')).toMatchObject({ citation: '21 CFR 312.32(b), (c)(1)' });
    expect(rule(received, 'safety.determination-pending').date).toBeUndefined();
    // Determined three days after receipt: due 15 days after the determination, not after receipt.
    const determined = computeClocks('safety-determination-made', '2027-12-31');
    expect(rule(determined, 'safety.serious-unexpected')).toMatchObject({ date: '2028-01-15', citation: '21 CFR 312.32(c)(1)(i)–(iv)' });
  });

  it('counts the leap day in safety reports', () => {
    expect(rule(computeClocks('safety-information-received', '2028-02-20'), 'safety.fatal-or-life-threatening').date).toBe('2028-02-27');
    expect(rule(computeClocks('safety-determination-made', '2028-02-20'), 'safety.serious-unexpected').date).toBe('2028-03-06');
    expect(rule(computeClocks('safety-determination-made', '2027-02-20'), 'safety.serious-unexpected').date).toBe('2027-03-07');
  });

  it('gives the clinical-hold clocks their paragraphs: explanation within 30 days (312.42(d)), answer to a complete response within 30 days (312.42(e))', () => {
    expect(rule(computeClocks('clinical-hold-imposed', '2027-03-01'), 'hold.written-explanation')).toMatchObject({ date: '2027-03-31', citation: '21 CFR 312.42(d)' });
    expect(rule(computeClocks('complete-response-received', '2027-04-05'), 'hold.complete-response-answer')).toMatchObject({ date: '2027-05-05', citation: '21 CFR 312.42(e)' });
  });

  it('notifies FDA of a new investigator within 30 days of the investigator being added (312.30(c))', () => {
    expect(rule(computeClocks('new-investigator-added', '2027-06-01'), 'protocol.new-investigator')).toMatchObject({ date: '2027-07-01', citation: '21 CFR 312.30(c)' });
  });

  it('gives follow-up safety reports 15 days', () => {
    expect(computeClocks('safety-follow-up-received', '2027-12-20')[0]!.date).toBe('2028-01-04');
  });

  it('gives FDA 30 days to explain a hold and to answer a complete response', () => {
    expect(rule(computeClocks('clinical-hold-imposed', '2028-02-15'), 'hold.written-explanation').date).toBe('2028-03-16');
    expect(rule(computeClocks('clinical-hold-imposed', '2027-02-15'), 'hold.written-explanation').date).toBe('2027-03-17');
    expect(rule(computeClocks('complete-response-received', '2027-12-10'), 'hold.complete-response-answer').date).toBe(
      '2028-01-09',
    );
  });

  it('gives 30 days to report a new investigator, with a note on the disputed trigger', () => {
    const row = rule(computeClocks('new-investigator-added', '2026-01-31'), 'protocol.new-investigator');
    expect(row.date).toBe('2026-03-02');
    expect(row.note).toMatch(/trigger/);
  });

  it('spaces information amendments 30 days where feasible', () => {
    const row = rule(computeClocks('information-amendment-submitted', '2028-12-20'), 'amendment.information-next');
    expect(row.date).toBe('2029-01-19');
    expect(row.note).toMatch(/feasible/);
  });

  it('expects minutes 30 days after the meeting', () => {
    expect(rule(computeClocks('meeting-held', '2028-02-10'), 'meeting.minutes').date).toBe('2028-03-11');
  });
});

describe('meeting timelines per type', () => {
  // Request received 2027-12-01; bounds cross the year end and, for the later types, February 2028.
  const expected: Record<string, { reply: string; heldBy: string; briefing: string; prelim: string | undefined }> = {
    A: { reply: '2027-12-15', heldBy: '2027-12-31', briefing: '2027-12-01', prelim: '2027-12-29' },
    B: { reply: '2027-12-22', heldBy: '2028-01-30', briefing: '2027-12-31', prelim: '2028-01-28' },
    'B-EOP': { reply: '2027-12-15', heldBy: '2028-02-09', briefing: '2027-12-21', prelim: '2028-02-04' },
    C: { reply: '2027-12-22', heldBy: '2028-02-14', briefing: '2027-12-29', prelim: '2028-02-09' },
    D: { reply: '2027-12-15', heldBy: '2028-01-20', briefing: '2027-12-01', prelim: '2028-01-15' },
    INTERACT: { reply: '2027-12-22', heldBy: '2028-02-14', briefing: '2027-12-01', prelim: undefined },
  };

  for (const type of MEETING_TYPE_IDS) {
    it(`computes the ${type} timeline from the latest meeting date`, () => {
      const rows = computeClocks('meeting-request-received', '2027-12-01', { meetingType: type });
      const prefix = `meeting.${type.toLowerCase()}`;
      const want = expected[type]!;
      expect(rule(rows, `${prefix}.reply`).date).toBe(want.reply);
      expect(rule(rows, `${prefix}.held-by`).date).toBe(want.heldBy);
      expect(rule(rows, `${prefix}.briefing-package`).date).toBe(want.briefing);
      expect(rule(rows, `${prefix}.preliminary-responses`).date).toBe(want.prelim);
      expect(rows.some((row) => row.rule === 'meeting.minutes')).toBe(false);
      const briefing = rule(rows, `${prefix}.briefing-package`);
      if (MEETING_TIMELINES[type].briefingPackage.kind === 'with-request') {
        expect(briefing.note).toMatch(/with the (meeting )?request/);
      } else {
        expect(briefing.note).toMatch(/latest meeting date/);
      }
    });
  }

  it('counts back from a scheduled meeting date and adds the expected minutes', () => {
    const rows = computeClocks('meeting-request-received', '2027-12-01', { meetingType: 'B', meetingDate: '2028-01-20' });
    expect(rule(rows, 'meeting.b.briefing-package').date).toBe('2027-12-21');
    expect(rule(rows, 'meeting.b.preliminary-responses').date).toBe('2028-01-18');
    expect(rule(rows, 'meeting.minutes').date).toBe('2028-02-19');
    expect(rule(rows, 'meeting.b.held-by').note).toBeUndefined();
  });

  it('warns when the scheduled meeting is later than the bound', () => {
    const rows = computeClocks('meeting-request-received', '2027-12-01', { meetingType: 'A', meetingDate: '2028-01-10' });
    expect(rule(rows, 'meeting.a.held-by').note).toMatch(/later than this bound/);
  });

  it('marks the unconfirmed cells', () => {
    const typeC = computeClocks('meeting-request-received', '2027-12-01', { meetingType: 'C' });
    expect(rule(typeC, 'meeting.c.briefing-package').unconfirmed).toBe(true);
    expect(rule(typeC, 'meeting.c.reply').unconfirmed).toBe(false);
    const interact = computeClocks('meeting-request-received', '2027-12-01', { meetingType: 'INTERACT' });
    const prelim = rule(interact, 'meeting.interact.preliminary-responses');
    expect(prelim.unconfirmed).toBe(true);
    expect(prelim.date).toBeUndefined();
    expect(rule(interact, 'meeting.interact.briefing-package').note).toMatch(/50 pages/);
    expect(rule(interact, 'meeting.interact.reply').label).toMatch(/grant/);
  });
});

describe('bad input', () => {
  it('lists the valid events for an unknown event', () => {
    const error = thrown(() => computeClocks('ind-approved', '2027-12-15'));
    expect(error.field).toBe('event');
    expect(error.message).toContain('"ind-approved"');
    for (const event of CLOCK_EVENT_IDS) expect(error.message).toContain(event);
  });

  it('lists the valid meeting types for an unknown or missing type', () => {
    const unknown = thrown(() => computeClocks('meeting-request-received', '2027-12-15', { meetingType: 'E' }));
    expect(unknown.field).toBe('meetingType');
    expect(unknown.message).toContain('A, B, B-EOP, C, D, INTERACT');
    const missing = thrown(() => computeClocks('meeting-request-received', '2027-12-15'));
    expect(missing.message).toMatch(/meeting type is required.*A, B, B-EOP, C, D, INTERACT/);
  });

  it('refuses malformed and impossible dates', () => {
    for (const bad of ['2027-02-29', '2027-2-3', '15/12/2027', '']) {
      const error = thrown(() => computeClocks('ind-received', bad));
      expect(error.field).toBe('date');
      expect(error.message).toMatch(/YYYY-MM-DD/);
    }
    expect(thrown(() => computeClocks('meeting-request-received', '2027-12-01', { meetingType: 'B', meetingDate: '2028-13-01' })).field).toBe(
      'meetingDate',
    );
  });

  it('refuses a meeting before the request and a bad number of years', () => {
    expect(
      thrown(() => computeClocks('meeting-request-received', '2027-12-01', { meetingType: 'B', meetingDate: '2027-11-30' }))
        .message,
    ).toMatch(/before FDA received the request/);
    expect(thrown(() => computeClocks('ind-in-effect', '2027-12-01', { years: -1 })).field).toBe('years');
    expect(thrown(() => computeClocks('ind-in-effect', '2027-12-01', { years: 1.5 })).field).toBe('years');
  });
});
