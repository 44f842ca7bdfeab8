import { describe, expect, it } from 'vitest';
import type { TrendAttribute } from '../../../../../electron/contract';
import { chartDomain, chartLines, chartSeries, specOutside } from './chart';

const attribute: TrendAttribute = {
  key: 'potency',
  name: 'Potency',
  unit: '%',
  kind: 'range',
  lower: 40,
  upper: 60,
  limits: { center: 50, sigma: 2, ucl: 56, lcl: 44, movingRangeMean: 2.256, referenceCount: 3 },
  capability: { cp: 1.67, cpk: 1.67 },
  points: [
    { lotId: 'a', lotNumber: 'L1', processVersion: 'v1', manufacturedOn: '2026-01-01', value: 49, reference: true, rules: [] },
    { lotId: 'b', lotNumber: 'L2', processVersion: 'v2', manufacturedOn: '2026-01-02', value: 51, reference: true, rules: [] },
    { lotId: 'c', lotNumber: 'L3', processVersion: 'v2', manufacturedOn: '2026-01-03', value: 58, reference: true, rules: [1] },
  ],
  signals: [{ rule: 1, lotNumber: 'L3', text: 'L3: one point beyond 3σ (rule 1)' }],
};

describe('control chart data', () => {
  it('colours lots by process version and draws signals apart', () => {
    expect(chartSeries(attribute, ['v1', 'v2'])).toEqual([
      { name: 'Process v1', color: 'blue.6', data: [{ lot: 1, value: 49 }] },
      { name: 'Process v2', color: 'grape.6', data: [{ lot: 2, value: 51 }] },
      { name: 'Western Electric signal', color: 'red.7', data: [{ lot: 3, value: 58 }] },
    ]);
  });
  it('draws centre, control and spec limits, and a range that holds them all', () => {
    expect(chartLines(attribute).map((l) => [l.label, l.y])).toEqual([['CL', 50], ['UCL (+3σ)', 56], ['LCL (−3σ)', 44], ['Spec low', 40], ['Spec high', 60]]);
    expect(chartDomain(attribute)).toEqual([40 - 1.6, 60 + 1.6]);
    expect(specOutside(attribute)).toEqual([]);
  });
  it('leaves a spec limit far from the process off the scale, and says so', () => {
    const wide = { ...attribute, lower: 1, upper: 500 };
    const [lo, hi] = chartDomain(wide);
    expect(lo).toBeCloseTo(44 - 14 * 0.08, 10);
    expect(hi).toBeCloseTo(58 + 14 * 0.08, 10);
    expect(specOutside(wide)).toEqual([1, 500]);
  });
});
