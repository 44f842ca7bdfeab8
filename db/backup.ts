import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

/** Daily and manual backups kept by default (Settings → Backups changes it). */
export const DEFAULT_BACKUPS_KEPT = 14;

const NAME = /^(daily|manual|pre-migration|pre-restore)-.*\.sqlite$/;

/** `PRAGMA integrity_check` on a file opened read-only: 'ok', or what SQLite found wrong. */
export function checkIntegrity(file: string, nativeBinding?: string): string {
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

export function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .map((name) => {
      const full = path.join(dir, name);
      const stat = fs.statSync(full);
      return { name, path: full, kind: NAME.exec(name)![1] as BackupKind, createdAt: stat.mtime.toISOString(), bytes: stat.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/**
 * A copy of the live database made with SQLite's online backup (consistent while the app keeps
 * running), verified with integrity_check before it counts. A copy that fails the check is
 * removed and the error says so.
 */
export async function backupDatabase(db: Database, dir: string, kind: BackupKind, nativeBinding?: string): Promise<BackupFile> {
  fs.mkdirSync(dir, { recursive: true });
  const name = `${kind}-${stamp()}.sqlite`;
  const target = path.join(dir, name);
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    /* The copy inherits WAL mode, and every read-only open of a WAL file (the check below, a
     * restore's) leaves -wal/-shm files beside it: a backup is a single rollback-journal file. */
    const copy = new BetterSqlite3(partial, { nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const verdict = checkIntegrity(partial, nativeBinding);
    if (verdict !== 'ok') throw new Error(`The backup copy failed its integrity check (${verdict}).`);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    for (const suffix of SIDECARS) fs.rmSync(partial + suffix, { force: true });
  }
  const stat = fs.statSync(target);
  return { name, path: target, kind, createdAt: stat.mtime.toISOString(), bytes: stat.size };
}

const SIDECARS = ['-wal', '-shm', '-journal'] as const;
const PARTIAL = /\.partial(-wal|-shm|-journal)?$/;
const BACKUP_SIDECAR = /^((?:daily|manual|pre-migration|pre-restore)-.*\.sqlite)-(wal|shm)$/;

/** A .partial this old is not a backup in progress (they take seconds) but one that was killed. */
export const STALE_PARTIAL_MS = 2 * 60_000;

/**
 * Removes what interrupted or finished backups and restores leave in the backups folder: a
 * killed backup's full-size `.partial` (with its -wal/-shm), and the -shm/-wal a read-only check
 * of an older (WAL-mode) backup leaves beside it (only an empty -wal: it holds nothing). Recent
 * `.partial` files are left alone: another process may be writing one. Returns what was removed.
 */
export function removeLeftovers(dir: string, now = Date.now()): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(full);
    } catch {
      continue; // gone meanwhile
    }
    if (!stat.isFile()) continue;
    const sidecar = BACKUP_SIDECAR.exec(name);
    const stale = PARTIAL.test(name) && now - stat.mtimeMs > STALE_PARTIAL_MS;
    const emptySidecar = sidecar !== null && (sidecar[2] === 'shm' ? !fs.existsSync(path.join(dir, `${sidecar[1]}-wal`)) || fs.statSync(path.join(dir, `${sidecar[1]}-wal`)).size === 0 : stat.size === 0);
    if (stale || emptySidecar) {
      fs.rmSync(full, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Keeps the newest `keep` daily and manual backups; copies made before migrations and restores are kept. */
export function pruneBackups(dir: string, keep: number): string[] {
  const removable = listBackups(dir).filter((b) => b.kind === 'daily' || b.kind === 'manual');
  const removed = removable.slice(keep);
  for (const b of removed) fs.rmSync(b.path, { force: true });
  return removed.map((b) => b.name);
}
