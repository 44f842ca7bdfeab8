/**
 * FDA business days: US federal holidays (with their observed dates) and weekends, for flagging
 * receipt dates. Regulatory clocks count calendar days (21 CFR 312.40, 312.32, 312.33, 312.42),
 * but an electronic submission that arrives on a weekend, a federal holiday or after 4:30 pm
 * Eastern time is generally given the next business day as its receipt date. The app marks that
 * rule unconfirmed and names its source, because the receipt date FDA acknowledges is the fact.
 */
import { addDays, formatDate, isoWeekday, type IsoDate } from '../contract/dates';

export const RECEIPT_DATE_SOURCE =
  'FDA guidance: Providing Regulatory Submissions in Electronic Format — Receipt Dates (CDER/CBER, February 2014); US federal holidays: 5 U.S.C. 6103(a)–(c), Executive Order 11582';

/** Receipt after this Eastern time on a business day is dated the next business day. */
export const RECEIPT_CUTOFF_ET = '16:30';

export interface FederalHoliday {
  /** The day the holiday is observed (the day offices close). */
  date: IsoDate;
  name: string;
  /** The holiday's own date when it is observed on another day (Saturday -> Friday, Sunday -> Monday). */
  actual?: IsoDate;
}

/** The nth (1-based) weekday (ISO: Monday 1 ... Sunday 7) of a month; n = -1 is the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n > 0) {
    const first = formatDate({ year, month, day: 1 });
    const offset = (weekday - isoWeekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = addDays(formatDate({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }), -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** 5 U.S.C. 6103(b) and EO 11582: a Saturday holiday is observed the Friday before, a Sunday one the Monday after. */
function observed(date: IsoDate, name: string): FederalHoliday {
  const weekday = isoWeekday(date);
  if (weekday === 6) return { date: addDays(date, -1), name, actual: date };
  if (weekday === 7) return { date: addDays(date, 1), name, actual: date };
  return { date, name };
}

const holidaysByYear = new Map<number, readonly FederalHoliday[]>();

/** A year's list, computed once: every receipt and meeting date is checked against it. */
function holidaysIn(year: number): readonly FederalHoliday[] {
  let list = holidaysByYear.get(year);
  if (!list) {
    list = holidaysOf(year);
    holidaysByYear.set(year, list);
  }
  return list;
}

/** The federal holidays observed in a calendar year (including a 1 January of the next year observed on 31 December). */
export function federalHolidays(year: number): FederalHoliday[] {
  return [...holidaysIn(year)];
}

function holidaysOf(year: number): FederalHoliday[] {
  const fixed = (month: number, day: number, name: string) => observed(formatDate({ year, month, day }), name);
  const list: FederalHoliday[] = [
    fixed(1, 1, 'New Year’s Day'),
    { date: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, 1, 3), name: 'Washington’s Birthday' },
    { date: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' },
    ...(year >= 2021 ? [fixed(6, 19, 'Juneteenth National Independence Day')] : []),
    fixed(7, 4, 'Independence Day'),
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    fixed(11, 11, 'Veterans Day'),
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    fixed(12, 25, 'Christmas Day'),
  ];
  // 5 U.S.C. 6103(c): Inauguration Day is a holiday in the Washington, DC area, where FDA sits
  // (20 January after a presidential election year; 21 January when the 20th is a Sunday).
  if (year % 4 === 1) {
    const jan20 = formatDate({ year, month: 1, day: 20 });
    list.push({ date: isoWeekday(jan20) === 7 ? addDays(jan20, 1) : jan20, name: 'Inauguration Day (Washington, DC area)' });
  }
  const nextNewYear = observed(formatDate({ year: year + 1, month: 1, day: 1 }), 'New Year’s Day');
  if (nextNewYear.date.startsWith(`${year}-`)) list.push(nextNewYear);
  return list.filter((h) => h.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}

/** The federal holiday observed on a date, if any. */
export function holidayOn(date: IsoDate): FederalHoliday | null {
  return holidaysIn(Number(date.slice(0, 4))).find((h) => h.date === date) ?? null;
}

export function isFdaBusinessDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date) === null;
}

export function nextFdaBusinessDay(date: IsoDate): IsoDate {
  let next = addDays(date, 1);
  while (!isFdaBusinessDay(next)) next = addDays(next, 1);
  return next;
}

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Why a date is not a business day ("a Saturday", "Thanksgiving Day (observed)"), or null. */
export function nonBusinessDayReason(date: IsoDate): string | null {
  const weekday = isoWeekday(date);
  if (weekday >= 6) return `a ${WEEKDAY_NAMES[weekday]}`;
  const holiday = holidayOn(date);
  if (holiday) return `a federal holiday (${holiday.name}${holiday.actual ? `, observed; the holiday itself is ${holiday.actual}` : ''})`;
  return null;
}

export interface ReceiptFlag {
  /** What is unusual about the receipt. */
  reason: string;
  /** The receipt date FDA would generally assign. */
  nextBusinessDay: IsoDate;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export function isReceiptTime(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

/**
 * A receipt on a weekend, a federal holiday or after 4:30 pm Eastern (time as HH:MM, Eastern)
 * is generally dated the next business day; null when the date stands as entered.
 */
export function receiptFlag(date: IsoDate, timeEastern?: string | null): ReceiptFlag | null {
  const dayReason = nonBusinessDayReason(date);
  if (dayReason) return { reason: `${date} is ${dayReason}`, nextBusinessDay: nextFdaBusinessDay(date) };
  if (timeEastern != null && timeEastern > RECEIPT_CUTOFF_ET) {
    return { reason: `received at ${timeEastern} Eastern time, after the 4:30 pm cut-off`, nextBusinessDay: nextFdaBusinessDay(date) };
  }
  return null;
}
