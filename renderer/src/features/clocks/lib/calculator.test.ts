import { describe, expect, it } from 'vitest';
import {
  calculationInput,
  daysAfter,
  isEvent,
  isMeetingType,
  isoOrNull,
  isWeekend,
  longDate,
  parseIsoDate,
  readClockForm,
  receiptTimeOrNull,
  shortMeetingLabel,
  weekday,
} from './calculator';

describe('deadline dates', () => {
  it('names the weekday and spots weekends', () => {
    expect(weekday('2026-03-02')).toBe('Monday');
    expect(weekday('2026-03-07')).toBe('Saturday');
    expect(weekday('2026-03-08')).toBe('Sunday');
    expect(weekday('2024-02-29')).toBe('Thursday');
    expect(weekday('1999-12-31')).toBe('Friday');
    expect(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map(isWeekend)).toEqual([false, true, true, false]);
  });

  it('counts calendar days after the event, across month, leap-day and year ends', () => {
    expect(daysAfter('2026-03-02', '2026-04-01')).toBe('30');
    expect(daysAfter('2026-03-02', '2027-04-01')).toBe('395');
    expect(daysAfter('2028-02-28', '2028-03-01')).toBe('2');
    expect(daysAfter('2026-03-02', '2026-03-02')).toBe('0');
  });

  it('counts back with a real minus sign for deadlines before the event (a briefing package before a meeting)', () => {
    expect(daysAfter('2026-05-10', '2026-03-24')).toBe('\u221247');
  });

  it('writes the date in full under the field', () => {
    expect(longDate('2026-03-07')).toBe('Saturday, 7 March 2026');
    expect(longDate('2024-02-29')).toBe('Thursday, 29 February 2024');
    // An impossible date from the address rolls over, as the date picker shows it.
    expect(longDate('2026-02-31')).toBe('Tuesday, 3 March 2026');
  });
});

describe('the form', () => {
  it('accepts typed dates only once they are real', () => {
    expect(parseIsoDate(' 2026-03-02 ')).toBe('2026-03-02');
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
    for (const partial of ['2026-02-29', '2026-3-2', '2026-03-0', '2026-03', '', '02/03/2026']) expect(parseIsoDate(partial)).toBeNull();
  });

  it('keeps a date from the address when it has the shape, leaving impossible ones to the back end', () => {
    expect(isoOrNull('2026-03-02')).toBe('2026-03-02');
    expect(isoOrNull('2026-02-31')).toBe('2026-02-31');
    expect(isoOrNull('tomorrow')).toBeNull();
    expect(isoOrNull(null)).toBeNull();
  });

  it('recognises the events and meeting types of the contract', () => {
    expect(isEvent('ind-received')).toBe(true);
    expect(isEvent('meeting-request-received')).toBe(true);
    expect(isEvent('lunch')).toBe(false);
    expect(isEvent(null)).toBe(false);
    expect(isMeetingType('B-EOP')).toBe(true);
    expect(isMeetingType('E')).toBe(false);
    expect(shortMeetingLabel('B-EOP')).toBe('Type B-EOP');
    expect(shortMeetingLabel('INTERACT')).toBe('INTERACT');
  });

  it('reads the form from the address, falling back to the defaults', () => {
    expect(readClockForm(new URLSearchParams('event=meeting-request-received&date=2026-03-07&meetingType=C&meetingDate=2026-05-10'))).toEqual({
      event: 'meeting-request-received',
      date: '2026-03-07',
      meetingType: 'C',
      meetingDate: '2026-05-10',
      receiptTime: null,
    });
    expect(readClockForm(new URLSearchParams('event=lunch&date=7%20March&meetingType=Z&receiptTime=5pm'))).toEqual({
      event: 'ind-received',
      date: null,
      meetingType: null,
      meetingDate: null,
      receiptTime: null,
    });
    expect(readClockForm(new URLSearchParams('date=2026-03-02&receiptTime=16:45')).receiptTime).toBe('16:45');
  });

  it('asks for deadlines only once the form is complete', () => {
    const form = { event: 'meeting-request-received' as const, date: '2026-03-07', meetingType: null, meetingDate: '2026-05-10', receiptTime: null };
    expect(calculationInput({ ...form, date: null }, false)).toBeNull();
    expect(calculationInput(form, true)).toBeNull();
    expect(calculationInput({ ...form, meetingType: 'C' }, true)).toEqual({ event: 'meeting-request-received', date: '2026-03-07', meetingType: 'C', meetingDate: '2026-05-10' });
    expect(calculationInput({ ...form, meetingType: 'C', meetingDate: null }, true)).toEqual({ event: 'meeting-request-received', date: '2026-03-07', meetingType: 'C' });
    // A meeting type left in the address does not travel with an event that has none.
    expect(calculationInput({ ...form, event: 'ind-received', meetingType: 'C' }, false)).toEqual({ event: 'ind-received', date: '2026-03-07' });
    // The receipt time goes with FDA receipts only (a time input's seconds are dropped).
    expect(calculationInput({ ...form, event: 'ind-received', receiptTime: '16:45' }, false)).toEqual({ event: 'ind-received', date: '2026-03-07', receiptTime: '16:45' });
    expect(calculationInput({ ...form, event: 'safety-information-received', receiptTime: '16:45' }, false)).toEqual({ event: 'safety-information-received', date: '2026-03-07' });
    expect(receiptTimeOrNull('16:45:00')).toBe('16:45');
  });
});
