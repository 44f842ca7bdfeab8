import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntriesOf, type PathwayView, type Channel, type ChannelInput } from '../../contract';
import { call, count, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
// A fixed clock: forecasts depend on "today".
beforeEach(() => {
  backend = tempBackend(() => '2026-01-05T12:00:00.000Z');
});
afterEach(() => backend.cleanup());

const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);

const milestones = (v: PathwayView) => v.stages.flatMap((s) => s.milestones);
const byKey = (v: PathwayView, key: string) => milestones(v).find((m) => m.key === key)!;

async function productWithPathway(startDate = '2026-01-05') {
  const product = await ok('products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate } });
  return { product, view: await ok('pathway.get', { productId: product.id }) };
}

describe('pathway', () => {
  it('instantiates a template in one transaction, with the initial forecast as planned dates', async () => {
    const { view } = await productWithPathway();
    expect(view.stages.map((s) => s.kind)).toEqual(['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2']);
    expect(milestones(view).length).toBeGreaterThan(40);
    for (const m of milestones(view)) {
      expect(m.plannedStart).toBe(m.forecastStart);
      expect(m.plannedFinish).toBe(m.forecastFinish);
    }
    // IND in effect is 30 days after FDA receives the IND, through the dependency lag.
    const received = byKey(view, 'fda-receives-ind');
    const inEffect = byKey(view, 'ind-in-effect');
    expect(Date.parse(inEffect.forecastStart) - Date.parse(received.forecastFinish)).toBe(30 * 86_400_000);
    expect(view.criticalPath.length).toBeGreaterThan(5);
  });

  it('refuses an unknown template and writes nothing', async () => {
    const result = await backend.dispatch('products.create', { ...sampleProfile(), pathway: { templateId: 'nope', startDate: '2026-01-05' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(count(backend, 'product')).toBe(0);
  });

  it('lets a late predecessor push its successors and records the IND clocks from actual dates', async () => {
    const { product, view } = await productWithPathway();
    const before = byKey(view, 'ind-submitted').forecastFinish;
    const tox = byKey(view, 'glp-tox-in-life');
    const later = await ok('milestones.update', { id: tox.id, changes: { durationDays: tox.durationDays + 42 }, reason: 'Extra recovery group' });
    expect(Date.parse(byKey(later, 'ind-submitted').forecastFinish) - Date.parse(before)).toBe(42 * 86_400_000);
    expect(byKey(later, 'ind-submitted').finishVarianceDays).toBe(42);

    const received = byKey(later, 'fda-receives-ind');
    const recorded = await ok('milestones.update', { id: received.id, changes: { actualStart: '2026-03-02', actualFinish: '2026-03-02' } });
    const trigger = recorded.triggers.find((t) => t.event === 'ind-received')!;
    expect(trigger).toMatchObject({ date: '2026-03-02', milestoneId: received.id });
    expect(trigger.deadlines.find((d) => d.rule === 'ind.in-effect')!.date).toBe('2026-04-01');
    expect(byKey(recorded, 'ind-in-effect').forecastFinish).toBe('2026-04-01');
    expect(recorded.product.stage).toBe('ind');

    const audit = auditEntriesOf(await ok('audit.list', { productId: product.id }));
    expect(audit.find((a) => a.field === 'durationDays')!.reason).toBe('Extra recovery group');
  });

  it('refuses a dependency that would make a cycle, naming it', async () => {
    const { view } = await productWithPathway();
    const a = byKey(view, 'ind-submitted');
    const b = byKey(view, 'first-patient-dosed');
    const result = await backend.dispatch('dependencies.add', { predecessorId: b.id, successorId: a.id, lagDays: 0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(result.ok || result.error.message).toMatch(/cycle: "IND submitted" → .* → "First patient dosed" → "IND submitted"/i);
  });

  it('adds, moves and removes milestones, removing their dependencies with them', async () => {
    const { view } = await productWithPathway();
    const stage = view.stages.find((s) => s.kind === 'pre-ind')!;
    const pred = byKey(view, 'pre-ind-meeting-held');
    const added = await ok('milestones.create', {
      stageId: stage.id,
      name: 'INTERACT meeting',
      durationDays: 0,
      predecessors: [{ id: pred.id, lagDays: 7 }],
    });
    const custom = milestones(added).find((m) => m.name === 'INTERACT meeting')!;
    expect(custom.key).toBeNull();
    expect(added.dependencies).toContainEqual({ predecessorId: pred.id, successorId: custom.id, lagDays: 7 });

    const moved = await ok('milestones.move', { id: custom.id, stageId: stage.id, position: 0 });
    expect(moved.stages.find((s) => s.id === stage.id)!.milestones[0]!.id).toBe(custom.id);

    const removed = await ok('milestones.remove', { id: custom.id, reason: 'Not needed' });
    expect(milestones(removed).some((m) => m.id === custom.id)).toBe(false);
    expect(removed.dependencies.some((d) => d.successorId === custom.id || d.predecessorId === custom.id)).toBe(false);
  });

  it('records a manual trigger and keeps the reason of an override', async () => {
    const { product } = await productWithPathway();
    const recorded = await ok('clocks.record', { productId: product.id, event: 'meeting-request-received', date: '2026-02-02', meetingType: 'B', label: 'Pre-IND request' });
    const trigger = recorded.triggers[0]!;
    expect(trigger.deadlines.find((d) => d.rule === 'meeting.b.held-by')!.date).toBe('2026-04-03');
    const overridden = await ok('clocks.override', { triggerId: trigger.id, date: '2026-02-04', reason: 'FDA stamped receipt on the 4th' });
    expect(overridden.triggers[0]).toMatchObject({ date: '2026-02-04', originalDate: '2026-02-02', reason: 'FDA stamped receipt on the 4th' });
    const noReason = await backend.dispatch('clocks.override', { triggerId: trigger.id, date: '2026-02-05', reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missingType = await backend.dispatch('clocks.record', { productId: product.id, event: 'meeting-request-received', date: '2026-02-02' });
    expect(missingType).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'meetingType' }] } });
  });

  it('derives the dashboard: stage, progress, next milestone and upcoming deadlines', async () => {
    await ok('examples.load', {});
    const dashboard = await ok('dashboard.get', { today: '2026-11-27' });
    expect(dashboard.products).toHaveLength(4);
    const cfaf = dashboard.products.find((p) => p.product.code === 'CFAF-EV-C19')!;
    expect(cfaf.product.stage).toBe('phase-1-2');
    expect(cfaf.done).toBeGreaterThan(30);
  });
});
