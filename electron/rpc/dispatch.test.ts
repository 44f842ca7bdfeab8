import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntriesOf, type Channel, type ChannelInput } from '../contract';
import { call, count, sampleProfile, tempBackend } from '../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.cleanup());

const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);

describe('dispatch', () => {
  it('creates, reads, lists, edits, archives and restores a product, auditing each change', async () => {
    const created = await ok('products.create', sampleProfile({ code: 'uc-ev-01' }));
    expect(created.code).toBe('UC-EV-01'); // codes are stored upper case
    expect(created.archivedAt).toBeNull();
    expect(await ok('products.get', { id: created.id })).toEqual(created);

    const edited = await ok('products.update', { id: created.id, changes: { indication: 'ARDS', serumFree: false }, reason: 'Protocol v2' });
    expect(edited.indication).toBe('ARDS');
    expect(edited.serumFree).toBe(false);

    await ok('products.archive', { id: created.id, reason: 'Programme paused' });
    expect(await ok('products.list', {})).toHaveLength(0);
    expect(await ok('products.list', { includeArchived: true })).toHaveLength(1);
    const restored = await ok('products.restore', { id: created.id });
    expect(restored.archivedAt).toBeNull();

    const audit = auditEntriesOf(await ok('audit.list', { productId: created.id }));
    expect(audit.map((a) => `${a.action}:${a.field ?? ''}`).reverse()).toEqual([
      'create:',
      'update:serumFree', // one row per changed field, in profile order
      'update:indication',
      'archive:archivedAt',
      'restore:archivedAt',
    ]);
    const indication = audit.find((a) => a.field === 'indication')!;
    expect(indication).toMatchObject({ oldValue: 'Bronchopulmonary dysplasia', newValue: 'ARDS', reason: 'Protocol v2' });
  });

  it('refuses a duplicate code, whatever its case, and writes nothing', async () => {
    await ok('products.create', sampleProfile());
    const before = [count(backend, 'product'), count(backend, 'audit_log')];
    const result = await backend.dispatch('products.create', sampleProfile({ code: 'uc-ev-01', name: 'Other' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'code' }] } });
    expect(result.ok || result.error.message).toMatch(/UC-EV-01 is already used/);
    expect([count(backend, 'product'), count(backend, 'audit_log')]).toEqual(before);
  });

  it('refuses renaming a code onto another product, rolling back the whole change', async () => {
    await ok('products.create', sampleProfile());
    const other = await ok('products.create', sampleProfile({ code: 'OTHER-1' }));
    const auditBefore = count(backend, 'audit_log');
    const result = await backend.dispatch('products.update', { id: other.id, changes: { code: 'UC-EV-01', name: 'Renamed' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok('products.get', { id: other.id })).name).toBe(other.name);
    expect(count(backend, 'audit_log')).toBe(auditBefore);
  });

  it('names every invalid field', async () => {
    const result = await backend.dispatch('products.create', { ...sampleProfile(), name: ' ', code: 'a b', fraction: 'plasma', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const paths = result.error.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'code', 'fraction']));
    expect(result.error.issues!.find((i) => i.path === 'fraction')!.message).toMatch(/conditioned-medium, ev, exosome/);
    expect(result.error.issues!.some((i) => /extra/.test(i.message) || i.path === 'extra')).toBe(true);
    expect(count(backend, 'product')).toBe(0);
  });

  it('answers unknown channels, missing products and archived edits with their codes', async () => {
    expect(await backend.dispatch('products.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await backend.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await backend.dispatch('products.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const p = await ok('products.create', sampleProfile());
    await ok('products.archive', { id: p.id });
    expect(await backend.dispatch('products.update', { id: p.id, changes: { name: 'x' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await backend.dispatch('products.archive', { id: p.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await backend.dispatch('products.update', { id: p.id, changes: {} })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('loads the example portfolio once, then skips existing codes', async () => {
    const first = await ok('examples.load', {});
    expect(first.created).toEqual(['AFSC-HX-01', 'MSC-CM-DW', 'CFAF-EV-C19', 'BM-EXO-NP']);
    const second = await ok('examples.load', {});
    expect(second).toEqual({ created: [], skipped: first.created });
    const products = await ok('products.list', {});
    expect(products.find((p) => p.code === 'CFAF-EV-C19')).toMatchObject({ fraction: 'ev', stage: 'phase-1-2' });
  });

  it('takes the actor from the installation, never from the input', async () => {
    await ok('settings.update', { displayName: 'Dr. Ada Reg' });
    const result = await backend.dispatch('products.create', { ...sampleProfile(), actor: 'mallory' });
    expect(result.ok).toBe(false); // unknown fields are refused outright
    const p = await ok('products.create', sampleProfile());
    const [entry] = auditEntriesOf(await ok('audit.list', { productId: p.id }));
    expect(entry!.actor).toMatch(/^Dr\. Ada Reg \(.+\)$/);
  });
});
