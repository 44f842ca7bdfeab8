/** Where the timeline scrolls: a day brought to a given fraction of the visible chart. */
import { toDayNumberOrNull } from '../../../../../electron/contract/dates';
import type { TimelineLayout } from './timelineTypes';

export interface ScrollTarget {
  day: number;
  /** Where the day lands across the visible chart, 0 = left edge. */
  fraction: number;
}

/** Where "today" lands in the visible chart when the timeline opens: most of the width shows what is ahead. */
const TODAY_FRACTION = 0.3;

export function todayTarget(today: string): ScrollTarget | null {
  const day = toDayNumberOrNull(today);
  return day === null ? null : { day, fraction: TODAY_FRACTION };
}

/** The scroll offset that puts the target where it asks, for a chart `visible` pixels wide. */
export function scrollLeftFor(target: ScrollTarget, layout: Pick<TimelineLayout, 'startDay' | 'pixelsPerDay'>, visible: number): number {
  const left = (target.day - layout.startDay) * layout.pixelsPerDay - visible * target.fraction;
  // Close to the start, show the start itself rather than cut the first axis label.
  return left < visible * 0.25 ? 0 : left;
}

/** The date at the centre of the view, so a zoom change keeps the user's place. */
export function centreTarget(layout: Pick<TimelineLayout, 'startDay' | 'pixelsPerDay'>, scrollLeft: number, visible: number): ScrollTarget {
  return { day: layout.startDay + (scrollLeft + visible / 2) / layout.pixelsPerDay, fraction: 0.5 };
}
