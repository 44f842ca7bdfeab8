/**
 * Geometry of the pathway timeline (Gantt chart), free of React and of the DOM so it can be
 * unit-tested and reused to draw the same chart for a Word export.
 *
 * Conventions follow the schedule engine: dates are 'YYYY-MM-DD', a milestone that starts on S
 * with duration d finishes on S + d, so a bar spans [start, finish) and an event (duration 0)
 * sits on its start date. Days are day numbers from the contract's date module (days since
 * 1970-01-01), so daylight-saving changes and the local time zone never shift a bar.
 */
import type { Milestone, MilestoneStatus, PathwayView, Stage } from '../../../../../electron/contract';
import { formatDate, fromDayNumber, isValidDate, parseDate, toDayNumber, toDayNumberOrNull } from '../../../../../electron/contract/dates';

export type TimelineZoom = 'months' | 'quarters' | 'years';

export const ZOOM_LEVELS: readonly { value: TimelineZoom; label: string }[] = [
  { value: 'months', label: 'Months' },
  { value: 'quarters', label: 'Quarters' },
  { value: 'years', label: 'Years' },
];

/** Chosen so one tick interval is wide enough for its label ("Jan 2027" ≈ 55 px). */
export const PIXELS_PER_DAY: Readonly<Record<TimelineZoom, number>> = { months: 4, quarters: 1.5, years: 0.5 };

/** Vertical geometry shared by the chart and the name column, so their rows line up. */
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 44;
/** Forecast bar band within a row; arrows attach to its middle. */
export const BAR_TOP = 6;
export const BAR_HEIGHT = 12;
export const BAR_MID = BAR_TOP + BAR_HEIGHT / 2;
/** Planned (baseline) band, below the forecast bar so a slip shows as an offset. */
export const PLANNED_TOP = 21;
export const PLANNED_HEIGHT = 4;
export const DIAMOND_HALF = 6;
/** Smallest bar drawn, so a one-day task at the years zoom stays visible and clickable. */
const MIN_BAR_WIDTH = 2;
/** Horizontal run of an arrow before it turns, and the arrowhead size. */
const ARROW_GAP = 8;
const HEAD_LENGTH = 6;
const HEAD_HALF_WIDTH = 3.5;

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

export interface BarGeometry {
  x: number;
  width: number;
}

export type TimelineRowStatus = MilestoneStatus | 'stage';

export interface TimelineRow {
  kind: 'stage' | 'milestone';
  /** Stage id or milestone id. */
  id: string;
  index: number;
  /** Top of the row, in chart coordinates (the header is drawn separately). */
  y: number;
  name: string;
  /** Stages: "done/total". */
  progress: string | null;
  status: TimelineRowStatus;
  critical: boolean;
  gate: boolean;
  /** Duration 0: drawn as a diamond at forecast.x. */
  event: boolean;
  forecast: BarGeometry | null;
  planned: BarGeometry | null;
  /** In progress: the x up to which the bar counts as elapsed (today, clamped to the bar). */
  elapsedX: number | null;
  /** Plain-text summary for a native tooltip or an export caption. */
  tooltip: string;
}

export interface TimelineArrow {
  key: string;
  predecessorId: string;
  successorId: string;
  /** Elbow polyline from the predecessor's finish to the successor's start. */
  path: string;
  /** Closed triangle at the successor's start, pointing right. */
  head: string;
  critical: boolean;
}

export interface TimelineTick {
  x: number;
  width: number;
  label: string;
  /** First tick of a calendar year: drawn as a stronger gridline. */
  yearStart: boolean;
}

export interface TimelineLayout {
  zoom: TimelineZoom;
  pixelsPerDay: number;
  /** First day shown (a unit boundary). */
  startDay: number;
  endDay: number;
  width: number;
  /** Height of the rows area (without the header). */
  height: number;
  rows: TimelineRow[];
  /** Non-critical first, so critical arrows are drawn on top. */
  arrows: TimelineArrow[];
  ticks: TimelineTick[];
  /** The status date the forecast was computed for (view.today). */
  today: string;
  todayX: number | null;
  /** Milestone id -> row, for hit-testing and scrolling to a milestone. */
  rowByMilestone: ReadonlyMap<string, TimelineRow>;
}

/** The zoom that shows the whole pathway at a readable density. */
export function defaultZoom(view: PathwayView): TimelineZoom {
  const range = dateRange(view);
  if (!range) return 'quarters';
  const days = range.max - range.min;
  if (days <= 550) return 'months';
  if (days <= 365 * 7) return 'quarters';
  return 'years';
}

function dateRange(view: PathwayView): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  const take = (iso: string | null) => {
    const day = toDayNumberOrNull(iso);
    if (day === null) return;
    if (day < min) min = day;
    if (day > max) max = day;
  };
  for (const stage of view.stages) {
    take(stage.forecastStart);
    take(stage.forecastFinish);
    for (const m of stage.milestones) {
      take(m.forecastStart);
      take(m.forecastFinish);
      take(m.plannedStart);
      take(m.plannedFinish);
    }
  }
  if (min === Infinity) return null;
  return { min, max };
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
}

