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

async function setup() {
  const product = await ok('products.create', sampleProfile({ code: 'EV-I', fraction: 'ev' }));
  const ev = SPEC_TEMPLATES.find((t) => t.id === 'ev-release')!;
  await ok('lots.createSpec', { productId: product.id, phase: 'phase-1', attributes: ev.attributes });
  for (const n of ['EV-001', 'EV-002']) await ok('lots.create', { productId: product.id, lotNumber: n, purpose: 'clinical', manufacturedOn: '2026-02-01', processVersion: 'v1' });
  return product;
}

// An NTA export: one line per sample, a column per measured attribute, semicolon separated.
const NTA = 'Sample ID;Date;Operator;Concentration (particles/mL);Mode (nm)\nEV-001;2026-02-03;AS;2.1e10;112\nEV-002;2026-02-04;AS;6.5e11;131\n';

describe('CSV import of results', () => {
  it('guesses the mapping of an NTA export, previews with judgements, imports in one transaction and reuses the saved mapping', async () => {
    const product = await setup();
    const preview = await ok('lots.importPreview', { productId: product.id, source: 'NanoSight NS300', csv: NTA });
    expect(preview).toMatchObject({
      delimiter: 'semicolon',
      mappingFrom: 'guessed',
      mapping: { lot: 'Sample ID', testedOn: 'Date', analyst: 'Operator', columns: [{ column: 'Concentration (particles/mL)', attribute: 'particle-concentration', unit: 'particles/mL' }, { column: 'Mode (nm)', attribute: 'modal-size', unit: 'nm' }] },
      total: 4,
      issues: [],
    });
    expect(preview.rows.map((r) => [r.line, r.lot, r.attribute, r.judgement])).toEqual([
      [2, 'EV-001', 'Particle concentration', 'conforms'],
      [2, 'EV-001', 'Modal size', 'conforms'],
      [3, 'EV-002', 'Particle concentration', 'oos'],
      [3, 'EV-002', 'Modal size', 'conforms'],
    ]);
    expect(count(backend, 'lot_result')).toBe(0); // the preview wrote nothing
    expect(await ok('lots.import', { productId: product.id, source: 'NanoSight NS300', csv: NTA, mapping: preview.mapping! })).toEqual({ created: 4, updated: 0, lots: 2, mappingSaved: true });
    expect(count(backend, 'lot_result')).toBe(4);
    expect(await ok('lots.mappings', { productId: product.id })).toMatchObject([{ source: 'NanoSight NS300', mapping: preview.mapping }]);
    // Renamed columns: the saved mapping for the source is used, not a guess.
    const again = await ok('lots.importPreview', { productId: product.id, source: 'NanoSight NS300', csv: NTA.replace('2.1e10', '2.2e10') });
    expect(again.mappingFrom).toBe('saved');
    expect(await ok('lots.import', { productId: product.id, source: 'NanoSight NS300', csv: NTA.replace('2.1e10', '2.2e10') })).toMatchObject({ created: 0, updated: 4 });
    const trail = JSON.stringify(await ok('audit.list', { productId: product.id }));
    expect(trail).toMatch(/Imported 4 results for 2 lots from NanoSight NS300/);
  });

  it('reports bad lines by number with the field and the reason, and writes nothing', async () => {
    const product = await setup();
    const csv = 'Lot,Test,Result,Unit,Date\nEV-001,Endotoxin,0.1,EU/mL,2026-02-05\nEV-009,Endotoxin,0.1,EU/mL,2026-02-05\nEV-002,Endotoxin,0.1,mg/mL,2026-02-05\nEV-002,Colour,red,,2026-02-05\nEV-001,Sterility,Negative,,05/02/2026\n';
    const preview = await ok('lots.importPreview', { productId: product.id, source: 'LIMS', csv });
    expect(preview.mapping).toEqual({ lot: 'Lot', testedOn: 'Date', attribute: 'Test', value: 'Result', unit: 'Unit' });
    expect(preview.issues).toEqual([
      { line: 3, field: 'lot', message: 'Line 3, lot: "EV-009" is not a lot of this product; record it first' },
      { line: 6, field: 'testedOn', message: 'Line 6, test date: "05/02/2026" is not a date in the form YYYY-MM-DD' },
    ]);
    const refused = await backend.dispatch('lots.import', { productId: product.id, source: 'LIMS', csv });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Nothing was imported\. Line 3, lot: "EV-009"/) } });
    const fixed = csv.replace('EV-009', 'EV-002').replace('05/02/2026', '2026-02-05');
    const second = await ok('lots.importPreview', { productId: product.id, source: 'LIMS', csv: fixed });
    expect(second.issues).toEqual([
      { line: 4, field: 'unit', message: expect.stringMatching(/^Line 4, unit of Endotoxin: "mg\/mL" \(mass concentration\) cannot be converted to "EU\/mL"/) },
      { line: 5, field: 'attribute', message: expect.stringMatching(/^Line 5, attribute: "Colour" is not in specification v1/) },
    ]);
    expect(await backend.dispatch('lots.import', { productId: product.id, source: 'LIMS', csv: fixed })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^Nothing was recorded\. Line 4, unit of Endotoxin/) } });
    expect(count(backend, 'lot_result')).toBe(0);
    expect(count(backend, 'lot_import_mapping')).toBe(0);
    expect(await backend.dispatch('lots.import', { productId: product.id, source: 'LIMS', csv: 'Lot|Result\nEV-001|1' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/line 1: only one column was found/) } });
  });
});
