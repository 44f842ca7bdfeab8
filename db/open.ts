import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { checkIntegrity, listBackups } from './backup';
import { DatabaseOpenError } from './errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

export const DB_FILE_NAME = 'tracker.sqlite';

export interface OpenOptions {
  /** Path of a better-sqlite3 addon built for this runtime (Electron ships its own ABI build). */
  nativeBinding?: string;
  /** Where pre-migration copies go; defaults to `<db folder>/backups`. */
  backupDir?: string;
  migrations?: readonly Migration[];
}

export interface OpenedDatabase {
  db: Database;
  path: string;
  schemaVersion: number;
  /** Copy taken before migrating, if any migration ran on existing data. */
  preMigrationBackup: string | null;
}

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The backups a person can restore, newest first, for a refusal message. */
function backupsToRestore(backupDir: string): string {
  const backups = listBackups(backupDir).slice(0, 8);
  if (backups.length === 0) return `There are no backups in ${backupDir}: move the file aside (the tracker never deletes it) to start with an empty portfolio.`;
  const lines = backups.map((b) => `  ${b.name}  (${b.createdAt.slice(0, 16).replace('T', ' ')} UTC, ${Math.max(1, Math.round(b.bytes / 1024))} kB)`);
  return [`Restore a backup (newest first) with: npm run -s cli -- restore <name>`, ...lines, 'The damaged file is kept beside the restored one.'].join('\n');
}

function damaged(file: string, what: string, backupDir: string): DatabaseOpenError {
  return new DatabaseOpenError('corrupt', `The data file ${file} is damaged: ${what}. It was not changed.\n${backupsToRestore(backupDir)}`);
}

/**
 * Everything looked at before the file is opened for writing (opening it read-write already
 * writes: the switch to WAL rewrites header bytes 18-19): the SQLite header, the page size, the
 * schema version and integrity_check, all read-only. An empty file is not a new install: it
 * is refused like a damaged one, so it never becomes an empty portfolio whose daily backups
 * prune the good ones. Returns the schema version.
 */
function checkBeforeWriting(file: string, backupDir: string, latest: number, nativeBinding?: string): number {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    throw new DatabaseOpenError('unreadable', `The data file ${file} is a folder, not a file. Move or rename that folder (the tracker does not touch it), or choose another data folder with --data-dir.`);
  }
  if (stat.size === 0) throw damaged(file, 'it is empty (0 bytes), which a tracker data file never is', backupDir);
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || !head.subarray(0, 16).equals(SQLITE_HEADER)) throw damaged(file, 'it is not a readable database (it does not start with the SQLite header)', backupDir);
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw damaged(file, `its header gives an impossible page size (${rawPageSize})`, backupDir);
  if (stat.size % pageSize !== 0) throw damaged(file, `its size (${stat.size} bytes) is not a whole number of ${pageSize}-byte pages`, backupDir);

  let probe: Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding });
    const version = probe.pragma('user_version', { simple: true }) as number;
    // A newer file is refused as such (untouched) before its integrity is judged by older code.
    if (version > latest) return version;
    const rows = probe.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') throw damaged(file, `it failed its integrity check (${verdict.slice(0, 300)})`, backupDir);
    return version;
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT')) throw damaged(file, `it is not a readable database (${code}: ${error instanceof Error ? error.message : ''})`, backupDir);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw lockedError(file);
    throw error;
  } finally {
    probe?.close();
  }
}

function lockedError(file: string) {
  return new DatabaseOpenError(
    'locked',
    `The data file ${file} is locked by another program (perhaps another copy of the tracker, or a backup tool). Close it and try again.`,
  );
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens (creating if needed) the tracker database: WAL, foreign keys, busy timeout, then the
 * pending migrations in one transaction, after copying the file aside.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw folderError(folder, error);
  }
  if (!fs.statSync(folder).isDirectory()) throw folderError(folder, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));

  const backupDir = options.backupDir ?? path.join(path.dirname(file), 'backups');
  const before = fs.existsSync(file) ? checkBeforeWriting(file, backupDir, latest, options.nativeBinding) : 0;
  if (before > latest) {
    throw new DatabaseOpenError(
      'too-new',
      `The data file ${file} was written by a newer version of the tracker (schema ${before}; this version understands up to ${latest}). Install the newer version to open it; the file was not changed.`,
    );
  }

  let db: Database;
  try {
    db = new BetterSqlite3(file, { nativeBinding: options.nativeBinding });
  } catch (error) {
    const code = sqliteCode(error);
    if (code?.startsWith('SQLITE_READONLY') || code?.startsWith('SQLITE_CANTOPEN')) throw readOnlyError(folder);
    throw error;
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives a power cut, not just a crash of the process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');

    let preMigrationBackup: string | null = null;
    const pending = migrations.filter((m) => m.version > before);
    if (pending.length > 0 && before > 0) {
      fs.mkdirSync(backupDir, { recursive: true });
      preMigrationBackup = path.join(backupDir, `pre-migration-v${before}-${timestamp()}.sqlite`);
      // Opening is synchronous, and better-sqlite3's online backup is not; VACUUM INTO gives the
      // same consistent copy (WAL content included) synchronously, and it is verified before use.
      db.prepare('VACUUM INTO ?').run(preMigrationBackup);
      const verdict = checkIntegrity(preMigrationBackup, options.nativeBinding);
      if (verdict !== 'ok') throw new Error(`The copy made before migrating failed its integrity check (${verdict}); the data file was not migrated.`);
    }
    if (pending.length > 0) {
      db.transaction(() => {
        for (const migration of pending) {
          migration.up(db);
          db.pragma(`user_version = ${migration.version}`);
        }
      }).immediate();
    }
    return { db, path: file, schemaVersion: latest, preMigrationBackup };
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw lockedError(file);
    if (code?.startsWith('SQLITE_READONLY') || code?.startsWith('SQLITE_CANTOPEN')) throw readOnlyError(folder);
    if (code === 'SQLITE_FULL') throw new DatabaseOpenError('unreadable', `The disk that holds ${folder} is full: the tracker cannot start its data file. Free some space, then start it again; nothing was changed.`);
    throw error;
  }
}

function readOnlyError(folder: string) {
  return new DatabaseOpenError(
    'unreadable',
    `The data folder ${folder} (or the data file in it) is read-only: the tracker needs to write there. Make it writable, or start the tracker with another data folder (--data-dir DIR or RPT_DATA_DIR).`,
  );
}

/** Why the data folder cannot be made or used, in words (instead of EEXIST, ENOTDIR, EACCES...). */
function folderError(folder: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new DatabaseOpenError('unreadable', `The data folder ${folder} is a file (or lies under one), not a folder. Move that file aside, or start the tracker with another data folder (--data-dir DIR or RPT_DATA_DIR).`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return readOnlyError(folder);
  if (code === 'ENOSPC') return new DatabaseOpenError('unreadable', `The disk is full: the data folder ${folder} cannot be made. Free some space, then start the tracker again.`);
  return error instanceof Error ? error : new Error(String(error));
}

export { LATEST_VERSION };
