/**
 * Geometry of the pathway timeline (Gantt chart), free of React and of the DOM so it can be
 * unit-tested and reused to draw the same chart for a Word export.
 *
 * Conventions follow the schedule engine: dates are 'YYYY-MM-DD', a milestone that starts on S
 * with duration d finishes on S + d, so a bar spans [start, finish) and an event (duration 0)
 * sits on its start date. Days are day numbers from the contract's date module (days since
 * 1970-01-01), so daylight-saving changes and the local time zone never shift a bar.
 */
import type { Milestone, PathwayView, Stage } from '../../../../../electron/contract';
import { toDayNumberOrNull } from '../../../../../electron/contract/dates';
import { layoutArrows } from './timelineArrows';
import { axisTicks } from './timelineAxis';
import { milestoneTooltip, stageTooltip } from './timelineTooltips';
import { PIXELS_PER_DAY, ROW_HEIGHT, type BarGeometry, type TimelineLayout, type TimelineRow, type TimelineZoom } from './timelineTypes';

/** Smallest bar drawn, so a one-day task at the years zoom stays visible and clickable. */
const MIN_BAR_WIDTH = 2;

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

/** Computes every position the chart draws. O(milestones + dependencies + ticks). */
export function layoutTimeline(view: PathwayView, zoom: TimelineZoom): TimelineLayout {
  const pixelsPerDay = PIXELS_PER_DAY[zoom];
  const todayDay = toDayNumberOrNull(view.today);
  const range = dateRange(view) ?? { min: todayDay ?? 0, max: todayDay ?? 0 };
  const min = todayDay === null ? range.min : Math.min(range.min, todayDay);
  const max = todayDay === null ? range.max : Math.max(range.max, todayDay);
  // A little room either side so the first bar and the last label are not flush with the edge.
  const padDays = Math.ceil(24 / pixelsPerDay);
  const { startDay, endDay, ticks } = axisTicks(min - padDays, max + padDays, zoom, pixelsPerDay);
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

  return {
    zoom,
    pixelsPerDay,
    startDay,
    endDay,
    width,
    height: rows.length * ROW_HEIGHT,
    rows,
    arrows: layoutArrows(view, rowByMilestone, milestoneById),
    ticks,
    today: view.today,
    todayX: todayDay === null ? null : xOf(todayDay),
    rowByMilestone,
  };
}

/** The view with the reference baseline's dates in place of the planned ones (and its variance), to draw the forecast against the baseline. */
export function againstBaseline(view: PathwayView): PathwayView {
  return {
    ...view,
    stages: view.stages.map((stage) => ({
      ...stage,
      milestones: stage.milestones.map((m) => ({ ...m, plannedStart: m.baselineStart, plannedFinish: m.baselineFinish, finishVarianceDays: m.baselineVarianceDays })),
    })),
  };
}
