import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that it is either there complete or not at all: a temporary file in the same
 * folder, flushed, then renamed over the target. On any failure the temporary file is removed
 * and the error says what to fix.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): { path: string; bytes: number } {
  const full = path.resolve(target);
  const dir = path.dirname(full);
  if (!fs.existsSync(dir)) throw new Error(`The folder ${dir} does not exist. Choose an existing folder.`);
  if (fs.existsSync(full) && fs.statSync(full).isDirectory()) throw new Error(`${full} is a folder. Give a file name.`);
  const temp = path.join(dir, `.${path.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, full);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new Error(`Cannot write to ${dir} (${code}). Choose a folder you can write to.`);
    throw error;
  }
  return { path: full, bytes: fs.statSync(full).size };
}
