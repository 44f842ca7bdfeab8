/**
 * The schedule engine: a critical-path (CPM) calculation over milestones linked by
 * finish-to-start dependencies with lags, aware of actual dates and of "today".
 *
 * Conventions (all times are whole days):
 * - A milestone of duration d that starts on S finishes on S + d; duration 0 is an event
 *   (finish = start). A successor starts no earlier than predecessor finish + lag; the lag may
 *   be negative (a lead).
 * - Nothing is forecast to start before the anchor (the project start) unless it has an actual.
 * - Planned dates are the baseline the forecast is measured against. By default a planned
 *   start also holds back a milestone without predecessors (the network says nothing about
 *   when it starts, so the plan is the best information); `plannedStartConstraint` widens that
 *   to every milestone ('all', a start-no-earlier-than constraint) or switches it off ('none').
 *   Planned finishes never move the forecast.
 * - Actuals override: an actual start fixes the start; an actual finish fixes the finish. An
 *   actual finish without an actual start puts the start at finish - duration.
 * - With `today`: a started milestone without an actual finish cannot finish before today (its
 *   forecast finish is pushed to today, because it is evidently still running), and a
 *   milestone that has not started cannot start before today (it did not start in the past,
 *   or an actual start would say so). Successors follow through the network, so a late
 *   predecessor pushes everything after it.
 * - Working calendar: durations and lags count Monday-Friday only and computed starts land on
 *   working days (a weekend anchor, planned start or today rolls forward to Monday). The
 *   computation runs on "working indexes" (consecutive numbers for working days), so the
 *   arithmetic is plain integer addition in either calendar. Actual dates are reported as
 *   recorded, even on a weekend. Slack and variances are in the calendar's unit.
 *
 * Early dates are the forward pass over the network with actuals and today applied, so they
 * equal the forecast dates; both are returned because callers read them with different
 * intent (CPM window vs expected date). Late dates come from a backward pass from the project
 * finish. A milestone that has started no longer waits on its predecessors, so its incoming
 * dependencies are left out of the backward pass: otherwise a start recorded "too early"
 * would show as negative slack on work that can no longer delay it. With that, slack is never
 * negative and critical means slack 0.
 *
 * Cost is O(V + E): one topological sort (Kahn), one forward and one backward pass over
 * compact adjacency arrays.
 */
import {
  dayNumberOfWorkingIndex,
  fromDayNumber,
  InvalidDateError,
  toDayNumber,
  workingIndexOnOrAfter,
  workingIndexOnOrBefore,
  type IsoDate,
} from '../contract/dates';
import { buildGraph, cycleFromGraph, ScheduleCycleError, ScheduleInputError } from './scheduleGraph';

export { findCycle, ScheduleCycleError, ScheduleInputError } from './scheduleGraph';

export interface ScheduleMilestone {
  id: string;
  durationDays: number;
  plannedStart?: IsoDate | null;
  plannedFinish?: IsoDate | null;
  actualStart?: IsoDate | null;
  actualFinish?: IsoDate | null;
}

/** Finish-to-start: successor start >= predecessor finish + lagDays. */
export interface ScheduleDependency {
  predecessorId: string;
  successorId: string;
  lagDays: number;
}

export type ScheduleCalendar = 'calendar' | 'working';

/** Which milestones a planned start holds back (see the module comment). */
export type PlannedStartConstraint = 'roots' | 'all' | 'none';

export interface ScheduleOptions {
  /** Project start, YYYY-MM-DD. */
  anchor: IsoDate;
  calendar: ScheduleCalendar;
  /** Status date; without it actual dates still override but nothing is pushed to today. */
  today?: IsoDate | null;
  /** Default 'roots'. */
  plannedStartConstraint?: PlannedStartConstraint;
}

export type MilestoneProgress = 'not-started' | 'in-progress' | 'complete';

