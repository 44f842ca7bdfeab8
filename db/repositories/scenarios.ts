import type { Database } from 'better-sqlite3';

/** A planning scenario as stored: its plans and change list are JSON the planning service owns. */
export interface ScenarioRow {
  id: string;
  product_id: string;
  name: string;
  status: string;
  base: string;
  plan: string;
  changes: string;
  created_at: string;
  updated_at: string;
}

export function scenarioRepository(db: Database) {
  const q = {
    list: db.prepare<[string], ScenarioRow>('SELECT * FROM scenario WHERE product_id = ? ORDER BY created_at DESC, rowid DESC'),
    one: db.prepare<[string], ScenarioRow>('SELECT * FROM scenario WHERE id = ?'),
    insert: db.prepare(
      'INSERT INTO scenario (id, product_id, name, status, base, plan, changes, created_at, updated_at) VALUES (@id, @product_id, @name, @status, @base, @plan, @changes, @created_at, @updated_at)',
    ),
    savePlan: db.prepare('UPDATE scenario SET plan = ?, changes = ?, updated_at = ? WHERE id = ?'),
    setStatus: db.prepare('UPDATE scenario SET status = ?, updated_at = ? WHERE id = ?'),
  };
  return {
    list: (productId: string) => q.list.all(productId),
    get: (id: string) => q.one.get(id),
    insert: (row: ScenarioRow) => q.insert.run(row),
    /** The edited plan and its change list, stored together at every edit. */
    savePlan: (id: string, plan: string, changes: string, now: string) => q.savePlan.run(plan, changes, now, id),
    setStatus: (id: string, status: string, now: string) => q.setStatus.run(status, now, id),
  };
}
export type ScenarioRepository = ReturnType<typeof scenarioRepository>;
