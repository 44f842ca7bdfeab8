import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-12-10T12:00:00.000Z');
});
afterEach(() => backend.cleanup());
const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);

// NIST/SEMATECH e-Handbook 6.3.2.2 individuals chart example (x̄ 50.81, UCL 55.80, LCL 45.82).
const NIST = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1];
// Wikipedia "Welch's t-test" example 1: A1 (test) and A2 (reference), difference −2.1667, Welch 90% CI (−3.674, −0.659).
const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

async function product(values: Array<{ version: string; potency: number; protein?: number }>) {
  const p = await ok('products.create', sampleProfile({ code: `T-${Math.random().toString(36).slice(2, 7)}` }));
  await ok('lots.createSpec', {
    productId: p.id,
    phase: 'phase-1',
    attributes: [
      { key: 'potency', name: 'Potency', unit: '%', kind: 'range', lower: 40, upper: 60 },
      { key: 'protein', name: 'Total protein', unit: 'µg/mL', kind: 'min', lower: 10 },
      { key: 'sterility', name: 'Sterility', kind: 'negative' },
    ],
  });
  const ids: string[] = [];
  for (const [i, v] of values.entries()) {
    const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const lot = await ok('lots.create', { productId: p.id, lotNumber: `L-${String(i + 1).padStart(3, '0')}`, purpose: 'clinical', manufacturedOn: date, processVersion: v.version });
    ids.push(lot.lot.id);
    const results = [{ attribute: 'potency', value: String(v.potency), unit: '%', testedOn: date }];
    if (v.protein !== undefined) results.push({ attribute: 'protein', value: String(v.protein), unit: 'µg/mL', testedOn: date });
    await ok('lots.recordResults', { lotId: lot.lot.id, results });
  }
  return { id: p.id, lots: ids };
}

describe('trends and comparability through the dispatcher', () => {
  it('charts an attribute against the NIST reference lots, flags a drifting lot and gives Cpk for the two-sided spec', async () => {
    const p = await product([...NIST, 57.2, 54.9, 55.4].map((potency) => ({ version: 'v1', potency })));
    const view = await ok('lots.trends', { productId: p.id, referenceLotIds: p.lots.slice(0, 10) });
    const potency = view.attributes.find((a) => a.key === 'potency')!;
    expect(potency.limits!.center).toBeCloseTo(50.81, 2);
    expect(potency.limits!.ucl).toBeCloseTo(55.8, 2);
    expect(potency.capability!.cpk).toBeCloseTo((60 - 50.81) / (3 * (1.87778 / 1.128)), 2);
    expect(potency.points.map((x) => x.reference)).toEqual([...Array(10).fill(true), false, false, false]);
    expect(potency.signals.map((s) => s.text)).toEqual([
      'L-011: one point beyond 3σ (rule 1)',
      'L-012: two of three points beyond 2σ on one side (rule 2)',
      'L-013: two of three points beyond 2σ on one side (rule 2)',
      'L-013: four of five points beyond 1σ on one side (rule 3)',
      'L-013: eight points in a row on one side of the centre line (rule 4)',
    ]);
    expect(view.attributes.map((a) => a.key)).toEqual(['potency', 'protein']); // sterility is not numeric
    expect(view.attributes[1]).toMatchObject({ limits: null, capability: null, points: [] });
  });

  it('shows two process versions equivalent within a wide margin and not within a narrow one, in words', async () => {
    const p = await product([...A2.map((potency) => ({ version: 'v1', potency: potency * 2 })), ...A1.map((potency) => ({ version: 'v2', potency: potency * 2 }))]);
    const wide = await ok('lots.compare', { productId: p.id, reference: 'v1', test: 'v2', marginPercent: 20 });
    const potency = wide.attributes.find((a) => a.key === 'potency')!;
    expect(potency.difference).toBeCloseTo(-4.3333, 3);
    expect(potency.ci![0]).toBeCloseTo(-7.348, 2);
    expect(potency.ci![1]).toBeCloseTo(-1.318, 2);
    expect(potency.df).toBeCloseTo(24.99, 2);
    expect(potency.equivalent).toBe(true);
    expect(potency.statement).toBe('Equivalent within ±20%: v2 − v1 = -4.333 % (−9.4%); 90% CI of the difference -7.348 to -1.319 %, margin ±9.195 %; TOST p = 0.005');
    const narrow = await ok('lots.compare', { productId: p.id, reference: 'v1', test: 'v2', marginPercent: 10 });
    expect(narrow.attributes.find((a) => a.key === 'potency')).toMatchObject({ equivalent: false, statement: expect.stringMatching(/^Equivalence within ±10% not shown/) });
    expect(narrow.attributes.find((a) => a.key === 'protein')).toMatchObject({ equivalent: null, statement: expect.stringMatching(/^Not tested: needs at least 2 lots/) });
    expect(await backend.dispatch('lots.compare', { productId: p.id, reference: 'v1', test: 'v9', marginPercent: 10 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No lot of this product has process version "v9"/) } });
  });
});
