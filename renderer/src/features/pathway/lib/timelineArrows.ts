/** Dependency arrows of the timeline: elbow routes between bars, and which links drive the critical path. */
import type { Milestone, PathwayView } from '../../../../../electron/contract';
import { toDayNumberOrNull } from '../../../../../electron/contract/dates';
import { BAR_MID, DIAMOND_HALF, ROW_HEIGHT, type TimelineArrow, type TimelineRow } from './timelineTypes';

/** Horizontal run of an arrow before it turns, and the arrowhead size. */
const ARROW_GAP = 8;
const HEAD_LENGTH = 6;
const HEAD_HALF_WIDTH = 3.5;

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

/** Elbow route from a predecessor's finish to a successor's start, with the arrowhead at the successor. */
export function arrowGeometry(
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

/** One arrow per dependency whose ends are both drawn; non-critical first, so critical arrows are drawn on top. */
export function layoutArrows(
  view: PathwayView,
  rowByMilestone: ReadonlyMap<string, TimelineRow>,
  milestoneById: ReadonlyMap<string, Milestone>,
): TimelineArrow[] {
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
  return [...plainArrows, ...criticalArrows];
}
