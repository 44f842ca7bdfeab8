import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration007 } from './007_signatures';

/** Migration 7 upgrades a version-6 file (the committed fixture): it only adds the signing tables. */
describe('migration 007', () => {
  const db = new BetterSqlite3(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/schema-v6.sqlite')));
  db.pragma('foreign_keys = ON');
  const before = db.prepare('SELECT count(*) AS n FROM checklist_item').get() as { n: number };
  migration007.up(db);

  it('keeps every checklist item and starts with no signer and no signature', () => {
    expect(db.prepare('SELECT count(*) AS n FROM checklist_item').get()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM signer').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM signature').get()).toEqual({ n: 0 });
  });

  it('keeps signatures: no delete, no edit but marking them superseded, no unknown signer', () => {
    db.prepare(`INSERT INTO signer VALUES ('s1', 'Ana', 'ana', 'salt', 'hash', 0, NULL, 't', 't')`).run();
    const insert = (signer: string) =>
      db.prepare(`INSERT INTO signature (id, signer_id, record_kind, record_id, meaning, printed_name, signed_at, time_zone, content_hash, signature, public_key, key_fingerprint)
                  VALUES (?, ?, 'checklist_item', 'i1', 'Approved', 'Ana', 't', 'UTC', 'h', 'sig', 'pk', 'fp')`).run(`g-${signer}`, signer);
    insert('s1');
    expect(() => insert('nobody')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE signature SET meaning = 'Reviewed'`).run()).toThrow(/only marked superseded/);
    expect(() => db.prepare(`DELETE FROM signature`).run()).toThrow(/cannot be deleted/);
    db.prepare(`UPDATE signature SET superseded_at = 't2', superseded_reason = 'record changed after signing'`).run();
    expect(db.prepare('SELECT superseded_reason FROM signature').get()).toEqual({ superseded_reason: 'record changed after signing' });
  });
});
