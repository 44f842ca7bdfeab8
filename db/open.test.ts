import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, LATEST_VERSION, openDatabase } from '.';
import { MIGRATIONS } from './migrations';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-db-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates a new file at the latest version with WAL, foreign keys and a busy timeout', () => {
    const { db, schemaVersion, preMigrationBackup } = openDatabase(path.join(dir, 'a.sqlite'));
    expect(schemaVersion).toBe(LATEST_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(preMigrationBackup).toBeNull(); // nothing to copy on a fresh file
    db.close();
  });

  it('refuses a database from a newer version and leaves it byte-for-byte untouched', () => {
    const file = path.join(dir, 'future.sqlite');
    const future = new BetterSqlite3(file);
    future.exec('CREATE TABLE x (y INTEGER) STRICT; INSERT INTO x VALUES (42);');
    future.pragma(`user_version = ${LATEST_VERSION + 5}`);
    future.close();
    const bytes = fs.readFileSync(file);
    const listing = fs.readdirSync(dir).sort();

    expect(() => openDatabase(file)).toThrowError(DatabaseOpenError);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as DatabaseOpenError).kind).toBe('too-new');
      expect((error as Error).message).toMatch(/newer version of the tracker .*the file was not changed/);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it('copies the file aside before migrating existing data, and migrates in one transaction', () => {
    const file = path.join(dir, 'b.sqlite');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    v1.db.prepare(`INSERT INTO setting (key, value) VALUES ('displayName', 'Ada')`).run();
    v1.db.close();

    const failing = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', up: (db: BetterSqlite3.Database) => { db.exec('CREATE TABLE half (a INTEGER) STRICT'); throw new Error('boom'); } }];
    expect(() => openDatabase(file, { migrations: failing })).toThrow('boom');
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
    check.close();

    const next = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'extra', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE extra (a INTEGER) STRICT') }];
    const v2 = openDatabase(file, { migrations: next });
    expect(v2.schemaVersion).toBe(2);
    expect(v2.preMigrationBackup).toMatch(/pre-migration-v1-/);
    const copy = new BetterSqlite3(v2.preMigrationBackup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare(`SELECT value FROM setting WHERE key = 'displayName'`).get()).toEqual({ value: 'Ada' });
    copy.close();
    v2.db.close();
  });

  it('says clearly when the file is not a database', () => {
    const file = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(file, 'this is a text file, not SQLite '.repeat(100));
    expect(() => openDatabase(file)).toThrowError(/not a readable database/);
  });

  it('says clearly when another process holds the file locked', () => {
    const file = path.join(dir, 'locked.sqlite');
    openDatabase(file).db.close();
    const holder = new BetterSqlite3(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE; CREATE TABLE lock_me (a INTEGER); COMMIT;');
    try {
      expect(() => openDatabase(file)).toThrowError(/locked by another program/);
    } finally {
      holder.close();
    }
  });
});
