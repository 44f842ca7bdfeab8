import type { Database } from 'better-sqlite3';

/** Each part of a bundle and its table, in the order rows can be inserted (parents first). */
export const BUNDLE_TABLES = {
  product: 'product',
  stages: 'stage',
  milestones: 'milestone',
  dependencies: 'milestone_dependency',
  triggers: 'clock_trigger',
  checklists: 'checklist',
  items: 'checklist_item',
  lotSpecs: 'lot_spec',
  lotAttributes: 'lot_spec_attribute',
  lots: 'lot',
  lotResults: 'lot_result',
  lotMappings: 'lot_import_mapping',
} as const;

type Row = Record<string, unknown>;

/** One product's rows, table by table, as stored (column names and all). */
export interface ProductRows {
  product: Row;
  stages: Row[];
  milestones: Row[];
  dependencies: Row[];
  triggers: Row[];
  checklists: Row[];
  items: Row[];
  /** The lot register: absent when an old bundle (made before it travelled) is imported. */
  lotSpecs?: Row[] | undefined;
  lotAttributes?: Row[] | undefined;
  lots?: Row[] | undefined;
  lotResults?: Row[] | undefined;
  lotMappings?: Row[] | undefined;
  audit: Row[];
}

const AUDIT_COLUMNS = 'at, actor, entity, entity_id, product_id, action, field, old_value, new_value, reason';

/**
 * Whole-product reads and writes for sharing bundles. The bundle service validates every row
 * against its schema before `insertAll` sees it; column names come from those validated rows.
 */
export function bundleRepository(db: Database) {
  const q = {
    product: db.prepare<[string], Row>('SELECT * FROM product WHERE id = ?'),
    stages: db.prepare<[string], Row>('SELECT * FROM stage WHERE product_id = ? ORDER BY position'),
    milestones: db.prepare<[string], Row>('SELECT * FROM milestone WHERE product_id = ? ORDER BY stage_id, position'),
    dependencies: db.prepare<[string], Row>(
      'SELECT d.* FROM milestone_dependency d JOIN milestone m ON m.id = d.successor_id WHERE m.product_id = ? ORDER BY d.predecessor_id, d.successor_id',
    ),
    triggers: db.prepare<[string], Row>('SELECT * FROM clock_trigger WHERE product_id = ? ORDER BY created_at, id'),
    checklists: db.prepare<[string], Row>('SELECT * FROM checklist WHERE product_id = ? ORDER BY position'),
    items: db.prepare<[string], Row>('SELECT * FROM checklist_item WHERE product_id = ? ORDER BY checklist_id, position'),
    lotSpecs: db.prepare<[string], Row>('SELECT * FROM lot_spec WHERE product_id = ? ORDER BY version'),
    lotAttributes: db.prepare<[string], Row>('SELECT a.* FROM lot_spec_attribute a JOIN lot_spec s ON s.id = a.spec_id WHERE s.product_id = ? ORDER BY s.version, a.position'),
    lots: db.prepare<[string], Row>('SELECT * FROM lot WHERE product_id = ? ORDER BY manufactured_on, lot_number'),
    lotResults: db.prepare<[string], Row>('SELECT r.* FROM lot_result r JOIN lot l ON l.id = r.lot_id WHERE l.product_id = ? ORDER BY l.manufactured_on, l.lot_number, r.attribute_id'),
    lotMappings: db.prepare<[string], Row>('SELECT * FROM lot_import_mapping WHERE product_id = ? ORDER BY source'),
    audit: db.prepare<[string], Row>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE product_id = ? ORDER BY id`),
    insertAudit: db.prepare(
      `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (@at, @actor, @entity, @entity_id, @product_id, @action, @field, @old_value, @new_value, @reason)`,
    ),
    clear: [
      // The lot register first (results and lots refer to the specification's attributes).
      db.prepare('DELETE FROM lot WHERE product_id = ?'), // results cascade
      db.prepare('DELETE FROM lot_spec WHERE product_id = ?'), // attributes cascade
      db.prepare('DELETE FROM lot_import_mapping WHERE product_id = ?'),
      db.prepare('DELETE FROM checklist_item WHERE product_id = ?'),
      db.prepare('DELETE FROM checklist WHERE product_id = ?'),
      db.prepare('DELETE FROM clock_trigger WHERE product_id = ?'),
      db.prepare('DELETE FROM milestone WHERE product_id = ?'), // dependencies cascade
      db.prepare('DELETE FROM stage WHERE product_id = ?'),
      db.prepare('DELETE FROM product WHERE id = ?'),
    ],
  };
  const inserts = new Map<string, ReturnType<Database['prepare']>>();
  const insertInto = (table: string, columns: readonly string[]) => {
    const key = `${table}(${columns.join(',')})`;
    let statement = inserts.get(key);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`);
      inserts.set(key, statement);
    }
    return statement;
  };

  return {
    /** Everything of one product, or undefined if there is no such product. */
    read(productId: string): ProductRows | undefined {
      const product = q.product.get(productId);
      if (!product) return undefined;
      return {
        product,
        stages: q.stages.all(productId),
        milestones: q.milestones.all(productId),
        dependencies: q.dependencies.all(productId),
        triggers: q.triggers.all(productId),
        checklists: q.checklists.all(productId),
        items: q.items.all(productId),
        lotSpecs: q.lotSpecs.all(productId),
        lotAttributes: q.lotAttributes.all(productId),
        lots: q.lots.all(productId),
        lotResults: q.lotResults.all(productId),
        lotMappings: q.lotMappings.all(productId),
        audit: q.audit.all(productId),
      };
    },
    /** Inserts validated rows, parents first; call inside the import's transaction. */
    insertAll(data: ProductRows) {
      for (const [part, table] of Object.entries(BUNDLE_TABLES) as Array<[keyof typeof BUNDLE_TABLES, string]>) {
        const list = part === 'product' ? [data.product] : (data[part] ?? []);
        if (list.length === 0) continue;
        const statement = insertInto(table, Object.keys(list[0]!));
        for (const row of list) statement.run(row);
      }
      for (const row of data.audit) q.insertAudit.run(row);
    },
    /** Removes a product's pathway, checklists and lot register before a replace; its audit trail stays. */
    clearProduct(productId: string) {
      for (const statement of q.clear) statement.run(productId);
    },
  };
}
export type BundleRepository = ReturnType<typeof bundleRepository>;
