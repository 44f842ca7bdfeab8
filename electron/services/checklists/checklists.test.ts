import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistItem, ChecklistsView, Channel, ChannelInput } from '../../contract';
import { call, count, sampleProfile, tempBackend } from '../../test-support/backend';
import { releaseGateLots } from '../../test-support/lots';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-01-05T12:00:00.000Z');
});
afterEach(() => backend.cleanup());

const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);
const items = (v: ChecklistsView) => v.checklists.flatMap((c) => c.items);
const EV_MARKER = 'Positive marker: transmembrane or GPI-anchored protein (e.g. CD9, CD63, CD81, integrins)';
const find = (v: ChecklistsView, title: string) => items(v).find((i) => i.title === title)!;

async function product(fraction: 'ev' | 'conditioned-medium', code: string) {
  const p = await ok('products.create', { ...sampleProfile({ code, fraction }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  return { product: p, view: await ok('checklists.generate', { productId: p.id }) };
}

describe('checklists', () => {
  it('generates the checklists that fit the product: EV characterisation only for EV products', async () => {
    const ev = await product('ev', 'EV-1');
    const cm = await product('conditioned-medium', 'CM-1');
    expect(ev.view.checklists.map((c) => c.kind)).toEqual(['ind', 'cmc', 'preclinical', 'pre-ind-meeting', 'clinical']);
    expect(find(ev.view, EV_MARKER)).toBeDefined();
    expect(items(cm.view).some((i) => i.title === EV_MARKER)).toBe(false);
    expect(items(ev.view).length).toBeGreaterThan(items(cm.view).length);
    expect(ev.view.regenerated).toEqual({ added: items(ev.view).length, flagged: 0, restored: 0 });
    // Clinical items follow the pathway design: separate phase I and II, no combined phase I/II items.
    expect(items(ev.view).some((i) => i.stage === 'phase-1-2')).toBe(false);
    expect(ev.view.gates.find((g) => g.id === 'ind-ready')).toMatchObject({ ready: false });
  });

  it('regenerating after a profile change flags items that no longer apply, keeps user data, and restores them later', async () => {
    const { product: p, view } = await product('ev', 'EV-2');
    const marker = find(view, EV_MARKER);
    await ok('checklistItems.update', { id: marker.id, changes: { status: 'drafting', owner: 'QC lead', notes: 'NTA done' } });
    await ok('products.update', { id: p.id, changes: { fraction: 'conditioned-medium' } });
    const flagged = await ok('checklists.generate', { productId: p.id });
    expect(flagged.regenerated!.flagged).toBeGreaterThan(0);
    expect(flagged.regenerated!.added).toBe(0);
    expect(find(flagged, EV_MARKER)).toMatchObject({ applicable: false, status: 'drafting', owner: 'QC lead', notes: 'NTA done' });
    expect(items(flagged)).toHaveLength(items(view).length); // nothing deleted

    await ok('products.update', { id: p.id, changes: { fraction: 'exosome' } });
    const restored = await ok('checklists.generate', { productId: p.id });
    // Every flagged EV item applies to exosomes again (exosomes may add items of their own).
    expect(restored.regenerated).toMatchObject({ flagged: 0, restored: flagged.regenerated!.flagged });
    expect(find(restored, EV_MARKER)).toMatchObject({ applicable: true, status: 'drafting', owner: 'QC lead' });
  });

  it('refuses "not applicable" without a justification, and writes nothing', async () => {
    const { view } = await product('ev', 'EV-3');
    const item = items(view)[0]!;
    const audit = count(backend, 'audit_log');
    const refused = await backend.dispatch('checklistItems.update', { id: item.id, changes: { status: 'not-applicable' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'changes.justification' }] } });
    expect(count(backend, 'audit_log')).toBe(audit);
    const accepted = await ok('checklistItems.update', { id: item.id, changes: { status: 'not-applicable', justification: 'No placebo arm' }, reason: 'Protocol v1' });
    expect(find(accepted, item.title)).toMatchObject({ status: 'not-applicable', justification: 'No placebo arm' });
  });

  it('turns the IND gate ready when every required IND, CMC and preclinical item is done, in one bulk change', async () => {
    const { view } = await product('conditioned-medium', 'CM-2');
    const gated = view.checklists.filter((c) => ['ind', 'cmc', 'preclinical'].includes(c.kind)).flatMap((c) => c.items).filter((i) => i.required);
    const before = view.gates.find((g) => g.id === 'ind-ready')!;
    // Two more: the pathway's toxicology and clinical lots are not released yet (lot register).
    expect(before.blockers.length).toBe(gated.length + 2);
    await releaseGateLots(backend, view.productId);
    const after = await ok('checklistItems.bulkUpdate', { ids: gated.map((i) => i.id), changes: { status: 'submitted' } });
    expect(after.gates.find((g) => g.id === 'ind-ready')).toMatchObject({ ready: true, blockers: [] });
    expect(after.gates.find((g) => g.id === 'pre-ind-ready')!.ready).toBe(false);
  });

  it('a bulk change with one invalid item changes nothing at all', async () => {
    const { view } = await product('ev', 'EV-4');
    const ids = items(view).slice(0, 5).map((i) => i.id);
    const audit = count(backend, 'audit_log');
    const refused = await backend.dispatch('checklistItems.bulkUpdate', { ids: [...ids, 'missing'], changes: { status: 'submitted' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const na = await backend.dispatch('checklistItems.bulkUpdate', { ids, changes: { status: 'not-applicable' } });
    expect(na).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(count(backend, 'audit_log')).toBe(audit);
    const fresh = await ok('checklists.get', { productId: view.productId });
    expect(items(fresh).slice(0, 5).every((i) => i.status === 'not-started')).toBe(true);
  });

  it('ties due dates to milestones so they move with the schedule, and flags overdue items', async () => {
    const { product: p, view } = await product('ev', 'EV-5');
    const item = items(view)[0]!;
    const tied = await ok('checklistItems.update', { id: item.id, changes: { due: { kind: 'milestone', milestone: 'ind-submitted', offsetDays: -14 } } });
    const pathway = await ok('pathway.get', { productId: p.id });
    const submitted = pathway.stages.flatMap((s) => s.milestones).find((m) => m.key === 'ind-submitted')!;
    const expected = new Date(Date.parse(submitted.forecastFinish) - 14 * 86_400_000).toISOString().slice(0, 10);
    expect(find(tied, item.title).dueDate).toBe(expected);
    const fixed = await ok('checklistItems.update', { id: item.id, changes: { due: { kind: 'fixed', date: '2026-01-01' } } });
    expect(find(fixed, item.title)).toMatchObject({ dueDate: '2026-01-01', overdue: true });
    const unknown = await backend.dispatch('checklistItems.update', { id: item.id, changes: { due: { kind: 'milestone', milestone: 'nope', offsetDays: 0 } } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('links only local files that exist, never URLs or programs', async () => {
    const { view } = await product('ev', 'EV-6');
    const item = items(view)[0]!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-doc-'));
    const doc = path.join(dir, 'cover-letter.docx');
    fs.writeFileSync(doc, 'x');
    for (const bad of ['https://example.org/a.docx', 'relative/file.docx', path.join(dir, 'missing.docx'), path.join(dir, 'run.exe')]) {
      if (bad.endsWith('.exe')) fs.writeFileSync(bad, 'x');
      expect(await backend.dispatch('checklistItems.update', { id: item.id, changes: { documentPath: bad } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const linked = await ok('checklistItems.update', { id: item.id, changes: { documentPath: doc } });
    expect(find(linked, item.title)).toMatchObject({ documentPath: doc, documentExists: true });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(find(await ok('checklists.get', { productId: view.productId }), item.title).documentExists).toBe(false);
  });

  it('adds and removes custom items; template items cannot be removed', async () => {
    const { view } = await product('ev', 'EV-7');
    const cmc = view.checklists.find((c) => c.kind === 'cmc')!;
    const added = await ok('checklistItems.create', { checklistId: cmc.id, section: 'Org SOP', title: 'Cold-chain validation report', stage: 'ind' });
    const custom = find(added, 'Cold-chain validation report') as ChecklistItem;
    expect(custom).toMatchObject({ templateItemId: null, required: true, status: 'not-started' });
    const removed = await ok('checklistItems.remove', { id: custom.id, reason: 'Duplicate' });
    expect(items(removed).some((i) => i.id === custom.id)).toBe(false);
    expect(await backend.dispatch('checklistItems.remove', { id: items(view)[0]!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('imports an organisation template after full validation, and refuses a bad file with nothing imported', async () => {
    const good = {
      id: 'org-qa',
      name: 'Organisation QA release',
      description: 'Our own QA steps',
      version: 1,
      kind: 'cmc',
      items: [
        { id: 'org-qa-sop', section: 'QA', sectionTitle: 'Quality assurance', title: 'QA release SOP signed', guidance: 'Signed by the QP.', citation: 'Internal SOP QA-12', required: true, stage: 'ind' },
        { id: 'org-qa-ev', section: 'QA', sectionTitle: 'Quality assurance', title: 'EV reference material lot recorded', guidance: 'Lot of the reference EV.', citation: 'Internal SOP QA-14', required: false, stage: 'ind', appliesWhen: { field: 'fraction', in: ['ev', 'exosome'] } },
      ],
    };
    const broken = { ...good, id: 'org-broken', items: [{ ...good.items[0], id: 'org-broken-a', citation: undefined, stage: 'phase-9' }] };
    const bad = await backend.dispatch('checklistTemplates.import', { fileName: 'broken.json', content: JSON.stringify(broken) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.message).toMatch(/broken\.json: items\[0\] \(org-broken-a\)\.(citation|stage)/);
      expect(bad.error.message).toMatch(/Nothing was imported/);
    }
    expect(await backend.dispatch('checklistTemplates.import', { fileName: 'x.json', content: '{ nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const shipped = { ...good, id: 'ind-initial', items: good.items.map((i) => ({ ...i, id: i.id.replace('org-qa', 'ind-initial-org') })) };
    const clash = await backend.dispatch('checklistTemplates.import', { fileName: 'c.json', content: JSON.stringify(shipped) });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok('checklists.templates', {})).length).toBe(5);

    await ok('checklistTemplates.import', { fileName: 'org-qa.json', content: JSON.stringify(good) });
    const templates = await ok('checklists.templates', {});
    expect(templates.find((t) => t.id === 'org-qa')).toMatchObject({ source: 'imported' });
    const { view } = await product('conditioned-medium', 'CM-3');
    const org = view.checklists.find((c) => c.templateId === 'org-qa')!;
    expect(org.items.map((i) => i.title)).toEqual(['QA release SOP signed']); // the EV-only item does not apply
  });
});