function span(start: string | null, finish: string | null): string {
  if (!start && !finish) return 'not set';
  if (start && finish && start === finish) return formatDay(start);
  return `${start ? formatDay(start) : '?'} – ${finish ? formatDay(finish) : '?'}`;
}

function slipText(variance: number | null, dayUnit: string): string {
  if (variance === null || variance === 0) return variance === 0 ? ' (on plan)' : '';
  return variance > 0 ? ` (finish ${plural(variance, dayUnit)} late)` : ` (finish ${plural(-variance, dayUnit)} early)`;
}

const STATUS_TEXT: Readonly<Record<MilestoneStatus, string>> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

export function milestoneTooltip(m: Milestone, unit: PathwayView['unit']): string {
  const dayUnit = unit === 'working-days' ? 'working day' : 'day';
  const lines = [
    `${m.name}${m.gate ? ' (gate)' : ''}`,
    `${STATUS_TEXT[m.status]}${m.durationDays === 0 ? ' · event' : ` · ${plural(m.durationDays, dayUnit)}`}`,
    `Forecast: ${span(m.forecastStart, m.forecastFinish)}`,
    `Planned: ${m.plannedStart || m.plannedFinish ? span(m.plannedStart, m.plannedFinish) : 'not set'}${slipText(m.finishVarianceDays, dayUnit)}`,
  ];
  if (m.actualStart || m.actualFinish) lines.push(`Actual: ${span(m.actualStart, m.actualFinish)}`);
  lines.push(`Slack: ${plural(m.totalSlack, dayUnit)}`);
  lines.push(m.critical ? 'On the critical path' : 'Not on the critical path');
  return lines.join('\n');
}

function stagePlanned(stage: Stage): { start: string | null; finish: string | null } {
  let start: string | null = null;
  let finish: string | null = null;
  for (const m of stage.milestones) {
    // ISO dates compare correctly as strings.
    if (m.plannedStart && (start === null || m.plannedStart < start)) start = m.plannedStart;
    if (m.plannedFinish && (finish === null || m.plannedFinish > finish)) finish = m.plannedFinish;
  }
  return { start, finish };
}

function stageTooltip(stage: Stage, planned: { start: string | null; finish: string | null }, critical: boolean): string {
  return [
    stage.name,
    `${stage.done} of ${stage.total} milestones done`,
    `Forecast: ${span(stage.forecastStart, stage.forecastFinish)}`,
    `Planned: ${span(planned.start, planned.finish)}`,
    critical ? 'Contains critical milestones' : 'No critical milestones',
  ].join('\n');
}

/**
 * A dependency is highlighted when it drives a critical successor: both ends critical and,
 * on the calendar-day calendar, the successor starts exactly lag days after the predecessor
 * finishes. Working-day lags cannot be checked without the working calendar, so there both
 * ends being critical is enough (as most scheduling tools colour links).
 */
function isCriticalLink(pred: Milestone, succ: Milestone, lagDays: number, calendar: PathwayView['calendar']): boolean {
  if (!pred.critical || !succ.critical) return false;
  if (calendar !== 'calendar') return true;
  const finish = toDayNumberOrNull(pred.forecastFinish);
  const start = toDayNumberOrNull(succ.forecastStart);
  return finish !== null && start !== null && start - finish === lagDays;
}

const round = (n: number) => Math.round(n * 10) / 10;

function arrowGeometry(
  from: { x: number; y: number },
  to: { x: number; y: number },
): { path: string; head: string } {
  const tipX = to.x;
  const endX = tipX - HEAD_LENGTH;
  let path: string;
  if (endX - from.x >= ARROW_GAP) {
    // Room to turn before the successor: out, down (or up), in.
    const turnX = from.x + ARROW_GAP;
    path = `M${round(from.x)},${round(from.y)}H${round(turnX)}V${round(to.y)}H${round(endX)}`;
  } else {
    // The successor starts at or before the predecessor's finish (lag 0 or a lead): run along
    // the row boundary next to the successor and come back in from its left.
    const boundaryY = to.y > from.y ? to.y - BAR_MID : to.y + (ROW_HEIGHT - BAR_MID);
    const outX = from.x + ARROW_GAP;
    const inX = endX - ARROW_GAP;
    path = `M${round(from.x)},${round(from.y)}H${round(outX)}V${round(boundaryY)}H${round(inX)}V${round(to.y)}H${round(endX)}`;
  }
  const head = `M${round(tipX)},${round(to.y)}L${round(endX)},${round(to.y - HEAD_HALF_WIDTH)}L${round(endX)},${round(to.y + HEAD_HALF_WIDTH)}Z`;
  return { path, head };
}

