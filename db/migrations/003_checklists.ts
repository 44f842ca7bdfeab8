import type { Migration } from './types';

/** Document checklists generated from templates, their items, and imported organisation templates. */
export const migration003: Migration = {
  version: 3,
  name: 'checklists, checklist items, imported templates',
  up(db) {
    db.exec(`
      CREATE TABLE checklist (
        id               TEXT PRIMARY KEY,
        product_id       TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        template_id      TEXT,
        template_version INTEGER,
        kind             TEXT NOT NULL,
        name             TEXT NOT NULL,
        position         INTEGER NOT NULL,
        created_at       TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX checklist_product_template ON checklist (product_id, template_id) WHERE template_id IS NOT NULL;

      CREATE TABLE checklist_item (
        id               TEXT PRIMARY KEY,
        checklist_id     TEXT NOT NULL REFERENCES checklist (id) ON DELETE CASCADE,
        product_id       TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        template_item_id TEXT,
        section          TEXT NOT NULL,
        section_title    TEXT NOT NULL DEFAULT '',
        title            TEXT NOT NULL,
        guidance         TEXT NOT NULL DEFAULT '',
        citation         TEXT NOT NULL DEFAULT '',
        required         INTEGER NOT NULL CHECK (required IN (0,1)),
        stage            TEXT NOT NULL,
        milestone_key    TEXT,
        ectd_module      TEXT,
        applies_when     TEXT,
        applicable       INTEGER NOT NULL DEFAULT 1 CHECK (applicable IN (0,1)),
        status           TEXT NOT NULL DEFAULT 'not-started'
                         CHECK (status IN ('not-started','drafting','in-review','approved','submitted','not-applicable')),
        justification    TEXT NOT NULL DEFAULT '',
        owner            TEXT NOT NULL DEFAULT '',
        due              TEXT,
        document_path    TEXT NOT NULL DEFAULT '',
        notes            TEXT NOT NULL DEFAULT '',
        position         INTEGER NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        CHECK (status <> 'not-applicable' OR length(trim(justification)) > 0)
      ) STRICT;
      CREATE INDEX checklist_item_checklist ON checklist_item (checklist_id, position);
      CREATE INDEX checklist_item_product ON checklist_item (product_id);
      CREATE UNIQUE INDEX checklist_item_template ON checklist_item (product_id, template_item_id) WHERE template_item_id IS NOT NULL;

      CREATE TABLE checklist_template (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        version     INTEGER NOT NULL,
        body        TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
