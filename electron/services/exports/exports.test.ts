import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../contract';
import { createBackend } from '../../rpc/backend';
import { sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
let out: string;
beforeEach(() => {
  backend = tempBackend();
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-exports-'));
});
afterEach(() => {
  backend.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

async function product(): Promise<Product> {
  const r = await backend.dispatch('products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Product;
}

describe('exports through the dispatcher', () => {
  it('renders each export as a .docx and saves it atomically', async () => {
    const p = await product();
    await backend.dispatch('checklists.generate', { productId: p.id });
    const tox = (await backend.dispatch('pathway.get', { productId: p.id })) as { ok: true; value: { stages: Array<{ milestones: Array<{ id: string; key: string | null; durationDays: number }> }> } };
    const inLife = tox.value.stages.flatMap((s) => s.milestones).find((m) => m.key === 'glp-tox-in-life')!;
    const scenario = (await backend.dispatch('scenarios.create', { productId: p.id, name: 'Tox slips' })) as { ok: true; value: { id: string } };
    await backend.dispatch('scenarios.edit', { id: scenario.value.id, edit: { type: 'duration', milestoneId: inLife.id, durationDays: inLife.durationDays + 42 } });
    for (const kind of ['ind-checklist', 'plan', 'audit', 'planning'] as const) {
      const rendered = await backend.dispatch('exports.render', { kind, productId: p.id, paper: 'a4' });
      expect(rendered.ok, kind).toBe(true);
      if (rendered.ok) {
        const { fileName, base64 } = rendered.value as { fileName: string; base64: string };
        expect(fileName).toMatch(new RegExp(`^UC-EV-01-.*\\d{4}-\\d{2}-\\d{2}\\.docx$`));
        expect(Buffer.from(base64, 'base64').subarray(0, 2).toString()).toBe('PK');
      }
      const target = path.join(out, `${kind}.docx`);
      expect(await backend.dispatch('exports.save', { kind, productId: p.id, outPath: target })).toMatchObject({ ok: true, value: { path: target } });
    }
    expect(fs.readdirSync(out).sort()).toEqual(['audit.docx', 'ind-checklist.docx', 'plan.docx', 'planning.docx']);
  });

  it('refuses bad requests with clear errors and leaves no partial file', async () => {
    const p = await product();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ kind: 'ind-checklist', productId: 'nope', outPath: path.join(out, 'a.docx') }, 'NOT_FOUND', /No product/],
      [{ kind: 'ind-checklist', productId: p.id, outPath: path.join(out, 'b.docx') }, 'CONFLICT', /no checklists yet/],
      [{ kind: 'plan', productId: p.id, outPath: path.join(out, 'missing', 'c.docx') }, 'CONFLICT', /does not exist/],
      [{ kind: 'plan', productId: p.id, outPath: out + '/d.pdf' }, 'VALIDATION', /must end in \.docx/],
      [{ kind: 'audit', productId: p.id, outPath: path.join(out, 'e.docx'), from: '2027-01-01', to: '2026-01-01' }, 'VALIDATION', /period is empty/],
      [{ kind: 'audit', productId: p.id, outPath: path.join(out, 'f.docx'), from: '2030-01-01', to: '2030-12-31' }, 'CONFLICT', /no audit entries from 2030-01-01 to 2030-12-31/],
      [{ kind: 'planning', productId: p.id, outPath: path.join(out, 'g.docx') }, 'CONFLICT', /no planning scenarios yet/],
    ];
    for (const [input, code, message] of cases) {
      const result = await backend.dispatch('exports.save', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('never lets the web front door write files: the browser downloads instead', async () => {
    const p = await product();
    const web = createBackend({ dataDir: backend.dataDir, frontDoor: 'web', log: () => {} });
    try {
      const result = await web.dispatch('exports.save', { kind: 'plan', productId: p.id, outPath: path.join(out, 'x.docx') });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      web.close();
    }
  });
});
