import jStat from 'jstat';
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';

/**
 * Batch-to-batch statistics: the individuals (X) control chart with the Western Electric run
 * rules, process capability, and the two one-sided tests (TOST) for comparability. Means and
 * variances from simple-statistics, Student t distribution from jStat.
 */

/** d2 for moving ranges of two (NIST/SEMATECH e-Handbook 6.3.2.2): σ̂ = MR̄ / 1.128. */
export const D2_MR2 = 1.128;

export interface WesternElectricFlag {
  rule: 1 | 2 | 3 | 4;
  /** Index of the point that completes the pattern. */
  index: number;
  text: string;
}

export const WESTERN_ELECTRIC_RULES: Record<1 | 2 | 3 | 4, string> = {
  1: 'one point beyond 3σ',
  2: 'two of three points beyond 2σ on one side',
  3: 'four of five points beyond 1σ on one side',
  4: 'eight points in a row on one side of the centre line',
};

export interface ControlLimits {
  center: number;
  /** σ̂ from the average moving range of the reference points. */
  sigma: number;
  movingRangeMean: number;
  ucl: number;
  lcl: number;
  referenceCount: number;
}

/** Centre line and ±3σ limits of an individuals chart from the reference values (in order). */
export function individualsLimits(reference: readonly number[]): ControlLimits | null {
  if (reference.length < 2) return null;
  const center = mean(reference as number[]);
  let sum = 0;
  for (let i = 1; i < reference.length; i++) sum += Math.abs(reference[i]! - reference[i - 1]!);
  const movingRangeMean = sum / (reference.length - 1);
  const sigma = movingRangeMean / D2_MR2;
  return { center, sigma, movingRangeMean, ucl: center + 3 * sigma, lcl: center - 3 * sigma, referenceCount: reference.length };
}

/**
 * The Western Electric rules (Western Electric Statistical Quality Control Handbook, 1956;
 * NIST/SEMATECH e-Handbook 6.3.2): each flag names the rule and the point that completes it.
 */
export function westernElectric(values: readonly number[], center: number, sigma: number): WesternElectricFlag[] {
  const flags: WesternElectricFlag[] = [];
  if (!(sigma > 0)) return flags;
  const z = values.map((v) => (v - center) / sigma);
  const flag = (rule: 1 | 2 | 3 | 4, index: number) => flags.push({ rule, index, text: WESTERN_ELECTRIC_RULES[rule] });
  for (let i = 0; i < z.length; i++) {
    if (Math.abs(z[i]!) > 3) flag(1, i);
    for (const side of [1, -1]) {
      const beyond = (from: number, k: number) => z.slice(Math.max(0, from), i + 1).filter((x) => side * x > k).length;
      if (i >= 2 && side * z[i]! > 2 && beyond(i - 2, 2) >= 2) flag(2, i);
      if (i >= 4 && side * z[i]! > 1 && beyond(i - 4, 1) >= 4) flag(3, i);
      if (i >= 7 && z.slice(i - 7, i + 1).every((x) => side * x > 0)) flag(4, i);
    }
  }
  return flags;
}

export interface Capability {
  cp: number | null;
  cpk: number;
}

/** Process capability against the spec limits (NIST/SEMATECH e-Handbook 6.1.6): Cpk = min(USL − μ, μ − LSL) / 3σ. */
export function capability(mu: number, sigma: number, lsl: number | null, usl: number | null): Capability | null {
  if (!(sigma > 0) || (lsl === null && usl === null)) return null;
  const upper = usl === null ? Infinity : (usl - mu) / (3 * sigma);
  const lower = lsl === null ? Infinity : (mu - lsl) / (3 * sigma);
  return { cp: lsl !== null && usl !== null ? (usl - lsl) / (6 * sigma) : null, cpk: Math.min(upper, lower) };
}

export interface MeanDifference {
  /** mean(test) − mean(reference) */
  difference: number;
  standardError: number;
  df: number;
  t: number;
  /** Two-sided p for a difference of zero. */
  p: number;
  ci: [number, number];
  confidence: number;
}

interface Summary {
  n: number;
  mean: number;
  sd: number;
}

export const summarise = (values: readonly number[]): Summary => ({ n: values.length, mean: mean(values as number[]), sd: values.length > 1 ? sampleStandardDeviation(values as number[]) : 0 });

/**
 * Difference of two means with its confidence interval: Welch (unequal variances) by default,
 * pooled when `equalVariance` (NIST/SEMATECH e-Handbook 1.3.5.3).
 */
export function differenceOfMeans(test: Summary, reference: Summary, confidence = 0.95, equalVariance = false): MeanDifference {
  const va = test.sd ** 2 / test.n;
  const vb = reference.sd ** 2 / reference.n;
  let se: number;
  let df: number;
  if (equalVariance) {
    df = test.n + reference.n - 2;
    const pooled = ((test.n - 1) * test.sd ** 2 + (reference.n - 1) * reference.sd ** 2) / df;
    se = Math.sqrt(pooled * (1 / test.n + 1 / reference.n));
  } else {
    se = Math.sqrt(va + vb);
    df = (va + vb) ** 2 / (va ** 2 / (test.n - 1) + vb ** 2 / (reference.n - 1));
  }
  const difference = test.mean - reference.mean;
  const t = difference / se;
  const q = jStat.studentt.inv(1 - (1 - confidence) / 2, df);
  return { difference, standardError: se, df, t, p: 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)), ci: [difference - q * se, difference + q * se], confidence };
}

export interface Equivalence {
  margin: number;
  alpha: number;
  /** t and p of H0: difference ≤ −margin and of H0: difference ≥ +margin. */
  lower: { t: number; p: number };
  upper: { t: number; p: number };
  /** The TOST p: the larger of the two. */
  p: number;
  /** The (1 − 2α) interval: equivalence is shown when it lies inside ±margin. */
  ci: [number, number];
  equivalent: boolean;
  difference: MeanDifference;
}

/**
 * Schuirmann's two one-sided tests (Schuirmann 1987, J Pharmacokinet Biopharm 15:657): the
 * two versions are equivalent within ±margin when both one-sided nulls are rejected at α,
 * i.e. the (1 − 2α) confidence interval of the difference lies inside (−margin, +margin).
 */
export function tost(test: Summary, reference: Summary, margin: number, alpha = 0.05, equalVariance = false): Equivalence {
  const d = differenceOfMeans(test, reference, 1 - 2 * alpha, equalVariance);
  const tl = (d.difference + margin) / d.standardError;
  const tu = (d.difference - margin) / d.standardError;
  const pl = 1 - jStat.studentt.cdf(tl, d.df);
  const pu = jStat.studentt.cdf(tu, d.df);
  const p = Math.max(pl, pu);
  return { margin, alpha, lower: { t: tl, p: pl }, upper: { t: tu, p: pu }, p, ci: d.ci, equivalent: p < alpha, difference: d };
}

export { mean, sampleVariance };
