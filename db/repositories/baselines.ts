import type { Database } from 'better-sqlite3';

export interface BaselineRow {
  id: string;
  product_id: string;
  name: string;
  created_at: string;
  is_reference: number;
  snapshot: string;
}

export function baselineRepository(db: Database) {
  const q = {
    list: db.prepare<[string], BaselineRow>('SELECT * FROM baseline WHERE product_id = ? ORDER BY created_at DESC, rowid DESC'),
    one: db.prepare<[string], BaselineRow>('SELECT * FROM baseline WHERE id = ?'),
    reference: db.prepare<[string], BaselineRow>('SELECT * FROM baseline WHERE product_id = ? AND is_reference = 1'),
    insert: db.prepare('INSERT INTO baseline (id, product_id, name, created_at, is_reference, snapshot) VALUES (@id, @product_id, @name, @created_at, @is_reference, @snapshot)'),
    clearReference: db.prepare('UPDATE baseline SET is_reference = 0 WHERE product_id = ? AND is_reference = 1'),
    setReference: db.prepare('UPDATE baseline SET is_reference = 1 WHERE id = ?'),
  };
  return {
    list: (productId: string) => q.list.all(productId),
    get: (id: string) => q.one.get(id),
    reference: (productId: string) => q.reference.get(productId),
    insert: (row: BaselineRow) => q.insert.run(row),
    /** One reference per product: the previous one stops being it. */
    makeReference(productId: string, id: string) {
      q.clearReference.run(productId);
      q.setReference.run(id);
    },
  };
}