export interface ScheduledMilestone {
  id: string;
  progress: MilestoneProgress;
  earlyStart: IsoDate;
  earlyFinish: IsoDate;
  lateStart: IsoDate;
  lateFinish: IsoDate;
  forecastStart: IsoDate;
  forecastFinish: IsoDate;
  /** lateStart - earlyStart in the calendar's unit; never negative. */
  totalSlack: number;
  critical: boolean;
  /** forecast - planned in the calendar's unit (positive = late); null without a planned date. */
  startVarianceDays: number | null;
  finishVarianceDays: number | null;
}

export interface Schedule {
  calendar: ScheduleCalendar;
  unit: 'calendar-days' | 'working-days';
  /** In input order. */
  milestones: ScheduledMilestone[];
  /** Topological order (ties keep input order). */
  order: string[];
  /** One zero-slack chain, first to last, ending at the milestone that finishes the project. */
  criticalPath: string[];
  /** Latest forecast finish; null for an empty schedule. */
  projectFinish: IsoDate | null;
}

function checkDuration(milestone: ScheduleMilestone, position: number): number {
  const duration = milestone.durationDays;
  if (!Number.isInteger(duration) || duration < 0) {
    throw new ScheduleInputError(
      `milestones[${position}] (${milestone.id}).durationDays: expected a whole number of days >= 0, got ${String(duration)}`,
    );
  }
  return duration;
}

function optionalDayNumber(value: IsoDate | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  try {
    return toDayNumber(value);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new ScheduleInputError(`${field}: ${error.message}`);
    throw error;
  }
}

const NONE = -1;

/**
 * Forward and backward pass over the milestone network.
 * Throws ScheduleInputError (bad ids, durations, lags or dates) or ScheduleCycleError.
 */
