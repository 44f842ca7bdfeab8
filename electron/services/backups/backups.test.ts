import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db';
import { checkIntegrity } from '../../../db/backup';
import { auditEntriesOf, type Channel, type ChannelInput } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.cleanup());

const ok = <C extends Channel>(channel: C, input?: ChannelInput<C>) => call(backend, channel, input);

describe('backups', () => {
  it('backs up now with SQLite online backup, verified, and keeps only the configured number', async () => {
    await ok('products.create', sampleProfile());
    await ok('settings.update', { backupKeep: 2 });
    for (let i = 0; i < 3; i++) await ok('backups.create');
    const list = await ok('backups.list');
    expect(list.keep).toBe(2);
    expect(list.backups.filter((b) => b.kind === 'manual')).toHaveLength(2);
    const file = path.join(backend.dataDir, 'backups', list.backups[0]!.name);
    expect(checkIntegrity(file)).toBe('ok');
  });

  it('makes the daily backup once a day', async () => {
    expect(await backend.dailyBackup()).not.toBeNull();
    expect(await backend.dailyBackup()).toBeNull();
  });

  it('restores a backup after saving the current data, so the restore can be undone', async () => {
    const first = await ok('products.create', sampleProfile({ code: 'KEEP-1' }));
    const backup = await ok('backups.create');
    await ok('products.create', sampleProfile({ code: 'LATER-2' }));
    const restored = await ok('backups.restore', { name: backup.name });
    expect(restored.previousSavedAs).toMatch(/^pre-restore-/);
    const after = await ok('products.list');
    expect(after.map((p) => p.code)).toEqual(['KEEP-1']);
    expect(after[0]!.id).toBe(first.id);
    const trail = auditEntriesOf(await ok('audit.list', {}));
    expect(trail[0]).toMatchObject({ action: 'restore', newValue: backup.name });
    // Undo: restore the copy made before the restore.
    await ok('backups.restore', { name: restored.previousSavedAs });
    expect((await ok('products.list')).map((p) => p.code).sort()).toEqual(['KEEP-1', 'LATER-2']);
  });

  it('refuses a damaged or unknown backup and leaves the data as it was', async () => {
    await ok('products.create', sampleProfile({ code: 'STAYS-1' }));
    const backup = await ok('backups.create');
    const file = path.join(backend.dataDir, 'backups', backup.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192); // scribble over a page
    fs.writeFileSync(file, bytes);
    expect(await backend.dispatch('backups.restore', { name: backup.name })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await backend.dispatch('backups.restore', { name: '../tracker.sqlite' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok('products.list')).map((p) => p.code)).toEqual(['STAYS-1']);
  });

  it('refuses to open a data file that fails its integrity check, with what to do', async () => {
    await ok('products.create', sampleProfile());
    const dbPath = backend.ctx.info.dbPath;
    const dataDir = backend.dataDir;
    backend.close();
    const bytes = fs.readFileSync(dbPath);
    bytes.fill(0x42, 4096 * 2, 4096 * 3);
    fs.writeFileSync(dbPath, bytes);
    expect(() => openDatabase(dbPath)).toThrow(/integrity check|not a readable database|malformed/);
    fs.rmSync(dataDir, { recursive: true, force: true });
    backend = tempBackend(); // afterEach cleans this one
  });
});
