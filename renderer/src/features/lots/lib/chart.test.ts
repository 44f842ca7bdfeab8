import { describe, expect, it } from 'vitest';
import { controlChartScale, type TrendAttribute } from '../../../../../electron/contract';
import { chartLines, chartSeries } from './chart';

// The y scale is the contract's (shared with the Word figure): these read it as the chart does.
const chartDomain = (a: TrendAttribute) => [controlChartScale(a).lo, controlChartScale(a).hi];
const chartTicks = (a: TrendAttribute) => controlChartScale(a).ticks;
const specOutside = (a: TrendAttribute) => controlChartScale(a).specsOff;

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
    // 38.4 to 61.6 (spec limits and an 8% margin), widened to round steps of 5 (2.5 would need 10).
    expect(chartDomain(attribute)).toEqual([35, 65]);
    expect(chartTicks(attribute)).toEqual([35, 40, 45, 50, 55, 60, 65]);
    expect(specOutside(attribute)).toEqual([]);
  });
  it('reads small and large values in round steps too', () => {
    const at = (values: number[]) => ({ ...attribute, lower: null, upper: null, limits: null, capability: null, points: values.map((value, i) => ({ ...attribute.points[0]!, lotId: String(i), value })) });
    expect(chartTicks(at([0.0013, 0.0018]))).toEqual([0.0012, 0.0013, 0.0014, 0.0015, 0.0016, 0.0017, 0.0018, 0.0019]);
    // Particle counts never go below 0, whatever the margin.
    expect(chartTicks(at([1.8e10, 6.5e11]))).toEqual([0, 1e11, 2e11, 3e11, 4e11, 5e11, 6e11, 7e11, 8e11]);
  });

  it('leaves a spec limit far from the process off the scale, and says so', () => {
    const wide = { ...attribute, lower: 1, upper: 500 };
    // 42.88 to 59.12 (points and control limits, 8% margin): round steps of 2.5.
    expect(chartDomain(wide)).toEqual([42.5, 60]);
    expect(chartTicks(wide)).toEqual([42.5, 45, 47.5, 50, 52.5, 55, 57.5, 60]);
    expect(specOutside(wide)).toEqual([1, 500]);
  });
});
