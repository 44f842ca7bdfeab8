import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../db';
import { checkIntegrity } from '../../db/backup';
import { auditEntriesOf } from '../contract';
import { call, sampleProfile } from '../test-support/backend';
import { createBackend, restoreOverDamaged } from './backend';

/*
 * Issue 12 item 4: a damaged data file was written to at start-up (the switch to WAL rewrote
 * header bytes before integrity_check ran), and a 0-byte tracker.sqlite silently became an
 * empty portfolio whose daily backups would prune the good ones. Now both are refused before
 * any write, with the backups to restore, and the CLI restores over them.
 */

let dataDir: string;
let dbPath: string;
let backupName: string;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-startup-'));
  dbPath = path.join(dataDir, 'tracker.sqlite');
  const backend = createBackend({ dataDir, frontDoor: 'cli', log: () => {} });
  await call(backend, 'products.create', sampleProfile({ code: 'GOOD-1' }));
  backupName = (await call(backend, 'backups.create')).name;
  for (let i = 2; i <= 40; i++) await call(backend, 'products.create', sampleProfile({ code: `MORE-${i}`, notes: 'x'.repeat(2000) }));
  backend.close();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A small deterministic generator, so a failing damage pattern can be replayed. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function refusal(): DatabaseOpenError {
  try {
    createBackend({ dataDir, frontDoor: 'cli', log: () => {} }).close();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('the tracker opened the file');
}

const backups = () => fs.readdirSync(path.join(dataDir, 'backups')).sort();

describe('start-up check before any write', () => {
  it.each([1, 2, 3])('refuses a file with 2,000 flipped bytes (seed %i), unchanged, listing the backups', (seed) => {
    const bytes = fs.readFileSync(dbPath);
    const random = lcg(seed);
    // Past the first 100 bytes: a header flip is refused by the header check (next test); this
    // exercises integrity_check on a file whose header still looks right.
    for (let i = 0; i < 2000; i++) {
      const at = 100 + Math.floor(random() * (bytes.length - 100));
      bytes[at] = bytes[at]! ^ (1 + Math.floor(random() * 255));
    }
    fs.writeFileSync(dbPath, bytes);
    const before = backups();
    const error = refusal();
    expect(error.kind).toBe('corrupt');
    expect(error.message).toMatch(/is damaged/);
    expect(error.message).toContain(backupName);
    expect(error.message).toContain('npm run -s cli -- restore <name>');
    expect(fs.readFileSync(dbPath).equals(bytes)).toBe(true);
    expect(backups()).toEqual(before);
  });

  it('refuses a damaged header (journal-mode and page-size bytes) unchanged', () => {
    const bytes = fs.readFileSync(dbPath);
    bytes[16] = 0x03; // page size 768: not a power of two
    fs.writeFileSync(dbPath, bytes);
    expect(refusal().message).toMatch(/impossible page size/);
    expect(fs.readFileSync(dbPath).equals(bytes)).toBe(true);
  });

  it('refuses a 0-byte tracker.sqlite next to good backups: no empty portfolio, no backup made or pruned', () => {
    fs.writeFileSync(dbPath, '');
    const before = backups();
    const error = refusal();
    expect(error.message).toMatch(/empty \(0 bytes\)/);
    expect(error.message).toContain(backupName);
    expect(fs.statSync(dbPath).size).toBe(0);
    expect(backups()).toEqual(before);
  });

  it('restores over the refused file (keeping it), with the restore in the trail', async () => {
    fs.writeFileSync(dbPath, '');
    const result = restoreOverDamaged({ dataDir, name: backupName });
    expect(result.damagedKeptAs).toMatch(/^tracker\.sqlite\.damaged-/);
    expect(fs.statSync(path.join(dataDir, result.damagedKeptAs!)).size).toBe(0);
    expect(checkIntegrity(dbPath)).toBe('ok');
    const backend = createBackend({ dataDir, frontDoor: 'cli', log: () => {} });
    try {
      expect((await call(backend, 'products.list')).map((p) => p.code)).toEqual(['GOOD-1']);
      expect(auditEntriesOf(await call(backend, 'audit.list', {}))[0]).toMatchObject({ action: 'restore', newValue: backupName });
    } finally {
      backend.close();
    }
  });

  it('the CLI prints the refusal with the backups, and its restore command works on the refused file', () => {
    const bytes = fs.readFileSync(dbPath);
    bytes.fill(0x42, 4096 * 2, 4096 * 3);
    fs.writeFileSync(dbPath, bytes);
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') });
    const refused = cli('products');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(backupName);
    const restored = cli('restore', backupName);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const listed = cli('products');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('GOOD-1');
    expect(listed.stdout).not.toContain('MORE-2');
  }, 60_000);
});
