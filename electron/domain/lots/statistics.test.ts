import { describe, expect, it } from 'vitest';
import { capability, differenceOfMeans, individualsLimits, summarise, tost, westernElectric } from './statistics';

describe('individuals control chart', () => {
  // NIST/SEMATECH e-Handbook of Statistical Methods, 6.3.2.2 "Individuals control charts",
  // example: ten batches, x̄ = 50.81, MR̄ = 1.8778, UCL = 55.80, LCL = 45.82.
  const nist = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1];

  it('reproduces the NIST/SEMATECH 6.3.2.2 limits', () => {
    const limits = individualsLimits(nist)!;
    expect(limits.center).toBeCloseTo(50.81, 2);
    expect(limits.movingRangeMean).toBeCloseTo(1.8778, 4);
    expect(limits.ucl).toBeCloseTo(55.8, 2);
    expect(limits.lcl).toBeCloseTo(45.82, 1);
    expect(westernElectric(nist, limits.center, limits.sigma).filter((f) => f.rule === 1)).toEqual([]);
  });

  it('needs two reference points', () => {
    expect(individualsLimits([1])).toBeNull();
  });

  it('flags each Western Electric rule at the point that completes it', () => {
    const rules = (values: number[]) => westernElectric(values, 0, 1).map((f) => `${f.rule}@${f.index}`);
    expect(rules([0, 0.5, 3.2, 0])).toEqual(['1@2']);
    expect(rules([0, 2.5, 0.3, 2.1])).toEqual(['2@3']);
    expect(rules([0, -2.5, -2.1])).toEqual(['2@2']);
    expect(rules([1.5, 1.2, 0.2, 1.1, 1.3])).toEqual(['3@4']);
    expect(rules([0.1, 0.2, 0.3, 0.1, 0.2, 0.4, 0.1, 0.2])).toEqual(['4@7']);
    expect(rules([0.1, -0.2, 0.3, -0.1, 0.2, -0.4, 0.1, -0.2])).toEqual([]);
  });
});

describe('process capability', () => {
  // NIST/SEMATECH e-Handbook 6.1.6 "What is process capability?": USL 20, LSL 8, μ 16, σ 2 → Cp 1.00, Cpk 0.67.
  it('reproduces the NIST/SEMATECH 6.1.6 example', () => {
    const c = capability(16, 2, 8, 20)!;
    expect(c.cp).toBeCloseTo(1, 10);
    expect(c.cpk).toBeCloseTo(0.6667, 4);
  });
  it('one-sided limits give Cpk only; no sigma gives nothing', () => {
    expect(capability(16, 2, null, 20)).toEqual({ cp: null, cpk: (20 - 16) / 6 });
    expect(capability(16, 0, 8, 20)).toBeNull();
  });
});

describe('difference of means and TOST', () => {
  // NIST/SEMATECH e-Handbook 1.3.5.3 "Two-sample t-test for equal means" (AUTO83B.DAT):
  // N1 249, mean 20.14458, sd 6.41470; N2 79, mean 30.48101, sd 6.10771; T = −12.62059, df 326.
  it('reproduces the NIST/SEMATECH 1.3.5.3 pooled t statistic', () => {
    const d = differenceOfMeans({ n: 249, mean: 20.14458, sd: 6.4147 }, { n: 79, mean: 30.48101, sd: 6.10771 }, 0.95, true);
    expect(d.t).toBeCloseTo(-12.62059, 4);
    expect(d.df).toBe(326);
  });

  // Wikipedia "Welch's t-test", example 1 (two samples of 15): Welch t = −2.46, ν = 24.99, p = 0.021.
  const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
  it('reproduces the published Welch example', () => {
    const d = differenceOfMeans(summarise(a1), summarise(a2));
    expect(d.t).toBeCloseTo(-2.46, 2);
    expect(d.df).toBeCloseTo(24.99, 2);
    expect(d.p).toBeCloseTo(0.021, 3);
  });

  it('TOST: equivalent within a margin its 90% interval lies inside, not within a narrower one', () => {
    // By hand with the t table (t0.95 at 25 df = 1.708): −2.1667 ± 1.708 × 0.8824 = (−3.674, −0.659).
    const wide = tost(summarise(a1), summarise(a2), 4);
    expect(wide.ci[0]).toBeCloseTo(-3.674, 2);
    expect(wide.ci[1]).toBeCloseTo(-0.659, 2);
    expect(wide.lower.t).toBeCloseTo((-2.16667 + 4) / 0.88242, 3);
    expect(wide.equivalent).toBe(true);
    expect(wide.p).toBeLessThan(0.05);
    const narrow = tost(summarise(a1), summarise(a2), 3);
    expect(narrow.equivalent).toBe(false);
    expect(narrow.p).toBeGreaterThan(0.05);
    // The duality: equivalent exactly when the 1 − 2α interval lies inside ±margin.
    for (const margin of [2, 3, 3.6, 3.7, 5]) {
      const r = tost(summarise(a1), summarise(a2), margin);
      expect(r.equivalent).toBe(r.ci[0] > -margin && r.ci[1] < margin);
    }
  });
});
