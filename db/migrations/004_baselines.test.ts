import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration004 } from './004_baselines';

/** Migration 4 upgrades a version-3 file (the committed fixture) holding a product, pathway and checklist. */
describe('migration 004', () => {
  const db = new BetterSqlite3(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/schema-v3.sqlite')));
  db.pragma('foreign_keys = ON');
  migration004.up(db);

  it('keeps the existing rows', () => {
    expect(db.prepare('SELECT count(*) AS n FROM checklist_item').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM milestone').get()).toEqual({ n: 2 });
  });

  it('allows one reference baseline per product', () => {
    const insert = db.prepare(`INSERT INTO baseline (id, product_id, name, created_at, is_reference, snapshot) VALUES (?, 'fixture-p1', ?, 't', ?, '{}')`);
    insert.run('b1', 'Board plan', 1);
    insert.run('b2', 'Scenario kept', 0);
    expect(() => insert.run('b3', 'Second reference', 1)).toThrow(/UNIQUE/);
  });
});
