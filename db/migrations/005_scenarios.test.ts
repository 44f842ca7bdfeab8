import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration005 } from './005_scenarios';

/** Migration 5 upgrades a version-4 file (the committed fixture) holding a product, pathway, checklist and baseline. */
describe('migration 005', () => {
  const db = new BetterSqlite3(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/schema-v4.sqlite')));
  db.pragma('foreign_keys = ON');
  migration005.up(db);

  it('keeps the baseline and adds scenarios that go with their product', () => {
    expect(db.prepare('SELECT name FROM baseline').get()).toEqual({ name: 'Fixture baseline' });
    db.prepare(`INSERT INTO scenario (id, product_id, name, base, plan, created_at, updated_at) VALUES ('s1', 'fixture-p1', 'What if', '{}', '{}', 't', 't')`).run();
    expect(() => db.prepare(`UPDATE scenario SET status = 'maybe'`).run()).toThrow(/CHECK/);
    db.prepare(`DELETE FROM checklist_item`).run();
    db.prepare(`DELETE FROM product`).run();
    expect(db.prepare('SELECT count(*) AS n FROM scenario').get()).toEqual({ n: 0 });
  });
});
