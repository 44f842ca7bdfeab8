import type { Migration } from './types';

/** Planning-session scenarios: an edited copy of a plan, stored so a crash mid-session loses nothing. */
export const migration005: Migration = {
  version: 5,
  name: 'planning scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE scenario (
        id         TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','applied','discarded')),
        base       TEXT NOT NULL,
        plan       TEXT NOT NULL,
        changes    TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX scenario_product ON scenario (product_id, created_at);
    `);
  },
};
