import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';
import { docxText, zipPart } from '../../test-support/docx';
import { SPEC_TEMPLATES } from './templates';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-06-10T12:00:00.000Z');
});
afterEach(() => backend.cleanup());
const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);
const text = (r: { base64: string }) => docxText(Buffer.from(r.base64, 'base64'));

async function setup() {
  const product = await ok('products.create', sampleProfile({ code: 'EV-X', fraction: 'ev' }));
  const ev = SPEC_TEMPLATES.find((t) => t.id === 'ev-release')!;
  await ok('lots.createSpec', { productId: product.id, phase: 'phase-1', attributes: ev.attributes });
  const lots = [];
  for (const [i, potency] of [95, 102, 99, 160].entries()) {
    const d = `2026-0${i + 1}-10`;
    const lot = await ok('lots.create', { productId: product.id, lotNumber: `EV-00${i + 1}`, purpose: i === 0 ? 'toxicology' : 'clinical', manufacturedOn: d, processVersion: 'v1', scale: '10 L' });
    await ok('lots.recordResults', {
      lotId: lot.lot.id,
      results: [
        { attribute: 'potency', value: String(potency), unit: '%', testedOn: d, analyst: 'J. Diaz' },
        { attribute: 'endotoxin', value: '0.1', unit: 'EU/mL', testedOn: d },
        { attribute: 'sterility', value: 'Negative', testedOn: d },
      ],
    });
    lots.push(lot.lot);
  }
  return { product, lots };
}

describe('lot exports', () => {
  it('a certificate of analysis lists each test with its result and judgement, the conclusion and sign-off lines', async () => {
    const { lots } = await setup();
    const coa = await ok('lots.renderCertificate', { lotId: lots[3]!.id });
    expect(coa.fileName).toBe('EV-X-CoA-EV-004.docx');
    const t = text(coa);
    expect(t).toMatch(/Certificate of analysis/);
    expect(t).toMatch(/Lot EV-004/);
    expect(t).toMatch(/Potency \(relative\).*50 – 150 %.*160 %.*Out of specification.*No investigation recorded/s);
    expect(t).toMatch(/Endotoxin.*≤ 0.5 EU\/mL.*0.1 EU\/mL.*Conforms/s);
    expect(t).toMatch(/does not meet every criterion of specification v1 \(Phase 1\)\. Out of specification: Potency \(relative\)\./);
    expect(t).toMatch(/Released by \(QA \/ qualified person\)/);
    expect(await backend.dispatch('lots.renderCertificate', { lotId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('the batch analysis report has the lots, a lots × attributes table and a trend figure per charted attribute; saved atomically from the CLI path', async () => {
    const { product } = await setup();
    const report = await ok('lots.renderBatchAnalysis', { productId: product.id, paper: 'a4' });
    const t = text(report);
    expect(t).toMatch(/Batch analyses.*3\.2\.S\.4\.4 and 3\.2\.P\.5\.4/s);
    expect(t).toMatch(/EV-001.*Toxicology \(GLP\).*2026-01-10/s);
    expect(t).toMatch(/Test \(criterion\).*EV-001.*EV-002.*EV-003.*EV-004/s);
    expect(t).toMatch(/160 % \(OOS\)/);
    expect(t).toMatch(/Figure 1\. Endotoxin \(EU\/mL\) across 4 lots.*Figure 2\. Potency \(relative\) \(%\) across 4 lots/s);
    // Every endotoxin result is 0.1: the ≤ 0.5 limit is off the chart's scale, and the caption says so (as the Trends tab does).
    expect(t).toMatch(/Endotoxin \(EU\/mL\) across 4 lots in manufacture order\. Specification limit 0\.5 EU\/mL lies far outside the process and is left off the scale\./);
    const docx = Buffer.from(report.base64, 'base64');
    expect(zipPart(docx, '[Content_Types].xml')).toMatch(/png/);
    const out = path.join(backend.dataDir, 'batch.docx');
    expect(await ok('lots.saveBatchAnalysis', { productId: product.id, outPath: out })).toMatchObject({ path: out });
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
    const empty = await ok('products.create', sampleProfile({ code: 'EMPTY' }));
    expect(await backend.dispatch('lots.renderBatchAnalysis', { productId: empty.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/has no lots yet/) } });
  });

  it('the batch analyses also go out as a lots × attributes table (.csv and .xlsx), OOS results marked; a file name with the wrong suffix is refused', async () => {
    await setup();
    const productId = (await ok('products.list', {}))[0]!.id;
    const csv = await ok('lots.renderBatchAnalysis', { productId, paper: 'letter', format: 'csv' });
    expect(csv.fileName).toMatch(/^EV-X-batch-analyses-2026-06-10\.csv$/);
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Lot,Purpose,Manufactured,Process version,Status,Specification version,.*Potency/);
    expect(lines).toHaveLength(1 + 4 + 1); // header, four lots, the final line break
    expect(lines.find((l) => l.startsWith('EV-004'))).toContain('160 (OOS)');
    expect(lines.find((l) => l.startsWith('EV-002'))).toMatch(/,102,/);
    const xlsx = await ok('lots.renderBatchAnalysis', { productId, paper: 'letter', format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const refused = await backend.dispatch('lots.saveBatchAnalysis', { productId, paper: 'letter', format: 'xlsx', outPath: path.join(backend.dataDir, 'batch.docx') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/suffix/) } });
    const saved = await ok('lots.saveBatchAnalysis', { productId, paper: 'letter', format: 'xlsx', outPath: path.join(backend.dataDir, 'batch.xlsx') });
    expect(fs.statSync(saved.path).size).toBe(saved.bytes);
  });
});