/** Computes every position the chart draws. O(milestones + dependencies + ticks). */
export function layoutTimeline(view: PathwayView, zoom: TimelineZoom): TimelineLayout {
  const pixelsPerDay = PIXELS_PER_DAY[zoom];
  const todayDay = toDayNumberOrNull(view.today);
  const range = dateRange(view) ?? { min: todayDay ?? 0, max: todayDay ?? 0 };
  const min = todayDay === null ? range.min : Math.min(range.min, todayDay);
  const max = todayDay === null ? range.max : Math.max(range.max, todayDay);
  // A little room either side so the first bar and the last label are not flush with the edge.
  const padDays = Math.ceil(24 / pixelsPerDay);
  const startDay = unitStart(min - padDays, zoom);
  const ticks: TimelineTick[] = [];
  const step = UNIT_MONTHS[zoom];
  let tickDay = startDay;
  const lastDay = max + padDays;
  while (tickDay <= lastDay) {
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
  const endDay = tickDay;
  const width = (endDay - startDay) * pixelsPerDay;
  const xOf = (day: number) => (day - startDay) * pixelsPerDay;
  const bar = (start: string | null, finish: string | null): BarGeometry | null => {
    const s = toDayNumberOrNull(start);
    const f = toDayNumberOrNull(finish);
    if (s === null || f === null) return null;
    return { x: xOf(s), width: Math.max(MIN_BAR_WIDTH, (f - s) * pixelsPerDay) };
  };

  const rows: TimelineRow[] = [];
  const rowByMilestone = new Map<string, TimelineRow>();
  const milestoneById = new Map<string, Milestone>();
  const stages = [...view.stages].sort((a, b) => a.position - b.position);
  for (const stage of stages) {
    const planned = stagePlanned(stage);
    const critical = stage.milestones.some((m) => m.critical);
    rows.push({
      kind: 'stage',
      id: stage.id,
      index: rows.length,
      y: rows.length * ROW_HEIGHT,
      name: stage.name,
      progress: `${stage.done}/${stage.total}`,
      status: 'stage',
      critical,
      gate: false,
      event: false,
      forecast: bar(stage.forecastStart, stage.forecastFinish),
      planned: bar(planned.start, planned.finish),
      elapsedX: null,
      tooltip: stageTooltip(stage, planned, critical),
    });
    const milestones = [...stage.milestones].sort((a, b) => a.position - b.position);
    for (const m of milestones) {
      const forecast = bar(m.forecastStart, m.forecastFinish);
      let elapsedX: number | null = null;
      if (m.status === 'in-progress' && forecast && todayDay !== null) {
        elapsedX = Math.min(forecast.x + forecast.width, Math.max(forecast.x, xOf(todayDay)));
      }
      const row: TimelineRow = {
        kind: 'milestone',
        id: m.id,
        index: rows.length,
        y: rows.length * ROW_HEIGHT,
        name: m.name,
        progress: null,
        status: m.status,
        critical: m.critical,
        gate: m.gate,
        event: m.durationDays === 0,
        forecast,
        planned: bar(m.plannedStart ?? m.plannedFinish, m.plannedFinish ?? m.plannedStart),
        elapsedX,
        tooltip: milestoneTooltip(m, view.unit),
      };
      rows.push(row);
      rowByMilestone.set(m.id, row);
      milestoneById.set(m.id, m);
    }
  }

  const plainArrows: TimelineArrow[] = [];
  const criticalArrows: TimelineArrow[] = [];
  for (const dep of view.dependencies) {
    const fromRow = rowByMilestone.get(dep.predecessorId);
    const toRow = rowByMilestone.get(dep.successorId);
    const pred = milestoneById.get(dep.predecessorId);
    const succ = milestoneById.get(dep.successorId);
    if (!fromRow?.forecast || !toRow?.forecast || !pred || !succ) continue;
    // Events are diamonds: attach to their tips rather than their centres.
    const fromX = fromRow.event ? fromRow.forecast.x + DIAMOND_HALF : fromRow.forecast.x + fromRow.forecast.width;
    const toX = toRow.event ? toRow.forecast.x - DIAMOND_HALF : toRow.forecast.x;
    const { path, head } = arrowGeometry({ x: fromX, y: fromRow.y + BAR_MID }, { x: toX, y: toRow.y + BAR_MID });
    const critical = isCriticalLink(pred, succ, dep.lagDays, view.calendar);
    const arrow: TimelineArrow = {
      key: `${dep.predecessorId}>${dep.successorId}`,
      predecessorId: dep.predecessorId,
      successorId: dep.successorId,
      path,
      head,
      critical,
    };
    (critical ? criticalArrows : plainArrows).push(arrow);
  }

  return {
    zoom,
    pixelsPerDay,
    startDay,
    endDay,
    width,
    height: rows.length * ROW_HEIGHT,
    rows,
    arrows: [...plainArrows, ...criticalArrows],
    ticks,
    today: view.today,
    todayX: todayDay === null ? null : xOf(todayDay),
    rowByMilestone,
  };
}
