import type { Migration } from './types';

/** Named, dated snapshots of a product's plan; one may be the reference the live plan is measured against. */
export const migration004: Migration = {
  version: 4,
  name: 'plan baselines',
  up(db) {
    db.exec(`
      CREATE TABLE baseline (
        id           TEXT PRIMARY KEY,
        product_id   TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        is_reference INTEGER NOT NULL DEFAULT 0 CHECK (is_reference IN (0,1)),
        snapshot     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX baseline_product ON baseline (product_id, created_at);
      CREATE UNIQUE INDEX baseline_one_reference ON baseline (product_id) WHERE is_reference = 1;
    `);
  },
};
