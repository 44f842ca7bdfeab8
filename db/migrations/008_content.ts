import type { Migration } from './types';

/**
 * Profile facts that checklist applicability and the clocks need (issue 13): where the
 * secretome comes from (a culture, or a biofluid/tissue used as collected), which cell type
 * made it, how the dose is expressed, the route category, subpart E / accelerated approval and
 * the design of the first trial. Additive only. Existing products get values read from their
 * free-text fields where the text is unambiguous, else the commonest case; the user can
 * correct them on the profile form (and the change is audited there).
 */
export const migration008: Migration = {
  version: 8,
  name: 'product profile facts for applicability',
  up(db) {
    db.exec(`
      ALTER TABLE product ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'cell-culture'
        CHECK (source_kind IN ('cell-culture', 'biofluid', 'tissue'));
      ALTER TABLE product ADD COLUMN producing_cell TEXT NOT NULL DEFAULT 'other'
        CHECK (producing_cell IN ('msc', 'afsc', 'other'));
      ALTER TABLE product ADD COLUMN dose_unit TEXT NOT NULL DEFAULT 'per-kg'
        CHECK (dose_unit IN ('per-kg', 'per-cm2', 'flat'));
      ALTER TABLE product ADD COLUMN route_category TEXT NOT NULL DEFAULT 'other'
        CHECK (route_category IN ('intravenous', 'local-injection', 'topical', 'respiratory', 'other'));
      ALTER TABLE product ADD COLUMN subpart_e INTEGER NOT NULL DEFAULT 0 CHECK (subpart_e IN (0, 1));
      ALTER TABLE product ADD COLUMN trial_phase TEXT NOT NULL DEFAULT 'phase-1'
        CHECK (trial_phase IN ('phase-1', 'phase-1-2'));

      UPDATE product SET source_kind = 'biofluid'
        WHERE source_cell LIKE '%cell-free%' OR source_cell LIKE '%no cell culture%' OR source_cell LIKE '%not cultured%';
      UPDATE product SET producing_cell = CASE
          WHEN source_kind <> 'cell-culture' THEN 'other'
          WHEN source_cell LIKE '%mesenchymal%' OR source_cell LIKE '%MSC%' THEN 'msc'
          WHEN source_cell LIKE '%amniotic fluid stem%' OR source_cell LIKE '%AFSC%' THEN 'afsc'
          ELSE 'other' END;
      UPDATE product SET dose_unit = CASE
          WHEN dose_basis LIKE '%cm²%' OR dose_basis LIKE '%cm2%' OR dose_basis LIKE '%cm^2%' THEN 'per-cm2'
          WHEN dose_basis LIKE '%flat%' OR dose_basis LIKE '%fixed%' THEN 'flat'
          ELSE 'per-kg' END;
      UPDATE product SET route_category = CASE
          WHEN route LIKE '%intravenous%' OR route = 'IV' OR route LIKE 'IV %' THEN 'intravenous'
          WHEN route LIKE '%topical%' THEN 'topical'
          WHEN route LIKE '%intranasal%' OR route LIKE '%inhal%' OR route LIKE '%nebuli%' OR route LIKE '%intratracheal%' THEN 'respiratory'
          WHEN route LIKE '%inject%' OR route LIKE 'intra%' THEN 'local-injection'
          ELSE 'other' END;
      UPDATE product SET trial_phase = 'phase-1-2'
        WHERE stage = 'phase-1-2' OR pathway_template_id = 'fda-ind-secretome-phase1-2';
    `);
  },
};