export function computeSchedule(
  milestones: readonly ScheduleMilestone[],
  dependencies: readonly ScheduleDependency[],
  options: ScheduleOptions,
): Schedule {
  const { calendar } = options;
  if (calendar !== 'calendar' && calendar !== 'working') {
    throw new ScheduleInputError(`options.calendar: expected 'calendar' or 'working', got ${String(calendar)}`);
  }
  const plannedStartRule = options.plannedStartConstraint ?? 'roots';
  if (plannedStartRule !== 'roots' && plannedStartRule !== 'all' && plannedStartRule !== 'none') {
    throw new ScheduleInputError(
      `options.plannedStartConstraint: expected 'roots', 'all' or 'none', got ${String(plannedStartRule)}`,
    );
  }
  const anchorDay = optionalDayNumber(options.anchor, 'options.anchor');
  if (anchorDay === null) throw new ScheduleInputError('options.anchor: the project start date is required');
  const todayDay = optionalDayNumber(options.today, 'options.today');
  const working = calendar === 'working';
  const unit = working ? 'working-days' : 'calendar-days';

  const nodeCount = milestones.length;
  const ids = new Array<string>(nodeCount);
  for (let i = 0; i < nodeCount; i++) ids[i] = milestones[i]!.id;
  const graph = buildGraph(ids, dependencies, true);
  const { offsets, edgeTarget, edgeLag } = graph;

  // The "axis" is day numbers in the calendar mode and working indexes in the working mode.
  // Dates that start something roll forward to a working day; a finish on a weekend lets
  // successors start on the Monday after it.
  const toAxis = working ? workingIndexOnOrAfter : (day: number) => day;
  const axisToDay = working ? dayNumberOfWorkingIndex : (axis: number) => axis;
  // Variance counts the days between two dates as diffDays / diffWorkingDays do.
  const varianceAxis = working ? workingIndexOnOrBefore : (day: number) => day;

  const anchorAxis = toAxis(anchorDay);
  const todayAxis = todayDay === null ? null : toAxis(todayDay);

  const duration = new Int32Array(nodeCount);
  const plannedStartDay = new Float64Array(nodeCount).fill(NaN);
  const plannedFinishDay = new Float64Array(nodeCount).fill(NaN);
  const actualStartDay = new Float64Array(nodeCount).fill(NaN);
  const actualFinishDay = new Float64Array(nodeCount).fill(NaN);
  for (let i = 0; i < nodeCount; i++) {
    const milestone = milestones[i]!;
    duration[i] = checkDuration(milestone, i);
    const label = `milestones[${i}] (${milestone.id})`;
    const plannedStart = optionalDayNumber(milestone.plannedStart, `${label}.plannedStart`);
    const plannedFinish = optionalDayNumber(milestone.plannedFinish, `${label}.plannedFinish`);
    const actualStart = optionalDayNumber(milestone.actualStart, `${label}.actualStart`);
    const actualFinish = optionalDayNumber(milestone.actualFinish, `${label}.actualFinish`);
    if (actualStart !== null && actualFinish !== null && actualFinish < actualStart) {
      throw new ScheduleInputError(
        `${label}.actualFinish: ${String(milestone.actualFinish)} is before the actual start ${String(milestone.actualStart)}`,
      );
    }
    if (plannedStart !== null) plannedStartDay[i] = plannedStart;
    if (plannedFinish !== null) plannedFinishDay[i] = plannedFinish;
    if (actualStart !== null) actualStartDay[i] = actualStart;
    if (actualFinish !== null) actualFinishDay[i] = actualFinish;
  }

  // Topological order by Kahn's algorithm; a FIFO queue seeded in input order keeps it stable.
  const order = new Int32Array(nodeCount);
  const remainingIn = graph.inDegree.slice();
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodeCount; v++) if (remainingIn[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = edgeTarget[e]!;
      if (--remainingIn[w]! === 0) order[tail++] = w;
    }
  }
  if (tail < nodeCount) {
    throw new ScheduleCycleError(cycleFromGraph(ids, graph) ?? []);
  }

  // Forward pass: push each node's finish + lag into its successors' network start.
  const networkStart = new Float64Array(nodeCount).fill(-Infinity);
  const networkDriver = new Int32Array(nodeCount).fill(NONE);
  const earlyStart = new Float64Array(nodeCount);
  const earlyFinish = new Float64Array(nodeCount);
  const started = new Uint8Array(nodeCount);
  const driver = new Int32Array(nodeCount).fill(NONE);
  let projectFinishAxis = -Infinity;
  for (let k = 0; k < nodeCount; k++) {
    const v = order[k]!;
    const isRoot = graph.inDegree[v] === 0;
    let start = anchorAxis;
    const planned = plannedStartDay[v]!;
    if (!Number.isNaN(planned) && (plannedStartRule === 'all' || (plannedStartRule === 'roots' && isRoot))) {
      start = Math.max(start, toAxis(planned));
    }
    if (networkStart[v]! >= start) {
      start = networkStart[v]!;
      driver[v] = networkDriver[v]!;
    }
    const actualStart = actualStartDay[v]!;
    const actualFinish = actualFinishDay[v]!;
    let finish: number;
    if (!Number.isNaN(actualStart)) {
      started[v] = 1;
      driver[v] = NONE;
      start = toAxis(actualStart);
      finish = Number.isNaN(actualFinish) ? start + duration[v]! : toAxis(actualFinish);
      if (Number.isNaN(actualFinish) && todayAxis !== null && finish < todayAxis) finish = todayAxis;
    } else if (!Number.isNaN(actualFinish)) {
      started[v] = 1;
      driver[v] = NONE;
      finish = toAxis(actualFinish);
      start = finish - duration[v]!;
    } else {
      if (todayAxis !== null && start < todayAxis) {
        start = todayAxis;
        driver[v] = NONE;
      }
      finish = start + duration[v]!;
    }
    earlyStart[v] = start;
    earlyFinish[v] = finish;
    if (finish > projectFinishAxis) projectFinishAxis = finish;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = edgeTarget[e]!;
      const candidate = finish + edgeLag[e]!;
      // Strictly greater: on a tie the first dependency in input order stays the driver.
      if (candidate > networkStart[w]!) {
        networkStart[w] = candidate;
        networkDriver[w] = v;
      }
    }
  }

  // Backward pass, capped at the project finish so that a lead (negative lag) into a short
  // successor cannot give the milestone that ends the project a late finish beyond it.
  const lateStart = new Float64Array(nodeCount);
  for (let k = nodeCount - 1; k >= 0; k--) {
    const v = order[k]!;
    let lateFinish = projectFinishAxis;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = edgeTarget[e]!;
      if (started[w] === 1) continue;
      const limit = lateStart[w]! - edgeLag[e]!;
      if (limit < lateFinish) lateFinish = limit;
    }
    lateStart[v] = lateFinish - (earlyFinish[v]! - earlyStart[v]!);
  }

  // Many milestones share dates, so formatting through a cache saves most of the work.
  const formatted = new Map<number, IsoDate>();
  const formatDay = (day: number): IsoDate => {
    let text = formatted.get(day);
    if (text === undefined) {
      text = fromDayNumber(day);
      formatted.set(day, text);
    }
    return text;
  };
  const formatAxis = (axis: number): IsoDate => formatDay(axisToDay(axis));

  const result = new Array<ScheduledMilestone>(nodeCount);
  const reportedFinishDay = new Float64Array(nodeCount);
  let projectFinishDay = -Infinity;
  for (let v = 0; v < nodeCount; v++) {
    const milestone = milestones[v]!;
    const hasActualStart = !Number.isNaN(actualStartDay[v]!);
    const hasActualFinish = !Number.isNaN(actualFinishDay[v]!);
    const startDay = hasActualStart ? actualStartDay[v]! : axisToDay(earlyStart[v]!);
    const finishDay = hasActualFinish ? actualFinishDay[v]! : axisToDay(earlyFinish[v]!);
    const start = hasActualStart ? (milestone.actualStart as IsoDate) : formatDay(startDay);
    const finish = hasActualFinish ? (milestone.actualFinish as IsoDate) : formatDay(finishDay);
    const slack = lateStart[v]! - earlyStart[v]!;
    const lateFinishAxis = lateStart[v]! + (earlyFinish[v]! - earlyStart[v]!);
    const plannedStart = plannedStartDay[v]!;
    const plannedFinish = plannedFinishDay[v]!;
    reportedFinishDay[v] = finishDay;
    if (finishDay > projectFinishDay) projectFinishDay = finishDay;
    const critical = slack <= 0;
    result[v] = {
      id: milestone.id,
      progress: hasActualFinish ? 'complete' : hasActualStart ? 'in-progress' : 'not-started',
      earlyStart: start,
      earlyFinish: finish,
      lateStart: formatAxis(lateStart[v]!),
      lateFinish: formatAxis(lateFinishAxis),
      forecastStart: start,
      forecastFinish: finish,
      totalSlack: slack,
      critical,
      startVarianceDays: Number.isNaN(plannedStart) ? null : varianceAxis(startDay) - varianceAxis(plannedStart),
      finishVarianceDays: Number.isNaN(plannedFinish) ? null : varianceAxis(finishDay) - varianceAxis(plannedFinish),
    };
  }

  // The chain ends at the last milestone, in topological order, that finishes the project: an
  // event that closes the project comes after the work that leads to it. Compare reported
  // dates, not the axis: in the working calendar a Saturday actual finish and a Monday forecast
  // share an axis value, and the chain must end on the date shown as the project finish.
  // Walk back along the dependencies that set each start; the driver of a zero-slack milestone
  // has zero slack too.
  let lastCritical = NONE;
  for (let k = nodeCount - 1; k >= 0 && lastCritical === NONE; k--) {
    const v = order[k]!;
    if (reportedFinishDay[v] === projectFinishDay && result[v]!.critical) lastCritical = v;
  }
  const criticalPath: string[] = [];
  for (let v = lastCritical; v !== NONE; v = driver[v]!) criticalPath.push(ids[v]!);
  criticalPath.reverse();

  const orderIds = new Array<string>(nodeCount);
  for (let k = 0; k < nodeCount; k++) orderIds[k] = ids[order[k]!]!;

  return {
    calendar,
    unit,
    milestones: result,
    order: orderIds,
    criticalPath,
    projectFinish: nodeCount === 0 ? null : formatDay(projectFinishDay),
  };
}
