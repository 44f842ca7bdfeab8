import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntriesOf } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';
import { docxText } from '../../test-support/docx';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-12-03T10:00:00.000Z');
});
afterEach(() => backend.cleanup());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const MACHINE = /[{}[\]]|"\w+":|\b(checklist_item|clock_trigger|templateItem|durationDays|actualFinish|not-started|in-review)\b/;

/** Every kind of change the app writes, so every entity type and action appears in the trail. */
async function everyKindOfChange() {
  const p = await call(backend, 'products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2025-01-06' } });
  await call(backend, 'products.update', { id: p.id, changes: { indication: 'ARDS', serumFree: false, fraction: 'exosome' }, reason: 'Protocol v2' });
  let view = await call(backend, 'pathway.get', { productId: p.id });
  const stage = view.stages[0]!;
  const [m1, m2] = stage.milestones;
  await call(backend, 'milestones.update', { id: m1!.id, changes: { durationDays: 120, owner: 'Dr. Lee', actualStart: '2025-01-10' } });
  view = await call(backend, 'milestones.create', { stageId: stage.id, name: 'Extra assay', durationDays: 10, predecessors: [{ id: m1!.id, lagDays: 0 }] });
  const extra = view.stages[0]!.milestones.find((m) => m.name === 'Extra assay')!;
  await call(backend, 'milestones.move', { id: extra.id, stageId: stage.id, position: 0 });
  await call(backend, 'dependencies.add', { predecessorId: m2!.id, successorId: extra.id, lagDays: 3 });
  await call(backend, 'dependencies.update', { predecessorId: m2!.id, successorId: extra.id, lagDays: 7 });
  await call(backend, 'dependencies.remove', { predecessorId: m2!.id, successorId: extra.id });
  await call(backend, 'milestones.remove', { id: extra.id, reason: 'Not needed' });
  await call(backend, 'pathway.updateSettings', { productId: p.id, startDate: '2025-01-13', calendar: 'working', reason: 'Kick-off moved' });
  view = await call(backend, 'clocks.record', { productId: p.id, event: 'safety-information-received', date: '2026-11-02', label: 'SAE 001' });
  const safety = view.triggers.find((t) => t.event === 'safety-information-received')!;
  await call(backend, 'clocks.override', { triggerId: safety.id, date: '2026-11-03', reason: 'Received late in the day' });
  await call(backend, 'clocks.remove', { triggerId: safety.id, reason: 'Entered twice' });
  await call(backend, 'clocks.record', { productId: p.id, event: 'ind-received', date: '2026-11-20' });
  const lists = await call(backend, 'checklists.generate', { productId: p.id });
  const items = lists.checklists.flatMap((c) => c.items);
  await call(backend, 'checklistItems.update', { id: items[0]!.id, changes: { status: 'not-applicable', justification: 'Domestic sponsor', due: { kind: 'milestone', milestone: 'ind-submitted', offsetDays: -14 } } });
  await call(backend, 'checklistItems.bulkUpdate', { ids: items.slice(1, 4).map((i) => i.id), changes: { status: 'submitted', owner: 'QA' }, reason: 'Review meeting' });
  const withCustom = await call(backend, 'checklistItems.create', { checklistId: lists.checklists[0]!.id, section: 'Custom', title: 'Cover letter', stage: 'ind' });
  const custom = withCustom.checklists[0]!.items.find((i) => i.title === 'Cover letter')!;
  await call(backend, 'checklistItems.remove', { id: custom.id, reason: 'Duplicate' });
  await call(backend, 'products.update', { id: p.id, changes: { fraction: 'conditioned-medium' } });
  await call(backend, 'checklists.generate', { productId: p.id }); // flags EV items that no longer apply
  const [baseline] = await call(backend, 'baselines.create', { productId: p.id, name: 'Plan of record' });
  await call(backend, 'baselines.create', { productId: p.id, name: 'Second look' });
  await call(backend, 'baselines.setReference', { id: baseline!.id });
  const s1 = await call(backend, 'scenarios.create', { productId: p.id, name: 'Tox slips' });
  const tox = s1.milestones.find((m) => m.key === 'glp-tox-in-life')!;
  await call(backend, 'scenarios.edit', { id: s1.id, edit: { type: 'duration', milestoneId: tox.id, durationDays: 150 } });
  await call(backend, 'scenarios.apply', { id: s1.id, reason: 'Agreed' });
  const s2 = await call(backend, 'scenarios.create', { productId: p.id, name: 'Faster' });
  await call(backend, 'scenarios.discard', { id: s2.id, reason: 'Not realistic' });
  await call(backend, 'settings.update', { displayName: 'Dr. Ada Reg', backupKeep: 10 });
  await call(backend, 'checklistTemplates.import', {
    fileName: 'org.json',
    content: JSON.stringify({ id: 'org-extra', name: 'Org extras', description: 'Organisation additions', kind: 'ind', version: 1, items: [{ id: 'org-extra-cover', section: 'Org', sectionTitle: 'Org', title: 'Org cover letter', guidance: 'Signed by the head of RA', citation: 'SOP-1', required: true, stage: 'ind' }] }),
  });
  await call(backend, 'products.archive', { id: p.id, reason: 'Paused' });
  await call(backend, 'products.restore', { id: p.id, reason: 'Resumed' });
  const bundle = await call(backend, 'bundles.export', { productId: p.id });
  await call(backend, 'bundles.import', { fileName: bundle.fileName, content: bundle.content, mode: 'copy' });
  const backup = await call(backend, 'backups.create', {});
  await call(backend, 'backups.restore', { name: backup.name });
  return p;
}

