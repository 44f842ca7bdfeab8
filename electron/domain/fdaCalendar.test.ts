import { describe, expect, it } from 'vitest';
import { computeClocks, earliestMeetingDate, meetingDateProblem } from './clocks';
import { federalHolidays, holidayOn, isFdaBusinessDay, nextFdaBusinessDay, receiptFlag } from './fdaCalendar';

describe('US federal holidays (5 U.S.C. 6103), observed dates', () => {
  it('lists 2026 with Independence Day (a Saturday) observed on Friday 3 July', () => {
    expect(federalHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
    expect(holidayOn('2026-07-03')).toMatchObject({ name: 'Independence Day', actual: '2026-07-04' });
  });

  it('observes a Saturday Christmas on Friday and a Saturday New Year’s Day on 31 December of the year before', () => {
    const y2027 = federalHolidays(2027).map((h) => h.date);
    expect(y2027).toContain('2027-12-24');
    expect(y2027).toContain('2027-12-31');
    expect(federalHolidays(2028).map((h) => h.date)).not.toContain('2028-01-01');
  });

  it('adds Inauguration Day in the Washington area (FDA’s offices) in the year after an election', () => {
    expect(holidayOn('2033-01-20')?.name).toMatch(/Inauguration/);
    expect(holidayOn('2032-01-20')).toBeNull();
  });

  it('knows business days and finds the next one across a holiday weekend', () => {
    expect(isFdaBusinessDay('2026-03-02')).toBe(true);
    expect(isFdaBusinessDay('2026-11-26')).toBe(false);
    // Friday after Thanksgiving is a working day for FDA.
    expect(nextFdaBusinessDay('2026-11-25')).toBe('2026-11-27');
    // Friday 3 July 2026 (observed) -> Monday 6 July.
    expect(nextFdaBusinessDay('2026-07-02')).toBe('2026-07-06');
  });
});

describe('receipt dates: weekend, holiday or after 4:30 pm Eastern is generally dated the next business day', () => {
  it('flags a Saturday receipt, a holiday receipt and a receipt after 4:30 pm, not one at 4:30 pm', () => {
    expect(receiptFlag('2026-03-07')).toEqual({ reason: '2026-03-07 is a Saturday', nextBusinessDay: '2026-03-09' });
    expect(receiptFlag('2026-11-26')?.nextBusinessDay).toBe('2026-11-27');
    expect(receiptFlag('2026-03-02', '16:31')).toMatchObject({ nextBusinessDay: '2026-03-03' });
    expect(receiptFlag('2026-03-02', '16:30')).toBeNull();
    expect(receiptFlag('2026-03-02')).toBeNull();
  });

  it('adds an unconfirmed row, with its source, to the clocks of an IND received on a Saturday; the 30 days still run from the date entered', () => {
    const rows = computeClocks('ind-received', '2026-03-07');
    const receipt = rows.find((r) => r.rule === 'receipt.next-business-day')!;
    expect(receipt).toMatchObject({ date: '2026-03-09', unconfirmed: true });
    expect(receipt.label).toMatch(/Saturday/);
    expect(receipt.citation).toMatch(/Receipt Dates/);
    expect(receipt.note).toMatch(/recompute from that date/);
    expect(rows.find((r) => r.rule === 'ind.in-effect')?.date).toBe('2026-04-06');
    // Rows come in date order.
    const dates = rows.map((r) => r.window?.to ?? r.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('flags a late meeting request given its receipt time, and refuses a malformed time', () => {
    const rows = computeClocks('meeting-request-received', '2026-03-02', { meetingType: 'B', receiptTime: '17:05' });
    expect(rows[0]).toMatchObject({ rule: 'receipt.next-business-day', date: '2026-03-03' });
    expect(() => computeClocks('ind-received', '2026-03-02', { receiptTime: '5pm' })).toThrow(/receiptTime: expected HH:MM/);
  });

  it('does not flag events that are not FDA receipts (a safety report clock runs from the sponsor’s receipt)', () => {
    expect(computeClocks('safety-information-received', '2026-03-07').some((r) => r.rule === 'receipt.next-business-day')).toBe(false);
  });
});

describe('impossible meeting dates', () => {
  it('refuses a Type B meeting the day after its request: the briefing package would be due a month before the request', () => {
    expect(meetingDateProblem('B', '2026-03-02', '2026-03-03')).toMatch(
      /too soon after the request received on 2026-03-02: the Type B \(including pre-IND\) briefing package is due 30 days before the meeting \(2026-02-01\), before the request\. Choose a meeting date on or after 2026-04-01/,
    );
    expect(() => computeClocks('meeting-request-received', '2026-03-02', { meetingType: 'B', meetingDate: '2026-03-03' })).toThrow(/meetingDate: the meeting date 2026-03-03 is too soon/);
  });

  it('refuses a meeting before the request, and accepts the earliest possible date', () => {
    expect(meetingDateProblem('C', '2026-03-02', '2026-03-01')).toMatch(/before FDA received the request/);
    expect(earliestMeetingDate('B-EOP', '2026-03-02')).toBe('2026-04-21');
    expect(meetingDateProblem('B-EOP', '2026-03-02', '2026-04-21')).toBeNull();
    // Type A: the package goes with the request; preliminary responses 2 days before the meeting.
    expect(earliestMeetingDate('A', '2026-03-02')).toBe('2026-03-04');
  });

  it('flags a meeting scheduled on a Sunday (Easter Sunday 2026)', () => {
    const rows = computeClocks('meeting-request-received', '2026-02-02', { meetingType: 'B', meetingDate: '2026-04-05' });
    expect(rows.find((r) => r.rule === 'calendar.meeting-not-business-day')).toMatchObject({ date: '2026-04-05', label: 'Scheduled meeting date 2026-04-05 is a Sunday' });
  });
});
