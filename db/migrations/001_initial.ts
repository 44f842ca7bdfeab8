import type { Migration } from './types';

/** Products, the append-only audit trail and user settings. */
export const migration001: Migration = {
  version: 1,
  name: 'products, audit trail, settings',
  up(db) {
    db.exec(`
      CREATE TABLE product (
        id             TEXT PRIMARY KEY,
        code           TEXT NOT NULL,
        name           TEXT NOT NULL,
        sponsor        TEXT NOT NULL,
        source_cell    TEXT NOT NULL,
        source_tissue  TEXT NOT NULL,
        donor_type     TEXT NOT NULL CHECK (donor_type IN ('autologous','allogeneic')),
        fraction       TEXT NOT NULL CHECK (fraction IN ('conditioned-medium','ev','exosome','lyophilised-secretome')),
        oxygen         TEXT NOT NULL CHECK (oxygen IN ('normoxia','hypoxia')),
        passage_window TEXT NOT NULL DEFAULT '',
        serum_free     INTEGER NOT NULL CHECK (serum_free IN (0,1)),
        indication     TEXT NOT NULL,
        route          TEXT NOT NULL,
        dose_basis     TEXT NOT NULL DEFAULT '',
        ind_number     TEXT NOT NULL DEFAULT '',
        stage          TEXT NOT NULL,
        notes          TEXT NOT NULL DEFAULT '',
        archived_at    TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX product_code_unique ON product (code COLLATE NOCASE);

      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        product_id TEXT,
        action     TEXT NOT NULL CHECK (action IN ('create','update','delete','archive','restore')),
        field      TEXT,
        old_value  TEXT,
        new_value  TEXT,
        reason     TEXT
      ) STRICT;
      CREATE INDEX audit_log_product ON audit_log (product_id, at);
      CREATE INDEX audit_log_at ON audit_log (at);
      -- 21 CFR 11.10(e): changes never hide the earlier value, so the trail itself is append-only.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be deleted'); END;

      CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
