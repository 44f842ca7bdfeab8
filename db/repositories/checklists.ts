import type { Database, Statement } from 'better-sqlite3';

export interface ChecklistRow {
  id: string;
  product_id: string;
  template_id: string | null;
  template_version: number | null;
  kind: string;
  name: string;
  position: number;
  created_at: string;
}

export interface ChecklistItemRow {
  id: string;
  checklist_id: string;
  product_id: string;
  template_item_id: string | null;
  section: string;
  section_title: string;
  title: string;
  guidance: string;
  citation: string;
  required: number;
  stage: string;
  milestone_key: string | null;
  ectd_module: string | null;
  applies_when: string | null;
  applicable: number;
  status: string;
  justification: string;
  owner: string;
  due: string | null;
  document_path: string;
  notes: string;
  position: number;
  created_at: string;
  updated_at: string;
}

/** What readiness needs of an item, and no more (dashboards read it for every product). */
export interface ReadinessRow {
  id: string;
  title: string;
  status: string;
  required: number;
  applicable: number;
  justification: string;
  stage: string;
  milestone_key: string | null;
  kind: string;
}

export interface ImportedTemplateRow {
  id: string;
  name: string;
  version: number;
  body: string;
  file_name: string;
  imported_at: string;
}

/** Item fields a user edits; audit rows name these. */
export const ITEM_EDITABLE = {
  status: 'status',
  justification: 'justification',
  owner: 'owner',
  due: 'due',
  documentPath: 'document_path',
  notes: 'notes',
} as const;
export type ItemEditable = keyof typeof ITEM_EDITABLE;

const ITEM_COLUMNS = ['id', 'checklist_id', 'product_id', 'template_item_id', 'section', 'section_title', 'title', 'guidance', 'citation', 'required', 'stage', 'milestone_key', 'ectd_module', 'applies_when', 'applicable', 'status', 'justification', 'owner', 'due', 'document_path', 'notes', 'position', 'created_at', 'updated_at'] as const;

function toItemRow(r: unknown[]): ChecklistItemRow {
  return {
    id: r[0] as ChecklistItemRow['id'],
    checklist_id: r[1] as ChecklistItemRow['checklist_id'],
    product_id: r[2] as ChecklistItemRow['product_id'],
    template_item_id: r[3] as ChecklistItemRow['template_item_id'],
    section: r[4] as ChecklistItemRow['section'],
    section_title: r[5] as ChecklistItemRow['section_title'],
    title: r[6] as ChecklistItemRow['title'],
    guidance: r[7] as ChecklistItemRow['guidance'],
    citation: r[8] as ChecklistItemRow['citation'],
    required: r[9] as ChecklistItemRow['required'],
    stage: r[10] as ChecklistItemRow['stage'],
    milestone_key: r[11] as ChecklistItemRow['milestone_key'],
    ectd_module: r[12] as ChecklistItemRow['ectd_module'],
    applies_when: r[13] as ChecklistItemRow['applies_when'],
    applicable: r[14] as ChecklistItemRow['applicable'],
    status: r[15] as ChecklistItemRow['status'],
    justification: r[16] as ChecklistItemRow['justification'],
    owner: r[17] as ChecklistItemRow['owner'],
    due: r[18] as ChecklistItemRow['due'],
    document_path: r[19] as ChecklistItemRow['document_path'],
    notes: r[20] as ChecklistItemRow['notes'],
    position: r[21] as ChecklistItemRow['position'],
    created_at: r[22] as ChecklistItemRow['created_at'],
    updated_at: r[23] as ChecklistItemRow['updated_at'],
  };
}

