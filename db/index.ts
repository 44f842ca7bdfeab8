import type { Database } from 'better-sqlite3';
import { auditRepository } from './repositories/audit';
import { baselineRepository } from './repositories/baselines';
import { bundleRepository } from './repositories/bundles';
import { checklistRepository } from './repositories/checklists';
import { lotRepository } from './repositories/lots';
import { pathwayRepository } from './repositories/pathway';
import { productRepository } from './repositories/products';
import { scenarioRepository } from './repositories/scenarios';
import { settingsRepository } from './repositories/settings';
import { signatureRepository } from './repositories/signatures';

export { openDatabase, DB_FILE_NAME, LATEST_VERSION, type OpenedDatabase, type OpenOptions } from './open';
export { DatabaseOpenError } from './errors';
export type { AuditEntryRecord, AuditQuery, AuditRecord, RecordName, TrailNameRow } from './repositories/audit';
export type { ProductFields, ProductRecord } from './repositories/products';

/** Every repository over one connection; services receive this, never raw SQL. */
export function repositories(db: Database) {
  return {
    products: productRepository(db),
    audit: auditRepository(db),
    settings: settingsRepository(db),
    pathway: pathwayRepository(db),
    checklists: checklistRepository(db),
    baselines: baselineRepository(db),
    scenarios: scenarioRepository(db),
    bundles: bundleRepository(db),
    signatures: signatureRepository(db),
    lots: lotRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;

/** Runs a function in one immediate (write-locking) transaction on this connection. */
export type Transaction = <T>(fn: () => T) => T;
export function transactionOn(db: Database): Transaction {
  return (fn) => db.transaction(fn).immediate();
}
