import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../contract';
import { sampleProfile } from '../rpc/testing';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', '--data-dir', dataDir, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RPT_DATA_DIR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI front door', () => {
  it('lists every channel of the contract', () => {
    const r = cli('channels');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Array<{ name: string }>).map((c) => c.name)).toEqual(CHANNELS);
  });

  it('loads the examples and prints products as id, code, name, stage', () => {
    expect(cli('load-examples').code).toBe(0);
    const r = cli('products');
    expect(r.code).toBe(0);
    const products = JSON.parse(r.out) as Array<Record<string, string>>;
    expect(products).toHaveLength(4);
    expect(Object.keys(products[0]!)).toEqual(['id', 'code', 'name', 'stage']);
    expect(products.map((p) => p.code).sort()).toEqual(['AFSC-HX-01', 'BM-EXO-NP', 'CFAF-EV-C19', 'MSC-CM-DW']);
  });

  it('calls a channel, printing the Result, and exits 1 on an error', () => {
    const created = cli('call', 'products.create', JSON.stringify(sampleProfile({ code: 'CLI-1' })));
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ ok: true, value: { code: 'CLI-1' } });
    const dup = cli('call', 'products.create', JSON.stringify(sampleProfile({ code: 'cli-1' })));
    expect(dup.code).toBe(1);
    expect(JSON.parse(dup.out)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('exits 2 with a clear message on a wrong command line', () => {
    const badJson = cli('call', 'products.create', '{oops');
    expect(badJson.code).toBe(2);
    expect(badJson.err).toMatch(/not valid JSON/);
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown command "frobnicate"/);
  });
});
