import BetterSqlite3 from 'better-sqlite3';

/** Tables a test may count rows of. */
const TABLES = new Set(['product', 'setting', 'stage', 'milestone', 'milestone_dependency', 'clock_trigger', 'checklist', 'checklist_item', 'checklist_template', 'baseline', 'scenario', 'audit_log', 'signer', 'signature', 'lot_spec', 'lot_spec_attribute', 'lot', 'lot_result', 'lot_import_mapping']);

/**
 * A look at a data file from outside the app, for tests: it sees what a committed
 * transaction left on disk, through a connection of its own.
 */
export interface DatabaseInspector {
  count(table: string): number;
  productCodes(): string[];
  productsWithoutCreateEntry(): number;
  auditEntriesWithoutProduct(): number;
  foreignKeyProblems(): unknown[];
  integrity(): string;
  /** Runs a statement behind the app's back: how tests play someone editing the file with a SQLite tool. */
  tamper(sql: string, ...params: unknown[]): void;
  close(): void;
}

export function inspectDatabase(file: string): DatabaseInspector {
  // Writable, so a file left by a killed writer is recovered (its WAL replayed) as the app would.
  const db = new BetterSqlite3(file, { fileMustExist: true });
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    count(table: string): number {
      if (!TABLES.has(table)) throw new Error(`inspectDatabase: unknown table ${table}`);
      return one(`SELECT count(*) AS n FROM ${table}`);
    },
    productCodes: (): string[] => (db.prepare('SELECT code FROM product').all() as Array<{ code: string }>).map((r) => r.code),
    /** Products with no audit entry for their creation: a write that escaped the trail. */
    productsWithoutCreateEntry: () =>
      one(`SELECT count(*) AS n FROM product p WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = p.id AND a.action = 'create')`),
    /** Product audit entries whose product is not there: a trail entry for a write that was lost. */
    auditEntriesWithoutProduct: () =>
      one(`SELECT count(*) AS n FROM audit_log a WHERE a.entity = 'product' AND NOT EXISTS (SELECT 1 FROM product p WHERE p.id = a.entity_id)`),
    foreignKeyProblems: () => db.pragma('foreign_key_check') as unknown[],
    integrity: () => (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; '),
    tamper: (sql, ...params) => void db.prepare(sql).run(...params),
    close: () => db.close(),
  };
}
