import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { checkIntegrity } from './backup';
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

function readVersion(file: string, nativeBinding?: string): number {
  // Read-only first: a database from a newer version must be left byte-for-byte untouched.
  let probe: Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding });
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DatabaseOpenError('corrupt', `The data file ${file} is not a readable database (${code}). Restore it from a backup, or move it aside to start afresh.`);
    }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw lockedError(file);
    }
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
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const before = existed ? readVersion(file, options.nativeBinding) : 0;
  if (before > latest) {
    throw new DatabaseOpenError(
      'too-new',
      `The data file ${file} was written by a newer version of the tracker (schema ${before}; this version understands up to ${latest}). Install the newer version to open it; the file was not changed.`,
    );
  }

  const db = new BetterSqlite3(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives a power cut, not just a crash of the process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');

    if (before > 0) {
      // Start-up check: a damaged file is reported before anything is written to it.
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      const verdict = rows.map((r) => r.integrity_check).join('; ');
      if (verdict !== 'ok') {
        throw new DatabaseOpenError('corrupt', `The data file ${file} failed its integrity check (${verdict.slice(0, 300)}). Restore the latest backup from ${path.join(path.dirname(file), 'backups')} (npm run -s cli -- restore <name>), or move the file aside.`);
      }
    }
    let preMigrationBackup: string | null = null;
    const pending = migrations.filter((m) => m.version > before);
    if (pending.length > 0 && before > 0) {
      const dir = options.backupDir ?? path.join(path.dirname(file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      preMigrationBackup = path.join(dir, `pre-migration-v${before}-${timestamp()}.sqlite`);
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
    throw error;
  }
}

export { LATEST_VERSION };
