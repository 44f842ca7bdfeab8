import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistsView, Product } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';
import { zipPart } from '../../test-support/docx';
import { toBuffer } from './document';
import { BLOCKERS_SHOWN, buildIndChecklist } from './indChecklist';

const GENERATED = '2026-01-05T12:00:00.000Z';
let backend: ReturnType<typeof tempBackend>;
let view: ChecklistsView;
let product: Product;

/** The document's text, runs joined, so a phrase split across runs is still found. */
async function text(include?: string[]): Promise<string> {
  const bytes = await toBuffer(buildIndChecklist({ view, product, groupBy: 'section', generatedAt: GENERATED, ...(include ? { include } : {}) }));
  return [...zipPart(Buffer.from(bytes), 'word/document.xml').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

beforeAll(async () => {
  backend = tempBackend(() => GENERATED);
  const created = await call(backend, 'products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  view = await call(backend, 'checklists.generate', { productId: created.id });
  product = await call(backend, 'products.get', { id: created.id });
}, 60_000);
afterAll(() => backend?.cleanup());

describe('IND readiness checklist export: which checklists, and a compact blockers section', () => {
  it('lists the IND checklist alone by default; the gate still counts blockers in the others, marked not included', async () => {
    const doc = await text();
    expect(doc).toContain('Checklists listed');
    expect(doc).toContain('Initial IND (21 CFR 312.23)');
    // The CMC checklist appears only as a count in the blockers summary, never item by item.
    expect(doc).toContain('not included');
    expect(doc).not.toContain('Source cells described: cell type, tissue of origin');
  });

  it('lists the chosen checklists item by item', async () => {
    const doc = await text(['ind', 'cmc']);
    expect(doc).toContain('Source cells described: cell type, tissue of origin');
  });

  it('summarises the blockers: counts by checklist and section, then only the first few by name', async () => {
    const gate = view.gates.find((g) => g.id === 'ind-ready')!;
    expect(gate.blockers.length).toBeGreaterThan(BLOCKERS_SHOWN);
    const doc = await text();
    expect(doc).toContain(`${gate.blockers.length} required items are not done, by checklist and section below`);
    expect(doc).toContain(`The first ${BLOCKERS_SHOWN} of ${gate.blockers.length}`);
    // A blocker past the first few is named once (in its checklist section), not again in the readiness part.
    const later = gate.blockers.find((b, i) => i >= BLOCKERS_SHOWN && view.checklists.find((c) => c.kind === 'ind')!.items.some((item) => item.id === b.id))!;
    expect(doc.split(later.title).length - 1).toBe(1);
  });

  it('refuses an empty choice at the boundary', async () => {
    const result = await backend.dispatch('exports.render', { kind: 'ind-checklist', productId: product.id, checklists: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'checklists' }] } });
  });
});
