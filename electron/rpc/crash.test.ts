import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectDatabase } from '../../db/testing';
import { bundleChild } from '../test-support/childScript';

const KILLS = 50;
let work: string;
let childScript: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-crash-'));
  childScript = await bundleChild('crash-child.ts', work);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs the writer until it has acknowledged at least one write and a random moment has passed, then SIGKILLs it. */
function writeThenKill(dataDir: string, first: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let buffer = '';
    let errors = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) acked.push(Number(line));
      if (!armed && acked.length > 0) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 150));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`The writer exited on its own (${code}): ${errors}`));
      else resolve(acked);
    });
    setTimeout(() => child.kill('SIGKILL'), 20_000);
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs at random moments`, async () => {
    const dataDir = path.join(work, 'data');
    const acknowledged = new Set<number>();
    let next = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const acked = await writeThenKill(dataDir, next);
      for (const n of acked) acknowledged.add(n);
      // A killed writer may have committed one more write than it acknowledged: numbering moves past it.
      next = Math.max(next, ...acked) + 2;

      const db = inspectDatabase(path.join(dataDir, 'tracker.sqlite'));
      try {
        expect(db.integrity()).toBe('ok');
        const codes = new Set(db.productCodes());
        const missing = [...acknowledged].filter((n) => !codes.has(`CRASH-${n}`));
        expect(missing, `acknowledged writes missing after kill ${kill + 1}`).toEqual([]);
        // Every product has its audit row: no change without its trace, no trace without its change.
        expect([db.productsWithoutCreateEntry(), db.auditEntriesWithoutProduct()]).toEqual([0, 0]);
      } finally {
        db.close();
      }
    }
    console.log(`crash safety: ${KILLS} kills, ${acknowledged.size} acknowledged writes, all present`);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS);
  }, 300_000);
});
