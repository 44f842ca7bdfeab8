import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntriesOf, type Product } from '../../contract';
import { call, inspect, sampleProfile, tempBackend } from '../../test-support/backend';

/*
 * Issue 12 item 1: the checksum was an unkeyed SHA-256, so an edited bundle imported forged audit
 * rows ("Dr. QA Director ... signed per 21 CFR 11.50", dated 2020; "FDA", dated 2099) and linked
 * documents the update channel refuses. Bundles are now signed with the installation's Ed25519
 * key; a changed signed file is refused; an unsigned or unknown-signer file imports only on an
 * explicit, audited "I trust this file"; imported paths pass the channel's checks.
 */

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

async function exported(): Promise<{ product: Product; content: string }> {
  await call(a, 'settings.update', { displayName: 'Alice Sender' });
  const product = await call(a, 'products.create', { ...sampleProfile({ code: 'SIGNED-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  await call(a, 'checklists.generate', { productId: product.id });
  return { product, content: (await call(a, 'bundles.export', { productId: product.id })).content };
}

type Editable = { signer?: unknown; signature?: unknown; checksum: string; data: { audit: Array<Record<string, unknown>>; items: Array<Record<string, unknown>>; product: { id: string } } };
function edit(content: string, change: (bundle: Editable) => void, { unsign = false } = {}): string {
  const bundle = JSON.parse(content) as Editable;
  change(bundle);
  bundle.checksum = createHash('sha256').update(JSON.stringify(bundle.data)).digest('hex');
  if (unsign) {
    delete bundle.signer;
    delete bundle.signature;
  }
  return JSON.stringify(bundle);
}

const forgeHistory = (bundle: Editable) => {
  const template = bundle.data.audit[0]!;
  bundle.data.audit.push(
    { ...template, at: '2020-01-01T09:00:00.000Z', actor: 'Dr. QA Director (qa)', reason: 'Approved; signed per 21 CFR 11.50' },
    { ...template, at: '2099-01-01T09:00:00.000Z', actor: 'FDA', reason: 'Accepted' },
  );
};

const productCount = (backend: typeof a) => inspect(backend, (db) => db.count('product'));

describe('signed bundles', () => {
  it('carry the signer name, public key and fingerprint of this installation', async () => {
    const { content } = await exported();
    const bundle = JSON.parse(content) as { signer: { name: string; fingerprint: string; publicKey: string }; signature: string };
    expect(bundle.signer).toMatchObject({ name: expect.stringMatching(/^Alice Sender \(/), fingerprint: a.ctx.installationKey().fingerprint, publicKey: a.ctx.installationKey().publicKeyPem });
    expect(bundle.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('refuses a signed bundle with forged audit history (checksum recomputed), trust or not', async () => {
    const { content } = await exported();
    await call(b, 'trust.add', { fingerprint: a.ctx.installationKey().fingerprint, name: 'Alice' });
    const forged = edit(content, forgeHistory);
    for (const trust of [undefined, { reason: 'looks fine' }]) {
      const result = await b.dispatch('bundles.import', { fileName: 'forged.rptbundle', content: forged, trust });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/signature does not match its content/) } });
    }
    expect(productCount(b)).toBe(0);
  });

  it('an unknown signer is named with the fingerprint, and imports after trusting the key', async () => {
    const { content, product } = await exported();
    const refused = await b.dispatch('bundles.import', { fileName: 'alice.rptbundle', content });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'trust' }] } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('Alice Sender');
      expect(refused.error.message).toContain(a.ctx.installationKey().fingerprint);
    }
    expect(productCount(b)).toBe(0);
    await call(b, 'trust.add', { fingerprint: a.ctx.installationKey().fingerprint.replace(/ /g, ':').toLowerCase(), name: 'Alice', reason: 'Fingerprint read out on the phone' });
    const imported = await call(b, 'bundles.import', { fileName: 'alice.rptbundle', content });
    expect(imported).toMatchObject({ productId: product.id, signer: { state: 'trusted', name: expect.stringMatching(/^Alice Sender/) } });
    expect(imported.sha256).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('an unsigned (or unknown) bundle imports only with "I trust this file" and a reason, which is audited', async () => {
    const { content } = await exported();
    const unsigned = edit(content, () => {}, { unsign: true });
    const refused = await b.dispatch('bundles.import', { fileName: 'plain.rptbundle', content: unsigned });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not signed/) } });
    expect(await b.dispatch('bundles.import', { fileName: 'plain.rptbundle', content: unsigned, trust: { reason: '  ' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const imported = await call(b, 'bundles.import', { fileName: 'plain.rptbundle', content: unsigned, trust: { reason: 'Handed over in person by Alice' } });
    expect(imported.signer).toEqual({ state: 'unsigned', name: null, fingerprint: null });
    const entry = auditEntriesOf(await call(b, 'audit.list', {})).find((e) => e.field === 'bundle')!;
    expect(entry.reason).toContain('trusted by the user: Handed over in person by Alice');
    expect(entry.reason).toContain(imported.sha256);
    expect(entry.reason).toContain('unsigned');
  });

  it('refuses imported document paths the update channel refuses, even when trusted', async () => {
    const { content } = await exported();
    for (const bad of ['C:\\Users\\Public\\evil.exe', 'javascript:alert(1)', '/tmp/evil.hta', 'relative/report.pdf', '/tmp/evil.sh.']) {
      const crafted = edit(content, (bundle) => (bundle.data.items[0]!.document_path = bad), { unsign: true });
      const result = await b.dispatch('bundles.import', { fileName: 'paths.rptbundle', content: crafted, trust: { reason: 'test' } });
      expect(result, bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/cannot be linked/) } });
    }
    expect(productCount(b)).toBe(0);
  });

  it('round-trips with electronic signatures present', async () => {
    const { product } = await exported();
    const view = await call(a, 'checklists.get', { productId: product.id });
    const item = view.checklists[0]!.items[0]!;
    const signer = await call(a, 'signers.create', { displayName: 'Ana Silva', password: 'correct horse 1' });
    await call(a, 'signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: signer.id, password: 'correct horse 1', evidence: { notes: 'eTMF folder 3.2.S' } });
    const { content } = await call(a, 'bundles.export', { productId: product.id });
    await call(b, 'trust.add', { fingerprint: a.ctx.installationKey().fingerprint, name: 'Alice' });
    expect(await call(b, 'bundles.import', { fileName: 's.rptbundle', content })).toMatchObject({ mode: 'new', signer: { state: 'trusted' } });
    // Back home as a replacement: its own key, no trust needed.
    expect(await call(a, 'bundles.import', { fileName: 's.rptbundle', content, mode: 'replace' })).toMatchObject({ mode: 'replace', signer: { state: 'own' } });
  });
});

