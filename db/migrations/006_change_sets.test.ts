import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration006 } from './006_change_sets';

/** Migration 6 upgrades a version-5 file (the committed fixture): old entries keep their data and belong to no change set. */
describe('migration 006', () => {
  const db = new BetterSqlite3(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/schema-v5.sqlite')));
  db.pragma('foreign_keys = ON');
  const before = db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
  migration006.up(db);

  it('keeps every audit entry, outside any change set', () => {
    expect(before.n).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log WHERE change_set_id IS NULL').get()).toEqual(before);
  });

  it('makes change sets append-only and their members point at them', () => {
    const { lastInsertRowid } = db.prepare(`INSERT INTO audit_change_set (at, actor, product_id, summary) VALUES ('t', 'a', NULL, 'Two changes')`).run();
    db.prepare(`INSERT INTO audit_log (at, actor, entity, entity_id, action, change_set_id) VALUES ('t', 'a', 'setting', 'k', 'update', ?)`).run(lastInsertRowid);
    expect(() => db.prepare(`INSERT INTO audit_log (at, actor, entity, entity_id, action, change_set_id) VALUES ('t', 'a', 'setting', 'k', 'update', 999)`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE audit_change_set SET summary = 'edited'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_change_set`).run()).toThrow(/append-only/);
  });
});
