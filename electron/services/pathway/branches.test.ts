import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PathwayView } from '../../contract';
import { call, count, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-12-03T10:00:00.000Z');
});
afterEach(() => backend.cleanup());

const create = (code: string, overrides: Parameters<typeof sampleProfile>[0] = {}) =>
  call(backend, 'products.create', { ...sampleProfile({ code, ...overrides }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
const milestones = (view: PathwayView) => view.stages.flatMap((s) => s.milestones);
const byKey = (view: PathwayView, key: string) => milestones(view).find((m) => m.key === key);
const waitsFor = (view: PathwayView, successorKey: string, predecessorKey: string) =>
  view.dependencies.some((d) => d.successorId === byKey(view, successorKey)?.id && d.predecessorId === byKey(view, predecessorKey)?.id);

describe('pathway branches', () => {
  it('gives a cultured allogeneic product the cell-bank and donor-eligibility milestones on the path to the toxicology lot', async () => {
    const product = await create('CULT-01');
    const view = await call(backend, 'pathway.get', { productId: product.id });
    for (const key of ['mcb-established', 'mcb-tested', 'wcb-established', 'wcb-tested', 'donor-eligibility-determined']) expect(byKey(view, key), key).toBeDefined();
    expect(waitsFor(view, 'tox-lot-released', 'wcb-tested')).toBe(true);
    expect(waitsFor(view, 'mcb-established', 'donor-eligibility-determined')).toBe(true);
    // Optional branches stay out until asked for.
    expect(byKey(view, 'clinical-hold-imposed')).toBeUndefined();
    expect(byKey(view, 'interact-request-sent')).toBeUndefined();
    const branches = await call(backend, 'pathway.branches', { productId: product.id });
    expect(branches.map((b) => [b.id, b.automatic, b.applies, b.added])).toEqual([
      ['cell-banks', true, true, true],
      ['donor-eligibility', true, true, true],
      ['interact', false, true, false],
      ['clinical-hold', false, true, false],
    ]);
  });

  it('gives a cell-free biofluid product donor eligibility (maternal testing) but no cell banks', async () => {
    const product = await create('BIOF-01', { sourceKind: 'biofluid', producingCell: 'other' });
    const view = await call(backend, 'pathway.get', { productId: product.id });
    expect(byKey(view, 'mcb-established')).toBeUndefined();
    expect(waitsFor(view, 'tox-lot-released', 'donor-eligibility-determined')).toBe(true);
    // The cell banks do not apply, so the menu does not offer them.
    const cellBanks = (await call(backend, 'pathway.branches', { productId: product.id })).find((b) => b.id === 'cell-banks');
    expect(cellBanks).toMatchObject({ applies: false, added: false });
  });

  it('adds the clinical-hold branch on request: hold, written explanation (30 days), complete response, FDA answer within 30 days (312.42(e)) before the IND is in effect', async () => {
    const product = await create('HOLD-01', { donorType: 'autologous' });
    const before = count(backend, 'milestone');
    const view = await call(backend, 'pathway.addBranch', { productId: product.id, branchId: 'clinical-hold', reason: 'FDA called on day 27' });
    expect(count(backend, 'milestone')).toBe(before + 6);
    expect(byKey(view, 'fda-answers-complete-response')?.citation).toBe('21 CFR 312.42(e)');
    expect(waitsFor(view, 'ind-in-effect', 'fda-answers-complete-response')).toBe(true);
    const answer = byKey(view, 'fda-answers-complete-response')!;
    const received = byKey(view, 'fda-receives-complete-response')!;
    expect(view.dependencies.find((d) => d.successorId === answer.id && d.predecessorId === received.id)?.lagDays).toBe(30);
    // Autologous and cultured: cell banks, no donor eligibility branch.
    expect(byKey(view, 'donor-eligibility-determined')).toBeUndefined();

    const again = await backend.dispatch('pathway.addBranch', { productId: product.id, branchId: 'clinical-hold' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const unknown = await backend.dispatch('pathway.addBranch', { productId: product.id, branchId: 'lunch' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', issues: [{ path: 'branchId' }] } });
    expect(count(backend, 'milestone')).toBe(before + 6);
  });

  it('offers a branch that applies but came after the pathway was set up (a profile changed to cell culture), and adds it on the path to the tox lot', async () => {
    const product = await create('LATE-01', { sourceKind: 'biofluid', producingCell: 'other' });
    await call(backend, 'products.update', { id: product.id, changes: { sourceKind: 'cell-culture', producingCell: 'msc' }, reason: 'Cultured after all' });
    expect((await call(backend, 'pathway.branches', { productId: product.id })).find((b) => b.id === 'cell-banks')).toMatchObject({ applies: true, added: false });
    const view = await call(backend, 'pathway.addBranch', { productId: product.id, branchId: 'cell-banks' });
    expect(waitsFor(view, 'tox-lot-released', 'wcb-tested')).toBe(true);
    expect(waitsFor(view, 'mcb-established', 'donor-eligibility-determined')).toBe(true);
  });
});
