import type { Database } from 'better-sqlite3';

/** One change to write: the services name the action from the contract's vocabulary. */
export interface AuditRecord {
  entity: string;
  entityId: string;
  productId: string | null;
  action: string;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  reason?: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  product_id: string | null;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  change_set_id: number | null;
}

/** What a change set says of itself; its members are the entries that point at it. */
export interface ChangeSetHeader {
  summary: string;
  productId: string | null;
  reason: string | null;
}

export interface ChangeSetRecord extends ChangeSetHeader {
  id: number;
  at: string;
  actor: string;
}

/** A stored entry, as read back. */
export interface AuditEntryRecord {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  productId: string | null;
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  changeSetId: number | null;
}

/** A record's name as the tables hold it now (kind tells which table). */
export interface RecordName {
  id: string;
  kind: string;
  name: string;
  extra: string | null;
}

/** The create and delete entries of records, whose values carry their names once they are gone. */
export interface TrailNameRow {
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export interface AuditQuery {
  productId?: string;
  actor?: string;
  entity?: string;
  field?: string;
  from?: string;
  to?: string;
  limit: number;
}

function filters(q: AuditQuery) {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: q.limit };
  if (q.productId) {
    where.push('product_id = @productId');
    params.productId = q.productId;
  }
  for (const key of ['actor', 'entity', 'field'] as const) {
    const value = q[key];
    if (value) {
      where.push(`${key} = @${key}`);
      params[key] = value;
    }
  }
  // `at` is an ISO instant; a calendar date bound covers the whole UTC day.
  if (q.from) {
    where.push('at >= @from');
    params.from = `${q.from}T00:00:00.000Z`;
  }
  if (q.to) {
    where.push('at <= @to');
    params.to = `${q.to}T23:59:59.999Z`;
  }
  return { where, params };
}

