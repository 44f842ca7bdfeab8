import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../contract';
import { call, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-12-04T12:00:00.000Z');
});
afterEach(() => backend.cleanup());
const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);

describe('example lot histories', () => {
  it('gives every example product 8–20 illustrative lots; one has two process versions, an OOS with its investigation and a drift the chart flags', async () => {
    await ok('examples.load', {});
    const products = await ok('products.list', {});
    const histories = await Promise.all(products.map(async (p) => ({ code: p.code, view: await ok('lots.list', { productId: p.id }) })));
    for (const { view } of histories) {
      expect(view.lots.length).toBeGreaterThanOrEqual(8);
      expect(view.lots.length).toBeLessThanOrEqual(20);
      expect(view.lots.every((l) => l.illustrative)).toBe(true);
    }
    const cfaf = histories.find((h) => h.code === 'CFAF-EV-C19')!;
    expect(cfaf.view.processVersions).toEqual(['v1', 'v2 (TFF + SEC)']);
    const oos = cfaf.view.lots.filter((l) => l.counts.oos > 0);
    expect(oos.map((l) => [l.lotNumber, l.status])).toEqual([['CFAF-007', 'rejected']]);
    const detail = await ok('lots.get', { lotId: oos[0]!.id });
    expect(detail.lines.find((l) => l.judgement === 'oos')).toMatchObject({ attribute: { key: 'endotoxin' }, needsInvestigation: false, result: { investigation: expect.stringMatching(/^OOS-2024-011/) } });
    // Every released lot conforms; nothing released is blocked.
    for (const { view } of histories) for (const l of view.lots.filter((x) => x.status === 'released')) expect(l.releaseBlockers).toEqual([]);
    const productId = products.find((p) => p.code === 'CFAF-EV-C19')!.id;
    const trends = await ok('lots.trends', { productId, referenceLotIds: cfaf.view.lots.slice(0, 8).map((l) => l.id) });
    expect(trends.attributes.find((a) => a.key === 'modal-size')!.signals.length).toBeGreaterThan(0);
    const compare = await ok('lots.compare', { productId, reference: 'v1', test: 'v2 (TFF + SEC)', marginPercent: 15 });
    const verdicts = Object.fromEntries(compare.attributes.filter((a) => a.equivalent !== null).map((a) => [a.key, a.equivalent]));
    expect(verdicts['particle-protein-ratio']).toBe(false);
    expect(Object.values(verdicts).some((v) => v === true)).toBe(true);
    // The gate: the phase I/II product has its toxicology and clinical lots released.
    const gate = (await ok('checklists.get', { productId })).gates.find((g) => g.id === 'ind-ready')!;
    expect(gate.blockers.filter((b) => b.id.startsWith('lot:'))).toEqual([]);
  });
});
