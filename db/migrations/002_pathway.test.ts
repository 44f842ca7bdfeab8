import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001 } from './001_initial';
import { migration002 } from './002_pathway';

/** Migration 2 upgrades a version-1 file that already holds products and audit rows. */
describe('migration 002', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migration001.up(db);
  db.prepare(
    `INSERT INTO product (id, code, name, sponsor, source_cell, source_tissue, donor_type, fraction, oxygen, passage_window, serum_free, indication, route, dose_basis, ind_number, stage, notes, created_at, updated_at)
     VALUES ('p1', 'AFSC-1', 'AFSC secretome', 'S', 'AFSC', 'Amniotic fluid', 'allogeneic', 'conditioned-medium', 'hypoxia', 'P4-P8', 1, 'Heart', 'IV', 'per kg', '', 'in-vivo', 'n', 't0', 't0')`,
  ).run();
  db.prepare(`INSERT INTO audit_log (at, actor, entity, entity_id, product_id, action) VALUES ('t0', 'a', 'product', 'p1', 'p1', 'create')`).run();
  migration002.up(db);

  it('keeps existing products and their audit rows, with pathway settings defaulted', () => {
    expect(db.prepare('SELECT code, stage, calendar, start_date, pathway_template_id FROM product').get()).toEqual({
      code: 'AFSC-1',
      stage: 'in-vivo',
      calendar: 'calendar',
      start_date: null,
      pathway_template_id: null,
    });
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('adds strict pathway tables whose dependencies go with their milestone', () => {
    db.prepare(`INSERT INTO stage (id, product_id, kind, name, position) VALUES ('s1', 'p1', 'in-vitro', 'In vitro', 0)`).run();
    const insert = db.prepare(
      `INSERT INTO milestone (id, product_id, stage_id, name, duration_days, position, created_at, updated_at) VALUES (?, 'p1', 's1', ?, 10, ?, 't', 't')`,
    );
    insert.run('m1', 'A', 0);
    insert.run('m2', 'B', 1);
    db.prepare(`INSERT INTO milestone_dependency (predecessor_id, successor_id, lag_days) VALUES ('m1', 'm2', 3)`).run();
    expect(() => db.prepare(`INSERT INTO milestone_dependency (predecessor_id, successor_id) VALUES ('m1', 'm1')`).run()).toThrow(/CHECK/);
    expect(() => insert.run('m3', 'C', 'two')).toThrow(/cannot store TEXT value in INTEGER column/);
    db.prepare(`DELETE FROM milestone WHERE id = 'm1'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM milestone_dependency').get()).toEqual({ n: 0 });
  });

  it('refuses an actual finish before the actual start', () => {
    expect(() =>
      db
        .prepare(`INSERT INTO milestone (id, product_id, stage_id, name, duration_days, position, actual_start, actual_finish, created_at, updated_at) VALUES ('m9', 'p1', 's1', 'X', 1, 9, '2026-02-02', '2026-01-01', 't', 't')`)
        .run(),
    ).toThrow(/CHECK/);
  });
});
