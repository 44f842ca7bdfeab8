/**
 * Calendar dates as `YYYY-MM-DD` strings.
 *
 * The domain has no time of day and no time zone, so every date is turned into an integer
 * "day number" (days since 1970-01-01) with civil-calendar arithmetic and back. This sidesteps
 * the local-time and DST traps of `Date`, and it is several times faster than dayjs, which
 * matters because the schedule engine converts dates for every milestone of a large network.
 *
 * Working days are Monday to Friday; public holidays are not modelled.
 */

/** A calendar date in the form `YYYY-MM-DD` (years 0000-9999). */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export class InvalidDateError extends Error {
  readonly value: unknown;
  constructor(value: unknown, detail?: string) {
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    super(`Invalid date ${shown}: ${detail ?? 'expected a calendar date in the form YYYY-MM-DD'}`);
    this.name = 'InvalidDateError';
    this.value = value;
  }
}

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_DASH = 45;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < CHAR_0 || code > CHAR_9) return -1;
    value = value * 10 + (code - CHAR_0);
  }
  return value;
}

/** Parts of a valid date, or null; never throws. */
function tryParse(value: unknown): DateParts | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  if (value.charCodeAt(4) !== CHAR_DASH || value.charCodeAt(7) !== CHAR_DASH) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidDate(value: unknown): value is IsoDate {
  return tryParse(value) !== null;
}

/** Splits a date into its parts; throws `InvalidDateError` for malformed or impossible dates. */
export function parseDate(value: unknown): DateParts {
  const parts = tryParse(value);
  if (parts === null) throw new InvalidDateError(value);
  return parts;
}

/** Throws `InvalidDateError` unless `value` is a real `YYYY-MM-DD` date. */
export function assertDate(value: unknown): asserts value is IsoDate {
  parseDate(value);
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic on the
// proleptic Gregorian calendar, counting years from March so the leap day is last.
function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before it); throws `InvalidDateError` on a bad date. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  return dayNumberFromParts(year, month, day);
}

/**
 * Days since 1970-01-01, or null for anything that is not a real date (null, '', a malformed or
 * impossible date). For display code that skips what it cannot place instead of failing.
 */
export function toDayNumberOrNull(value: unknown): number | null {
  const parts = tryParse(value);
  return parts === null ? null : dayNumberFromParts(parts.year, parts.month, parts.day);
}

const MIN_DAY_NUMBER = dayNumberFromParts(0, 1, 1);
const MAX_DAY_NUMBER = dayNumberFromParts(9999, 12, 31);

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function formatDate(parts: DateParts): IsoDate {
  const { year, month, day } = parts;
  const yearText = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : String(year);
  return `${yearText}-${pad2(month)}-${pad2(day)}`;
}

/** The date of a day number; throws RangeError outside years 0000-9999 (not representable as YYYY). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new RangeError(`Day number ${dayNumber} is outside the years 0000-9999`);
  }
  return formatDate(partsFromDayNumber(dayNumber));
}

function assertWholeDays(days: number, label: string): void {
  if (!Number.isInteger(days)) throw new RangeError(`${label} must be a whole number, got ${days}`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertWholeDays(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later (`to - from`). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1, for sorting. Both dates are validated, so this is not a plain string compare. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const difference = toDayNumber(a) - toDayNumber(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/**
 * Adds whole years keeping month and day. Anniversary rule: a Feb 29 date lands on Feb 28 in
 * a non-leap year (the last day of February, so an annual-report window never opens in
 * March for an IND that went into effect on a leap day). Each anniversary is computed from
 * the original date, so 2024-02-29 + 4 years is 2028-02-29, not a drifted Feb 28.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  assertWholeDays(years, 'years');
  const { year, month, day } = parseDate(date);
  const targetYear = year + years;
  if (targetYear < 0 || targetYear > 9999) throw new RangeError(`Year ${targetYear} is outside 0000-9999`);
  const targetDay = Math.min(day, daysInMonth(targetYear, month));
  return formatDate({ year: targetYear, month, day: targetDay });
}

// ---------------------------------------------------------------------------------------------
// Working days (Monday-Friday).
//
// A "working index" numbers working days consecutively (Friday n, Monday n + 1), so adding
// working days becomes integer addition. Day number 0 (1970-01-01) is a Thursday; shifting by
// 3 puts the origin on Monday 1969-12-29, making week = floor(k / 7), weekday = k mod 7.
// ---------------------------------------------------------------------------------------------

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  const k = dayNumber + 3;
  return k - Math.floor(k / 7) * 7 + 1;
}

export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(date));
}

export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5;
}

/** Working index of the day, or of the Friday before it when it falls on a weekend. */
export function workingIndexOnOrBefore(dayNumber: number): number {
  const k = dayNumber + 3;
  const week = Math.floor(k / 7);
  const weekday = k - week * 7; // 0 = Monday
  return week * 5 + (weekday < 5 ? weekday : 4);
}

/** Working index of the day, or of the Monday after it when it falls on a weekend. */
export function workingIndexOnOrAfter(dayNumber: number): number {
  const k = dayNumber + 3;
  const week = Math.floor(k / 7);
  const weekday = k - week * 7;
  return weekday < 5 ? week * 5 + weekday : (week + 1) * 5;
}

export function dayNumberOfWorkingIndex(workingIndex: number): number {
  const week = Math.floor(workingIndex / 5);
  return week * 7 + (workingIndex - week * 5) - 3;
}

/** The date itself when it is a working day, else the following Monday. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  return fromDayNumber(dayNumberOfWorkingIndex(workingIndexOnOrAfter(toDayNumber(date))));
}

/**
 * Moves `days` working days from `date` (spreadsheet WORKDAY semantics): the start date itself
 * is not counted, so Friday + 1 is Monday, Saturday + 1 is Monday and Saturday - 1 is Friday.
 * Zero returns the date unchanged, even on a weekend.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  assertWholeDays(days, 'days');
  const dayNumber = toDayNumber(date);
  if (days === 0) return date;
  const index = days > 0 ? workingIndexOnOrBefore(dayNumber) : workingIndexOnOrAfter(dayNumber);
  return fromDayNumber(dayNumberOfWorkingIndex(index + days));
}

/**
 * Working days in the half-open interval (from, to] when `to` is later, negated when earlier.
 * For a working-day `from`, addWorkingDays(from, diffWorkingDays(from, to)) is `to` whenever
 * `to` is a working day.
 */
export function diffWorkingDays(from: IsoDate, to: IsoDate): number {
  return workingIndexOnOrBefore(toDayNumber(to)) - workingIndexOnOrBefore(toDayNumber(from));
}
