import fs from 'node:fs';
import path from 'node:path';
import { type AuditRecord, DB_FILE_NAME, LATEST_VERSION, openDatabase, repositories, transactionOn, type OpenedDatabase } from '../../db';
import { backupDatabase, checkIntegrity, DEFAULT_BACKUPS_KEPT, listBackups, pruneBackups, removeLeftovers, stamp, type BackupFile } from '../../db/backup';
import type { Result } from '../contract';
import type { AppInfoValue, Maintenance } from '../services/context';
import { createContext, localDate, type ServiceContext } from '../services/context';
import { AppError } from '../services/errors';
import { supersedeChanged } from '../services/signatures/verify';
import { createDispatcher, type Dispatch } from './dispatch';
import { crashPoint } from './crashPoint';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dataDir: string;
  frontDoor: AppInfoValue['frontDoor'];
  nativeBinding?: string;
  clock?: () => string;
  log?: (message: string, error: unknown) => void;
}

export interface Backend {
  dispatch: Dispatch;
  /** The current context (a restore replaces it). */
  readonly ctx: ServiceContext;
  /** Makes the day's automatic backup if there is none yet; front doors call it after start-up. */
  dailyBackup(): Promise<BackupFile | null>;
  close(): void;
}


/** The copy a restore prepares beside the data file; only a finished one is renamed over it. */
const RESTORING_SUFFIX = '.restoring';

function removeWithSidecars(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Flushes a file (or, on POSIX, a folder's entries) to disk; Windows cannot open a folder, and there the rename is durable already. */
function fsyncFile(file: string) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // see above
  }
}

const noMaintenance: Maintenance = {
  backupDir: '',
  backupNow: () => Promise.reject(new AppError('CONFLICT', 'No backup can be made while a restore prepares its copy.')),
  restore: () => Promise.reject(new AppError('CONFLICT', 'A restore is already in progress.')),
};

/** Writes the restore's audit entry into the prepared copy (migrating it if it is older), then leaves it one complete, flushed file. */
function auditRestoreInto(incoming: string, info: ServiceContext['info'], backupDir: string, clock: () => string, nativeBinding: string | undefined, record: AuditRecord) {
  const copy = openDatabase(incoming, { nativeBinding, backupDir });
  try {
    createContext(repositories(copy.db), transactionOn(copy.db), info, noMaintenance, clock).write((audit) => audit(record));
    crashPoint('restore:audited');
    copy.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    copy.db.close();
  }
  fsyncFile(incoming);
}

/**
 * Restores a backup over a data file the start-up check refused (damaged or empty), without
 * opening it: the damaged file is copied aside first (kept, never deleted), the backup is
 * prepared with its restore entry as in a normal restore, and one rename puts it in place.
 */
export function restoreOverDamaged(options: { dataDir: string; name: string; nativeBinding?: string; clock?: () => string }): { restored: string; damagedKeptAs: string | null } {
  const dbPath = path.join(options.dataDir, DB_FILE_NAME);
  const backupDir = path.join(options.dataDir, 'backups');
  const clock = options.clock ?? (() => new Date().toISOString());
  const backup = listBackups(backupDir).find((b) => b.name === options.name);
  if (!backup) throw new AppError('NOT_FOUND', `There is no backup named "${options.name}" in ${backupDir}. List them with: npm run -s cli -- backups`);
  const verdict = checkIntegrity(backup.path, options.nativeBinding);
  if (verdict !== 'ok') throw new AppError('CONFLICT', `The backup ${options.name} is damaged too (${verdict.slice(0, 200)}); nothing was changed. Choose another backup.`);
  let damagedKeptAs: string | null = null;
  if (fs.existsSync(dbPath)) {
    if (!fs.statSync(dbPath).isFile()) throw new AppError('CONFLICT', `${dbPath} is not a file; move it aside first. Nothing was changed.`);
    damagedKeptAs = `${DB_FILE_NAME}.damaged-${stamp(new Date(clock()))}`;
    for (const suffix of ['', '-wal']) if (fs.existsSync(dbPath + suffix)) fs.copyFileSync(dbPath + suffix, path.join(options.dataDir, damagedKeptAs + suffix));
  }
  const incoming = `${dbPath}${RESTORING_SUFFIX}`;
  removeWithSidecars(incoming);
  fs.copyFileSync(backup.path, incoming);
  const info = { version: APP_VERSION, dataDir: options.dataDir, dbPath: incoming, schemaVersion: LATEST_VERSION, frontDoor: 'cli' as const };
  auditRestoreInto(incoming, info, backupDir, clock, options.nativeBinding, {
    entity: 'database', entityId: DB_FILE_NAME, productId: null, action: 'restore', field: 'backup', oldValue: damagedKeptAs ?? '(no data file)', newValue: options.name,
    reason: `Restored from ${options.name} over a data file the start-up check refused${damagedKeptAs ? `; that file is kept as ${damagedKeptAs}` : ''}`,
  });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(incoming, dbPath);
  fsyncFile(options.dataDir);
  return { restored: options.name, damagedKeptAs };
}

