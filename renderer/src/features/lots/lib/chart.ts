import type { TrendAttribute } from '../../../../../electron/contract';

const COLOURS = ['blue', 'grape', 'teal', 'orange', 'cyan', 'lime', 'pink', 'indigo'];

/** The chart's series: a colour per process version, and the points that complete a Western Electric rule in red. */
export function chartSeries(attribute: TrendAttribute, versions: readonly string[]) {
  const byVersion = new Map<string, Array<{ lot: number; value: number }>>();
  const signalled: Array<{ lot: number; value: number }> = [];
  attribute.points.forEach((p, i) => {
    const point = { lot: i + 1, value: p.value };
    if (p.rules.length > 0) signalled.push(point);
    else byVersion.set(p.processVersion, [...(byVersion.get(p.processVersion) ?? []), point]);
  });
  const series = versions
    .filter((v) => byVersion.has(v))
    .map((v) => ({ name: `Process ${v}`, color: `${COLOURS[versions.indexOf(v) % COLOURS.length]}.6`, data: byVersion.get(v)! }));
  if (signalled.length > 0) series.push({ name: 'Western Electric signal', color: 'red.7', data: signalled });
  return series;
}

/** Horizontal lines: centre, ±3σ control limits, and the specification limits. */
export function chartLines(attribute: TrendAttribute) {
  const lines: Array<{ y: number; label: string; color: string; strokeDasharray?: string }> = [];
  const l = attribute.limits;
  if (l) {
    lines.push({ y: l.center, label: 'CL', color: 'gray.6' });
    lines.push({ y: l.ucl, label: 'UCL (+3σ)', color: 'red.6', strokeDasharray: '5 5' });
    lines.push({ y: l.lcl, label: 'LCL (−3σ)', color: 'red.6', strokeDasharray: '5 5' });
  }
  if (attribute.lower !== null) lines.push({ y: attribute.lower, label: 'Spec low', color: 'orange.7' });
  if (attribute.upper !== null) lines.push({ y: attribute.upper, label: 'Spec high', color: 'orange.7' });
  return lines;
}

/**
 * The y range: every point and control limit, and the spec limits when they are near enough to
 * be read on the same scale (a spec far wider than the process would flatten the chart; it is
 * then named under the chart instead, see `specOutside`).
 */
export function chartDomain(attribute: TrendAttribute): [number, number] {
  const l = attribute.limits;
  const core = [...attribute.points.map((p) => p.value), ...(l ? [l.ucl, l.lcl, l.center] : [])];
  if (core.length === 0) return [0, 1];
  let lo = Math.min(...core);
  let hi = Math.max(...core);
  const span = hi - lo || Math.abs(hi) || 1;
  for (const y of specLines(attribute)) {
    if (y >= lo - span && y <= hi + span) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  }
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  return [lo - pad, hi + pad];
}

const specLines = (a: TrendAttribute) => [a.lower, a.upper].filter((v): v is number => v !== null);

/** Spec limits left off the plotted range. */
export function specOutside(attribute: TrendAttribute): number[] {
  const [lo, hi] = chartDomain(attribute);
  return specLines(attribute).filter((y) => y < lo || y > hi);
}
