import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntriesOf, type PathwayView } from '../../contract';
import { call, tempBackend } from '../../test-support/backend';
import { sampleProfile } from '../../test-support/backend';

const NOW = () => '2026-12-03T10:00:00.000Z';
let a: ReturnType<typeof tempBackend>;
let b: ReturnType<typeof tempBackend>;
beforeEach(() => {
  a = tempBackend(NOW);
  b = tempBackend(NOW);
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

const create = (backend: typeof a, overrides = {}) =>
  call(backend, 'products.create', { ...sampleProfile(overrides), pathway: { templateId: 'fda-ind-secretome', startDate: '2025-01-06' } });

/** A view without what differs between two installations by nature: ids and creation times. */
function comparable(view: PathwayView) {
  const name = new Map(view.stages.flatMap((s) => s.milestones).map((m) => [m.id, m.name]));
  return {
    stage: view.product.stage,
    milestones: view.stages.flatMap((s) => s.milestones.map((m) => [s.kind, m.name, m.status, m.actualStart, m.actualFinish, m.forecastFinish])),
    triggers: view.triggers.map((t) => [t.event, t.date, t.milestoneId && name.get(t.milestoneId), t.deadlines.map((d) => [d.rule, d.date])]),
    deadlines: view.deadlines.map((d) => [d.key.replace(/@.*/, ''), d.label, d.date, d.estimated, d.metOn, d.overdue]),
  };
}

async function trailOf(backend: typeof a, productId: string) {
  const items = await call(backend, 'audit.list', { productId });
  const latest = items[0]!;
  const members = latest.kind === 'change-set' ? latest.changeSet.members : [latest.entry];
  return {
    summary: latest.kind === 'change-set' ? latest.changeSet.summary : null,
    members: members.map((e) => [e.entity, e.field, e.oldValue, e.newValue, e.record, e.change]),
    total: auditEntriesOf(items).length,
  };
}

describe('one event, one fact', () => {
  it('recording "FDA receives the IND" on the Clocks tab or the milestone date on the Pathway tab gives the same pathway, clocks and audit', async () => {
    const pa = await create(a);
    const pb = await create(b);
    const view = await call(b, 'pathway.get', { productId: pb.id });
    const received = view.stages.flatMap((s) => s.milestones).find((m) => m.clockEvent === 'ind-received')!;

    const viaClocks = await call(a, 'clocks.record', { productId: pa.id, event: 'ind-received', date: '2026-11-20' });
    const viaPathway = await call(b, 'milestones.update', { id: received.id, changes: { actualStart: '2026-11-20', actualFinish: '2026-11-20' } });

    expect(comparable(viaClocks)).toEqual(comparable(viaPathway));
    const milestone = viaClocks.stages.flatMap((s) => s.milestones).find((m) => m.clockEvent === 'ind-received')!;
    expect(milestone).toMatchObject({ status: 'done', actualFinish: '2026-11-20' });
    expect(viaClocks.product.stage).toBe('ind');
    const inEffect = viaClocks.deadlines.find((d) => d.rule === 'ind.in-effect')!;
    expect(inEffect).toMatchObject({ date: '2026-12-20', estimated: false });
    expect(viaClocks.triggers).toHaveLength(1);
    expect(viaClocks.triggers[0]!.milestoneId).toBe(milestone.id);

    const trailA = await trailOf(a, pa.id);
    const trailB = await trailOf(b, pb.id);
    expect(trailA).toEqual(trailB);
    expect(trailA.summary).toBe('Recorded “FDA receives the IND” on 2026-11-20: milestone “FDA receives IND” done');
  });

  it('refuses to record a one-time IND event twice, and records a second meeting request on its own milestone', async () => {
    const p = await create(a);
    await call(a, 'clocks.record', { productId: p.id, event: 'ind-received', date: '2026-11-20' });
    expect(await a.dispatch('clocks.record', { productId: p.id, event: 'ind-received', date: '2026-11-21' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const first = await call(a, 'clocks.record', { productId: p.id, event: 'meeting-request-received', date: '2026-03-02', meetingType: 'B', meetingDate: '2026-04-20' });
    const requests = first.stages.flatMap((s) => s.milestones).filter((m) => m.clockEvent === 'meeting-request-received');
    expect(requests.map((m) => m.status)).toEqual(['done', 'not-started']);
    const trigger = first.triggers.find((t) => t.event === 'meeting-request-received')!;
    expect(trigger).toMatchObject({ milestoneId: requests[0]!.id, meetingDate: '2026-04-20', meetingType: 'B' });
    const second = await call(a, 'clocks.record', { productId: p.id, event: 'meeting-request-received', date: '2026-10-01', meetingType: 'B-EOP' });
    expect(second.stages.flatMap((s) => s.milestones).filter((m) => m.clockEvent === 'meeting-request-received').map((m) => [m.status, m.meetingType])).toEqual([
      ['done', 'B'],
      ['done', 'B-EOP'],
    ]);
  });

  it('lists each clock once: estimated from the forecast until the event happens, then firm', async () => {
    const p = await create(a);
    const before = await call(a, 'pathway.get', { productId: p.id });
    const annual = (v: PathwayView) => v.deadlines.filter((d) => d.rule === 'ind.annual-report');
    expect(annual(before).map((d) => d.label.replace(/ \(.*/, ''))).toEqual(['IND annual report 1', 'IND annual report 2', 'IND annual report 3']);
    expect(annual(before).every((d) => d.estimated)).toBe(true);
    const inEffectRows = (v: PathwayView) => v.deadlines.filter((d) => d.key.startsWith('ind.in-effect@'));
    expect(inEffectRows(before)).toHaveLength(1);

    const submitted = await call(a, 'clocks.record', { productId: p.id, event: 'ind-submitted', date: '2026-11-17' });
    const received = await call(a, 'clocks.record', { productId: p.id, event: 'ind-received', date: '2026-11-20' });
    for (const view of [submitted, received]) {
      expect(annual(view)).toHaveLength(3);
      expect(inEffectRows(view)).toHaveLength(1);
    }
    expect(annual(received)[0]).toMatchObject({ estimated: false, window: { from: '2027-12-20', to: '2028-02-18' }, basis: { event: 'ind-received' } });
    const inEffect = await call(a, 'clocks.record', { productId: p.id, event: 'ind-in-effect', date: '2026-12-18' });
    expect(annual(inEffect)[0]).toMatchObject({ estimated: false, window: { from: '2027-12-18', to: '2028-02-16' }, basis: { event: 'ind-in-effect' } });
    expect(inEffectRows(inEffect)[0]).toMatchObject({ rule: 'ind.in-effect', metOn: '2026-12-18', overdue: false });
  });

  it('puts an overdue FDA reply at the top of the deadlines, marked, instead of dropping it', async () => {
    const p = await create(a);
    const view = await call(a, 'clocks.record', { productId: p.id, event: 'meeting-request-received', date: '2026-11-10', meetingType: 'B' });
    const reply = view.deadlines.find((d) => d.rule === 'meeting.b.reply')!;
    expect(reply).toMatchObject({ date: '2026-12-01', overdue: true, metOn: null });
    expect(view.deadlines[0]!.overdue).toBe(true);
    const dashboard = await call(a, 'dashboard.get', {});
    expect(dashboard.deadlines.clocks[0]).toMatchObject({ label: reply.label, overdue: true, daysAway: -2 });
    expect(dashboard.deadlines.milestones.every((d) => d.kind === 'milestone')).toBe(true);
    expect(dashboard.deadlines.clocks.every((d) => d.kind === 'clock')).toBe(true);
  });
});

describe('joining the pathway mid-way', () => {
  it('creates a product at Pre-IND with its earlier stages done on the dates given', async () => {
    const p = await call(a, 'products.create', {
      ...sampleProfile({ stage: 'pre-ind' }),
      pathway: { templateId: 'fda-ind-secretome', startDate: '2025-01-06', stageFinishes: { 'in-vitro': '2025-06-30', 'in-vivo': '2026-09-30' } },
    });
    expect(p.stage).toBe('pre-ind');
    const view = await call(a, 'pathway.get', { productId: p.id });
    const of = (kind: string) => view.stages.find((s) => s.kind === kind)!;
    expect(of('in-vitro').milestones.every((m) => m.status === 'done' && m.actualFinish === '2025-06-30')).toBe(true);
    expect(of('in-vivo').milestones.every((m) => m.status === 'done' && m.actualFinish === '2026-09-30')).toBe(true);
    expect(of('pre-ind').done).toBe(0);
    // The forecast starts from where the product is: nothing before today is still to do.
    expect(view.stages.flatMap((s) => s.milestones).filter((m) => m.status !== 'done').every((m) => m.forecastFinish >= '2026-12-03')).toBe(true);
    const [item] = await call(a, 'audit.list', { productId: p.id });
    expect(item?.kind === 'change-set' && item.changeSet.summary).toMatch(/joining at Pre-IND/);
  });

  it('refuses a typed stage on a product with a pathway, and a stage finish in the future', async () => {
    const p = await create(a);
    expect(await a.dispatch('products.update', { id: p.id, changes: { stage: 'ind' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'stage' }] } });
    expect(await a.dispatch('pathway.markEarlierWorkDone', { productId: p.id, stage: 'in-vivo', stageFinishes: { 'in-vitro': '2027-01-01' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const done = await call(a, 'pathway.markEarlierWorkDone', { productId: p.id, stage: 'in-vivo', stageFinishes: { 'in-vitro': '2025-05-01' } });
    expect(done.product.stage).toBe('in-vivo');
  });
});
