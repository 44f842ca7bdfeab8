import type { Database } from 'better-sqlite3';
import { auditRepository } from './repositories/audit';
import { baselineRepository } from './repositories/baselines';
import { checklistRepository } from './repositories/checklists';
import { pathwayRepository } from './repositories/pathway';
import { productRepository } from './repositories/products';
import { settingsRepository } from './repositories/settings';

export { openDatabase, DB_FILE_NAME, LATEST_VERSION, type OpenedDatabase, type OpenOptions } from './open';
export { DatabaseOpenError } from './errors';
export type { AuditRecord } from './repositories/audit';

/** Every repository over one connection; services receive this, never raw SQL. */
export function repositories(db: Database) {
  return {
    products: productRepository(db),
    audit: auditRepository(db),
    settings: settingsRepository(db),
    pathway: pathwayRepository(db),
    checklists: checklistRepository(db),
    baselines: baselineRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
