import { Resvg } from '@resvg/resvg-js';
import type { PathwayView, Stage } from '../../contract';
import { fromDayNumber, toDayNumber } from '../../contract/dates';
import { safeText } from './safeText';

/*
 * A print Gantt of the pathway's stages for the plan export: black text on white, one forecast
 * bar per stage with the planned span of its milestones as a thin grey bar beneath, each
 * milestone as a diamond at its forecast finish (red when on the critical path), the critical
 * path as a red line through the critical milestones from stage to stage, ticks chosen from
 * the span, and a dashed line on the status date. Pure SVG text; resvg turns it
 * into the PNG that Word embeds (Word's own SVG support is patchy across versions).
 */

export interface TimelineOptions {
  /** Width of the drawing in SVG user units (pixels at 96 dpi before scaling). */
  width: number;
}

// Arial where it exists (Windows, macOS), its metric twin Liberation Sans on Linux.
const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";
const INK = '#000000';
const MUTED = '#595959';
const GRID = '#d9d9d9';
const FORECAST = '#2f4f75';
const FORECAST_DONE = '#1f3864';
const PLANNED = '#a6a6a6';
const CRITICAL = '#c00000';

const ROW = 34;
const AXIS = 40;
const LEGEND = 58;
const PAD = 12;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function escapeXml(text: string): string {
  // The figure is SVG, XML like the document: user text passes the same filter.
  return safeText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Planned span of a stage: earliest planned start to latest planned finish of its milestones. */
export function plannedSpan(stage: Stage): { start: string; finish: string } | null {
  let start: string | null = null;
  let finish: string | null = null;
  for (const m of stage.milestones) {
    const s = m.plannedStart ?? m.plannedFinish;
    const f = m.plannedFinish ?? m.plannedStart;
    if (s !== null && (start === null || s < start)) start = s;
    if (f !== null && (finish === null || f > finish)) finish = f;
  }
  return start === null || finish === null ? null : { start, finish };
}

interface Tick {
  day: number;
  label: string;
  major: boolean;
}

function monthStart(year: number, month: number): number {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return toDayNumber(`${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`);
}

/** Month ticks under ~18 months, quarters under ~4 years, years beyond. */
export function chooseTicks(fromDay: number, toDay: number): Tick[] {
  const span = toDay - fromDay;
  const [y0, m0] = fromDay0(fromDay);
  const step = span <= 550 ? 1 : span <= 1460 ? 3 : 12;
  // Align the first tick on a boundary of the step (January for years, quarter starts for quarters).
  let month = y0 * 12 + m0 - ((y0 * 12 + m0) % step);
  const ticks: Tick[] = [];
  for (let guard = 0; guard < 400; guard++, month += step) {
    const year = Math.floor(month / 12);
    const m = month % 12;
    const day = monthStart(year, m);
    if (day > toDay) break;
    if (day < fromDay) continue;
    const label = step === 1 ? (m === 0 ? `${MONTHS[m]} ${year}` : MONTHS[m]!) : step === 3 ? `Q${m / 3 + 1} ${year}` : String(year);
    ticks.push({ day, label, major: m === 0 });
  }
  return ticks;
}

function fromDay0(day: number): [number, number] {
  const iso = fromDayNumber(day);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1];
}

/* The figure is printed at the portrait text width (6.5 in, 624 px at 96 dpi) and its type is
 * sized for that. A wider request draws the same layout scaled up (a sharper image, not
 * smaller print); a narrower one lays out in the width given. */
const DESIGN_WIDTH = 624;

