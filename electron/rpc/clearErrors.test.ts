import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, repositories, transactionOn } from '../../db';
import type { Bundle } from '../services/bundles/format';
import { createContext, type Maintenance } from '../services/context';
import { call, count, sampleProfile, tempBackend } from '../test-support/backend';
import { createBackend } from './backend';
import { createDispatcher } from './dispatch';

/*
 * Issue 12 item 8: a full disk answered "Something went wrong"; a read-only data folder, a data
 * folder that is a file and a tracker.sqlite that is a folder gave raw messages; a bundle nested
 * very deep and one whose ids collide with rows here answered INTERNAL. Each now says what is
 * wrong and what to do.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-errors-'));
});
afterEach(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const maintenance: Maintenance = { backupDir: '', backupNow: () => Promise.reject(new Error('no')), restore: () => Promise.reject(new Error('no')) };

describe('a full disk', () => {
  it('answers DISK_FULL "nothing was saved", and nothing was', async () => {
    const file = path.join(dir, 'tracker.sqlite');
    const opened = openDatabase(file);
    const info = { version: 'test', dataDir: dir, dbPath: file, schemaVersion: opened.schemaVersion, frontDoor: 'cli' as const };
    const dispatch = createDispatcher(createContext(repositories(opened.db), transactionOn(opened.db), info, maintenance), () => {});
    // SQLite answers SQLITE_FULL when the file may not grow: exactly what a full disk gives it.
    opened.db.pragma(`max_page_count = ${Number(opened.db.pragma('page_count', { simple: true })) + 2}`);
    let acknowledged = 0;
    let refusal: unknown = null;
    for (let n = 0; n < 200 && refusal === null; n++) {
      const result = await dispatch('products.create', sampleProfile({ code: `FULL-${n}`, notes: 'x'.repeat(4000) }));
      if (result.ok) acknowledged++;
      else refusal = result.error;
    }
    expect(refusal).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/disk is full: nothing was saved/) });
    expect((opened.db.pragma('integrity_check') as Array<{ integrity_check: string }>)[0]!.integrity_check).toBe('ok');
    const products = await dispatch('products.list', {});
    expect(products.ok && (products.value as unknown[]).length).toBe(acknowledged);
    opened.db.close();
  });
});

describe('start-up with a data folder it cannot use', () => {
  const start = (dataDir: string) => {
    try {
      createBackend({ dataDir, frontDoor: 'cli', log: () => {} }).close();
    } catch (error) {
      return error;
    }
    throw new Error('the tracker started');
  };

  it('a data folder that is a file', () => {
    const file = path.join(dir, 'data');
    fs.writeFileSync(file, 'not a folder');
    const error = start(file);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(/is a file .*not a folder.*--data-dir/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('a tracker.sqlite that is a folder', () => {
    fs.mkdirSync(path.join(dir, 'tracker.sqlite'));
    const error = start(dir);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(/tracker\.sqlite is a folder, not a file/);
  });

  it('a read-only data folder', () => {
    // As a user, a folder made read-only; as root (who ignores permissions), sysfs, which refuses new files to everyone.
    const asRoot = process.getuid?.() === 0;
    const target = asRoot ? '/sys/kernel' : dir;
    if (!asRoot) fs.chmodSync(dir, 0o555);
    const error = start(target);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(/is read-only: the tracker needs to write there/);
    expect(fs.existsSync(path.join(target, 'tracker.sqlite'))).toBe(false);
  });
});

describe('hostile bundles get named errors', () => {
  it('a bundle nested a million levels deep', async () => {
    const backend = tempBackend();
    try {
      const deep = `{"format":"x","data":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
      const result = await backend.dispatch('bundles.import', { fileName: 'deep.rptbundle', content: deep });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/nests its data more than 32 levels deep/) } });
    } finally {
      backend.cleanup();
    }
  });

  it('a bundle whose row ids collide with rows of another product here', async () => {
    const backend = tempBackend();
    try {
      const a = await call(backend, 'products.create', { ...sampleProfile({ code: 'HOME-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
      const exported = await call(backend, 'bundles.export', { productId: a.id });
      const bundle = JSON.parse(exported.content) as Bundle;
      // Another product (new id and code) whose stage ids are those of HOME-1: a crafted file.
      bundle.data.product = { ...bundle.data.product, id: 'crafted-product', code: 'CRAFT-1' };
      for (const part of ['stages', 'milestones', 'triggers', 'checklists', 'items'] as const) for (const row of bundle.data[part]) row.product_id = 'crafted-product';
      bundle.data.audit = [];
      // Re-signing needs the key: a crafted file is unsigned, and is imported only on trust.
      delete bundle.signer;
      delete bundle.signature;
      const { createHash } = await import('node:crypto');
      bundle.checksum = createHash('sha256').update(JSON.stringify(bundle.data)).digest('hex');
      const before = count(backend, 'product');
      const trust = { reason: 'Testing a crafted file' };
      const result = await backend.dispatch('bundles.import', { fileName: 'crafted.rptbundle', content: JSON.stringify(bundle), trust });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/reuse ids that belong to other data here.*as a copy/) } });
      expect(count(backend, 'product')).toBe(before);
      // As a copy it imports.
      expect(await call(backend, 'bundles.import', { fileName: 'crafted.rptbundle', content: JSON.stringify(bundle), mode: 'copy', trust })).toMatchObject({ mode: 'copy', code: 'CRAFT-1' });
    } finally {
      backend.cleanup();
    }
  });
});
