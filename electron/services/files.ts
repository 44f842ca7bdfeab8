import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A file kind the tracker writes, by the suffix its name must end in. */
export const FILE_SUFFIXES = { docx: '.docx', xlsx: '.xlsx', csv: '.csv', bundle: '.rptbundle' } as const;
export type FileSuffix = (typeof FILE_SUFFIXES)[keyof typeof FILE_SUFFIXES];

/** The kind a suggested file name is of, by its suffix; null for a name the tracker never writes. */
export function suffixOf(name: string): FileSuffix | null {
  const lower = name.toLowerCase();
  return Object.values(FILE_SUFFIXES).find((suffix) => lower.endsWith(suffix)) ?? null;
}

/** Why a target was refused before anything was written; describeWriteError words each. */
export type TargetRefusal = 'RPT_SPECIAL_FILE' | 'RPT_SYMLINK' | 'RPT_SUFFIX';

function refuse(code: TargetRefusal, message: string): never {
  throw Object.assign(new Error(message), { code });
}

/**
 * What is at the target now: nothing (a new name), or a regular file whose permission bits the
 * new file keeps. A symbolic link, a folder, a FIFO, a device or a socket is refused: replacing
 * it would silently turn /dev/null or a pipe into a regular file, or write through a link.
 */
function inspectTarget(full: string): { mode: number } | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (stat.isSymbolicLink()) refuse('RPT_SYMLINK', `${full} is a symbolic link`);
  if (stat.isDirectory()) throw Object.assign(new Error(`${full} is a folder`), { code: 'EISDIR' });
  if (!stat.isFile()) refuse('RPT_SPECIAL_FILE', `${full} is not a regular file`);
  return { mode: stat.mode & 0o7777 };
}

/**
 * Writes a file so that the target is either the previous file or the complete new one: a
 * temporary file beside it (same file system, so the rename is atomic), flushed to disk, then
 * renamed over the target. The target must end in `suffix` and be a new name or a regular file
 * (whose mode is kept). On any failure the temporary file is removed and the original error
 * rethrown (its `code` tells callers what went wrong; describeWriteError words it).
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, suffix: FileSuffix): { path: string; bytes: number } {
  const full = path.resolve(target);
  if (!full.toLowerCase().endsWith(suffix)) refuse('RPT_SUFFIX', `${full} does not end in ${suffix}`);
  const existing = inspectTarget(full);
  const dir = path.dirname(full);
  const temp = path.join(dir, `.${path.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', existing?.mode ?? 0o644);
    // open() applies the umask; an existing file's mode is kept exactly (a 0600 file stays 0600).
    if (existing) fs.fchmodSync(fd, existing.mode);
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // Looked at again just before the swap: something may have been put there meanwhile.
    inspectTarget(full);
    fs.renameSync(temp, full);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
  return { path: full, bytes: bytes.length };
}

/* Makes the rename itself durable on POSIX; Windows cannot open a folder for fsync, and the file
 * is complete there already, so a failure here is not a write failure. */
function syncDirectory(dir: string) {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // see above
  }
}

/** A write failure in words a person can act on. */
export function describeWriteError(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const dir = path.dirname(path.resolve(target));
  switch (code) {
    case 'ENOENT':
      return `Cannot write ${target}: the folder ${dir} does not exist. Choose an existing folder; no file was written.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Cannot write ${target}: the folder ${dir} is not writable (${code}). Choose another place; no file was written.`;
    case 'EISDIR':
      return `Cannot write ${target}: it is a folder. Give a file name; no file was written.`;
    case 'RPT_SYMLINK':
      return `Cannot write ${target}: it is a symbolic link. Choose the file itself or a new name; nothing was written.`;
    case 'RPT_SPECIAL_FILE':
      return `Cannot write ${target}: it is not a regular file (a device, a pipe or a socket). Choose a new file name; nothing was written.`;
    case 'RPT_SUFFIX':
      return `Cannot write ${target}: the file name must end in ${(error as Error).message.split(' ').pop()}. Change the name; no file was written.`;
    case 'ENOSPC':
      return `Cannot write ${target}: the disk is full. Free some space; no file was written.`;
    default:
      return `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}. No file was written.`;
  }
}
