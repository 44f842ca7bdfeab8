import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../db/backup';
import { auditEntriesOf } from '../contract';
import { call, sampleProfile } from '../test-support/backend';
import { bundleChild } from '../test-support/childScript';
import { createBackend } from './backend';
import { RESTORE_CRASH_POINTS } from './crashPoint';

/*
 * Issue 12 item 2: a restore SIGKILLed right after the swap left the restored data with no
 * "restore" entry in the trail. Here a child restores a backup and kills itself at every step
 * of the restore; after each kill the tracker starts again and the data and the trail must
 * agree: either nothing was restored and there is no restore entry, or the backup's data is
 * live with its restore entry, and no half-made copy is left.
 */

let work: string;
let childScript: string;
let template: string;
let backupName: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-restore-crash-'));
  childScript = await bundleChild('restore-child.ts', work);

  // A data folder with KEEP-1 in a backup and LATER-2 made after it.
  template = path.join(work, 'template');
  const backend = createBackend({ dataDir: template, frontDoor: 'cli', log: () => {} });
  await call(backend, 'products.create', sampleProfile({ code: 'KEEP-1' }));
  backupName = (await call(backend, 'backups.create')).name;
  await call(backend, 'products.create', sampleProfile({ code: 'LATER-2' }));
  backend.close();
}, 60_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function restoreThenDie(dataDir: string, crashAt: string | null): Promise<{ signal: string | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (crashAt) env.RPT_CRASH_AT = crashAt;
    else delete env.RPT_CRASH_AT;
    const child = spawn(process.execPath, [childScript, dataDir, backupName], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, out, err });
    });
  });
}

async function stateAfterRestart(dataDir: string) {
  const backend = createBackend({ dataDir, frontDoor: 'cli', log: () => {} });
  try {
    const codes = (await call(backend, 'products.list')).map((p) => p.code).sort();
    const restores = auditEntriesOf(await call(backend, 'audit.list', {})).filter((e) => e.action === 'restore');
    return { codes, restores, leftovers: fs.readdirSync(dataDir).filter((n) => n.includes('.restoring')) };
  } finally {
    backend.close();
  }
}

describe('a restore killed at every step', () => {
  const points = [...RESTORE_CRASH_POINTS, null] as const;
  it.each(points.map((p) => [p ?? 'not killed', p]))('%s: data and trail agree after restart', async (_label, point) => {
    const dataDir = path.join(work, `run-${point ?? 'none'}`.replace(':', '-'));
    fs.cpSync(template, dataDir, { recursive: true });
    const run = await restoreThenDie(dataDir, point);
    if (point === null) expect(run.out, run.err).toContain('restored');
    else expect(run.signal, `${run.err}${run.out}`).toBe('SIGKILL');

    expect(checkIntegrity(path.join(dataDir, 'tracker.sqlite'))).toBe('ok');
    const state = await stateAfterRestart(dataDir);
    const swapped = point === null || point === 'restore:swapped';
    if (swapped) {
      expect(state.codes).toEqual(['KEEP-1']);
      expect(state.restores).toHaveLength(1);
      expect(state.restores[0]).toMatchObject({ newValue: backupName });
    } else {
      expect(state.codes).toEqual(['KEEP-1', 'LATER-2']);
      expect(state.restores).toHaveLength(0);
    }
    expect(state.leftovers).toEqual([]);
  }, 60_000);
});
