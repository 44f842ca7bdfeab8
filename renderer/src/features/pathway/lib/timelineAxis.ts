/** The calendar axis of the timeline: unit boundaries, ticks and their labels, in day numbers. */
import { formatDate, fromDayNumber, isValidDate, parseDate, toDayNumber } from '../../../../../electron/contract/dates';
import type { TimelineTick, TimelineZoom } from './timelineTypes';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Year and month (1-12) of a day number. */
function monthOf(day: number): { year: number; month: number } {
  const { year, month } = parseDate(fromDayNumber(day));
  return { year, month };
}

/** Day number of the first of a month; a month past 12 carries into the next year, which keeps unit stepping simple. */
function monthStartDay(year: number, month: number): number {
  const carry = Math.floor((month - 1) / 12);
  return toDayNumber(formatDate({ year: year + carry, month: month - carry * 12, day: 1 }));
}

/** 'D MMM YYYY', the format the rest of the app shows dates in. */
export function formatDay(iso: string): string {
  if (!isValidDate(iso)) return iso;
  const { year, month, day } = parseDate(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const UNIT_MONTHS: Readonly<Record<TimelineZoom, number>> = { months: 1, quarters: 3, years: 12 };

function unitStart(day: number, zoom: TimelineZoom): number {
  const { year, month } = monthOf(day);
  return monthStartDay(year, month - ((month - 1) % UNIT_MONTHS[zoom]));
}

function tickLabel(day: number, zoom: TimelineZoom): string {
  const { year, month } = monthOf(day);
  if (zoom === 'months') return `${MONTHS[month - 1]} ${year}`;
  if (zoom === 'quarters') return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  return String(year);
}

/**
 * Whole units (months, quarters or years) covering the days from `first` to `last`: the axis
 * starts on the unit boundary at or before `first` and ends on the one after `last`.
 */
export function axisTicks(first: number, last: number, zoom: TimelineZoom, pixelsPerDay: number): { startDay: number; endDay: number; ticks: TimelineTick[] } {
  const startDay = unitStart(first, zoom);
  const step = UNIT_MONTHS[zoom];
  const ticks: TimelineTick[] = [];
  let tickDay = startDay;
  while (tickDay <= last) {
    const { year, month } = monthOf(tickDay);
    const next = monthStartDay(year, month + step);
    ticks.push({
      x: (tickDay - startDay) * pixelsPerDay,
      width: (next - tickDay) * pixelsPerDay,
      label: tickLabel(tickDay, zoom),
      yearStart: month === 1,
    });
    tickDay = next;
  }
  return { startDay, endDay: tickDay, ticks };
}