describe('the trusted list', () => {
  it('adds and removes keys, audited; refuses duplicates, the own key and malformed fingerprints', async () => {
    const fingerprint = a.ctx.installationKey().fingerprint;
    const list = await call(b, 'trust.add', { fingerprint, name: 'Alice', reason: 'Met in person' });
    expect(list.trusted).toEqual([expect.objectContaining({ name: 'Alice', fingerprint: fingerprint.replace(/[^0-9A-F]/g, '') })]);
    expect(await b.dispatch('trust.add', { fingerprint, name: 'Alice again' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await b.dispatch('trust.add', { fingerprint: b.ctx.installationKey().fingerprint, name: 'Me' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await b.dispatch('trust.add', { fingerprint: 'abc', name: 'X' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(b, 'trust.remove', { fingerprint, reason: 'Left the company' })).toEqual({ ownFingerprint: b.ctx.installationKey().fingerprint, trusted: [] });
    expect(await b.dispatch('trust.remove', { fingerprint })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const trail = auditEntriesOf(await call(b, 'audit.list', {})).filter((e) => e.entity === 'trusted_signer');
    expect(trail.map((e) => e.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('imported audit history', () => {
  it('is kept but marked as imported, with when, by whom here, from which file and its SHA-256, in the trail and the Word extract', async () => {
    const { content, product } = await exported();
    const forged = edit(content, forgeHistory, { unsign: true });
    await call(b, 'settings.update', { displayName: 'Bob Receiver' });
    const imported = await call(b, 'bundles.import', { fileName: 'forged.rptbundle', content: forged, trust: { reason: 'Testing the marks' } });
    const trail = auditEntriesOf(await call(b, 'audit.list', { productId: product.id }));
    const qa = trail.find((e) => e.actor.startsWith('Dr. QA Director'))!;
    expect(qa.actor).toBe('Dr. QA Director (qa) (imported)');
    expect(qa.reason).toMatch(new RegExp(`^\\[Imported \\S+ by Bob Receiver \\(.+\\) from forged\\.rptbundle, SHA-256 ${imported.sha256}\\] Approved; signed per 21 CFR 11\\.50$`));
    expect(trail.find((e) => e.actor.startsWith('FDA'))!.actor).toBe('FDA (imported)');
    // Entries made here are not marked: the import's own entry, by the receiver.
    const own = trail.find((e) => e.field === 'bundle')!;
    expect(own.actor).toMatch(/^Bob Receiver \(/);
    expect(trail.filter((e) => e.field !== 'bundle').every((e) => e.actor.endsWith(' (imported)'))).toBe(true);
    const extract = await call(b, 'exports.render', { kind: 'audit', productId: product.id, from: '2020-01-01', to: '2099-12-31' });
    const { docxText } = await import('../../test-support/docx');
    const text = docxText(Buffer.from(extract.base64, 'base64'));
    expect(text).toContain('Dr. QA Director (qa) (imported)');
    expect(text).toContain('[Imported');
  });
});