export function checklistRepository(db: Database) {
  const updates = new Map<string, Statement>();
  const q = {
    checklists: db.prepare<[string], ChecklistRow>('SELECT * FROM checklist WHERE product_id = ? ORDER BY position'),
    checklist: db.prepare<[string], ChecklistRow>('SELECT * FROM checklist WHERE id = ?'),
    insertChecklist: db.prepare(
      'INSERT INTO checklist (id, product_id, template_id, template_version, kind, name, position, created_at) VALUES (@id, @product_id, @template_id, @template_version, @kind, @name, @position, @created_at)',
    ),
    // Raw arrays mapped by hand: about twice as fast as letting the driver build 2,000 objects.
    items: db
      .prepare<[string], unknown[]>(
        `SELECT ${ITEM_COLUMNS.map((c) => 'i.' + c).join(', ')} FROM checklist_item i JOIN checklist c ON c.id = i.checklist_id
         WHERE i.product_id = ? ORDER BY c.position, i.position`,
      )
      .raw(true),
    item: db.prepare<[string], ChecklistItemRow>('SELECT * FROM checklist_item WHERE id = ?'),
    readiness: db
      .prepare<[string], unknown[]>(
        `SELECT i.id, i.title, i.status, i.required, i.applicable, i.justification, i.stage, i.milestone_key, c.kind
         FROM checklist_item i JOIN checklist c ON c.id = i.checklist_id WHERE i.product_id = ?`,
      )
      .raw(true),
    itemsByIds: db.prepare<[string], unknown[]>(`SELECT ${ITEM_COLUMNS.join(', ')} FROM checklist_item WHERE id IN (SELECT value FROM json_each(?))`).raw(true),
    maxPosition: db.prepare<[string], { n: number | null }>('SELECT max(position) AS n FROM checklist_item WHERE checklist_id = ?'),
    insertItem: db.prepare(
      `INSERT INTO checklist_item (id, checklist_id, product_id, template_item_id, section, section_title, title, guidance, citation, required, stage,
         milestone_key, ectd_module, applies_when, applicable, status, justification, owner, due, document_path, notes, position, created_at, updated_at)
       VALUES (@id, @checklist_id, @product_id, @template_item_id, @section, @section_title, @title, @guidance, @citation, @required, @stage,
         @milestone_key, @ectd_module, @applies_when, @applicable, @status, @justification, @owner, @due, @document_path, @notes, @position, @now, @now)`,
    ),
    setApplicable: db.prepare('UPDATE checklist_item SET applicable = ?, updated_at = ? WHERE id = ?'),
    deleteItem: db.prepare('DELETE FROM checklist_item WHERE id = ?'),
    linked: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM checklist_item WHERE document_path = ? LIMIT 1'),
    imported: db.prepare<[], ImportedTemplateRow>('SELECT * FROM checklist_template ORDER BY imported_at'),
    importedOne: db.prepare<[string], ImportedTemplateRow>('SELECT * FROM checklist_template WHERE id = ?'),
    insertImported: db.prepare(
      'INSERT INTO checklist_template (id, name, version, body, file_name, imported_at) VALUES (@id, @name, @version, @body, @file_name, @imported_at)',
    ),
    replaceImported: db.prepare('UPDATE checklist_template SET name = @name, version = @version, body = @body, file_name = @file_name, imported_at = @imported_at WHERE id = @id'),
  };
  return {
    checklists: (productId: string) => q.checklists.all(productId),
    checklist: (id: string) => q.checklist.get(id),
    insertChecklist: (row: ChecklistRow) => q.insertChecklist.run(row),
    items: (productId: string) => q.items.all(productId).map(toItemRow),
    item: (id: string) => q.item.get(id),
    readiness: (productId: string): ReadinessRow[] =>
      q.readiness.all(productId).map((r) => ({
        id: r[0] as string,
        title: r[1] as string,
        status: r[2] as string,
        required: r[3] as number,
        applicable: r[4] as number,
        justification: r[5] as string,
        stage: r[6] as string,
        milestone_key: r[7] as string | null,
        kind: r[8] as string,
      })),
    nextPosition: (checklistId: string) => (q.maxPosition.get(checklistId)?.n ?? -1) + 1,
    insertItem: (row: Omit<ChecklistItemRow, 'created_at' | 'updated_at'>, now: string) => q.insertItem.run({ ...row, now }),
    updateItem(id: string, changes: Partial<Record<ItemEditable, string | null>>, now: string) {
      const fields = (Object.keys(changes) as ItemEditable[]).sort();
      if (fields.length === 0) return;
      // Bulk edits repeat the same field set hundreds of times: compile each shape once.
      const key = fields.join(',');
      let statement = updates.get(key);
      if (!statement) {
        statement = db.prepare(`UPDATE checklist_item SET ${fields.map((f) => `${ITEM_EDITABLE[f]} = @${f}`).join(', ')}, updated_at = @now WHERE id = @id`);
        updates.set(key, statement);
      }
      statement.run({ ...changes, id, now });
    },
    /** Rows for many ids in one query (ids not found are simply absent). */
    itemsByIds: (ids: readonly string[]) => q.itemsByIds.all(JSON.stringify(ids)).map(toItemRow),
    /** One field set to one value on many items, as one statement (bulk edits). */
    setFieldMany(ids: readonly string[], field: ItemEditable, value: string | null, now: string) {
      if (ids.length === 0) return;
      const key = `many:${field}`;
      let statement = updates.get(key);
      if (!statement) {
        statement = db.prepare(`UPDATE checklist_item SET ${ITEM_EDITABLE[field]} = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`);
        updates.set(key, statement);
      }
      statement.run(value, now, JSON.stringify(ids));
    },
    setApplicable: (id: string, applicable: boolean, now: string) => q.setApplicable.run(applicable ? 1 : 0, now, id),
    deleteItem: (id: string) => q.deleteItem.run(id),
    /** Whether any item links this exact path (the desktop shell opens only linked documents). */
    isLinkedDocument: (documentPath: string) => q.linked.get(documentPath) !== undefined,
    importedTemplates: () => q.imported.all(),
    importedTemplate: (id: string) => q.importedOne.get(id),
    saveImported(row: ImportedTemplateRow) {
      if (q.importedOne.get(row.id)) q.replaceImported.run(row);
      else q.insertImported.run(row);
    },
  };
}
export type ChecklistRepository = ReturnType<typeof checklistRepository>;