describe('the audit trail in words', () => {
  it('names the product and the record, and says what changed, for every entity type, with no id or JSON', async () => {
    const p = await everyKindOfChange();
    const entries = auditEntriesOf(await call(backend, 'audit.list', { limit: 5000 }));
    const entities = new Set(entries.map((e) => e.entity));
    expect([...entities].sort()).toEqual(['baseline', 'checklist', 'checklist_item', 'checklist_template', 'clock_trigger', 'database', 'dependency', 'milestone', 'pathway', 'product', 'scenario', 'setting']);
    for (const e of entries) {
      const words = `${e.record} — ${e.change}`;
      expect(words, `${e.entity}.${e.field} ${e.action}`).not.toMatch(UUID);
      expect(words, `${e.entity}.${e.field} ${e.action}`).not.toMatch(MACHINE);
      if (e.productId) expect(e.productCode, words).toMatch(/^UC-EV-01/);
    }
    const find = (pred: (e: (typeof entries)[number]) => boolean) => entries.find(pred)!;
    expect(find((e) => e.entity === 'milestone' && e.field === 'durationDays' && e.newValue === '120')).toMatchObject({ record: expect.stringMatching(/^Milestone “.+”$/), change: expect.stringMatching(/^duration \d+ days → 120 days$/) });
    expect(find((e) => e.entity === 'checklist_item' && e.field === 'status' && e.newValue === 'submitted').change).toMatch(/^status Not started → Submitted$/);
    expect(find((e) => e.entity === 'checklist_item' && e.field === 'due').change).toBe('due — → 14 days before “ind submitted”');
    expect(find((e) => e.entity === 'product' && e.field === 'fraction' && e.newValue === 'exosome').change).toBe('secretome fraction Extracellular vesicles (EV) → Exosomes');
    expect(find((e) => e.entity === 'product' && e.action === 'create' && e.productId === p.id).change).toBe('created: “Umbilical cord MSC EVs”');
    expect(find((e) => e.entity === 'dependency' && e.action === 'delete' && e.reason === null).record).toMatch(/^Dependency “Extra assay” waits for “.+”$/);
    expect(find((e) => e.entity === 'milestone' && e.action === 'delete').record).toBe('Milestone “Extra assay”');
    // Removed since: its event is still named (from the trail).
    expect(find((e) => e.entity === 'clock_trigger' && e.field === 'date' && e.action === 'update').record).toBe('FDA event “Sponsor receives safety information (possible IND safety report)”');
  });

  it('makes a generated or bulk change one change set with a summary, its members inspectable', async () => {
    const p = await call(backend, 'products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2025-01-06' } });
    const lists = await call(backend, 'checklists.generate', { productId: p.id });
    const count = lists.checklists.reduce((n, c) => n + c.items.length, 0);
    const [generated] = await call(backend, 'audit.list', { productId: p.id, limit: 1 });
    if (generated?.kind !== 'change-set') throw new Error(`expected a change set, got ${JSON.stringify(generated)}`);
    expect(generated.changeSet.summary).toMatch(new RegExp(`^Checklists of UC-EV-01: generated ${count} checklist items from .+ v\\d+`));
    expect(generated.changeSet.members.filter((m) => m.entity === 'checklist_item')).toHaveLength(count);
    expect(generated.changeSet.members.every((m) => m.changeSetId === generated.changeSet.id)).toBe(true);
  });

  it('says "all dates" for an audit extract with no period, and never "1900-01-01"', async () => {
    const p = await call(backend, 'products.create', sampleProfile());
    const rendered = await call(backend, 'exports.render', { kind: 'audit', productId: p.id, paper: 'letter' });
    const text = docxText(Buffer.from(rendered.base64, 'base64'));
    expect(text).toMatch(/all dates/);
    expect(text).not.toContain('1900-01-01');
  });
});