export function auditRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, product_id, action, field, old_value, new_value, reason, change_set_id)
     VALUES (@at, @actor, @entity, @entityId, @productId, @action, @field, @oldValue, @newValue, @reason, @changeSetId)`,
  );
  // Many rows at once (bulk edits, generation) go in one statement over a JSON array.
  const insertMany = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, product_id, action, field, old_value, new_value, reason, change_set_id)
     SELECT @at, @actor, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, @changeSetId
     FROM json_each(@rows)`,
  );
  const insertChangeSet = db.prepare(
    'INSERT INTO audit_change_set (at, actor, product_id, summary, reason) VALUES (@at, @actor, @productId, @summary, @reason)',
  );
  const changeSets = db.prepare<[string], { id: number; at: string; actor: string; product_id: string | null; summary: string; reason: string | null }>(
    'SELECT * FROM audit_change_set WHERE id IN (SELECT value FROM json_each(?))',
  );
  const membersOf = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE change_set_id = ? ORDER BY id');
  const entryById = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id = ?');
  const distinct = (column: 'actor' | 'entity' | 'field') =>
    db.prepare<{ productId: string | null }, { v: string }>(
      `SELECT DISTINCT ${column} AS v FROM audit_log WHERE ${column} IS NOT NULL AND (@productId IS NULL OR product_id = @productId) ORDER BY v`,
    );
  const facets = { actor: distinct('actor'), entity: distinct('entity'), field: distinct('field') };
  const namesNow = db.prepare<{ ids: string }, RecordName>(
    `WITH wanted(id) AS (SELECT value FROM json_each(@ids))
     SELECT id, 'milestone' AS kind, name, NULL AS extra FROM milestone WHERE id IN wanted
     UNION ALL SELECT id, 'checklist_item', title, section FROM checklist_item WHERE id IN wanted
     UNION ALL SELECT id, 'clock_trigger', label, event FROM clock_trigger WHERE id IN wanted
     UNION ALL SELECT id, 'checklist', name, NULL FROM checklist WHERE id IN wanted
     UNION ALL SELECT id, 'stage', name, NULL FROM stage WHERE id IN wanted
     UNION ALL SELECT id, 'baseline', name, NULL FROM baseline WHERE id IN wanted
     UNION ALL SELECT id, 'scenario', name, NULL FROM scenario WHERE id IN wanted
     UNION ALL SELECT id, 'product', name, code FROM product WHERE id IN wanted
     UNION ALL SELECT id, 'checklist_template', name, NULL FROM checklist_template WHERE id IN wanted`,
  );
  const trailNames = db.prepare<[string], { entity: string; entity_id: string; action: string; field: string | null; old_value: string | null; new_value: string | null }>(
    `SELECT entity, entity_id, action, field, old_value, new_value FROM audit_log
     WHERE entity_id IN (SELECT value FROM json_each(?)) AND action IN ('create', 'delete') ORDER BY id`,
  );
  const toEntry = (r: AuditRow): AuditEntryRecord => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    productId: r.product_id,
    action: r.action,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
    changeSetId: r.change_set_id,
  });
  return {
    facets(productId: string | null) {
      const values = (c: keyof typeof facets) => facets[c].all({ productId }).map((r) => r.v);
      return { actors: values('actor'), entities: values('entity'), fields: values('field') };
    },
    /**
     * Call inside the transaction that makes the change, so the trail and the data never
     * disagree. With a change set, the records become its members.
     */
    append(at: string, actor: string, records: readonly AuditRecord[], changeSet: ChangeSetHeader | null = null): void {
      const changeSetId = changeSet ? Number(insertChangeSet.run({ at, actor, ...changeSet }).lastInsertRowid) : null;
      if (records.length > 8) {
        const rows = records.map((r) => [r.entity, r.entityId, r.productId, r.action, r.field ?? null, r.oldValue ?? null, r.newValue ?? null, r.reason ?? null]);
        insertMany.run({ at, actor, rows: JSON.stringify(rows), changeSetId });
        return;
      }
      for (const r of records) {
        insert.run({
          at,
          actor,
          entity: r.entity,
          entityId: r.entityId,
          productId: r.productId,
          action: r.action,
          field: r.field ?? null,
          oldValue: r.oldValue ?? null,
          newValue: r.newValue ?? null,
          reason: r.reason ?? null,
          changeSetId,
        });
      }
    },
    /** The entries of one change set, in the order written (empty if there is no such set). */
    changeSetMembers(changeSetId: number): AuditEntryRecord[] {
      return membersOf.all(changeSetId).map(toEntry);
    },
    entry(id: number): AuditEntryRecord | null {
      const row = entryById.get(id);
      return row ? toEntry(row) : null;
    },
    changeSets(ids: readonly number[]): ChangeSetRecord[] {
      if (ids.length === 0) return [];
      return changeSets.all(JSON.stringify(ids)).map((r) => ({ id: r.id, at: r.at, actor: r.actor, productId: r.product_id, summary: r.summary, reason: r.reason }));
    },
    /**
     * The newest `limit` items of the trail matching the query, where an item is an entry outside
     * any change set or a whole change set (with all its members, matching or not).
     */
    items(q: AuditQuery): { keys: Array<{ entryId: number | null; changeSetId: number | null }>; entries: AuditEntryRecord[]; changeSets: ChangeSetRecord[] } {
      const { where, params } = filters(q);
      const keys = db
        .prepare<Record<string, string | number>, { entry_id: number | null; change_set_id: number | null }>(
          `SELECT CASE WHEN change_set_id IS NULL THEN id END AS entry_id, change_set_id, max(id) AS top FROM audit_log
           ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
           GROUP BY CASE WHEN change_set_id IS NULL THEN 'e' || id ELSE 's' || change_set_id END ORDER BY top DESC LIMIT @limit`,
        )
        .all(params)
        .map((k) => ({ entryId: k.entry_id, changeSetId: k.change_set_id }));
      const entryIds = keys.flatMap((k) => (k.entryId === null ? [] : [k.entryId]));
      const setIds = keys.flatMap((k) => (k.changeSetId === null ? [] : [k.changeSetId]));
      // A product's view of a change set spanning several products (loading the examples) holds its own members only.
      const entries = db
        .prepare<{ entries: string; sets: string; productId: string | null }, AuditRow>(
          `SELECT * FROM audit_log WHERE id IN (SELECT value FROM json_each(@entries))
             OR (change_set_id IN (SELECT value FROM json_each(@sets)) AND (@productId IS NULL OR product_id = @productId)) ORDER BY id DESC`,
        )
        .all({ entries: JSON.stringify(entryIds), sets: JSON.stringify(setIds), productId: q.productId ?? null })
        .map(toEntry);
      return { keys, entries, changeSets: this.changeSets(setIds) };
    },
    /** Names of records as the tables hold them now, for ids of any kind. */
    currentNames(ids: readonly string[]): RecordName[] {
      if (ids.length === 0) return [];
      return namesNow.all({ ids: JSON.stringify(ids) });
    },
    /** Create and delete entries of these records (their values name records since removed). */
    trailNames(ids: readonly string[]): TrailNameRow[] {
      if (ids.length === 0) return [];
      return trailNames.all(JSON.stringify(ids)).map((r) => ({ entity: r.entity, entityId: r.entity_id, action: r.action, field: r.field, oldValue: r.old_value, newValue: r.new_value }));
    },
    list(q: AuditQuery): AuditEntryRecord[] {
      const { where, params } = filters(q);
      const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`;
      return db.prepare<Record<string, string | number>, AuditRow>(sql).all(params).map(toEntry);
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