export function renderTimelineSvg(pathway: PathwayView, { width: requested }: TimelineOptions): string {
  const width = Math.min(requested, DESIGN_WIDTH);
  const scale = requested / width;
  const stages = [...pathway.stages].sort((a, b) => a.position - b.position);
  const today = toDayNumber(pathway.today);
  const days: number[] = [today];
  for (const stage of stages) {
    if (stage.forecastStart !== null) days.push(toDayNumber(stage.forecastStart));
    if (stage.forecastFinish !== null) days.push(toDayNumber(stage.forecastFinish));
    const planned = plannedSpan(stage);
    if (planned !== null) days.push(toDayNumber(planned.start), toDayNumber(planned.finish));
  }
  // Whole months either side, so the first and last bars do not touch the frame.
  const [ys, ms] = fromDay0(Math.min(...days));
  const [ye, me] = fromDay0(Math.max(...days));
  const from = monthStart(ys, ms);
  const to = Math.max(monthStart(ye, me + 1), from + 31);

  const labelWidth = Math.min(190, Math.round(width * 0.27));
  const plotLeft = PAD + labelWidth;
  const plotRight = width - PAD - 34; // room for the done/total label at the end of a late bar
  const plotTop = AXIS;
  const rows = Math.max(stages.length, 1);
  const plotBottom = plotTop + rows * ROW;
  const height = plotBottom + LEGEND + PAD;
  const x = (day: number) => plotLeft + ((day - from) / (to - from)) * (plotRight - plotLeft);
  const n = (v: number) => Math.round(v * 10) / 10;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(requested)}" height="${n(height * scale)}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
  );
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);

  // Grid and axis labels.
  for (const tick of chooseTicks(from, to)) {
    const tx = n(x(tick.day));
    parts.push(`<line x1="${tx}" y1="${plotTop - 6}" x2="${tx}" y2="${plotBottom}" stroke="${tick.major ? '#bfbfbf' : GRID}" stroke-width="${tick.major ? 1 : 0.7}"/>`);
    parts.push(`<text x="${n(tx + 3)}" y="${plotTop - 10}" font-size="10" fill="${INK}">${escapeXml(tick.label)}</text>`);
  }
  parts.push(`<line x1="${plotLeft}" y1="${plotTop}" x2="${plotRight}" y2="${plotTop}" stroke="${INK}" stroke-width="0.8"/>`);
  parts.push(`<line x1="${plotLeft}" y1="${plotBottom}" x2="${plotRight}" y2="${plotBottom}" stroke="${INK}" stroke-width="0.8"/>`);

  stages.forEach((stage, i) => {
    const top = plotTop + i * ROW;
    if (i % 2 === 1) parts.push(`<rect x="${PAD}" y="${top}" width="${plotRight - PAD}" height="${ROW}" fill="#f4f6f8"/>`);
    parts.push(`<text x="${PAD + 2}" y="${top + 15}" font-size="11" font-weight="bold" fill="${INK}">${escapeXml(clip(stage.name, labelWidth, 11 * 0.6))}</text>`);
    parts.push(`<text x="${PAD + 2}" y="${top + 28}" font-size="9.5" fill="${MUTED}">${stage.done}/${stage.total} milestones done</text>`);
    if (stage.forecastStart !== null && stage.forecastFinish !== null) {
      const x1 = x(toDayNumber(stage.forecastStart));
      const x2 = Math.max(x(toDayNumber(stage.forecastFinish)), x1 + 2);
      const complete = stage.total > 0 && stage.done === stage.total;
      parts.push(`<rect x="${n(x1)}" y="${top + 7}" width="${n(x2 - x1)}" height="13" rx="2" fill="${complete ? FORECAST_DONE : FORECAST}"/>`);
      parts.push(`<text x="${n(x2 + 4)}" y="${top + 17.5}" font-size="10" fill="${INK}">${stage.done}/${stage.total}</text>`);
    } else {
      parts.push(`<text x="${plotLeft + 4}" y="${top + 18}" font-size="10" font-style="italic" fill="${MUTED}">no milestones</text>`);
    }
    const planned = plannedSpan(stage);
    if (planned !== null) {
      const p1 = x(toDayNumber(planned.start));
      const p2 = Math.max(x(toDayNumber(planned.finish)), p1 + 2);
      parts.push(`<rect x="${n(p1)}" y="${top + 24}" width="${n(p2 - p1)}" height="4" fill="${PLANNED}"/>`);
    }
  });

  // Milestones: a diamond at each forecast finish, on its stage's bar; critical ones in red.
  const diamond = (cx: number, cy: number, r: number, fill: string, stroke: string, attrs: string) =>
    `<path d="M ${n(cx)} ${n(cy - r)} L ${n(cx + r)} ${n(cy)} L ${n(cx)} ${n(cy + r)} L ${n(cx - r)} ${n(cy)} Z" fill="${fill}" stroke="${stroke}" stroke-width="0.8" ${attrs}/>`;
  const criticalPoints: Array<{ x: number; y: number }> = [];
  stages.forEach((stage, i) => {
    const cy = plotTop + i * ROW + 13.5;
    for (const m of [...stage.milestones].sort((a, b) => a.position - b.position)) {
      if (m.forecastFinish === null) continue;
      const cx = x(toDayNumber(m.forecastFinish));
      const critical = m.critical && m.status !== 'done';
      if (critical) criticalPoints.push({ x: cx, y: cy });
      parts.push(diamond(cx, cy, critical ? 4.2 : 3.2, critical ? CRITICAL : '#ffffff', critical ? '#ffffff' : INK, `data-milestone="${escapeXml(m.name)}"${critical ? ' data-critical="true"' : ''}`));
    }
  });
  // The critical path: the critical milestones joined in date order, across stages.
  criticalPoints.sort((a, b) => a.x - b.x || a.y - b.y);
  if (criticalPoints.length > 1) {
    const d = criticalPoints.map((pt, k) => `${k === 0 ? 'M' : 'L'} ${n(pt.x)} ${n(pt.y)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${CRITICAL}" stroke-width="1.6" stroke-linejoin="round" data-critical-path="true"/>`);
    // Diamonds above the line.
    for (const pt of criticalPoints) parts.push(diamond(pt.x, pt.y, 4.2, CRITICAL, '#ffffff', ''));
  }

  // Status date.
  const tx = n(x(today));
  parts.push(`<line x1="${tx}" y1="${plotTop - 4}" x2="${tx}" y2="${plotBottom + 4}" stroke="${INK}" stroke-width="1.2" stroke-dasharray="4 3"/>`);
  const todayLabel = `Today ${pathway.today}`;
  const anchorEnd = tx > plotRight - 90;
  parts.push(`<text x="${anchorEnd ? tx - 4 : tx + 4}" y="${plotBottom + 14}" font-size="9.5" fill="${INK}" text-anchor="${anchorEnd ? 'end' : 'start'}">${escapeXml(todayLabel)}</text>`);

  // Legend.
  // Two legend lines: the bars, then the marks.
  const ly = height - PAD - 20;
  let lx = plotLeft;
  parts.push(`<rect x="${lx}" y="${ly - 9}" width="22" height="10" rx="2" fill="${FORECAST}"/>`);
  parts.push(`<text x="${lx + 27}" y="${ly}" font-size="9.5" fill="${INK}">Forecast (done/total milestones)</text>`);
  lx += 200;
  parts.push(`<rect x="${lx}" y="${ly - 6}" width="22" height="4" fill="${PLANNED}"/>`);
  parts.push(`<text x="${lx + 27}" y="${ly}" font-size="9.5" fill="${INK}">Planned span</text>`);
  lx += 110;
  parts.push(`<line x1="${lx + 11}" y1="${ly - 11}" x2="${lx + 11}" y2="${ly + 2}" stroke="${INK}" stroke-width="1.2" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${lx + 18}" y="${ly}" font-size="9.5" fill="${INK}">Status date</text>`);
  const ly2 = ly + 15;
  lx = plotLeft;
  parts.push(diamond(lx + 11, ly2 - 4, 3.2, '#ffffff', INK, ''));
  parts.push(`<text x="${lx + 27}" y="${ly2}" font-size="9.5" fill="${INK}">Milestone (forecast finish)</text>`);
  lx += 200;
  parts.push(`<line x1="${lx}" y1="${ly2 - 4}" x2="${lx + 22}" y2="${ly2 - 4}" stroke="${CRITICAL}" stroke-width="1.6"/>`);
  parts.push(diamond(lx + 11, ly2 - 4, 4.2, CRITICAL, '#ffffff', ''));
  parts.push(`<text x="${lx + 27}" y="${ly2}" font-size="9.5" fill="${INK}">Critical path</text>`);

  parts.push('</svg>');
  return parts.join('\n');
}

/** Shorten a label that would run into the plot (average glyph width estimate). */
function clip(text: string, width: number, glyph: number): string {
  const max = Math.floor((width - 8) / glyph);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export function renderTimelinePng(pathway: PathwayView, { width }: TimelineOptions): Buffer {
  const svg = renderTimelineSvg(pathway, { width });
  // Twice the drawing width, so the figure stays sharp when printed at the page width.
  return new Resvg(svg, { fitTo: { mode: 'width', value: width * 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'Arial' } }).render().asPng();
}
