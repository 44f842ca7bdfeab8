import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistsView, PathwayView, Product } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';
import { zipPart } from '../../test-support/docx';
import { safeText } from './safeText';

/*
 * Issue 12 item 3: one U+FFFE (or any character XML 1.0 forbids) in any text made every Word
 * export unreadable while reporting success. These tests throw the whole Unicode range at the
 * one place text enters a document, then at every export, and open the results in LibreOffice.
 */

/** Any UTF-16 code unit sequence: every code point, lone surrogates of both halves included. */
const anyUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp))),
  fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
  fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u0000', '\u0001', '\u000B', '\u001F', '\u202E', '\u2066', '\u200F', '\t', '\n', '&', '<', ']]>'),
);
const anyText = (maxLength: number) => fc.array(anyUnit, { maxLength }).map((parts) => parts.join(''));

/** The Char production of XML 1.0 (section 2.2), written from the standard, not from safeText. */
function xmlIllegalAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      i++;
      continue;
    }
    const legal = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd);
    if (!legal) return i;
  }
  return -1;
}
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

describe('safeText over the whole Unicode range', () => {
  it('leaves only characters XML 1.0 allows, and no bidirectional controls', () => {
    fc.assert(
      fc.property(anyText(40), (text) => {
        const clean = safeText(text);
        expect(xmlIllegalAt(clean)).toBe(-1);
        expect(BIDI.test(clean)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every legal character, in order (tab and newline included)', () => {
    fc.assert(
      fc.property(anyText(40), (text) => {
        const legal = [...text].filter((c) => xmlIllegalAt(c) === -1 && !BIDI.test(c) && !(c.length === 1 && c >= '\uD800' && c <= '\uDFFF')).join('');
        expect(safeText(legal)).toBe(legal);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the one place text enters a document', () => {
  it('is word/blocks.ts: no other exporter builds a docx text run itself', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /new TextRun\(/.test(fs.readFileSync(path.join(root, f), 'utf8')))
      .map((f) => f.split(path.sep).join('/'));
    expect(offenders).toEqual(['services/exports/word/blocks.ts']);
  });
});

describe('every Word export with hostile text in every field still opens', () => {
  let backend: ReturnType<typeof tempBackend>;
  let out: string;
  beforeAll(() => {
    backend = tempBackend();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-unicode-'));
  });
  afterAll(() => {
    backend.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes four .docx files whose XML is legal and which LibreOffice converts to PDF', async () => {
    // Deterministic, so a failure reproduces; a prefix keeps required fields non-empty after trim.
    const samples = fc.sample(anyText(30), { seed: 12, numRuns: 60 }).map((s, i) => `X${i}${s}`);
    const nasty = ['A\uFFFEB', 'A\uFFFFB', 'lone \uD800 high', 'lone \uDC00 low', 'nul\u0000bell\u0007', '\u202Egnp.exe', 'tab\tnew\nline'];
    const texts = [...nasty, ...samples];
    let next = 0;
    const pick = (max: number) => texts[next++ % texts.length]!.slice(0, max);

    // The display name refuses invisible characters (item 9); its printable extremes go through.
    await call(backend, 'settings.update', { displayName: 'Zoë Łukasz-Ünal ☃ & "co" 𝒜' });
    const product: Product = await call(backend, 'products.create', {
      ...sampleProfile({ name: pick(120), sponsor: pick(120), sourceCell: pick(120), sourceTissue: pick(120), indication: pick(200), route: pick(80), doseBasis: pick(120), passageWindow: pick(40), notes: pick(4000) }),
      pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' },
    });
    const pathway: PathwayView = await call(backend, 'pathway.get', { productId: product.id });
    await call(backend, 'milestones.create', { stageId: pathway.stages[0]!.id, name: `M ${pick(150)}`, durationDays: 10, description: pick(500), owner: pick(80), notes: pick(500), citation: pick(400) });
    await call(backend, 'clocks.record', { productId: product.id, event: 'safety-information-received', date: '2026-05-04', label: pick(120), reason: pick(1000) });
    await call(backend, 'baselines.create', { productId: product.id, name: `B ${pick(100)}` });
    const checklists: ChecklistsView = await call(backend, 'checklists.generate', { productId: product.id });
    const items = checklists.checklists.flatMap((c) => c.items);
    for (const [n, item] of items.slice(0, 24).entries()) {
      const status = n % 4 === 0 ? { status: 'not-applicable' as const, justification: `J ${pick(1900)}` } : { status: 'drafting' as const };
      await call(backend, 'checklistItems.update', { id: item.id, changes: { owner: pick(80), notes: pick(4000), ...status }, reason: pick(1000) });
    }
    await call(backend, 'scenarios.create', { productId: product.id, name: `S ${pick(110)}` });
    await call(backend, 'products.update', { id: product.id, changes: { notes: texts.join(' ').slice(0, 4000) }, reason: pick(1000) });

    const files: string[] = [];
    for (const kind of ['ind-checklist', 'plan', 'audit', 'planning'] as const) {
      const target = path.join(out, `${kind}.docx`);
      await call(backend, 'exports.save', { kind, productId: product.id, outPath: target, paper: 'a4' });
      const docx = fs.readFileSync(target);
      for (const part of ['word/document.xml', 'docProps/core.xml']) {
        const xml = zipPart(docx, part);
        const at = xmlIllegalAt(xml);
        expect(at, `${kind} ${part}: illegal character U+${at < 0 ? '' : xml.charCodeAt(at).toString(16)} at ${at}`).toBe(-1);
        expect(BIDI.test(xml), `${kind} ${part} has a bidi control`).toBe(false);
      }
      files.push(target);
    }

    // One LibreOffice run for all four files, with a profile of its own (other runs may be live).
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-lo-profile-'));
    try {
      const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { encoding: 'utf8', timeout: 240_000 });
      expect(result.status, result.stderr).toBe(0);
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
    for (const file of files) {
      const pdf = file.replace(/\.docx$/, '.pdf');
      expect(fs.existsSync(pdf), `${path.basename(pdf)} was not produced`).toBe(true);
      const bytes = fs.readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // A document LibreOffice could not read converts to a one-page blank PDF of about 1 kB.
      expect(bytes.length, path.basename(pdf)).toBeGreaterThan(8000);
    }
  }, 300_000);
});
