import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../db';
import type { ChecklistsView, Channel, ChannelInput } from '../../contract';
import { call, count, inspect, sampleProfile, tempBackend } from '../../test-support/backend';
import { docxText } from '../../test-support/docx';
import { releaseGateLots } from '../../test-support/lots';

let backend: ReturnType<typeof tempBackend>;
let now = '2026-01-05T12:00:00.000Z';
beforeEach(() => {
  now = '2026-01-05T12:00:00.000Z';
  backend = tempBackend(() => now);
});
afterEach(() => backend.cleanup());

const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);
const items = (v: ChecklistsView) => v.checklists.flatMap((c) => c.items);
const later = (minutes: number) => (now = new Date(Date.parse(now) + minutes * 60_000).toISOString());
/** Edits the data file behind the app's back (own connection). */
const sqlite = (sql: string, ...params: unknown[]) => inspect(backend, (db) => db.tamper(sql, ...params));

async function setup() {
  const p = await ok('products.create', { ...sampleProfile({ code: 'EV-S', fraction: 'conditioned-medium' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  const view = await ok('checklists.generate', { productId: p.id });
  const ana = await ok('signers.create', { displayName: 'Ana Silva', password: 'correct horse 1' });
  const ben = await ok('signers.create', { displayName: 'Ben Okafor', password: 'battery staple 2' });
  return { product: p, view, ana, ben, item: items(view)[0]!, other: items(view)[1]! };
}

describe('electronic signatures', () => {
  it('refuses a plain status change to Approved and says how to sign', async () => {
    const { item } = await setup();
    const refused = await backend.dispatch('checklistItems.update', { id: item.id, changes: { status: 'approved' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/electronic signature.*Sign approval/) } });
  });

  it('signs an item with evidence: Approved, manifested, valid; the second signature of the session needs the password only', async () => {
    const { item, other, ana } = await setup();
    const audit = count(backend, 'audit_log');
    const noEvidence = await backend.dispatch('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1' });
    expect(noEvidence).toMatchObject({ ok: false, error: { message: expect.stringMatching(/needs evidence/) } });
    expect(count(backend, 'audit_log')).toBe(audit); // nothing half written
    const signed = await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'eTMF folder 3.2.S, signed PDF' } });
    expect(signed).toMatchObject({ state: 'valid', meaning: 'Approved', printedName: 'Ana Silva', manifestation: expect.stringMatching(/^Ana Silva — Approved — 2026-01-05 \d\d:\d\d .+ \(.+\)$/) });
    const view = await ok('checklists.get', { productId: item.id === signed.recordId ? signed.productId! : '' });
    expect(items(view).find((i) => i.id === item.id)).toMatchObject({ status: 'approved', notes: 'eTMF folder 3.2.S, signed PDF' });
    // Later in the session: the password alone.
    later(5);
    expect(await ok('signatures.sign', { kind: 'checklist_item', recordId: other.id, password: 'correct horse 1', evidence: { notes: 'QA binder 7' } })).toMatchObject({ printedName: 'Ana Silva', state: 'valid' });
    // After inactivity the session ends: both components again.
    later(16);
    expect(await ok('signatures.session')).toEqual({ signer: null, expiresAt: null });
    const anonymous = await backend.dispatch('signatures.sign', { kind: 'checklist_item', recordId: other.id, password: 'correct horse 1' });
    expect(anonymous).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Choose who is signing/) } });
    const trail = await ok('audit.list', {});
    expect(JSON.stringify(trail)).toMatch(/Ana Silva — Approved — 2026-01-05/);
  });

  it('a wrong password signs nothing and is counted; five lock signing for that signer, audited', async () => {
    const { item, ana } = await setup();
    for (let i = 1; i <= 4; i++) {
      const r = await backend.dispatch('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'wrong', evidence: { notes: 'x' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(`${i} of 5`) } });
    }
    const fifth = await backend.dispatch('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'wrong', evidence: { notes: 'x' } });
    expect(fifth).toMatchObject({ ok: false, error: { message: expect.stringMatching(/locked for 30 minutes/) } });
    const right = await backend.dispatch('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'x' } });
    expect(right).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/locked/) } });
    expect(count(backend, 'signature')).toBe(0);
    const trail = JSON.stringify(await ok('audit.list', {}));
    expect(trail).toMatch(/locked for 30 minutes after 5 wrong passwords/);
    expect(trail).not.toContain('correct horse');
    later(31);
    expect(await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'x' } })).toMatchObject({ state: 'valid' });
  });

  it('cannot sign as someone else: their name needs their password', async () => {
    const { item, ana, ben } = await setup();
    await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'x' } });
    const asBen = await backend.dispatch('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ben.id, password: 'correct horse 1', evidence: { notes: 'x' } });
    expect(asBen).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Wrong signing password for Ben Okafor/) } });
    expect(count(backend, 'signature')).toBe(1);
  });

  it('changing a signed item supersedes its signature and it needs a new approval', async () => {
    const { item, ana } = await setup();
    const signed = await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'binder 1' } });
    const view = await ok('checklistItems.update', { id: item.id, changes: { notes: 'binder 2' } });
    expect(items(view).find((i) => i.id === item.id)!.status).toBe('in-review');
    const report = await ok('signatures.verify', {});
    expect(report).toMatchObject({ checked: 1, valid: 0, superseded: 1, failures: [] });
    expect(report.signatures[0]).toMatchObject({ id: signed.id, state: 'superseded', problems: ['superseded — record changed after signing'] });
    expect(JSON.stringify(await ok('audit.list', {}))).toMatch(/superseded — record changed after signing/);
  });

  it('a new signed approval with new evidence supersedes the earlier one and leaves the item Approved under the new signature', async () => {
    const { item, ana, ben } = await setup();
    const first = await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'binder 1' } });
    later(1);
    const second = await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ben.id, password: 'battery staple 2', evidence: { notes: 'binder 2, page 4' } });
    expect(second).toMatchObject({ state: 'valid', printedName: 'Ben Okafor', meaning: 'Approved' });
    const view = await ok('checklists.get', { productId: first.productId! });
    expect(items(view).find((i) => i.id === item.id)).toMatchObject({ status: 'approved', notes: 'binder 2, page 4' });
    const report = await ok('signatures.verify', {});
    expect(report).toMatchObject({ checked: 2, valid: 1, superseded: 1, failures: [] });
    expect(report.signatures.find((s) => s.id === first.id)).toMatchObject({ state: 'superseded' });
    // A co-signature that changes nothing keeps the first one valid.
    later(1);
    await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1' });
    expect(await ok('signatures.verify', {})).toMatchObject({ checked: 3, valid: 2, superseded: 1, failures: [] });
    expect(items(await ok('checklists.get', { productId: first.productId! })).find((i) => i.id === item.id)!.status).toBe('approved');
  });

  it('the verifier catches a record or a signature edited in SQLite, and a signature replayed on another item', async () => {
    const { item, other, ana, product } = await setup();
    const a = await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'binder 1' } });
    expect((await ok('signatures.verify', { productId: product.id })).failures).toEqual([]);
    sqlite(`UPDATE checklist_item SET notes = 'somewhere else' WHERE id = ?`, item.id);
    const edited = await ok('signatures.verify', { productId: product.id });
    expect(edited.failures.map((f) => [f.id, f.problems.join('; ')])).toEqual([[a.id, expect.stringMatching(/edited outside the app/)]]);
    // Replay: the same signature copied onto another item.
    sqlite(`INSERT INTO signature (id, signer_id, record_kind, record_id, product_id, meaning, printed_name, signed_at, time_zone, content_hash, signature, public_key, key_fingerprint)
            SELECT 'replayed', signer_id, record_kind, ?, product_id, meaning, printed_name, signed_at, time_zone, content_hash, signature, public_key, key_fingerprint FROM signature WHERE id = ?`, other.id, a.id);
    const replayed = (await ok('signatures.verify', {})).failures.find((f) => f.id === 'replayed')!;
    expect(replayed.problems.join('; ')).toMatch(/Ed25519 signature does not match/);
    expect(replayed.problems.join('; ')).toMatch(/differs from what was signed/);
    // The signature's own fields edited (the trigger dropped first, as an attacker could).
    sqlite(`DROP TRIGGER signature_only_superseded`);
    sqlite(`UPDATE signature SET printed_name = 'Ben Okafor' WHERE id = ?`, a.id);
    const forged = (await ok('signatures.verify', {})).failures.find((f) => f.id === a.id)!;
    expect(forged.problems.join('; ')).toMatch(/Ed25519 signature does not match the signed fields/);
  });

  it('signs the IND gate only when it is ready, and changing an item then supersedes it', async () => {
    const { product, view, ana } = await setup();
    const gateId = `${product.id}:ind-ready`;
    const notReady = await backend.dispatch('signatures.sign', { kind: 'gate', recordId: gateId, signerId: ana.id, password: 'correct horse 1' });
    expect(notReady).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not ready/) } });
    const gated = view.checklists.filter((c) => ['ind', 'cmc', 'preclinical'].includes(c.kind)).flatMap((c) => c.items).filter((i) => i.required);
    await releaseGateLots(backend, product.id);
    await ok('checklistItems.bulkUpdate', { ids: gated.map((i) => i.id), changes: { status: 'submitted' } });
    const gate = await ok('signatures.sign', { kind: 'gate', recordId: gateId, signerId: ana.id, password: 'correct horse 1' });
    expect(gate).toMatchObject({ meaning: 'Approved for submission', state: 'valid', record: expect.stringMatching(/Readiness gate/) });
    await ok('checklistItems.update', { id: gated[0]!.id, changes: { status: 'in-review' } });
    expect((await ok('signatures.verify', {})).signatures[0]).toMatchObject({ state: 'superseded' });
  });

  it('changes a password knowing the old one; a reset needs a reason, is audited, and keeps old signatures valid', async () => {
    const { item, ana } = await setup();
    await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'x' } });
    expect(await backend.dispatch('signers.changePassword', { signerId: ana.id, oldPassword: 'nope', newPassword: 'new password 22' })).toMatchObject({ ok: false });
    await ok('signers.changePassword', { signerId: ana.id, oldPassword: 'correct horse 1', newPassword: 'new password 22' });
    expect(await backend.dispatch('signers.resetPassword', { signerId: ana.id, newPassword: 'reset password 3', reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok('signers.resetPassword', { signerId: ana.id, newPassword: 'reset password 3', reason: 'Forgot it after leave' });
    expect(JSON.stringify(await ok('audit.list', {}))).toMatch(/Forgot it after leave/);
    expect(await ok('signatures.verify', {})).toMatchObject({ valid: 1, failures: [] });
    const stored = fs.readFileSync(path.join(backend.dataDir, DB_FILE_NAME));
    expect(stored.includes('reset password 3')).toBe(false);
  });

  it('the Word IND checklist prints each signature manifestation and the evidence behind every done item, counted separately', async () => {
    const { product, item, other, view, ana } = await setup();
    await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'eTMF 1.1 signed PDF' } });
    const third = items(view)[2]!;
    await ok('checklistItems.update', { id: other.id, changes: { status: 'submitted' } });
    await ok('checklistItems.update', { id: third.id, changes: { status: 'submitted', notes: 'Shared drive /IND/3' } });
    const rendered = await ok('exports.render', { kind: 'ind-checklist', productId: product.id });
    const text = docxText(Buffer.from(rendered.base64, 'base64'));
    expect(text).toContain('1 approved with an electronic signature; 0 approved without one (legacy or superseded); 1 done without evidence');
    expect(text).toContain('Evidence behind done items');
    expect(text).toMatch(/Ana Silva — Approved — 2026-01-05 \d\d:\d\d/);
    expect(text).toContain('eTMF 1.1 signed PDF');
    expect(text).toContain('No evidence recorded');
    expect(text).toContain('Electronic signatures');
    expect((await ok('checklists.get', { productId: product.id })).evidence).toEqual({ signedApprovals: 1, unsignedApprovals: 0, doneWithoutEvidence: 1 });
  });

  it('bundle export and import (copy and replace) work with signatures present; the replaced item\'s signature then fails verification', async () => {
    const { product, item, ana } = await setup();
    await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'binder 1' } });
    const bundle = await ok('bundles.export', { productId: product.id });
    expect(await backend.dispatch('bundles.import', { fileName: bundle.fileName, content: bundle.content, mode: 'copy' })).toMatchObject({ ok: true });
    expect(await backend.dispatch('bundles.import', { fileName: bundle.fileName, content: bundle.content, mode: 'replace' })).toMatchObject({ ok: true });
    const report = await ok('signatures.verify', {});
    expect(report.checked).toBe(1);
    // Replace writes the items anew (new ids): the signature is listed as failing, never silently valid.
    expect(report.failures.map((f) => f.problems)).toEqual([['the signed record no longer exists']]);
  });

  it('the IND checklist export signed "Reviewed" prints the signature in its sign-off block; a later item change supersedes it', async () => {
    const { product, item, ana } = await setup();
    const reviewed = await ok('signatures.sign', { kind: 'export', recordId: `${product.id}:ind-checklist`, signerId: ana.id, password: 'correct horse 1' });
    expect(reviewed).toMatchObject({ meaning: 'Reviewed', state: 'valid', record: 'IND checklist export of EV-S' });
    const text = docxText(Buffer.from((await ok('exports.render', { kind: 'ind-checklist', productId: product.id })).base64, 'base64'));
    const signOff = text.slice(text.lastIndexOf('Sign-off'));
    expect(signOff).toMatch(/Ana Silva.*Reviewed.*Signed electronically/s);
    await ok('checklistItems.update', { id: item.id, changes: { owner: 'QA' } });
    expect((await ok('signatures.verify', {})).signatures[0]).toMatchObject({ state: 'superseded' });
    const after = docxText(Buffer.from((await ok('exports.render', { kind: 'ind-checklist', productId: product.id })).base64, 'base64'));
    expect(after.slice(after.lastIndexOf('Sign-off'))).not.toContain('Signed electronically');
  });

  it('the development plan export signed "Reviewed" prints its sign-off block; a later milestone change (any write to the pathway) supersedes it', async () => {
    const { product, ana } = await setup();
    const reviewed = await ok('signatures.sign', { kind: 'export', recordId: `${product.id}:plan`, signerId: ana.id, password: 'correct horse 1' });
    expect(reviewed).toMatchObject({ meaning: 'Reviewed', state: 'valid', record: 'Development plan export of EV-S' });
    const text = docxText(Buffer.from((await ok('exports.render', { kind: 'plan', productId: product.id })).base64, 'base64'));
    expect(text.slice(text.lastIndexOf('Sign-off'))).toMatch(/Ana Silva.*Reviewed.*Signed electronically/s);
    const milestone = (await ok('pathway.get', { productId: product.id })).stages[0]!.milestones[0]!;
    await ok('milestones.update', { id: milestone.id, changes: { durationDays: milestone.durationDays + 7 } });
    const report = await ok('signatures.verify', { productId: product.id });
    expect(report.signatures[0]).toMatchObject({ state: 'superseded', problems: ['superseded — record changed after signing'] });
    const after = docxText(Buffer.from((await ok('exports.render', { kind: 'plan', productId: product.id })).base64, 'base64'));
    expect(after.slice(after.lastIndexOf('Sign-off'))).not.toContain('Signed electronically');
    expect(after).toContain('Superseded — record changed after signing');
    // An export that carries no sign-off block cannot be signed.
    expect(await backend.dispatch('signatures.sign', { kind: 'export', recordId: `${product.id}:audit-extract`, password: 'correct horse 1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('signing a planning session applies it with its reason, in one transaction; without a reason or with a wrong password nothing is applied', async () => {
    const { product, ana } = await setup();
    const live = await ok('pathway.get', { productId: product.id });
    const tox = live.stages.flatMap((x) => x.milestones).find((m) => m.key === 'glp-tox-in-life')!;
    const s = await ok('scenarios.create', { productId: product.id, name: 'Tox slips 6 weeks' });
    await ok('scenarios.edit', { id: s.id, edit: { type: 'duration', milestoneId: tox.id, durationDays: tox.durationDays + 42 } });
    const before = count(backend, 'audit_log');
    expect(await backend.dispatch('signatures.sign', { kind: 'scenario', recordId: s.id, signerId: ana.id, password: 'correct horse 1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/Say why/) } });
    expect(await backend.dispatch('signatures.sign', { kind: 'scenario', recordId: s.id, signerId: ana.id, password: 'wrong password', reason: 'Agreed' })).toMatchObject({ ok: false });
    expect((await ok('scenarios.get', { id: s.id })).status).toBe('open');
    expect((await ok('pathway.get', { productId: product.id })).stages.flatMap((x) => x.milestones).find((m) => m.id === tox.id)!.durationDays).toBe(tox.durationDays);
    expect(count(backend, 'audit_log')).toBe(before + 1); // only the failed attempt is recorded
    const signed = await ok('signatures.sign', { kind: 'scenario', recordId: s.id, signerId: ana.id, password: 'correct horse 1', reason: 'Agreed at the planning meeting' });
    expect(signed).toMatchObject({ kind: 'scenario', meaning: 'Approved', state: 'valid', record: 'Planning session "Tox slips 6 weeks"' });
    expect((await ok('scenarios.get', { id: s.id })).status).toBe('applied');
    expect((await ok('pathway.get', { productId: product.id })).stages.flatMap((x) => x.milestones).find((m) => m.id === tox.id)!.durationDays).toBe(tox.durationDays + 42);
    const trail = JSON.stringify(await ok('audit.list', { productId: product.id }));
    expect(trail).toMatch(/Applied the planning session ..?Tox slips 6 weeks..? with a signature \(Ana Silva — Approved — 2026-01-05/);
    expect(trail).toContain('Agreed at the planning meeting');
    // Applied once: it cannot be signed (applied) again, and later plan edits do not touch its signature.
    expect(await backend.dispatch('signatures.sign', { kind: 'scenario', recordId: s.id, password: 'correct horse 1', reason: 'Again' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok('milestones.update', { id: tox.id, changes: { durationDays: 10 } });
    expect((await ok('signatures.verify', { productId: product.id })).signatures.find((x) => x.id === signed.id)).toMatchObject({ state: 'valid' });
  });

  it('signatures travel in a bundle with their key: verified on the other installation once its key is trusted; a forged one is refused', async () => {
    const { product, item, ana } = await setup();
    await ok('signatures.sign', { kind: 'checklist_item', recordId: item.id, signerId: ana.id, password: 'correct horse 1', evidence: { notes: 'QA binder 7' } });
    const file = await ok('bundles.export', { productId: product.id });
    const other = tempBackend(() => now);
    try {
      const imported = await call(other, 'bundles.import', { fileName: file.fileName, content: file.content, trust: { reason: 'From Ana, by hand' } });
      expect(imported.mode).toBe('new');
      // Carried, with the signer known by name only: they cannot sign here.
      const before = await call(other, 'signatures.verify', {});
      expect(before.checked).toBe(1);
      expect(before.failures[0]!.problems.join()).toMatch(/neither this installation's nor a trusted colleague's/);
      expect(await call(other, 'signers.list')).toEqual([]);
      await call(other, 'trust.add', { fingerprint: backend.ctx.installationKey().fingerprint, name: 'Ana (installation A)' });
      expect((await call(other, 'signatures.verify', {})).signatures[0]).toMatchObject({ state: 'valid', printedName: 'Ana Silva', meaning: 'Approved' });
      expect(JSON.stringify(await call(other, 'audit.list', { productId: product.id }))).toContain('1 electronic signature carried');
    } finally {
      other.cleanup();
    }
    // A forged bundle: the signature's printed name changed, checksum recomputed, the bundle's own signature dropped.
    const bundle = JSON.parse(file.content) as { checksum: string; signer?: unknown; signature?: unknown; data: { signatures: Array<{ printed_name: string }> } };
    bundle.data.signatures[0]!.printed_name = 'Dr. QA Director';
    bundle.checksum = (await import('node:crypto')).createHash('sha256').update(JSON.stringify(bundle.data)).digest('hex');
    delete bundle.signer;
    delete bundle.signature;
    const third = tempBackend(() => now);
    try {
      const refused = await third.dispatch('bundles.import', { fileName: 'forged.rptbundle', content: JSON.stringify(bundle), trust: { reason: 'Looks fine' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/electronic signature of Dr\. QA Director .* fails verification: the Ed25519 signature does not match/) } });
      expect((await call(third, 'products.list', {})).length).toBe(0);
    } finally {
      third.cleanup();
    }
  });
});
