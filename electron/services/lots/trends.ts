import type { z } from 'zod';
import type { CompareInput, Comparison, ComparisonView, TrendAttribute, TrendsInput, TrendsView } from '../../contract';
import { formatNumber, isNumeric } from '../../domain/lots/judge';
import { capability, individualsLimits, summarise, tost, westernElectric, WESTERN_ELECTRIC_RULES } from '../../domain/lots/statistics';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireProduct } from '../lookups';
import { specBook } from './view';

/** Numeric results per attribute key across lots (in manufacture order), with the current spec's criterion. */
function series(ctx: ServiceContext, productId: string) {
  const book = specBook(ctx, productId);
  const attributeKey = new Map<string, string>();
  for (const s of book.specs) for (const a of s.attributes) attributeKey.set(a.id, a.key);
  // Attributes as the current spec states them, then any only earlier versions had.
  const attributes = new Map<string, (typeof book.specs)[number]['attributes'][number]>();
  for (const s of [...book.specs].reverse()) for (const a of s.attributes) if (!attributes.has(a.key) && (isNumeric(a.kind) || a.kind === 'report')) attributes.set(a.key, a);
  const lotOrder = new Map(book.lots.map((l, i) => [l.id, i]));
  const values = new Map<string, Array<{ lot: (typeof book.lots)[number]; value: number }>>();
  for (const r of ctx.repos.lots.resultsOfProduct(productId)) {
    if (r.value_num === null) continue;
    const key = attributeKey.get(r.attribute_id);
    if (!key || !attributes.has(key)) continue;
    const list = values.get(key) ?? [];
    list.push({ lot: book.lots[lotOrder.get(r.lot_id)!]!, value: r.value_num });
    values.set(key, list);
  }
  for (const list of values.values()) list.sort((a, b) => lotOrder.get(a.lot.id)! - lotOrder.get(b.lot.id)!);
  return { attributes, values, lots: book.lots };
}

/**
 * Individuals control chart per attribute: centre line and ±3σ (σ from the moving range) from
 * the chosen reference lots, Western Electric signals, and Cpk where the spec is two-sided.
 */
export function trends(ctx: ServiceContext, input: z.output<typeof TrendsInput>): TrendsView {
  requireProduct(ctx, input.productId);
  const { attributes, values, lots } = series(ctx, input.productId);
  const wanted = input.attributeKeys ? new Set(input.attributeKeys) : null;
  const reference = input.referenceLotIds ? new Set(input.referenceLotIds) : null;
  const out: TrendAttribute[] = [];
  for (const [key, a] of attributes) {
    if (wanted && !wanted.has(key)) continue;
    const points = values.get(key) ?? [];
    const ref = points.filter((p) => !reference || reference.has(p.lot.id)).map((p) => p.value);
    const limits = individualsLimits(ref);
    const flags = limits ? westernElectric(points.map((p) => p.value), limits.center, limits.sigma) : [];
    const rulesAt = new Map<number, number[]>();
    for (const f of flags) rulesAt.set(f.index, [...(rulesAt.get(f.index) ?? []), f.rule]);
    const cap = limits && a.kind === 'range' ? capability(limits.center, limits.sigma, a.lower, a.upper) : null;
    out.push({
      key,
      name: a.name,
      unit: a.unit,
      kind: a.kind,
      lower: a.lower,
      upper: a.upper,
      limits,
      capability: cap,
      points: points.map((p, i) => ({
        lotId: p.lot.id,
        lotNumber: p.lot.lot_number,
        processVersion: p.lot.process_version,
        manufacturedOn: p.lot.manufactured_on,
        value: p.value,
        reference: !reference || reference.has(p.lot.id),
        rules: [...new Set(rulesAt.get(i) ?? [])],
      })),
      signals: flags.map((f) => ({ rule: f.rule, lotNumber: points[f.index]!.lot.lot_number, text: `${points[f.index]!.lot.lot_number}: ${WESTERN_ELECTRIC_RULES[f.rule]} (rule ${f.rule})` })),
    });
  }
  return { attributes: out, processVersions: [...new Set(lots.map((l) => l.process_version))] };
}

