import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistsView, Channel, ChannelInput } from '../../contract';
import { call, count, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-01-05T12:00:00.000Z');
});
afterEach(() => backend.cleanup());

const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);
const items = (v: ChecklistsView) => v.checklists.flatMap((c) => c.items);

async function productWithChecklists(code: string) {
  const p = await ok('products.create', { ...sampleProfile({ code, fraction: 'ev' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  return { productId: p.id, view: await ok('checklists.generate', { productId: p.id }) };
}

/** The newest change set of a product's trail (what the UI undoes after a bulk change). */
async function latestChangeSet(productId: string) {
  const [top] = await ok('audit.list', { productId, limit: 1 });
  if (top?.kind !== 'change-set') throw new Error('the newest trail item is not a change set');
  return top.changeSet;
}

describe('undo of a bulk checklist change', () => {
  it('puts every item back in one step, audited as its own change set with the reason', async () => {
    const { productId, view } = await productWithChecklists('UNDO-1');
    const chosen = items(view).slice(0, 6);
    await ok('checklistItems.update', { id: chosen[1]!.id, changes: { status: 'drafting', owner: 'Ana' } });
    const before = new Map(items(await ok('checklists.get', { productId })).map((i) => [i.id, { status: i.status, owner: i.owner }]));

    const changed = await ok('checklistItems.bulkUpdate', { ids: chosen.map((i) => i.id), changes: { status: 'submitted', owner: 'RA lead' }, reason: 'Sent with sequence 0001' });
    expect(items(changed).filter((i) => chosen.some((c) => c.id === i.id)).every((i) => i.status === 'submitted' && i.owner === 'RA lead')).toBe(true);
    const set = await latestChangeSet(productId);
    expect(set.members.length).toBe(12); // 6 items x (status, owner)

    const auditBefore = count(backend, 'audit_log');
    const undone = await ok('checklistItems.revert', { changeSetId: set.id, reason: 'Wrong items selected' });
    for (const i of items(undone)) expect({ status: i.status, owner: i.owner }).toEqual(before.get(i.id));
    expect(count(backend, 'audit_log')).toBe(auditBefore + 12);

    const reversal = await latestChangeSet(productId);
    expect(reversal.summary).toBe(`Undid change set #${set.id}: 6 checklist items back to their earlier values`);
    expect(reversal.reason).toBe('Wrong items selected');
    const drafting = reversal.members.find((m) => m.entityId === chosen[1]!.id && m.field === 'status')!;
    expect({ old: drafting.oldValue, new: drafting.newValue }).toEqual({ old: 'submitted', new: 'drafting' });
  });

  it('refuses, changing nothing, when an item changed since or the change was already undone', async () => {
    const { productId, view } = await productWithChecklists('UNDO-2');
    const chosen = items(view).slice(0, 3);
    await ok('checklistItems.bulkUpdate', { ids: chosen.map((i) => i.id), changes: { status: 'drafting' } });
    const set = await latestChangeSet(productId);
    await ok('checklistItems.update', { id: chosen[2]!.id, changes: { status: 'in-review' } });
    const audit = count(backend, 'audit_log');
    const refused = await backend.dispatch('checklistItems.revert', { changeSetId: set.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('has changed since change set') } });
    expect(count(backend, 'audit_log')).toBe(audit);
    const still = items(await ok('checklists.get', { productId }));
    expect(still.find((i) => i.id === chosen[0]!.id)!.status).toBe('drafting');

    // Put the third back by hand, undo, then a second undo finds nothing to undo.
    await ok('checklistItems.update', { id: chosen[2]!.id, changes: { status: 'drafting' } });
    await ok('checklistItems.revert', { changeSetId: set.id });
    const again = await backend.dispatch('checklistItems.revert', { changeSetId: set.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('undoes a one-field change by its entry, and refuses what is not a checklist field change', async () => {
    const { productId, view } = await productWithChecklists('UNDO-3');
    const item = items(view)[0]!;
    await ok('checklistItems.bulkUpdate', { ids: [item.id], changes: { owner: 'QA' } });
    const [top] = await ok('audit.list', { productId, limit: 1 });
    expect(top?.kind).toBe('entry');
    const entryId = top?.kind === 'entry' ? top.entry.id : 0;
    const undone = await ok('checklistItems.revert', { entryId });
    expect(items(undone).find((i) => i.id === item.id)!.owner).toBe('');

    // Creating the product and its pathway / generating its checklists wrote created records.
    const generated = (await ok('audit.list', { productId })).find((x) => x.kind === 'change-set' && x.changeSet.members.some((m) => m.action === 'create'));
    expect(generated).toBeDefined();
    const refused = await backend.dispatch('checklistItems.revert', { changeSetId: generated!.kind === 'change-set' ? generated!.changeSet.id : 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('is not a change of checklist item fields') } });
    const missing = await backend.dispatch('checklistItems.revert', { changeSetId: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const both = await backend.dispatch('checklistItems.revert', { changeSetId: 1, entryId: 1 });
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
