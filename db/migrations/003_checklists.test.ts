import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001 } from './001_initial';
import { migration002 } from './002_pathway';
import { migration003 } from './003_checklists';

/** Migration 3 upgrades a version-2 file holding a product with its pathway. */
describe('migration 003', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migration001.up(db);
  migration002.up(db);
  db.prepare(
    `INSERT INTO product (id, code, name, sponsor, source_cell, source_tissue, donor_type, fraction, oxygen, serum_free, indication, route, stage, created_at, updated_at, start_date)
     VALUES ('p1', 'EV-1', 'EVs', 'S', 'MSC', 'Cord', 'allogeneic', 'ev', 'normoxia', 1, 'BPD', 'IT', 'ind', 't0', 't0', '2026-01-05')`,
  ).run();
  db.prepare(`INSERT INTO stage (id, product_id, kind, name, position) VALUES ('s1', 'p1', 'ind', 'IND', 0)`).run();
  db.prepare(`INSERT INTO milestone (id, product_id, stage_id, key, name, duration_days, position, created_at, updated_at) VALUES ('m1', 'p1', 's1', 'ind-submitted', 'IND submitted', 0, 0, 't', 't')`).run();
  migration003.up(db);

  it('keeps the pathway and adds empty checklist tables', () => {
    expect(db.prepare('SELECT key FROM milestone').get()).toEqual({ key: 'ind-submitted' });
    expect(db.prepare('SELECT count(*) AS n FROM checklist_item').get()).toEqual({ n: 0 });
  });

  it('refuses "not applicable" without a justification at the storage level too', () => {
    db.prepare(`INSERT INTO checklist (id, product_id, template_id, template_version, kind, name, position, created_at) VALUES ('c1', 'p1', 'ind-initial', 1, 'ind', 'IND', 0, 't')`).run();
    const insert = db.prepare(
      `INSERT INTO checklist_item (id, checklist_id, product_id, template_item_id, section, title, required, stage, status, justification, position, created_at, updated_at)
       VALUES (?, 'c1', 'p1', ?, '312.23(a)(1)', 'Form FDA 1571', 1, 'ind', ?, ?, 0, 't', 't')`,
    );
    expect(() => insert.run('i1', 'ind-initial-1571', 'not-applicable', '  ')).toThrow(/CHECK/);
    insert.run('i1', 'ind-initial-1571', 'not-applicable', 'Sponsor-investigator IND');
    expect(() => insert.run('i2', 'ind-initial-1571', 'drafting', '')).toThrow(/UNIQUE/); // one item per template item and product
    expect(() => insert.run('i3', 'ind-initial-x', 'finished', '')).toThrow(/CHECK/);
  });
});
