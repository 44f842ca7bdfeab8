import type { TrendAttribute } from './lots';

/**
 * The y scale of a lot control chart, shared by the Trends tab and the Word batch analyses
 * report so both draw the same axis: every point and control limit, and the specification
 * limits when they are near enough to be read on the same scale (a spec far wider than the
 * process would flatten the chart; it is then named under the chart instead: `specsOff`). An 8%
 * margin, widened to a whole number of round steps (1, 2, 2.5 or 5 × 10^k, at most eight), so the
 * axis reads 600, 700, 800… rather than 671.7, 871.7…; a quantity that is never negative (a
 * concentration, a percentage) gets no negative axis.
 */
export interface ChartScale {
  lo: number;
  hi: number;
  step: number;
  /** Every step from lo to hi, ends included. */
  ticks: number[];
  /** Specification limits off the plotted range. */
  specsOff: number[];
}

const round = (v: number) => Number(v.toPrecision(12));

function niceStep(span: number): number {
  const rough = span / 8;
  const power = 10 ** Math.floor(Math.log10(rough));
  return round([1, 2, 2.5, 5, 10].find((m) => m * power >= rough * (1 - 1e-9))! * power);
}

export function controlChartScale(attribute: Pick<TrendAttribute, 'points' | 'limits' | 'lower' | 'upper'>): ChartScale {
  const l = attribute.limits;
  const specs = [attribute.lower, attribute.upper].filter((v): v is number => v !== null);
  const core = [...attribute.points.map((p) => p.value), ...(l ? [l.ucl, l.lcl, l.center] : [])];
  if (core.length === 0) return { lo: 0, hi: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1], specsOff: specs };
  let lo = Math.min(...core);
  let hi = Math.max(...core);
  const span = hi - lo || Math.abs(hi) || 1;
  for (const y of specs) {
    if (y >= lo - span && y <= hi + span) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  }
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  const step = niceStep(hi - lo + 2 * pad);
  const from = round(Math.max(lo >= 0 ? 0 : -Infinity, Math.floor((lo - pad) / step) * step));
  const to = round(Math.ceil((hi + pad) / step) * step);
  const ticks: number[] = [];
  for (let i = 0; from + i * step <= to + step * 1e-9; i++) ticks.push(round(from + i * step));
  return { lo: from, hi: to, step, ticks, specsOff: specs.filter((y) => y < from || y > to) };
}
