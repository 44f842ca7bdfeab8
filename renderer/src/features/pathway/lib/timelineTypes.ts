/**
 * What the pathway timeline (Gantt chart) draws, and the fixed sizes it draws it with, shared
 * by the layout (lib/timelineLayout.ts) and the components that paint it.
 */
import type { MilestoneStatus } from '../../../../../electron/contract';

export type TimelineZoom = 'months' | 'quarters' | 'years';

export const ZOOM_LEVELS: readonly { value: TimelineZoom; label: string }[] = [
  { value: 'months', label: 'Months' },
  { value: 'quarters', label: 'Quarters' },
  { value: 'years', label: 'Years' },
];

export const isZoom = (value: string): value is TimelineZoom => ZOOM_LEVELS.some((z) => z.value === value);

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
