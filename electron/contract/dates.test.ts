import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  addYears,
  compareDates,
  diffDays,
  diffWorkingDays,
  fromDayNumber,
  InvalidDateError,
  isoWeekday,
  isValidDate,
  isWorkingDay,
  maxDate,
  minDate,
  nextWorkingDay,
  parseDate,
  toDayNumber,
  toDayNumberOrNull,
} from './dates';

const MS_PER_DAY = 86_400_000;
const dayNumberArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') });

describe('parse and validate', () => {
  it('accepts real dates and rejects malformed or impossible ones', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-05', '2024/01/05', ' 2024-01-05', '', 20240105, null]) {
      expect(isValidDate(bad)).toBe(false);
    }
    expect(parseDate('2027-12-15')).toEqual({ year: 2027, month: 12, day: 15 });
    expect(() => parseDate('2027-02-30')).toThrow(InvalidDateError);
    expect(() => toDayNumber('2027-02-30')).toThrow(/Invalid date "2027-02-30"/);
  });

  it('numbers days from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
  });

  it('gives null, never an exception, for what is not a real date', () => {
    expect(toDayNumberOrNull('2000-03-01')).toBe(11017);
    expect(toDayNumberOrNull('1969-12-31')).toBe(-1);
    for (const bad of [null, undefined, '', '2027-02-30', '2024-13-01', '2024-1-05', '2024-01-05T00:00:00Z', 20240105]) {
      expect(toDayNumberOrNull(bad)).toBeNull();
    }
  });

  it('agrees with Date.UTC on every day of three centuries', () => {
    fc.assert(
      fc.property(dayNumberArb, (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        expect(new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10)).toBe(date);
        expect(toDayNumber(date)).toBe(dayNumber);
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds and diffs across month ends, year ends and leap days', () => {
    expect(addDays('2027-12-15', 30)).toBe('2028-01-14');
    expect(addDays('2024-01-30', 30)).toBe('2024-02-29');
    expect(addDays('2023-01-30', 30)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(diffDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(diffDays('2023-02-28', '2023-03-01')).toBe(1);
    expect(diffDays('2028-01-14', '2027-12-15')).toBe(-30);
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('compares by date', () => {
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(maxDate('2024-01-01', '2023-12-31')).toBe('2024-01-01');
    expect(minDate('2024-01-01', '2023-12-31')).toBe('2023-12-31');
    expect(() => compareDates('2024-01-01', 'soon')).toThrow(InvalidDateError);
  });

  it('applies the Feb 29 anniversary rule in addYears', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', 76)).toBe('2100-02-28'); // 2100 is not a leap year
    expect(addYears('2025-02-28', 3)).toBe('2028-02-28');
    expect(addYears('2027-12-31', 1)).toBe('2028-12-31');
    expect(addYears('2028-02-29', -4)).toBe('2024-02-29');
  });
});

describe('working days', () => {
  it('knows the weekday', () => {
    expect(isoWeekday('2026-03-02')).toBe(1); // Monday
    expect(isoWeekday('2026-03-08')).toBe(7); // Sunday
    expect(isWorkingDay('2026-03-06')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(nextWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(nextWorkingDay('2026-03-06')).toBe('2026-03-06');
  });

  it('adds working days with WORKDAY semantics', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri + 1 = Mon
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Sat + 1 = Mon
    expect(addWorkingDays('2026-03-07', -1)).toBe('2026-03-06'); // Sat - 1 = Fri
    expect(addWorkingDays('2026-03-09', -1)).toBe('2026-03-06'); // Mon - 1 = Fri
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(addWorkingDays('2027-12-29', 3)).toBe('2028-01-03'); // Wed + 3 across a year end
    expect(addWorkingDays('2024-02-28', 2)).toBe('2024-03-01'); // Wed + 2 through Feb 29
  });

  it('counts working days in (from, to]', () => {
    expect(diffWorkingDays('2026-03-02', '2026-03-09')).toBe(5);
    expect(diffWorkingDays('2026-03-06', '2026-03-07')).toBe(0);
    expect(diffWorkingDays('2026-03-07', '2026-03-09')).toBe(1);
    expect(diffWorkingDays('2026-03-09', '2026-03-02')).toBe(-5);
  });

  it('round-trips addWorkingDays through diffWorkingDays from a working day', () => {
    fc.assert(
      fc.property(dayNumberArb, fc.integer({ min: -400, max: 400 }), (dayNumber, days) => {
        const start = nextWorkingDay(fromDayNumber(dayNumber));
        const end = addWorkingDays(start, days);
        expect(isWorkingDay(end)).toBe(true);
        expect(diffWorkingDays(start, end)).toBe(days);
      }),
    );
  });

  it('matches a day-by-day count', () => {
    fc.assert(
      fc.property(dayNumberArb, fc.integer({ min: 0, max: 60 }), (dayNumber, span) => {
        const from = fromDayNumber(dayNumber);
        let count = 0;
        for (let d = 1; d <= span; d++) if (isWorkingDay(addDays(from, d))) count++;
        expect(diffWorkingDays(from, addDays(from, span))).toBe(count);
      }),
    );
  });
});
