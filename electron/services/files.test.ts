import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, sampleProfile, tempBackend } from '../test-support/backend';
import { describeWriteError, FILE_SUFFIXES, suffixOf, writeFileAtomic } from './files';

/*
 * Issue 12 item 6: `--out` over a FIFO, a device or a symlink replaced it with a regular file,
 * and over a 0600 file it left 0644. The writer now refuses anything that is not a regular file
 * or a new name, keeps an existing file's mode, and wants the suffix of what it writes.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-files-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function failure(write: () => unknown): NodeJS.ErrnoException {
  try {
    write();
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('the write was not refused');
}

const noTemp = () => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('writeFileAtomic refuses special targets and keeps them as they were', () => {
  it('a FIFO stays a FIFO', () => {
    const fifo = path.join(dir, 'pipe.docx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const error = failure(() => writeFileAtomic(fifo, 'x', FILE_SUFFIXES.docx));
    expect(error.code).toBe('RPT_SPECIAL_FILE');
    expect(describeWriteError(error, fifo)).toMatch(/not a regular file .*nothing was written/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(noTemp()).toEqual([]);
  });

  it('a socket stays a socket', async () => {
    const socket = path.join(dir, 's.rptbundle');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(failure(() => writeFileAtomic(socket, 'x', FILE_SUFFIXES.bundle)).code).toBe('RPT_SPECIAL_FILE');
      expect(fs.lstatSync(socket).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('a device stays a device (a symlink to /dev/null, and a device node where one can be made)', () => {
    const link = path.join(dir, 'null.docx');
    fs.symlinkSync('/dev/null', link);
    const error = failure(() => writeFileAtomic(link, 'x', FILE_SUFFIXES.docx));
    expect(error.code).toBe('RPT_SYMLINK');
    expect(describeWriteError(error, link)).toMatch(/symbolic link/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    // /dev/null itself: refused for its name before anything else is looked at.
    expect(failure(() => writeFileAtomic('/dev/null', 'x', FILE_SUFFIXES.docx)).code).toBe('RPT_SUFFIX');
    // As root, a device node named like an export: the check by type refuses it too.
    const node = path.join(dir, 'dev.docx');
    if (spawnSync('mknod', [node, 'c', '1', '3']).status === 0) {
      expect(failure(() => writeFileAtomic(node, 'x', FILE_SUFFIXES.docx)).code).toBe('RPT_SPECIAL_FILE');
      expect(fs.lstatSync(node).isCharacterDevice()).toBe(true);
    }
    expect(noTemp()).toEqual([]);
  });

  it('a symlink to a regular file is not written through', () => {
    const real = path.join(dir, 'real.docx');
    fs.writeFileSync(real, 'original');
    const link = path.join(dir, 'link.docx');
    fs.symlinkSync(real, link);
    expect(failure(() => writeFileAtomic(link, 'new', FILE_SUFFIXES.docx)).code).toBe('RPT_SYMLINK');
    expect(fs.readFileSync(real, 'utf8')).toBe('original');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a folder is refused as a folder', () => {
    const folder = path.join(dir, 'folder.docx');
    fs.mkdirSync(folder);
    expect(failure(() => writeFileAtomic(folder, 'x', FILE_SUFFIXES.docx)).code).toBe('EISDIR');
    expect(fs.statSync(folder).isDirectory()).toBe(true);
  });
});

describe('writeFileAtomic keeps modes and wants the right suffix', () => {
  it('keeps an existing 0600 file at 0600 (and 0640 at 0640)', () => {
    for (const mode of [0o600, 0o640]) {
      const target = path.join(dir, `secret-${mode.toString(8)}.docx`);
      fs.writeFileSync(target, 'old');
      fs.chmodSync(target, mode);
      writeFileAtomic(target, 'new', FILE_SUFFIXES.docx);
      expect(fs.readFileSync(target, 'utf8')).toBe('new');
      expect(fs.statSync(target).mode & 0o777).toBe(mode);
    }
  });

  it('writes a new name with the usual mode', () => {
    const target = path.join(dir, 'new.rptbundle');
    writeFileAtomic(target, '{}', FILE_SUFFIXES.bundle);
    expect(fs.statSync(target).isFile()).toBe(true);
    expect(fs.statSync(target).mode & 0o077 & ~process.umask()).toBe(0o044 & ~process.umask());
  });

  it('refuses a bundle without .rptbundle and an export without .docx, writing nothing', () => {
    for (const [name, suffix] of [
      ['bundle.json', FILE_SUFFIXES.bundle],
      ['bundle.rptbundle.exe', FILE_SUFFIXES.bundle],
      ['report.doc', FILE_SUFFIXES.docx],
    ] as const) {
      const target = path.join(dir, name);
      const error = failure(() => writeFileAtomic(target, 'x', suffix));
      expect(error.code).toBe('RPT_SUFFIX');
      expect(describeWriteError(error, target)).toContain(`must end in ${suffix}`);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(writeFileAtomic(path.join(dir, 'UPPER.DOCX'), 'x', FILE_SUFFIXES.docx).bytes).toBe(1);
  });

  it('knows the kind of a suggested name (the desktop save dialog)', () => {
    expect(suffixOf('UC-EV-01-2026-01-05.rptbundle')).toBe('.rptbundle');
    expect(suffixOf('plan.DOCX')).toBe('.docx');
    expect(suffixOf('evil.exe')).toBeNull();
  });
});

describe('exports.save through the dispatcher', () => {
  it('answers a clear CONFLICT for a FIFO and leaves it a FIFO', async () => {
    const backend = tempBackend();
    try {
      const product = await call(backend, 'products.create', {
        ...sampleProfile(),
        pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' },
      });
      const fifo = path.join(dir, 'plan.docx');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const result = await backend.dispatch('exports.save', { kind: 'plan', productId: product.id, outPath: fifo });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!result.ok) expect(result.error.message).toMatch(/not a regular file/);
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    } finally {
      backend.cleanup();
    }
  });
});
