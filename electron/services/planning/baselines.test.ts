import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-01-05T12:00:00.000Z');
});
afterEach(() => backend.cleanup());
const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);

describe('baselines', () => {
  it('saves the plan as a reference baseline and measures the live plan against it', async () => {
    const p = await ok('products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
    const saved = await ok('baselines.create', { productId: p.id, name: 'Board plan Q1', reference: true });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: 'Board plan Q1', isReference: true });
    expect(saved[0]!.keyDates.map((k) => k.label)).toEqual(['IND submission', 'IND in effect', 'First patient dosed', 'Phase II start']);
    expect(saved[0]!.keyDates.every((k) => k.date !== null)).toBe(true);

    // GLP toxicology slips six weeks: the IND dates move by 42 days against the baseline.
    const view = await ok('pathway.get', { productId: p.id });
    const tox = view.stages.flatMap((s) => s.milestones).find((m) => m.key === 'glp-tox-in-life')!;
    const after = await ok('milestones.update', { id: tox.id, changes: { durationDays: tox.durationDays + 42 } });
    expect(after.reference).toMatchObject({ name: 'Board plan Q1' });
    expect(after.stages.flatMap((s) => s.milestones).find((m) => m.key === 'ind-submitted')!.baselineVarianceDays).toBe(42);

    const compared = await ok('baselines.compare', { id: saved[0]!.id });
    expect(compared.keyDates.find((k) => k.id === 'ind-submission')!.varianceDays).toBe(42);
    expect(compared.keyDates.find((k) => k.id === 'ind-in-effect')!.varianceDays).toBe(42);
    expect(compared.milestones.find((m) => m.milestoneId === tox.id)!.varianceDays).toBe(42);

    // A second baseline can become the reference; only one is at a time.
    const two = await ok('baselines.create', { productId: p.id, name: 'After tox slip' });
    const switched = await ok('baselines.setReference', { id: two[0]!.id });
    expect(switched.filter((b) => b.isReference).map((b) => b.name)).toEqual(['After tox slip']);
    const now = await ok('pathway.get', { productId: p.id });
    expect(now.stages.flatMap((s) => s.milestones).find((m) => m.key === 'ind-submitted')!.baselineVarianceDays).toBe(0);
  });

  it('refuses a baseline of a product without a pathway', async () => {
    const p = await ok('products.create', sampleProfile({ code: 'NOPATH-1' }));
    expect(await backend.dispatch('baselines.create', { productId: p.id, name: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