/**
 * Opens the data file and wires services to the dispatcher: the same for every front door. It
 * owns the connection, so it also owns what replaces it (restore) and the backups.
 */
export function createBackend(options: BackendOptions): Backend {
  const dbPath = path.join(options.dataDir, DB_FILE_NAME);
  const backupDir = path.join(options.dataDir, 'backups');
  const clock = options.clock ?? (() => new Date().toISOString());
  let opened: OpenedDatabase;
  let ctx: ServiceContext;
  let inner: Dispatch;
  let restoring = false;

  const keep = () => Number(ctx.repos.settings.get('backupKeep') ?? DEFAULT_BACKUPS_KEPT);

  const maintenance: Maintenance = {
    backupDir,
    async backupNow(kind) {
      const made = await backupDatabase(opened.db, backupDir, kind, options.nativeBinding);
      pruneBackups(backupDir, keep());
      removeLeftovers(backupDir);
      return made;
    },
    async restore(name) {
      const backup = listBackups(backupDir).find((b) => b.name === name);
      if (!backup) throw new AppError('NOT_FOUND', `There is no backup named "${name}" in ${backupDir}. List them with backups.list.`);
      const verdict = checkIntegrity(backup.path, options.nativeBinding);
      if (verdict !== 'ok') throw new AppError('CONFLICT', `The backup ${name} is damaged (${verdict.slice(0, 200)}); nothing was changed. Choose another backup.`);
      restoring = true;
      try {
        const saved = await backupDatabase(opened.db, backupDir, 'pre-restore', options.nativeBinding);
        crashPoint('restore:saved');
        const incoming = `${dbPath}${RESTORING_SUFFIX}`;
        removeWithSidecars(incoming);
        fs.copyFileSync(backup.path, incoming);
        crashPoint('restore:copied');
        /* The restore's own audit entry is written into the incoming copy before the swap, so the
         * rename below brings the restored data and its audit entry in one atomic step: killed
         * before it, the data and trail are as they were (start-up removes the copy); after it,
         * both are the restored ones. */
        auditRestoreInto(incoming, { ...ctx.info, dbPath: incoming }, backupDir, clock, options.nativeBinding, {
          entity: 'database', entityId: DB_FILE_NAME, productId: null, action: 'restore', field: 'backup', oldValue: saved.name, newValue: name, reason: `Restored from ${name}; the data before the restore is kept as ${saved.name}`,
        });
        crashPoint('restore:ready');
        opened.db.pragma('wal_checkpoint(TRUNCATE)');
        opened.db.close();
        crashPoint('restore:closed');
        for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
        crashPoint('restore:cleared');
        fs.renameSync(incoming, dbPath);
        fsyncFile(options.dataDir);
        crashPoint('restore:swapped');
        open();
        return { restored: name, previousSavedAs: saved.name };
      } catch (error) {
        // Whatever happened, leave the back end with an open database rather than a closed one.
        if (!opened.db.open) open();
        throw error;
      } finally {
        restoring = false;
      }
    },
  };

  function open() {
    opened = openDatabase(dbPath, { nativeBinding: options.nativeBinding });
    // A restore killed before its swap left its copy behind: the restore did not happen.
    removeWithSidecars(`${dbPath}${RESTORING_SUFFIX}`);
    removeLeftovers(backupDir);
    ctx = createContext(
      repositories(opened.db),
      transactionOn(opened.db),
      { version: APP_VERSION, dataDir: options.dataDir, dbPath, schemaVersion: opened.schemaVersion, frontDoor: options.frontDoor },
      maintenance,
      clock,
      supersedeChanged,
    );
    inner = createDispatcher(ctx, options.log);
  }
  open();

  const busy: Result<unknown> = { ok: false, error: { code: 'DB_BUSY', message: 'A backup is being restored. Try again in a moment.' } };
  return {
    dispatch: (channel, input) => (restoring && channel !== 'backups.restore' ? Promise.resolve(busy) : inner(channel, input)),
    get ctx() {
      return ctx;
    },
    async dailyBackup() {
      const today = localDate(new Date(clock()));
      const done = listBackups(backupDir).some((b) => b.kind === 'daily' && localDate(new Date(b.createdAt)) === today);
      return done ? null : maintenance.backupNow('daily');
    },
    close: () => opened.db.close(),
  };
}

export { LATEST_VERSION };
