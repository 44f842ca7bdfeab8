import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, count, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-12-03T10:00:00.000Z');
});
afterEach(() => backend.cleanup());

const withPathway = (subpartE: boolean, code: string) =>
  call(backend, 'products.create', { ...sampleProfile({ code, subpartE }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });

describe('meeting rules on a product pathway', () => {
  it('types the end-of-phase-1 meeting by the product: Type B (EOP) for subpart E, Type C otherwise, saying why', async () => {
    const plain = await withPathway(false, 'PLAIN-01');
    const subpartE = await withPathway(true, 'SUBE-01');
    const request = async (productId: string) =>
      (await call(backend, 'pathway.get', { productId })).stages.flatMap((s) => s.milestones).find((m) => m.key === 'fda-receives-eop1-meeting-request')!;
    expect(await request(plain.id)).toMatchObject({ meetingType: 'C', description: expect.stringMatching(/not marked subpart E/) });
    expect(await request(subpartE.id)).toMatchObject({ meetingType: 'B-EOP', description: expect.stringMatching(/312\.82\(b\)/) });
  });

  it('refuses to record a meeting request whose meeting date leaves no time for the briefing package, writing nothing', async () => {
    const product = await withPathway(false, 'PLAIN-02');
    const before = count(backend, 'audit_log');
    const result = await backend.dispatch('clocks.record', { productId: product.id, event: 'meeting-request-received', date: '2026-03-02', meetingType: 'B', meetingDate: '2026-03-03' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'meetingDate', message: expect.stringMatching(/on or after 2026-04-01/) }] } });
    expect(count(backend, 'audit_log')).toBe(before);
  });
});

describe('the end-of-phase-1 meeting follows a change of subpart E', () => {
  it('turns Type C into Type B (EOP) with its lags when the product is marked subpart E, keeping a lag the user changed', async () => {
    const product = await withPathway(false, 'FOLLOW-01');
    const milestones = async () => (await call(backend, 'pathway.get', { productId: product.id })).stages.flatMap((s) => s.milestones);
    const request = (await milestones()).find((m) => m.key === 'fda-receives-eop1-meeting-request')!;
    const held = (await milestones()).find((m) => m.key === 'end-of-phase-1-meeting-held')!;
    const pkg = (await milestones()).find((m) => m.key === 'eop1-briefing-package-submitted')!;
    // The user set their own lag between the package and the meeting: it stays.
    await call(backend, 'dependencies.update', { predecessorId: pkg.id, successorId: held.id, lagDays: 40 });
    await call(backend, 'products.update', { id: product.id, changes: { subpartE: true }, reason: 'Orphan, life-threatening' });
    const view = await call(backend, 'pathway.get', { productId: product.id });
    const after = view.stages.flatMap((s) => s.milestones);
    expect(after.find((m) => m.id === request.id)).toMatchObject({ meetingType: 'B-EOP', description: expect.stringMatching(/312\.82\(b\)/) });
    expect(after.find((m) => m.id === held.id)?.meetingType).toBe('B-EOP');
    const lag = (pred: string, succ: string) => view.dependencies.find((d) => d.predecessorId === pred && d.successorId === succ)?.lagDays;
    expect(lag(request.id, held.id)).toBe(70);
    expect(lag(pkg.id, held.id)).toBe(40);
  });
});
