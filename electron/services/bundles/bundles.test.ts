import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntriesOf, type Channel, type ChannelInput } from '../../contract';
import { call, inspect, sampleProfile, tempBackend } from '../../test-support/backend';

let a: ReturnType<typeof tempBackend>;
let b: ReturnType<typeof tempBackend>;
beforeEach(() => {
  a = tempBackend();
  b = tempBackend();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

const ok = <C extends Channel>(backend: typeof a, channel: C, input?: ChannelInput<C>) => call(backend, channel, input);

const TABLES = ['product', 'stage', 'milestone', 'milestone_dependency', 'clock_trigger', 'checklist', 'checklist_item', 'audit_log'];
const snapshot = (backend: typeof a) => inspect(backend, (db) => TABLES.map((t) => db.count(t)));

async function richProduct() {
  const p = await ok(a, 'products.create', { ...sampleProfile({ code: 'SHARE-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  const pathway = await ok(a, 'pathway.get', { productId: p.id });
  const received = pathway.stages.flatMap((s) => s.milestones).find((m) => m.key === 'fda-receives-ind')!;
  await ok(a, 'milestones.update', { id: received.id, changes: { actualStart: '2026-03-02', actualFinish: '2026-03-02', owner: 'RA lead' }, reason: 'FDA letter' });
  const checklists = await ok(a, 'checklists.generate', { productId: p.id });
  const item = checklists.checklists[0]!.items[0]!;
  await ok(a, 'checklistItems.update', { id: item.id, changes: { status: 'not-applicable', justification: 'Domestic sponsor' } });
  await ok(a, 'clocks.record', { productId: p.id, event: 'safety-information-received', date: '2026-05-04', label: 'SAE 001' });
  return p;
}

const exportBundle = (backend: typeof a, productId: string) => ok(backend, 'bundles.export', { productId });

/** A bundle edited by hand (or by an attacker) who also fixed the checksum. */
type Editable = { data: { product: Record<string, unknown>; milestones: unknown[]; items: unknown[]; stages: unknown[] } };
function tamper(content: string, edit: (bundle: Editable) => void) {
  const bundle = JSON.parse(content);
  edit(bundle);
  bundle.checksum = createHash('sha256').update(JSON.stringify(bundle.data)).digest('hex');
  return JSON.stringify(bundle);
}

describe('sharing bundles', () => {
  it('round-trips a product exactly: profile, pathway, clocks, checklists and audit', async () => {
    const p = await richProduct();
    const file = await exportBundle(a, p.id);
    expect(file.fileName).toMatch(/^SHARE-1-\d{4}-\d{2}-\d{2}\.rptbundle$/);
    // b trusts a's signing key (issue 12 item 1): the import needs no "I trust this file".
    await ok(b, 'trust.add', { fingerprint: a.ctx.installationKey().fingerprint, name: 'Installation A' });
    const imported = await ok(b, 'bundles.import', { fileName: file.fileName, content: file.content });
    expect(imported).toMatchObject({ productId: p.id, mode: 'new', signer: { state: 'trusted', fingerprint: a.ctx.installationKey().fingerprint } });
    const again = await exportBundle(b, p.id);
    const before = JSON.parse(file.content).data;
    const after = JSON.parse(again.content).data;
    expect(after.product).toEqual(before.product);
    for (const part of ['stages', 'milestones', 'dependencies', 'triggers', 'checklists', 'items']) expect(after[part]).toEqual(before[part]);
    // The trail came along, plus one entry saying where it came from.
    // Kept, but marked as imported (issue 12 item 1): "who" says so, the reason says when, by whom, from which file and its SHA-256.
    const marked = (before.audit as Array<{ actor: string; reason: string | null }>).map((e) => ({
      ...e,
      actor: `${e.actor} (imported)`,
      reason: expect.stringMatching(new RegExp(`^\\[Imported \\S+ by .+ from ${file.fileName.replace(/\./g, '\\.')}, SHA-256 ${imported.sha256}\\]${e.reason ? ' ' : ''}`)),
    }));
    expect(after.audit.slice(0, before.audit.length)).toEqual(marked);
    expect(after.audit.at(-1)).toMatchObject({ field: 'bundle', reason: expect.stringContaining(`Imported from ${file.fileName} (SHA-256 ${imported.sha256}); signed by`) });
    const views = await Promise.all([ok(a, 'pathway.get', { productId: p.id }), ok(b, 'pathway.get', { productId: p.id })]);
    expect(views[1].triggers.map((t) => t.deadlines)).toEqual(views[0].triggers.map((t) => t.deadlines));
  });

  it('never merges silently: an existing product needs "copy" or "replace"', async () => {
    const p = await richProduct();
    const file = await exportBundle(a, p.id);
    const before = snapshot(a);
    const refused = await a.dispatch('bundles.import', { content: file.content });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'mode' }] } });
    expect(snapshot(a)).toEqual(before);

    const copy = await ok(a, 'bundles.import', { content: file.content, mode: 'copy' });
    expect(copy).toMatchObject({ code: 'SHARE-1-COPY', mode: 'copy' });
    expect(copy.productId).not.toBe(p.id);
    const copyPathway = await ok(a, 'pathway.get', { productId: copy.productId });
    expect(copyPathway.stages.flatMap((s) => s.milestones).length).toBeGreaterThan(40);

    await ok(a, 'products.update', { id: p.id, changes: { indication: 'Changed locally' } });
    const replaced = await ok(a, 'bundles.import', { content: file.content, mode: 'replace' });
    expect(replaced).toMatchObject({ productId: p.id, mode: 'replace' });
    expect((await ok(a, 'products.get', { id: p.id })).indication).toBe('Bronchopulmonary dysplasia');
    const trail = auditEntriesOf(await ok(a, 'audit.list', { productId: p.id }));
    expect(trail.some((e) => e.field === 'indication')).toBe(true); // the local edit stays in the trail
  });

  it('refuses corrupt, hostile and foreign bundles, writing nothing', async () => {
    const p = await richProduct();
    const { content } = await exportBundle(a, p.id);
    const flipped = content.replace('"RA lead"', '"RA leaf"');
    const cases: Array<[string, string, RegExp]> = [
      ['cut short', content.slice(0, Math.floor(content.length / 2)), /not valid JSON/],
      ['bit-flipped', flipped, /checksum/],
      ['wrong format version', content.replace('"formatVersion":1', '"formatVersion":7'), /format version 7/],
      ['newer schema', content.replace(/"schemaVersion":\d+/, '"schemaVersion":99'), /newer tracker/],
      ['not a bundle', JSON.stringify({ hello: 'world' }), /not a tracker bundle/],
      ['duplicated ids', tamper(content, (bnd) => bnd.data.milestones.push(bnd.data.milestones[0]!)), /repeats the milestone id/],
      ['dangling reference', tamper(content, (bnd) => ((bnd.data.items[0] as Record<string, unknown>).checklist_id = 'nowhere')), /refers to a checklist that is not in the bundle/],
      ['oversized field', tamper(content, (bnd) => (bnd.data.product.notes = 'x'.repeat(5000))), /does not hold valid data: data\.product\.notes/],
      ['SQL in an enum', tamper(content, (bnd) => (bnd.data.product.fraction = "ev'); DROP TABLE product; --")), /does not hold valid data/],
      ['unknown column', tamper(content, (bnd) => ((bnd.data.stages[0] as Record<string, unknown>).evil = 1)), /does not hold valid data/],
    ];
    for (const [name, bad, message] of cases) {
      const before = snapshot(b);
      const result = await b.dispatch('bundles.import', { content: bad });
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code, name).toBe('VALIDATION');
        expect(result.error.message, name).toMatch(message);
        expect(result.error.message, name).toMatch(/Nothing was imported/);
      }
      expect(snapshot(b), name).toEqual(before);
    }
  });

  it('carries the lot register to another installation; refuses one that does not hold together', async () => {
    const p = await ok(a, 'products.create', sampleProfile({ code: 'LOTS-1', fraction: 'ev' }));
    const v1 = await ok(a, 'lots.createSpec', { productId: p.id, phase: 'phase-1', attributes: [{ name: 'Endotoxin', kind: 'max', upper: 0.5, unit: 'EU/mL' }] });
    const lot = await ok(a, 'lots.create', { productId: p.id, lotNumber: 'L-001', purpose: 'clinical', manufacturedOn: '2026-02-01', processVersion: 'v1' });
    await ok(a, 'lots.recordResults', { lotId: lot.lot.id, results: [{ attribute: 'Endotoxin', value: '0.9', unit: 'EU/mL', testedOn: '2026-02-03', investigation: 'Re-test ordered' }] });
    const v2 = await ok(a, 'lots.createSpec', { productId: p.id, phase: 'phase-1', attributes: [{ name: 'Endotoxin', kind: 'max', upper: 0.25, unit: 'EU/mL' }] });
    const { content, fileName } = await exportBundle(a, p.id);
    await ok(b, 'trust.add', { fingerprint: a.ctx.installationKey().fingerprint, name: 'Installation A' });
    expect(await ok(b, 'bundles.import', { fileName, content })).toMatchObject({ mode: 'new', counts: { lots: 1 } });
    // The lot keeps the version it was made under (v1), and its OOS judgement and investigation.
    expect(await ok(b, 'lots.get', { lotId: lot.lot.id })).toEqual(await ok(a, 'lots.get', { lotId: lot.lot.id }));
    expect((await ok(b, 'lots.specs', { productId: p.id })).current).toMatchObject({ id: v2.id, version: 2 });

    const data = (bnd: Editable) => bnd.data as unknown as Record<string, Array<Record<string, unknown>>>;
    const v2Attribute = JSON.parse(content).data.lotAttributes.find((x: { spec_id: string }) => x.spec_id === v2.id).id;
    const cases: Array<[string, string, RegExp]> = [
      ['result on another version', tamper(content, (bnd) => (data(bnd).lotResults![0]!.attribute_id = v2Attribute)), /attribute that is not in its lot's specification version/],
      ['lot without its specification', tamper(content, (bnd) => (data(bnd).lots![0]!.spec_id = 'nowhere')), /Lot L-001 refers to a specification that is not in the bundle/],
      ['lot on an unknown milestone', tamper(content, (bnd) => (data(bnd).lots![0]!.milestone_id = 'nowhere')), /Lot L-001 refers to a milestone/],
      ['status not in the vocabulary', tamper(content, (bnd) => (data(bnd).lots![0]!.status = 'shipped')), /does not hold valid data: data\.lots\.0\.status/],
      ['two lots with one number', tamper(content, (bnd) => data(bnd).lots!.push({ ...data(bnd).lots![0]!, id: 'other', lot_number: 'l-001' })), /repeats the lot number "l-001"/],
      ['attribute on an unknown checklist item', tamper(content, (bnd) => (data(bnd).lotAttributes![0]!.checklist_item_id = 'nowhere')), /refers to a checklist item that is not in the bundle/],
    ];
    for (const [name, bad, message] of cases) {
      const c = tempBackend();
      try {
        const before = inspect(c, (db) => ['product', 'lot', 'lot_result', 'lot_spec'].map((t) => db.count(t)));
        const result = await c.dispatch('bundles.import', { content: bad, trust: { reason: 'test' } });
        expect(result, name).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
        expect(inspect(c, (db) => ['product', 'lot', 'lot_result', 'lot_spec'].map((t) => db.count(t))), name).toEqual(before);
      } finally {
        c.cleanup();
      }
    }
    expect(v1.version).toBe(1);
  });

  it('refuses a 100 MB bundle before reading it', async () => {
    const huge = '{"format":"secretome-tracker-bundle","data":"' + 'x'.repeat(100 * 1024 * 1024) + '"}';
    const before = snapshot(b);
    expect(await b.dispatch('bundles.import', { content: huge })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(snapshot(b)).toEqual(before);
  });
});
