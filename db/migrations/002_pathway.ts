import type { Migration } from './types';

/** Pathway: stages, milestones, finish-to-start dependencies, and recorded clock triggers. */
export const migration002: Migration = {
  version: 2,
  name: 'pathway, milestones, dependencies, clock triggers',
  up(db) {
    db.exec(`
      ALTER TABLE product ADD COLUMN pathway_template_id TEXT;
      ALTER TABLE product ADD COLUMN start_date TEXT;
      ALTER TABLE product ADD COLUMN calendar TEXT NOT NULL DEFAULT 'calendar' CHECK (calendar IN ('calendar','working'));

      CREATE TABLE stage (
        id         TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        name       TEXT NOT NULL,
        position   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX stage_product ON stage (product_id, position);

      CREATE TABLE milestone (
        id             TEXT PRIMARY KEY,
        product_id     TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        stage_id       TEXT NOT NULL REFERENCES stage (id) ON DELETE CASCADE,
        key            TEXT,
        name           TEXT NOT NULL,
        description    TEXT NOT NULL DEFAULT '',
        duration_days  INTEGER NOT NULL CHECK (duration_days >= 0),
        gate           INTEGER NOT NULL DEFAULT 0 CHECK (gate IN (0,1)),
        citation       TEXT NOT NULL DEFAULT '',
        clock_event    TEXT,
        meeting_type   TEXT,
        position       INTEGER NOT NULL,
        owner          TEXT NOT NULL DEFAULT '',
        notes          TEXT NOT NULL DEFAULT '',
        planned_start  TEXT,
        planned_finish TEXT,
        actual_start   TEXT,
        actual_finish  TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        CHECK (actual_start IS NULL OR actual_finish IS NULL OR actual_start <= actual_finish)
      ) STRICT;
      CREATE UNIQUE INDEX milestone_key ON milestone (product_id, key) WHERE key IS NOT NULL;
      CREATE INDEX milestone_stage ON milestone (stage_id, position);
      CREATE INDEX milestone_product ON milestone (product_id);

      CREATE TABLE milestone_dependency (
        predecessor_id TEXT NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
        successor_id   TEXT NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
        lag_days       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (predecessor_id, successor_id),
        CHECK (predecessor_id <> successor_id)
      ) STRICT;
      CREATE INDEX dependency_successor ON milestone_dependency (successor_id);

      CREATE TABLE clock_trigger (
        id            TEXT PRIMARY KEY,
        product_id    TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        event         TEXT NOT NULL,
        date          TEXT NOT NULL,
        original_date TEXT,
        meeting_type  TEXT,
        meeting_date  TEXT,
        label         TEXT NOT NULL DEFAULT '',
        reason        TEXT,
        milestone_id  TEXT REFERENCES milestone (id) ON DELETE SET NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clock_trigger_product ON clock_trigger (product_id, date);
      CREATE UNIQUE INDEX clock_trigger_milestone ON clock_trigger (milestone_id) WHERE milestone_id IS NOT NULL;
    `);
  },
};
