import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001 } from './001_initial';

/** Migration 1 starts from an empty file (version 0): it must build a usable, strict schema. */
describe('migration 001', () => {
  const db = new BetterSqlite3(':memory:');
  migration001.up(db);

  it('creates the tables as STRICT', () => {
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all();
    expect(tables).toEqual([
      { name: 'audit_log', strict: 1 },
      { name: 'product', strict: 1 },
      { name: 'setting', strict: 1 },
    ]);
    expect(() => db.prepare(`INSERT INTO setting (key, value) VALUES ('k', x'00')`).run()).toThrow(/cannot store BLOB/);
  });

  it('enforces unique product codes regardless of case', () => {
    const insert = db.prepare(
      `INSERT INTO product (id, code, name, sponsor, source_cell, source_tissue, donor_type, fraction, oxygen, serum_free, indication, route, stage, created_at, updated_at)
       VALUES (?, ?, 'n', 's', 'c', 't', 'allogeneic', 'ev', 'normoxia', 1, 'i', 'r', 'in-vitro', 'now', 'now')`,
    );
    insert.run('1', 'ABC-1');
    expect(() => insert.run('2', 'abc-1')).toThrow(/UNIQUE/);
  });

  it('keeps the audit trail append-only', () => {
    db.prepare(`INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES ('t', 'a', 'product', '1', 'create')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'mallory'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit_log').get()).toEqual({ actor: 'a' });
  });
});
