import { Resvg } from '@resvg/resvg-js';
import { controlChartScale, type TrendAttribute } from '../../contract';
import { formatNumber } from '../../domain/lots/judge';

/*
 * The individuals control chart of one attribute for the batch analysis report, as print SVG
 * (black on white, lots in manufacture order, process versions by marker colour, signals in
 * red, centre line, ±3σ limits dashed, spec limits in orange), rendered to PNG by resvg.
 */
const FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";
const VERSION_COLOURS = ['#1f3864', '#7030a0', '#00806a', '#c55a11', '#0070c0'];

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function renderControlChartSvg(a: TrendAttribute, versions: readonly string[], width = 900): string {
  const height = 340;
  const left = 90;
  const right = 110;
  const top = 30;
  const bottom = 60;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const l = a.limits;
  // The Trends tab's scale: round ticks; spec limits far from the process left off (the figure's caption names them).
  const { lo, hi, ticks, specsOff } = controlChartScale(a);
  const specs = [a.lower, a.upper].filter((v): v is number => v !== null && !specsOff.includes(v));
  const x = (i: number) => left + ((i + 1) / (a.points.length + 1)) * plotW;
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * plotH;
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#a6a6a6"/>`);
  const line = (v: number, label: string, colour: string, dash: boolean) => {
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${colour}" stroke-width="1.5"${dash ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<text x="${left + plotW + 6}" y="${(y(v) + 4).toFixed(1)}" font-family="${FONT}" font-size="12" fill="${colour}">${esc(label)}</text>`);
  };
  if (l) {
    line(l.center, `CL ${formatNumber(Number(l.center.toPrecision(4)))}`, '#404040', false);
    line(l.ucl, 'UCL +3σ', '#c00000', true);
    line(l.lcl, 'LCL −3σ', '#c00000', true);
  }
  if (a.lower !== null && specs.includes(a.lower)) line(a.lower, `Spec ${formatNumber(a.lower)}`, '#c55a11', false);
  if (a.upper !== null && specs.includes(a.upper)) line(a.upper, `Spec ${formatNumber(a.upper)}`, '#c55a11', false);
  for (const v of ticks) {
    parts.push(`<line x1="${left - 4}" x2="${left}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#a6a6a6"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" font-family="${FONT}" font-size="11" text-anchor="end" fill="#595959">${esc(formatNumber(v))}</text>`);
  }
  if (a.points.length > 1) parts.push(`<polyline fill="none" stroke="#a6a6a6" stroke-width="1" points="${a.points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}"/>`);
  const every = Math.max(1, Math.ceil(a.points.length / 20));
  a.points.forEach((p, i) => {
    const colour = p.rules.length > 0 ? '#c00000' : VERSION_COLOURS[Math.max(0, versions.indexOf(p.processVersion)) % VERSION_COLOURS.length]!;
    const shape = p.reference ? `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4.5" fill="${colour}"/>` : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4.5" fill="#ffffff" stroke="${colour}" stroke-width="2"/>`;
    parts.push(shape);
    if (i % every === 0) parts.push(`<text x="${x(i).toFixed(1)}" y="${top + plotH + 16}" font-family="${FONT}" font-size="10" text-anchor="end" transform="rotate(-35 ${x(i).toFixed(1)} ${top + plotH + 16})" fill="#000000">${esc(p.lotNumber)}</text>`);
  });
  const legend = versions.map((v, i) => `<circle cx="${left + 10 + i * 110}" cy="14" r="4.5" fill="${VERSION_COLOURS[i % VERSION_COLOURS.length]}"/><text x="${left + 18 + i * 110}" y="18" font-family="${FONT}" font-size="12">Process ${esc(v)}</text>`);
  legend.push(`<circle cx="${left + 10 + versions.length * 110}" cy="14" r="4.5" fill="#c00000"/><text x="${left + 18 + versions.length * 110}" y="18" font-family="${FONT}" font-size="12">Western Electric signal</text>`);
  parts.push(...legend);
  parts.push(`<text x="16" y="${top + plotH / 2}" font-family="${FONT}" font-size="12" transform="rotate(-90 16 ${top + plotH / 2})" text-anchor="middle">${esc(`${a.name}${a.unit ? ` (${a.unit})` : ''}`)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

export function renderControlChartPng(a: TrendAttribute, versions: readonly string[], width = 900): Buffer {
  return new Resvg(renderControlChartSvg(a, versions, width), { fitTo: { mode: 'width', value: width * 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'Arial' } }).render().asPng();
}
