import type { Migration } from './types';

/**
 * Change sets: a change made of many audit entries (generating 146 checklist items, applying a
 * planning session, recording an FDA event with what follows from it) is one entry in the trail
 * with a summary, its members still there to inspect. Append-only, like the trail itself.
 */
export const migration006: Migration = {
  version: 6,
  name: 'audit change sets',
  up(db) {
    db.exec(`
      CREATE TABLE audit_change_set (
        id         INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        product_id TEXT,
        summary    TEXT NOT NULL,
        reason     TEXT
      ) STRICT;
      CREATE INDEX audit_change_set_product ON audit_change_set (product_id, at);
      CREATE TRIGGER audit_change_set_no_update BEFORE UPDATE ON audit_change_set
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be changed'); END;
      CREATE TRIGGER audit_change_set_no_delete BEFORE DELETE ON audit_change_set
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be deleted'); END;

      ALTER TABLE audit_log ADD COLUMN change_set_id INTEGER REFERENCES audit_change_set (id);
      CREATE INDEX audit_log_change_set ON audit_log (change_set_id);
    `);
  },
};
