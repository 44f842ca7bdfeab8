import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistsView } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';
import { checkDocumentPath, documentToOpen } from './documents';

/*
 * Issue 12 item 5: linked documents were a deny-list with holes (evil.hta, evil.cpl, evil.pyw,
 * "evil.sh." with a trailing dot, an executable without extension, link.pdf -> /bin/bash).
 * Now an allow-list of document types, checked on the name and on the real file after links,
 * refusing files marked executable; opening re-checks at the moment of opening.
 */

let dir: string;
let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-docs-'));
  backend = tempBackend();
});
afterEach(() => {
  backend.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, mode = 0o644): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, 'x');
  fs.chmodSync(full, mode);
  return full;
}

async function anItem(): Promise<string> {
  const product = await call(backend, 'products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  const view: ChecklistsView = await call(backend, 'checklists.generate', { productId: product.id });
  return view.checklists[0]!.items[0]!.id;
}

describe('linked documents: allow-list, real target, mode', () => {
  it('refuses each path of the adversarial pass, through the update channel, with a reason', async () => {
    const id = await anItem();
    const bashLink = path.join(dir, 'link.pdf');
    fs.symlinkSync('/bin/bash', bashLink);
    const hostile = [
      file('evil.hta'),
      file('evil.cpl'),
      file('evil.pyw'),
      file('evil.sh') + '.', // Windows opens evil.sh
      file('noextension', 0o755),
      file('noextension-plain'),
      bashLink,
      file('payload.pdf', 0o755),
      'C:\\Users\\Public\\evil.exe',
      'javascript:alert(1)',
      'file:///etc/passwd',
      file('report.pdf') + ':hidden.exe',
    ];
    for (const bad of hostile) {
      const result = await backend.dispatch('checklistItems.update', { id, changes: { documentPath: bad } });
      expect(result, bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(checkDocumentPath(bad), bad).not.toBeNull();
    }
    expect(checkDocumentPath(bashLink)).toMatch(/points to \/(usr\/)?bin\/bash/);
    expect(checkDocumentPath(path.join(dir, 'payload.pdf'))).toMatch(/marked as a program/);
  });

  it('accepts documents, and a link to a document', async () => {
    const id = await anItem();
    const pdf = file('Cover Letter.PDF');
    const link = path.join(dir, 'latest.pdf');
    fs.symlinkSync(pdf, link);
    for (const good of [pdf, file('module-3.docx'), file('tox.xlsx'), file('notes.txt'), file('gel.png'), link]) {
      expect(checkDocumentPath(good), good).toBeNull();
      await call(backend, 'checklistItems.update', { id, changes: { documentPath: good } });
    }
  });

  it('re-checks at the moment of opening: a linked file swapped for a link to a program is refused', async () => {
    const id = await anItem();
    const doc = file('protocol.pdf');
    await call(backend, 'checklistItems.update', { id, changes: { documentPath: doc } });
    expect(documentToOpen(backend.ctx, doc)).toEqual({ path: fs.realpathSync(doc) });
    fs.rmSync(doc);
    fs.symlinkSync('/bin/bash', doc);
    expect(documentToOpen(backend.ctx, doc)).toMatchObject({ problem: expect.stringMatching(/bash/) });
    fs.rmSync(doc);
    file('protocol.pdf', 0o755);
    expect(documentToOpen(backend.ctx, doc)).toMatchObject({ problem: expect.stringMatching(/marked as a program/) });
    expect(documentToOpen(backend.ctx, file('never-linked.pdf'))).toMatchObject({ problem: expect.stringMatching(/not linked/) });
  });
});
