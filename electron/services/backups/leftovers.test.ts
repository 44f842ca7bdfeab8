import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeLeftovers, STALE_PARTIAL_MS } from '../../../db/backup';
import { createBackend } from '../../rpc/backend';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';

/*
 * Issue 12 item 7: every backup left <name>.partial-shm/-wal, and every interrupted backup or
 * restore a full-size .partial that no list or pruning saw. Backups are now single files, and
 * leftovers are cleaned at start-up and after each backup.
 */

let backend: ReturnType<typeof tempBackend>;
let backupDir: string;
beforeEach(() => {
  backend = tempBackend();
  backupDir = path.join(backend.dataDir, 'backups');
});
afterEach(() => backend.cleanup());

const listing = () => fs.readdirSync(backupDir).sort();

function plantKilledBackup(name: string, ageMs: number) {
  fs.mkdirSync(backupDir, { recursive: true });
  const when = new Date(Date.now() - ageMs);
  for (const suffix of ['.partial', '.partial-wal', '.partial-shm']) {
    const file = path.join(backupDir, name + suffix);
    fs.writeFileSync(file, Buffer.alloc(suffix === '.partial' ? 64 * 1024 : 1024, 7));
    fs.utimesSync(file, when, when);
  }
}

describe('backup leftovers', () => {
  it('a backup, and a restore of it, leave only .sqlite files in the backups folder', async () => {
    await call(backend, 'products.create', sampleProfile());
    const made = await call(backend, 'backups.create');
    expect(listing()).toEqual([made.name]);
    const restored = await call(backend, 'backups.restore', { name: made.name });
    expect(listing()).toEqual([made.name, restored.previousSavedAs].sort());
    expect(fs.readdirSync(backend.dataDir).filter((n) => n.includes('.restoring'))).toEqual([]);
  });

  it('start-up removes a killed backup\'s .partial with its -wal/-shm, and leaves a recent one (maybe in progress)', () => {
    plantKilledBackup('daily-2026-01-01T00-00-00-000Z.sqlite', STALE_PARTIAL_MS + 60_000);
    plantKilledBackup('manual-2026-12-04T00-00-00-000Z.sqlite', 1_000);
    const dataDir = backend.dataDir;
    backend.close();
    const again = createBackend({ dataDir, frontDoor: 'cli', log: () => {} });
    again.close();
    expect(listing()).toEqual(['manual-2026-12-04T00-00-00-000Z.sqlite.partial', 'manual-2026-12-04T00-00-00-000Z.sqlite.partial-shm', 'manual-2026-12-04T00-00-00-000Z.sqlite.partial-wal']);
    backend = tempBackend(); // the one afterEach cleans
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('each backup cleans what earlier killed ones left, and its own name is never touched', async () => {
    plantKilledBackup('manual-2026-01-01T00-00-00-000Z.sqlite', STALE_PARTIAL_MS + 1);
    const made = await call(backend, 'backups.create');
    expect(listing()).toEqual([made.name]);
  });

  it('removes the empty -wal/-shm a read-only check leaves beside an older WAL-mode backup, never a -wal with data', () => {
    fs.mkdirSync(backupDir, { recursive: true });
    fs.writeFileSync(path.join(backupDir, 'daily-a.sqlite'), 'x');
    fs.writeFileSync(path.join(backupDir, 'daily-a.sqlite-wal'), '');
    fs.writeFileSync(path.join(backupDir, 'daily-a.sqlite-shm'), 'shm');
    fs.writeFileSync(path.join(backupDir, 'daily-b.sqlite'), 'x');
    fs.writeFileSync(path.join(backupDir, 'daily-b.sqlite-wal'), 'frames');
    fs.writeFileSync(path.join(backupDir, 'daily-b.sqlite-shm'), 'shm');
    removeLeftovers(backupDir);
    expect(listing()).toEqual(['daily-a.sqlite', 'daily-b.sqlite', 'daily-b.sqlite-shm', 'daily-b.sqlite-wal']);
  });
});
