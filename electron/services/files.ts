import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that the target is either the previous file or the complete new one: a
 * temporary file beside it (same file system, so the rename is atomic), flushed to disk, then
 * renamed over the target. On any failure the temporary file is removed and the original error
 * rethrown (its `code` tells callers what went wrong; describeWriteError words it).
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): { path: string; bytes: number } {
  const full = path.resolve(target);
  const dir = path.dirname(full);
  const temp = path.join(dir, `.${path.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
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
    case 'ENOSPC':
      return `Cannot write ${target}: the disk is full. Free some space; no file was written.`;
    default:
      return `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}. No file was written.`;
  }
}
