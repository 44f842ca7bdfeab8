/** SVG paths of the timeline's marks, in chart coordinates. */
import { BAR_TOP } from './timelineTypes';

/** A diamond centred on (cx, cy): events, and planned dates of events. */
export const diamond = (cx: number, cy: number, half: number) => `M${cx},${cy - half}L${cx + half},${cy}L${cx},${cy + half}L${cx - half},${cy}Z`;

/** Summary bar with the downward end caps scheduling tools use for a group of tasks. */
export function summaryPath(x: number, y: number, width: number): string {
  const top = y + BAR_TOP + 2;
  const bottom = top + 6;
  const cap = Math.min(5, width / 2);
  return `M${x},${top}H${x + width}V${bottom + 5}L${x + width - cap},${bottom}H${x + cap}L${x},${bottom + 5}Z`;
}
