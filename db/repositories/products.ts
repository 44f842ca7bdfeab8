import type { Database } from 'better-sqlite3';

interface ProductRow {
  id: string;
  code: string;
  name: string;
  sponsor: string;
  source_cell: string;
  source_tissue: string;
  donor_type: string;
  fraction: string;
  oxygen: string;
  passage_window: string;
  serum_free: number;
  indication: string;
  route: string;
  dose_basis: string;
  source_kind: string;
  producing_cell: string;
  dose_unit: string;
  route_category: string;
  subpart_e: number;
  trial_phase: string;
  ind_number: string;
  stage: string;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A product as stored. Enumerated fields are plain text here: the contract owns their
 *  vocabulary, and the services narrow them when they build what a channel answers. */
export interface ProductFields {
  name: string;
  code: string;
  sponsor: string;
  sourceCell: string;
  sourceTissue: string;
  donorType: string;
  fraction: string;
  oxygen: string;
  passageWindow: string;
  serumFree: boolean;
  indication: string;
  route: string;
  doseBasis: string;
  sourceKind: string;
  producingCell: string;
  doseUnit: string;
  routeCategory: string;
  subpartE: boolean;
  trialPhase: string;
  indNumber: string;
  stage: string;
  notes: string;
}
export interface ProductRecord extends ProductFields {
  id: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Profile field -> column. One table of names so reads, writes and audit rows agree. */
export const PRODUCT_COLUMNS = {
  name: 'name',
  code: 'code',
  sponsor: 'sponsor',
  sourceCell: 'source_cell',
  sourceTissue: 'source_tissue',
  donorType: 'donor_type',
  fraction: 'fraction',
  oxygen: 'oxygen',
  passageWindow: 'passage_window',
  serumFree: 'serum_free',
  indication: 'indication',
  route: 'route',
  doseBasis: 'dose_basis',
  sourceKind: 'source_kind',
  producingCell: 'producing_cell',
  doseUnit: 'dose_unit',
  routeCategory: 'route_category',
  subpartE: 'subpart_e',
  trialPhase: 'trial_phase',
  indNumber: 'ind_number',
  stage: 'stage',
  notes: 'notes',
} as const satisfies Record<keyof ProductFields, keyof ProductRow>;

function toProduct(row: ProductRow): ProductRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sponsor: row.sponsor,
    sourceCell: row.source_cell,
    sourceTissue: row.source_tissue,
    donorType: row.donor_type,
    fraction: row.fraction,
    oxygen: row.oxygen,
    passageWindow: row.passage_window,
    serumFree: row.serum_free === 1,
    indication: row.indication,
    route: row.route,
    doseBasis: row.dose_basis,
    sourceKind: row.source_kind,
    producingCell: row.producing_cell,
    doseUnit: row.dose_unit,
    routeCategory: row.route_category,
    subpartE: row.subpart_e === 1,
    trialPhase: row.trial_phase,
    indNumber: row.ind_number,
    stage: row.stage,
    notes: row.notes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toColumnValue(field: keyof ProductFields, value: ProductFields[keyof ProductFields]): string | number {
  if (field === 'serumFree' || field === 'subpartE') return value ? 1 : 0;
  return value as string;
}

export function productRepository(db: Database) {
  const byId = db.prepare<[string], ProductRow>('SELECT * FROM product WHERE id = ?');
  const byCode = db.prepare<[string], ProductRow>('SELECT * FROM product WHERE code = ? COLLATE NOCASE');
  const listActive = db.prepare<[], ProductRow>('SELECT * FROM product WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE');
  const listAll = db.prepare<[], ProductRow>(
    'SELECT * FROM product ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE',
  );
  const fields = Object.keys(PRODUCT_COLUMNS) as (keyof ProductFields)[];
  const insert = db.prepare(
    `INSERT INTO product (id, ${fields.map((f) => PRODUCT_COLUMNS[f]).join(', ')}, archived_at, created_at, updated_at)
     VALUES (@id, ${fields.map((f) => '@' + f).join(', ')}, NULL, @now, @now)`,
  );
  const setArchived = db.prepare('UPDATE product SET archived_at = ?, updated_at = ? WHERE id = ?');

  return {
    get(id: string): ProductRecord | undefined {
      const row = byId.get(id);
      return row && toProduct(row);
    },
    findByCode(code: string): ProductRecord | undefined {
      const row = byCode.get(code);
      return row && toProduct(row);
    },
    list(includeArchived: boolean): ProductRecord[] {
      return (includeArchived ? listAll : listActive).all().map(toProduct);
    },
    insert(id: string, profile: ProductFields, now: string): void {
      const params: Record<string, string | number> = { id, now };
      for (const f of fields) params[f] = toColumnValue(f, profile[f]);
      insert.run(params);
    },
    update(id: string, changes: Partial<ProductFields>, now: string): void {
      const changed = fields.filter((f) => changes[f] !== undefined);
      if (changed.length === 0) return;
      const sql = `UPDATE product SET ${changed.map((f) => `${PRODUCT_COLUMNS[f]} = @${f}`).join(', ')}, updated_at = @now WHERE id = @id`;
      const params: Record<string, string | number> = { id, now };
      for (const f of changed) params[f] = toColumnValue(f, changes[f] as ProductFields[typeof f]);
      db.prepare(sql).run(params);
    },
    setArchived(id: string, archivedAt: string | null, now: string): void {
      setArchived.run(archivedAt, now, id);
    },
  };
}
export type ProductRepository = ReturnType<typeof productRepository>;
