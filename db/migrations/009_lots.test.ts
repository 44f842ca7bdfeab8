import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration009 } from './009_lots';

/** Migration 9 upgrades a version-8 file (the committed fixture): it only adds the lot tables. */
describe('migration 009', () => {
  const db = new BetterSqlite3(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/schema-v8.sqlite')));
  db.pragma('foreign_keys = ON');
  const before = db.prepare('SELECT count(*) AS n FROM product').get() as { n: number };
  migration009.up(db);

  it('keeps every product and starts with no specification or lot', () => {
    expect(db.prepare('SELECT count(*) AS n FROM product').get()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM lot_spec').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM lot').get()).toEqual({ n: 0 });
  });

  it('keeps lot numbers unique per product (ignoring case) and results one per attribute', () => {
    db.prepare(`INSERT INTO lot_spec (id, product_id, version, phase, created_at) VALUES ('s1', 'fixture-p1', 1, 'phase-1', 't')`).run();
    db.prepare(`INSERT INTO lot_spec_attribute (id, spec_id, key, name, kind, upper, position) VALUES ('a1', 's1', 'endotoxin', 'Endotoxin', 'max', 0.5, 0)`).run();
    const lot = (id: string, number: string) =>
      db.prepare(`INSERT INTO lot (id, product_id, spec_id, lot_number, purpose, manufactured_on, process_version, status, created_at, updated_at)
                  VALUES (?, 'fixture-p1', 's1', ?, 'clinical', '2026-01-01', 'v1', 'on-test', 't', 't')`).run(id, number);
    lot('l1', 'L-001');
    expect(() => lot('l2', 'l-001')).toThrow(/UNIQUE/);
    const result = (id: string) =>
      db.prepare(`INSERT INTO lot_result (id, lot_id, attribute_id, value_text, value_num, entered_value, tested_on, created_at, updated_at) VALUES (?, 'l1', 'a1', '0.1', 0.1, '0.1', '2026-01-02', 't', 't')`).run(id);
    result('r1');
    expect(() => result('r2')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO lot_spec_attribute (id, spec_id, key, name, kind, position) VALUES ('a2', 's1', 'x', 'X', 'between', 1)`).run()).toThrow(/CHECK/);
  });
});
