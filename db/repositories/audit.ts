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

export function auditRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, product_id, action, field, old_value, new_value, reason)
     VALUES (@at, @actor, @entity, @entityId, @productId, @action, @field, @oldValue, @newValue, @reason)`,
  );
  // Many rows at once (bulk edits, generation) go in one statement over a JSON array.
  const insertMany = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, product_id, action, field, old_value, new_value, reason)
     SELECT @at, @actor, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
     FROM json_each(@rows)`,
  );
  const distinct = (column: 'actor' | 'entity' | 'field') =>
    db.prepare<{ productId: string | null }, { v: string }>(
      `SELECT DISTINCT ${column} AS v FROM audit_log WHERE ${column} IS NOT NULL AND (@productId IS NULL OR product_id = @productId) ORDER BY v`,
    );
  const facets = { actor: distinct('actor'), entity: distinct('entity'), field: distinct('field') };
  return {
    facets(productId: string | null) {
      const values = (c: keyof typeof facets) => facets[c].all({ productId }).map((r) => r.v);
      return { actors: values('actor'), entities: values('entity'), fields: values('field') };
    },
    /** Call inside the transaction that makes the change, so the trail and the data never disagree. */
    append(at: string, actor: string, records: readonly AuditRecord[]): void {
      if (records.length > 8) {
        const rows = records.map((r) => [r.entity, r.entityId, r.productId, r.action, r.field ?? null, r.oldValue ?? null, r.newValue ?? null, r.reason ?? null]);
        insertMany.run({ at, actor, rows: JSON.stringify(rows) });
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
        });
      }
    },
    list(q: AuditQuery): AuditEntryRecord[] {
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
      const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`;
      return db
        .prepare<Record<string, string | number>, AuditRow>(sql)
        .all(params)
        .map((r) => ({
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
        }));
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
