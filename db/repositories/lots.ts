import type { Database } from 'better-sqlite3';

export type LotSpecKind = 'range' | 'max' | 'min' | 'negative' | 'conforms' | 'report';

export interface LotSpecRow {
  id: string;
  product_id: string;
  version: number;
  phase: string;
  notes: string;
  source: string;
  created_at: string;
}

export interface LotSpecAttributeRow {
  id: string;
  spec_id: string;
  key: string;
  name: string;
  method: string;
  unit: string;
  kind: LotSpecKind;
  lower: number | null;
  upper: number | null;
  required: 0 | 1;
  checklist_item_id: string | null;
  citation: string;
  position: number;
}

export interface LotRow {
  id: string;
  product_id: string;
  spec_id: string;
  lot_number: string;
  purpose: string;
  manufactured_on: string;
  process_version: string;
  source: string;
  scale: string;
  status: string;
  retest_on: string | null;
  expiry_on: string | null;
  milestone_id: string | null;
  deviation: string;
  illustrative: 0 | 1;
  notes: string;
  released_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface LotResultRow {
  id: string;
  lot_id: string;
  attribute_id: string;
  value_text: string;
  value_num: number | null;
  entered_value: string;
  entered_unit: string;
  tested_on: string;
  analyst: string;
  method: string;
  investigation: string;
  created_at: string;
  updated_at: string;
}

export interface LotImportMappingRow {
  product_id: string;
  source: string;
  mapping: string;
  updated_at: string;
}

/** Release specifications (versioned), lots, their results and saved CSV column mappings. */
export function lotRepository(db: Database) {
  const specById = db.prepare<[string], LotSpecRow>('SELECT * FROM lot_spec WHERE id = ?');
  const specsOf = db.prepare<[string], LotSpecRow>('SELECT * FROM lot_spec WHERE product_id = ? ORDER BY version');
  const currentSpec = db.prepare<[string], LotSpecRow>('SELECT * FROM lot_spec WHERE product_id = ? ORDER BY version DESC LIMIT 1');
  const insertSpec = db.prepare('INSERT INTO lot_spec (id, product_id, version, phase, notes, source, created_at) VALUES (@id, @product_id, @version, @phase, @notes, @source, @created_at)');
  const attributesOf = db.prepare<[string], LotSpecAttributeRow>('SELECT * FROM lot_spec_attribute WHERE spec_id = ? ORDER BY position');
  const attributesOfProduct = db.prepare<[string], LotSpecAttributeRow>(
    'SELECT a.* FROM lot_spec_attribute a JOIN lot_spec s ON s.id = a.spec_id WHERE s.product_id = ? ORDER BY s.version, a.position',
  );
  const insertAttribute = db.prepare(
    `INSERT INTO lot_spec_attribute (id, spec_id, key, name, method, unit, kind, lower, upper, required, checklist_item_id, citation, position)
     VALUES (@id, @spec_id, @key, @name, @method, @unit, @kind, @lower, @upper, @required, @checklist_item_id, @citation, @position)`,
  );
  const lotById = db.prepare<[string], LotRow>('SELECT * FROM lot WHERE id = ?');
  const lotByNumber = db.prepare<[string, string], LotRow>('SELECT * FROM lot WHERE product_id = ? AND lot_number = ? COLLATE NOCASE');
  const lotsOf = db.prepare<[string], LotRow>('SELECT * FROM lot WHERE product_id = ? ORDER BY manufactured_on, lot_number');
  const insertLot = db.prepare(
    `INSERT INTO lot (id, product_id, spec_id, lot_number, purpose, manufactured_on, process_version, source, scale, status, retest_on, expiry_on, milestone_id, deviation, illustrative, notes, released_on, created_at, updated_at)
     VALUES (@id, @product_id, @spec_id, @lot_number, @purpose, @manufactured_on, @process_version, @source, @scale, @status, @retest_on, @expiry_on, @milestone_id, @deviation, @illustrative, @notes, @released_on, @created_at, @updated_at)`,
  );
  const updateLot = db.prepare(
    `UPDATE lot SET lot_number = @lot_number, purpose = @purpose, manufactured_on = @manufactured_on, process_version = @process_version, source = @source, scale = @scale,
       status = @status, retest_on = @retest_on, expiry_on = @expiry_on, milestone_id = @milestone_id, deviation = @deviation, notes = @notes, released_on = @released_on, updated_at = @updated_at
     WHERE id = @id`,
  );
  const resultsOfLot = db.prepare<[string], LotResultRow>('SELECT * FROM lot_result WHERE lot_id = ?');
  const resultsOfProduct = db.prepare<[string], LotResultRow>('SELECT r.* FROM lot_result r JOIN lot l ON l.id = r.lot_id WHERE l.product_id = ?');
  const resultById = db.prepare<[string], LotResultRow>('SELECT * FROM lot_result WHERE id = ?');
  const resultFor = db.prepare<[string, string], LotResultRow>('SELECT * FROM lot_result WHERE lot_id = ? AND attribute_id = ?');
  const upsertResult = db.prepare(
    `INSERT INTO lot_result (id, lot_id, attribute_id, value_text, value_num, entered_value, entered_unit, tested_on, analyst, method, investigation, created_at, updated_at)
     VALUES (@id, @lot_id, @attribute_id, @value_text, @value_num, @entered_value, @entered_unit, @tested_on, @analyst, @method, @investigation, @created_at, @updated_at)
     ON CONFLICT (lot_id, attribute_id) DO UPDATE SET value_text = excluded.value_text, value_num = excluded.value_num, entered_value = excluded.entered_value,
       entered_unit = excluded.entered_unit, tested_on = excluded.tested_on, analyst = excluded.analyst, method = excluded.method, investigation = excluded.investigation,
       updated_at = excluded.updated_at`,
  );
  const setInvestigation = db.prepare('UPDATE lot_result SET investigation = ?, updated_at = ? WHERE id = ?');
  const mappingOf = db.prepare<[string, string], LotImportMappingRow>('SELECT * FROM lot_import_mapping WHERE product_id = ? AND source = ?');
  const mappingsOf = db.prepare<[string], LotImportMappingRow>('SELECT * FROM lot_import_mapping WHERE product_id = ? ORDER BY source');
  const saveMapping = db.prepare(
    `INSERT INTO lot_import_mapping (product_id, source, mapping, updated_at) VALUES (@product_id, @source, @mapping, @updated_at)
     ON CONFLICT (product_id, source) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  );
  return {
    spec: (id: string) => specById.get(id),
    specs: (productId: string) => specsOf.all(productId),
    currentSpec: (productId: string) => currentSpec.get(productId),
    insertSpec: (row: LotSpecRow) => void insertSpec.run(row),
    attributes: (specId: string) => attributesOf.all(specId),
    attributesOfProduct: (productId: string) => attributesOfProduct.all(productId),
    insertAttribute: (row: LotSpecAttributeRow) => void insertAttribute.run(row),
    lot: (id: string) => lotById.get(id),
    lotByNumber: (productId: string, lotNumber: string) => lotByNumber.get(productId, lotNumber),
    lots: (productId: string) => lotsOf.all(productId),
    insertLot: (row: LotRow) => void insertLot.run(row),
    updateLot: (row: LotRow) => void updateLot.run(row),
    results: (lotId: string) => resultsOfLot.all(lotId),
    resultsOfProduct: (productId: string) => resultsOfProduct.all(productId),
    result: (id: string) => resultById.get(id),
    resultFor: (lotId: string, attributeId: string) => resultFor.get(lotId, attributeId),
    upsertResult: (row: LotResultRow) => void upsertResult.run(row),
    setInvestigation: (id: string, text: string, at: string) => void setInvestigation.run(text, at, id),
    mapping: (productId: string, source: string) => mappingOf.get(productId, source),
    mappings: (productId: string) => mappingsOf.all(productId),
    saveMapping: (row: LotImportMappingRow) => void saveMapping.run(row),
  };
}