/** Four significant digits: what a comparability report quotes. */
const num = (v: number) => formatNumber(Number(v.toPrecision(4)));
const pct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}%`;

/**
 * Comparability of two process versions, attribute by attribute: difference of means (test −
 * reference) with its (1 − 2α) interval and Schuirmann's TOST against ± margin% of the reference mean.
 */
export function compare(ctx: ServiceContext, input: z.output<typeof CompareInput>): ComparisonView {
  requireProduct(ctx, input.productId);
  if (input.reference === input.test) throw new AppError('VALIDATION', 'Choose two different process versions to compare.', [{ path: 'test', message: 'Same as the reference' }]);
  const alpha = input.alpha ?? 0.05;
  const { attributes, values, lots } = series(ctx, input.productId);
  const versions = new Set(lots.map((l) => l.process_version));
  for (const [field, v] of [['reference', input.reference], ['test', input.test]] as const) {
    if (!versions.has(v)) throw new AppError('VALIDATION', `No lot of this product has process version "${v}" (its versions: ${[...versions].join(', ') || 'none'}).`, [{ path: field, message: 'Unknown process version' }]);
  }
  const wanted = input.attributeKeys ? new Set(input.attributeKeys) : null;
  const rows: Comparison[] = [];
  for (const [key, a] of attributes) {
    if (wanted && !wanted.has(key)) continue;
    const points = values.get(key) ?? [];
    const refValues = points.filter((p) => p.lot.process_version === input.reference).map((p) => p.value);
    const testValues = points.filter((p) => p.lot.process_version === input.test).map((p) => p.value);
    const r = refValues.length > 0 ? summarise(refValues) : null;
    const t = testValues.length > 0 ? summarise(testValues) : null;
    const base = { key, name: a.name, unit: a.unit, reference: { n: refValues.length, mean: r?.mean ?? null, sd: r && r.n > 1 ? r.sd : null }, test: { n: testValues.length, mean: t?.mean ?? null, sd: t && t.n > 1 ? t.sd : null } };
    if (!r || !t || r.n < 2 || t.n < 2 || (r.sd === 0 && t.sd === 0) || r.mean === 0) {
      rows.push({ ...base, difference: r && t ? t.mean - r.mean : null, differencePercent: null, ci: null, margin: null, df: null, p: null, equivalent: null, statement: `Not tested: needs at least 2 lots of each version with varying results (${input.reference}: ${refValues.length}, ${input.test}: ${testValues.length})` });
      continue;
    }
    const margin = (Math.abs(r.mean) * input.marginPercent) / 100;
    const e = tost(t, r, margin, alpha);
    const unit = a.unit ? ` ${a.unit}` : '';
    const ciText = `${Math.round((1 - 2 * alpha) * 100)}% CI of the difference ${num(e.ci[0])} to ${num(e.ci[1])}${unit}, margin ±${num(margin)}${unit}`;
    const statement = e.equivalent
      ? `Equivalent within ±${input.marginPercent}%: ${input.test} − ${input.reference} = ${num(e.difference.difference)}${unit} (${pct((e.difference.difference / r.mean) * 100)}); ${ciText}; TOST p = ${e.p < 0.001 ? '< 0.001' : e.p.toFixed(3)}`
      : `Equivalence within ±${input.marginPercent}% not shown: ${input.test} − ${input.reference} = ${num(e.difference.difference)}${unit} (${pct((e.difference.difference / r.mean) * 100)}); ${ciText}; TOST p = ${e.p.toFixed(3)}`;
    rows.push({ ...base, difference: e.difference.difference, differencePercent: (e.difference.difference / r.mean) * 100, ci: e.ci, margin, df: e.difference.df, p: e.p, equivalent: e.equivalent, statement });
  }
  return { reference: input.reference, test: input.test, marginPercent: input.marginPercent, alpha, confidence: 1 - 2 * alpha, attributes: rows };
}
