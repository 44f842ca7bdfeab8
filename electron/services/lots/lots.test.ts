import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../contract';
import { call, count, sampleProfile, tempBackend } from '../../test-support/backend';
import { SPEC_TEMPLATES } from './templates';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-03-10T12:00:00.000Z');
});
afterEach(() => backend.cleanup());

const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);
const refused = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
  const r = await backend.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
};

async function setup() {
  const product = await ok('products.create', { ...sampleProfile({ code: 'EV-L', fraction: 'ev' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  const ev = SPEC_TEMPLATES.find((t) => t.id === 'ev-release')!;
  const spec = await ok('lots.createSpec', { productId: product.id, phase: 'phase-1', source: ev.name, attributes: ev.attributes });
  const lot = await ok('lots.create', { productId: product.id, lotNumber: 'EV-001', purpose: 'clinical', manufacturedOn: '2026-02-01', processVersion: 'v1' });
  return { product, spec, lot };
}

const passing = [
  { attribute: 'Particle concentration', value: '2.5e7', unit: 'particles/µL', testedOn: '2026-02-05' },
  { attribute: 'modal-size', value: '118', unit: 'nm', testedOn: '2026-02-05' },
  { attribute: 'Total protein', value: '0.12', unit: 'mg/mL', testedOn: '2026-02-05' },
  { attribute: 'Particle:protein ratio', value: '2.1e8', unit: 'particles/µg', testedOn: '2026-02-05' },
  { attribute: 'CD63 positivity', value: '78', unit: '%', testedOn: '2026-02-06' },
  { attribute: 'CD81 positivity', value: '71', unit: '%', testedOn: '2026-02-06' },
  { attribute: 'Calnexin (negative marker)', value: 'Not detected', testedOn: '2026-02-06' },
  { attribute: 'Endotoxin', value: '<0.05', unit: 'EU/mL', testedOn: '2026-02-07' },
  { attribute: 'Sterility', value: 'No growth', testedOn: '2026-02-20' },
  { attribute: 'Mycoplasma', value: 'Negative', testedOn: '2026-02-08' },
  { attribute: 'Identity', value: 'Conforms', testedOn: '2026-02-08' },
  { attribute: 'Potency (relative)', value: '96', unit: '%', testedOn: '2026-02-09' },
  { attribute: 'Residual DNA', value: '12', unit: 'ng/mL', testedOn: '2026-02-09' },
];

describe('lot register', () => {
  it('records a lot under the specification in force, converts units and judges each result', async () => {
    const { lot, spec } = await setup();
    expect(spec).toMatchObject({ version: 1, phase: 'phase-1' });
    expect(lot.lot).toMatchObject({ lotNumber: 'EV-001', status: 'in-production', specVersion: 1, counts: { missing: 14 } });
    const view = await ok('lots.recordResults', { lotId: lot.lot.id, results: passing });
    const line = (name: string) => view.lines.find((l) => l.attribute.name === name)!;
    expect(line('Particle concentration')).toMatchObject({ judgement: 'conforms', result: { value: '2.5E10', enteredValue: '2.5e7', enteredUnit: 'particles/µL' } });
    expect(line('Total protein').result?.valueNumber).toBe(120);
    expect(line('CD9 positivity')).toMatchObject({ judgement: 'missing', attribute: { required: false } });
    expect(view.lot.releaseBlockers).toEqual([]);
    expect((await ok('lots.setStatus', { lotId: lot.lot.id, status: 'released' })).lot).toMatchObject({ status: 'released', releasedOn: '2026-03-10' });
  });

  it('refuses release while a required result is missing or OOS, until investigated and a deviation is recorded', async () => {
    const { lot } = await setup();
    const missing = await refused('lots.setStatus', { lotId: lot.lot.id, status: 'released' });
    expect(missing).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cannot be released: Particle concentration: result missing/) });
    const results = passing.map((r) => (r.attribute === 'Endotoxin' ? { ...r, value: '0.8' } : r));
    const view = await ok('lots.recordResults', { lotId: lot.lot.id, results });
    const endotoxin = view.lines.find((l) => l.attribute.key === 'endotoxin')!;
    expect(endotoxin).toMatchObject({ judgement: 'oos', needsInvestigation: true });
    expect(view.lot.counts).toEqual({ conforms: 12, oos: 1, missing: 1 });
    const before = count(backend, 'audit_log');
    expect(await refused('lots.setStatus', { lotId: lot.lot.id, status: 'released', deviation: 'DEV-7' })).toMatchObject({ message: expect.stringMatching(/Endotoxin: out of specification without an investigation note/) });
    expect(count(backend, 'audit_log')).toBe(before); // the deviation was not half written
    expect((await ok('lots.get', { lotId: lot.lot.id })).lot.deviation).toBe('');
    await ok('lots.investigate', { resultId: endotoxin.result!.id, investigation: 'OOS-2026-01: sampling contamination confirmed; retest 0.12 EU/mL' });
    expect(await refused('lots.setStatus', { lotId: lot.lot.id, status: 'released' })).toMatchObject({ message: expect.stringMatching(/record a deviation/) });
    const released = await ok('lots.setStatus', { lotId: lot.lot.id, status: 'released', deviation: 'DEV-2026-03: released under deviation, QA approved', reason: 'QA decision' });
    expect(released.lot).toMatchObject({ status: 'released', deviation: expect.stringMatching(/DEV-2026-03/) });
    const trail = JSON.stringify(await ok('audit.list', { productId: lot.lot.productId }));
    expect(trail).toMatch(/Lot “Lot EV-001”/);
    expect(trail).toMatch(/EV-001 · Endotoxin/);
    expect(trail).toMatch(/status In production → Released/);
    expect(trail).toMatch(/deviation — → “DEV-2026-03: released under deviation, QA approved”/);
    expect(trail).toMatch(/OOS investigation — → “OOS-2026-01/);
  });

  it('names the row and field of bad input and writes nothing', async () => {
    const { lot, product } = await setup();
    const before = count(backend, 'lot_result');
    const error = await refused('lots.recordResults', {
      lotId: lot.lot.id,
      results: [
        passing[0]!,
        { attribute: 'Colour', value: 'blue', testedOn: '2026-02-05' },
        { attribute: 'Total protein', value: '120', unit: 'nm', testedOn: '2026-02-05' },
        { attribute: 'Modal size', value: 'about 100', unit: 'nm', testedOn: '2026-02-05' },
        { attribute: 'Endotoxin', value: '0.1', unit: 'EU/mL', testedOn: '2026-04-01' },
      ],
    });
    expect(error.message).toMatch(/^Nothing was recorded\. Row 2, attribute: "Colour" is not in specification v1 of lot EV-001/);
    expect(error.issues).toEqual([
      { path: 'results.1.attribute', message: expect.stringMatching(/Row 2/) },
      { path: 'results.2.unit', message: expect.stringMatching(/Row 3, unit of Total protein: "nm" \(length\) cannot be converted to "µg\/mL"/) },
      { path: 'results.3.value', message: expect.stringMatching(/Row 4, value of Modal size: "about 100" is not a number/) },
      { path: 'results.4.testedOn', message: expect.stringMatching(/Row 5, test date: 2026-04-01 is in the future/) },
    ]);
    expect(count(backend, 'lot_result')).toBe(before);
    expect(await refused('lots.create', { productId: product.id, lotNumber: 'ev-001', purpose: 'clinical', manufacturedOn: '2026-02-01', processVersion: 'v1' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/Lot number "ev-001" is already used/),
    });
    expect(await refused('lots.create', { productId: product.id, lotNumber: 'EV-002', purpose: 'clinical', manufacturedOn: '2026-05-01', processVersion: 'v1' })).toMatchObject({
      message: expect.stringMatching(/in the future/),
    });
  });

  it('a new specification version never rewrites an old lot\'s judgement', async () => {
    const { lot, product, spec } = await setup();
    await ok('lots.recordResults', { lotId: lot.lot.id, results: [{ attribute: 'Endotoxin', value: '0.4', unit: 'EU/mL', testedOn: '2026-02-07' }] });
    const attributes = spec.attributes.map(({ id: _id, criterion: _c, ...a }) => (a.key === 'endotoxin' ? { ...a, upper: 0.2 } : a));
    const v2 = await ok('lots.createSpec', { productId: product.id, phase: 'phase-2', attributes });
    expect(v2.version).toBe(2);
    const old = await ok('lots.get', { lotId: lot.lot.id });
    expect(old.lines.find((l) => l.attribute.key === 'endotoxin')).toMatchObject({ judgement: 'conforms', attribute: { upper: 0.5 } });
    const fresh = await ok('lots.create', { productId: product.id, lotNumber: 'EV-002', purpose: 'toxicology', manufacturedOn: '2026-03-01', processVersion: 'v2' });
    const judged = await ok('lots.recordResults', { lotId: fresh.lot.id, results: [{ attribute: 'Endotoxin', value: '0.4', unit: 'EU/mL', testedOn: '2026-03-02' }] });
    expect(judged.lot.specVersion).toBe(2);
    expect(judged.lines.find((l) => l.attribute.key === 'endotoxin')?.judgement).toBe('oos');
    const specs = await ok('lots.specs', { productId: product.id });
    expect(specs.versions.map((s) => [s.version, s.lotCount])).toEqual([[1, 1], [2, 1]]);
    expect(await refused('lots.createSpec', { productId: product.id, phase: 'phase-1', attributes: [{ name: 'pH', kind: 'range', lower: 8, upper: 7 }] })).toMatchObject({
      message: expect.stringMatching(/Attribute 1 \(pH\): the low limit 8 is above the high limit 7/),
    });
  });

  it('the IND gate counts a toxicology and a clinical lot released against the current specification as blockers', async () => {
    const { product, lot } = await setup();
    const blockers = async () => (await ok('checklists.generate', { productId: product.id })).gates.find((g) => g.id === 'ind-ready')!.blockers.filter((b) => b.id.startsWith('lot:'));
    expect(await blockers()).toEqual([
      { id: 'lot:toxicology', title: 'Toxicology lot released against the current specification', status: 'not-started', reason: 'No toxicology lot recorded yet (Lots tab).' },
      { id: 'lot:clinical', title: 'Clinical lot released against the current specification', status: 'not-started', reason: 'EV-001 not released yet.' },
    ]);
    await ok('lots.recordResults', { lotId: lot.lot.id, results: passing });
    await ok('lots.setStatus', { lotId: lot.lot.id, status: 'released' });
    expect((await blockers()).map((b) => b.id)).toEqual(['lot:toxicology']);
  });

  it('edits a lot: only what changed is written and audited; a duplicate number or a future date is refused', async () => {
    const { product, lot } = await setup();
    await ok('lots.create', { productId: product.id, lotNumber: 'EV-002', purpose: 'engineering', manufacturedOn: '2026-02-02', processVersion: 'v1' });
    const before = count(backend, 'audit_log');
    const edited = await ok('lots.update', { lotId: lot.lot.id, changes: { scale: '10 L', expiryOn: '2027-02-01', processVersion: 'v1' } });
    expect(edited.lot).toMatchObject({ scale: '10 L', expiryOn: '2027-02-01' });
    expect(count(backend, 'audit_log')).toBe(before + 2); // the two changes (one change set)
    expect(await refused('lots.update', { lotId: lot.lot.id, changes: { lotNumber: 'EV-002' } })).toMatchObject({ code: 'CONFLICT', issues: [{ path: 'lotNumber', message: 'Duplicate lot number' }] });
    expect(await refused('lots.update', { lotId: lot.lot.id, changes: { manufacturedOn: '2026-04-01' } })).toMatchObject({ message: expect.stringMatching(/in the future/) });
    expect(count(backend, 'audit_log')).toBe(before + 2);
  });

  it('links a specification attribute to the release-testing checklist item it answers (one of the product\'s own)', async () => {
    const { product } = await setup();
    const view = await ok('checklists.generate', { productId: product.id });
    const item = view.checklists.find((c) => c.kind === 'cmc')!.items[0]!;
    const spec = await ok('lots.createSpec', { productId: product.id, phase: 'phase-1', attributes: [{ name: 'Endotoxin', kind: 'max', upper: 0.5, unit: 'EU/mL', checklistItemId: item.id }] });
    expect(spec.attributes[0]).toMatchObject({ checklistItemId: item.id });
    const other = await ok('products.create', sampleProfile({ code: 'OTHER' }));
    expect(await refused('lots.createSpec', { productId: other.id, phase: 'phase-1', attributes: [{ name: 'Endotoxin', kind: 'max', upper: 0.5, checklistItemId: item.id }] })).toMatchObject({
      issues: [{ path: 'attributes.0.checklistItemId', message: expect.stringMatching(/not one of this product's/) }],
    });
  });

  it('a sharing bundle carries the lot register: a copy and a replacement keep every lot, result, judgement and CSV mapping', async () => {
    const { product, lot } = await setup();
    expect(await ok('lots.import', { productId: product.id, source: 'LIMS A', csv: 'Lot,Test,Result,Unit,Date\nEV-001,Endotoxin,0.04,EU/mL,2026-02-05\n' })).toMatchObject({ created: 1, mappingSaved: true });
    await ok('lots.recordResults', { lotId: lot.lot.id, results: passing });
    await ok('lots.setStatus', { lotId: lot.lot.id, status: 'released' });
    const view = (id: string) => ok('lots.list', { productId: id });
    const shape = (v: Awaited<ReturnType<typeof view>>) => JSON.stringify(v.lots.map(({ id: _id, productId: _p, specId: _s, ...rest }) => rest));
    const original = await view(product.id);
    const file = await ok('bundles.export', { productId: product.id });
    const bundle = JSON.parse(file.content).data;
    expect(bundle.lots).toHaveLength(1);
    expect(bundle.lotResults).toHaveLength(passing.length);

    const copy = await ok('bundles.import', { fileName: file.fileName, content: file.content, mode: 'copy' });
    expect(copy).toMatchObject({ mode: 'copy', counts: { lots: 1 } });
    const copied = await view(copy.productId);
    expect(shape(copied)).toBe(shape(original));
    expect(copied.lots[0]!.id).not.toBe(lot.lot.id);
    const copiedLot = await ok('lots.get', { lotId: copied.lots[0]!.id });
    const lines = (v: typeof copiedLot) => v.lines.map((l) => [l.attribute.name, l.result?.value ?? null, l.result?.enteredValue ?? null, l.judgement]);
    expect(lines(copiedLot)).toEqual(lines(await ok('lots.get', { lotId: lot.lot.id })));
    expect(lines(copiedLot).filter((l) => l[3] === 'conforms')).toHaveLength(13);
    expect(await ok('lots.mappings', { productId: copy.productId })).toEqual(await ok('lots.mappings', { productId: product.id }));

    // Replacing with the file puts the register back as it was in the file.
    await ok('lots.create', { productId: product.id, lotNumber: 'EV-LOCAL', purpose: 'research', manufacturedOn: '2026-03-01', processVersion: 'v1' });
    expect(await ok('bundles.import', { fileName: file.fileName, content: file.content, mode: 'replace' })).toMatchObject({ mode: 'replace', counts: { lots: 1 } });
    expect(shape(await view(product.id))).toBe(shape(original));
  });

  it('a bundle from a tracker that did not carry the lot register cannot replace a product that has lots; a copy is fine', async () => {
    const { product } = await setup();
    const file = await ok('bundles.export', { productId: product.id });
    const old = JSON.parse(file.content);
    for (const part of ['lotSpecs', 'lotAttributes', 'lots', 'lotResults', 'lotMappings']) delete old.data[part];
    delete old.signer; // an older tracker's bundle, unsigned
    delete old.signature;
    old.checksum = createHash('sha256').update(JSON.stringify(old.data)).digest('hex');
    const content = JSON.stringify(old);
    const before = count(backend, 'lot');
    const trust = { reason: 'test' };
    expect(await refused('bundles.import', { fileName: file.fileName, content, mode: 'replace', trust })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/EV-L has 1 lot in its lot register.*did not carry the lot register.*Import the bundle as a copy/) });
    expect(count(backend, 'lot')).toBe(before);
    expect(await ok('bundles.import', { fileName: file.fileName, content, mode: 'copy', trust })).toMatchObject({ mode: 'copy', counts: { lots: 0 } });
  });

  it('releasing a lot that serves a milestone finishes that milestone (the release is its predecessor)', async () => {
    const { product } = await setup();
    const pathway = await ok('pathway.get', { productId: product.id });
    const tox = pathway.stages.flatMap((s) => s.milestones).find((m) => m.key === 'tox-lot-released')!;
    const lot = await ok('lots.create', { productId: product.id, lotNumber: 'TOX-1', purpose: 'toxicology', manufacturedOn: '2026-02-01', processVersion: 'v1', milestoneId: tox.id });
    expect(lot.lot.milestoneName).toBe(tox.name);
    await ok('lots.recordResults', { lotId: lot.lot.id, results: passing });
    await ok('lots.setStatus', { lotId: lot.lot.id, status: 'released' });
    const after = (await ok('pathway.get', { productId: product.id })).stages.flatMap((s) => s.milestones).find((m) => m.id === tox.id)!;
    expect(after).toMatchObject({ actualStart: '2026-03-10', actualFinish: '2026-03-10' });
    expect(JSON.stringify(await ok('audit.list', { productId: product.id }))).toMatch(/Lot TOX-1 released/);
  });
});

