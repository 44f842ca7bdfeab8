import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration008 } from './008_content';

/** Migration 8 upgrades a version-7 file (the committed fixture): it only adds profile columns. */
describe('migration 008', () => {
  const db = new BetterSqlite3(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/schema-v7.sqlite')));
  db.pragma('foreign_keys = ON');
  const before = db.prepare('SELECT id, code, name, source_cell, route, dose_basis FROM product ORDER BY id').all();
  migration008.up(db);

  it('keeps every product and reads the new facts from the free text where it is clear', () => {
    expect(db.prepare('SELECT id, code, name, source_cell, route, dose_basis FROM product ORDER BY id').all()).toEqual(before);
    // The fixture: MSC, intratracheal, "per kg", stage in-vivo, standard pathway.
    expect(db.prepare('SELECT source_kind, producing_cell, dose_unit, route_category, subpart_e, trial_phase FROM product').get()).toEqual({
      source_kind: 'cell-culture',
      producing_cell: 'msc',
      dose_unit: 'per-kg',
      route_category: 'respiratory',
      subpart_e: 0,
      trial_phase: 'phase-1',
    });
  });

  it('reads a cell-free biofluid product, a per-cm² dose and an IV route', () => {
    db.prepare(
      `INSERT INTO product (id, code, name, sponsor, source_cell, source_tissue, donor_type, fraction, oxygen, passage_window, serum_free, indication, route, dose_basis, ind_number, stage, notes, created_at, updated_at)
       VALUES ('p2', 'P-2', 'n', 's', 'Cell-free amniotic fluid (no cell culture)', 'Amniotic fluid', 'allogeneic', 'ev', 'normoxia', '', 1, 'i', 'Intravenous infusion', 'µg per cm² wound', '', 'phase-1-2', '', 't', 't')`,
    ).run();
    const fresh = new BetterSqlite3(':memory:');
    fresh.exec(`CREATE TABLE product (id TEXT PRIMARY KEY, source_cell TEXT NOT NULL, route TEXT NOT NULL, dose_basis TEXT NOT NULL, stage TEXT NOT NULL, pathway_template_id TEXT) STRICT`);
    fresh.prepare(`INSERT INTO product VALUES ('p2', 'Cell-free amniotic fluid (no cell culture)', 'Intravenous infusion', 'µg per cm² wound', 'phase-1-2', NULL)`).run();
    migration008.up(fresh);
    expect(fresh.prepare('SELECT source_kind, producing_cell, dose_unit, route_category, trial_phase FROM product').get()).toEqual({
      source_kind: 'biofluid',
      producing_cell: 'other',
      dose_unit: 'per-cm2',
      route_category: 'intravenous',
      trial_phase: 'phase-1-2',
    });
  });

  it('refuses values outside the vocabulary', () => {
    expect(() => db.prepare(`UPDATE product SET source_kind = 'soup'`).run()).toThrow(/CHECK/);
  });
});
