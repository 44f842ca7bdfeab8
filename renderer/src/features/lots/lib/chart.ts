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
