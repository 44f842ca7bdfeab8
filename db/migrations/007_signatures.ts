import type { Migration } from './types';

/**
 * Electronic signatures (21 CFR 11.50, 11.70, 11.200). A signer is a person on this
 * installation with a signing password (scrypt hash and per-user salt; never the password). A
 * signature links a meaning, a printed name and an instant to the canonical hash of a record's
 * content, signed with the installation's Ed25519 key. Signatures are never deleted; the only
 * change the app makes to one is marking it superseded when its record changes afterwards.
 */
export const migration007: Migration = {
  version: 7,
  name: 'electronic signatures',
  up(db) {
    db.exec(`
      CREATE TABLE signer (
        id               TEXT PRIMARY KEY,
        display_name     TEXT NOT NULL,
        os_account       TEXT NOT NULL,
        password_salt    TEXT NOT NULL,
        password_hash    TEXT NOT NULL,
        failed_attempts  INTEGER NOT NULL DEFAULT 0,
        locked_until     TEXT,
        created_at       TEXT NOT NULL,
        password_set_at  TEXT NOT NULL,
        UNIQUE (display_name COLLATE NOCASE)
      ) STRICT;

      CREATE TABLE signature (
        id                TEXT PRIMARY KEY,
        signer_id         TEXT NOT NULL REFERENCES signer (id),
        record_kind       TEXT NOT NULL CHECK (record_kind IN ('checklist_item', 'gate', 'export', 'scenario')),
        record_id         TEXT NOT NULL,
        product_id        TEXT,
        meaning           TEXT NOT NULL,
        printed_name      TEXT NOT NULL,
        signed_at         TEXT NOT NULL,
        time_zone         TEXT NOT NULL,
        content_hash      TEXT NOT NULL,
        signature         TEXT NOT NULL,
        public_key        TEXT NOT NULL,
        key_fingerprint   TEXT NOT NULL,
        superseded_at     TEXT,
        superseded_reason TEXT
      ) STRICT;
      CREATE INDEX signature_record ON signature (record_kind, record_id);
      CREATE INDEX signature_product ON signature (product_id);
      CREATE TRIGGER signature_no_delete BEFORE DELETE ON signature
        BEGIN SELECT RAISE(ABORT, 'Signatures are kept: they cannot be deleted'); END;
      CREATE TRIGGER signature_only_superseded BEFORE UPDATE OF
        id, signer_id, record_kind, record_id, product_id, meaning, printed_name, signed_at, time_zone,
        content_hash, signature, public_key, key_fingerprint ON signature
        BEGIN SELECT RAISE(ABORT, 'A signature cannot be changed, only marked superseded'); END;
    `);
  },
};
