import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { describeWriteError, writeFileAtomic, type FileSuffix } from '../files';

/**
 * The one way an export reaches a file on this computer (Word, spreadsheet; product exports and
 * the lot register's): refused in the browser, where exports are downloads; built before anything
 * is written, so a refusal is not a write error; written atomically (never a partial file); a
 * write error said in words on `outPath`.
 */
export async function saveExport(ctx: ServiceContext, outPath: string, build: () => Promise<{ bytes: Uint8Array; suffix: FileSuffix }>): Promise<{ path: string; bytes: number }> {
  if (ctx.info.frontDoor === 'web') throw new AppError('FORBIDDEN', 'In the browser, exports are downloaded; only the desktop app and the CLI write files.');
  const { bytes, suffix } = await build();
  try {
    return writeFileAtomic(outPath, bytes, suffix);
  } catch (error) {
    const message = describeWriteError(error, outPath);
    throw new AppError('CONFLICT', message, [{ path: 'outPath', message }]);
  }
}
