import type { Migration } from './types';

/**
 * Lot register (issue 15): versioned release specifications per product, lots, their results
 * and the CSV column mappings saved per source. Only adds tables. A lot keeps the specification
 * version it was made under, so a new version never rewrites an old lot's judgement.
 */
export const migration009: Migration = {
  version: 9,
  name: 'lot register',
  up(db) {
    db.exec(`
      CREATE TABLE lot_spec (
        id          TEXT PRIMARY KEY,
        product_id  TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        version     INTEGER NOT NULL CHECK (version >= 1),
        phase       TEXT NOT NULL,
        notes       TEXT NOT NULL DEFAULT '',
        source      TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        UNIQUE (product_id, version)
      ) STRICT;

      CREATE TABLE lot_spec_attribute (
        id                TEXT PRIMARY KEY,
        spec_id           TEXT NOT NULL REFERENCES lot_spec (id) ON DELETE CASCADE,
        key               TEXT NOT NULL,
        name              TEXT NOT NULL,
        method            TEXT NOT NULL DEFAULT '',
        unit              TEXT NOT NULL DEFAULT '',
        kind              TEXT NOT NULL CHECK (kind IN ('range', 'max', 'min', 'negative', 'conforms', 'report')),
        lower             REAL,
        upper             REAL,
        required          INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
        checklist_item_id TEXT,
        citation          TEXT NOT NULL DEFAULT '',
        position          INTEGER NOT NULL,
        UNIQUE (spec_id, key)
      ) STRICT;

      CREATE TABLE lot (
        id               TEXT PRIMARY KEY,
        product_id       TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        spec_id          TEXT NOT NULL REFERENCES lot_spec (id),
        lot_number       TEXT NOT NULL,
        purpose          TEXT NOT NULL,
        manufactured_on  TEXT NOT NULL,
        process_version  TEXT NOT NULL,
        source           TEXT NOT NULL DEFAULT '',
        scale            TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL,
        retest_on        TEXT,
        expiry_on        TEXT,
        milestone_id     TEXT,
        deviation        TEXT NOT NULL DEFAULT '',
        illustrative     INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
        notes            TEXT NOT NULL DEFAULT '',
        released_on      TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        UNIQUE (product_id, lot_number COLLATE NOCASE)
      ) STRICT;
      CREATE INDEX lot_product ON lot (product_id, manufactured_on);

      CREATE TABLE lot_result (
        id             TEXT PRIMARY KEY,
        lot_id         TEXT NOT NULL REFERENCES lot (id) ON DELETE CASCADE,
        attribute_id   TEXT NOT NULL REFERENCES lot_spec_attribute (id),
        value_text     TEXT NOT NULL,
        value_num      REAL,
        entered_value  TEXT NOT NULL,
        entered_unit   TEXT NOT NULL DEFAULT '',
        tested_on      TEXT NOT NULL,
        analyst        TEXT NOT NULL DEFAULT '',
        method         TEXT NOT NULL DEFAULT '',
        investigation  TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        UNIQUE (lot_id, attribute_id)
      ) STRICT;

      CREATE TABLE lot_import_mapping (
        product_id  TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        source      TEXT NOT NULL,
        mapping     TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (product_id, source)
      ) STRICT;
    `);
  },
};
