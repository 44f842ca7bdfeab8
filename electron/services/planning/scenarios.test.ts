import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntriesOf, type PathwayView, type Channel, type ChannelInput } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-01-05T12:00:00.000Z');
});
afterEach(() => backend.cleanup());
const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);
const byKey = (v: PathwayView, key: string) => v.stages.flatMap((s) => s.milestones).find((m) => m.key === key)!;

async function setup() {
  const p = await ok('products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  const live = await ok('pathway.get', { productId: p.id });
  return { p, live };
}

describe('planning scenarios', () => {
  it('edits a copy, leaves the live plan alone, and explains what moved', async () => {
    const { p, live } = await setup();
    const tox = byKey(live, 'glp-tox-in-life');
    const baseline = await ok('baselines.create', { productId: p.id, name: 'Board plan', reference: true });
    const s = await ok('scenarios.create', { productId: p.id, name: 'Tox slips 6 weeks' });
    const edited = await ok('scenarios.edit', { id: s.id, edit: { type: 'duration', milestoneId: tox.id, durationDays: tox.durationDays + 42 } });
    expect(edited.changes).toHaveLength(1);
    expect(edited.milestones.find((m) => m.key === 'ind-submitted')!.movedDays).toBe(42);
    // The live plan did not move.
    expect(byKey(await ok('pathway.get', { productId: p.id }), 'ind-submitted').forecastFinish).toBe(byKey(live, 'ind-submitted').forecastFinish);

    const compared = await ok('plans.compare', { productId: p.id, plans: [{ kind: 'baseline', id: baseline[0]!.id }, { kind: 'live' }, { kind: 'scenario', id: s.id }] });
    expect(compared.plans.map((x) => x.name)).toEqual(['Baseline: Board plan', 'Live plan', 'Scenario: Tox slips 6 weeks']);
    const ind = compared.moved.find((m) => m.name === 'IND submitted')!;
    expect(ind.deltas).toEqual([0, 0, 42]);
    expect(ind.why[2]).toMatch(/^pushed by: GLP toxicology in-life phase and analysis: duration \d+ → \d+ d \(\+42 d\)$/);
    expect(compared.plans[2]!.keyDates.find((k) => k.id === 'ind-submission')!.date).toBe(ind.finishes[2]);
  });

  it('applying a scenario equals making the same edits on the live plan, audited as one change set', async () => {
    const { p, live } = await setup();
    const tox = byKey(live, 'glp-tox-in-life');
    const s = await ok('scenarios.create', { productId: p.id, name: 'Tox slips' });
    await ok('scenarios.edit', { id: s.id, edit: { type: 'duration', milestoneId: tox.id, durationDays: tox.durationDays + 42 } });
    const scenario = await ok('scenarios.get', { id: s.id });
    const applied = await ok('scenarios.apply', { id: s.id, reason: 'Agreed in the planning meeting' });
    expect(applied.status).toBe('applied');

    // The same edit made directly on a twin product gives the same dates.
    const twin = await ok('products.create', { ...sampleProfile({ code: 'TWIN-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
    const twinTox = byKey(await ok('pathway.get', { productId: twin.id }), 'glp-tox-in-life');
    const direct = await ok('milestones.update', { id: twinTox.id, changes: { durationDays: twinTox.durationDays + 42 } });
    const after = await ok('pathway.get', { productId: p.id });
    const finishes = (v: PathwayView) => v.stages.flatMap((st) => st.milestones).map((m) => [m.key, m.forecastFinish]);
    expect(finishes(after)).toEqual(finishes(direct));
    expect(scenario.milestones.map((m) => [m.key, m.finish])).toEqual(finishes(after));

    const trail = auditEntriesOf(await ok('audit.list', { productId: p.id }));
    const set = trail.filter((e) => e.reason === 'Planning session "Tox slips": Agreed in the planning meeting');
    expect(set.map((e) => `${e.entity}.${e.field}`).sort()).toEqual(['milestone.durationDays', 'scenario.status']);
    expect(await backend.dispatch('scenarios.edit', { id: s.id, edit: { type: 'duration', milestoneId: tox.id, durationDays: 1 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('switching the pre-IND meeting to INTERACT moves the meeting by the timelines of the clock rules, and projects clocks', async () => {
    const { p, live } = await setup();
    const s = await ok('scenarios.create', { productId: p.id, name: 'INTERACT first' });
    const request = byKey(live, 'fda-receives-meeting-request');
    const before = s.milestones.find((m) => m.key === 'pre-ind-meeting-held')!.finish;
    expect(s.clocks.find((c) => c.event === 'meeting-request-received')!.deadlines.some((d) => d.rule === 'meeting.b.held-by')).toBe(true);
    const edited = await ok('scenarios.edit', { id: s.id, edit: { type: 'meetingType', milestoneId: request.id, meetingType: 'INTERACT' } });
    const held = edited.milestones.find((m) => m.key === 'pre-ind-meeting-held')!;
    expect(Date.parse(held.finish) - Date.parse(before)).toBe(15 * 86_400_000); // held by day 75 instead of 60
    expect(held.movedDays).toBe(15);
    expect(edited.dependencies.find((d) => d.predecessorId === request.id && d.successorId === byKey(live, 'briefing-package-submitted').id)!.lagDays).toBe(0); // with the request
    const interact = edited.clocks.find((c) => c.event === 'meeting-request-received')!;
    expect(interact.deadlines.some((d) => d.rule === 'meeting.interact.held-by')).toBe(true);
  });

  it('refuses edits that would make a cycle, naming it, and keeps the scenario as it was', async () => {
    const { p, live } = await setup();
    const s = await ok('scenarios.create', { productId: p.id, name: 'Cycle' });
    const result = await backend.dispatch('scenarios.edit', { id: s.id, edit: { type: 'addDependency', predecessorId: byKey(live, 'first-patient-dosed').id, successorId: byKey(live, 'ind-submitted').id } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(result.ok || result.error.message).toMatch(/cycle/);
    expect((await ok('scenarios.get', { id: s.id })).changes).toHaveLength(0);
  });
});
