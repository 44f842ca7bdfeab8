import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxText } from '../test-support/docx';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-cli-lots-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', '--data-dir', dataDir, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, RPT_DATA_DIR: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('CLI: lot register exports', () => {
  it('writes a certificate of analysis and the batch analyses report; an unknown lot is a usage error naming the lots', () => {
    expect(cli('load-examples').code).toBe(0);
    const coa = path.join(dataDir, 'coa.docx');
    const r = cli('export', 'certificate', '--product', 'CFAF-EV-C19', '--lot', 'cfaf-007', '--out', coa);
    expect(r.code).toBe(0);
    expect(docxText(fs.readFileSync(coa))).toMatch(/Certificate of analysis.*Lot CFAF-007.*Endotoxin.*0\.82 EU\/mL.*Out of specification/s);
    const batch = path.join(dataDir, 'batch.docx');
    expect(cli('export', 'batch-analysis', '--product', 'CFAF-EV-C19', '--out', batch, '--paper', 'a4').code).toBe(0);
    expect(docxText(fs.readFileSync(batch))).toMatch(/Batch analyses.*CFAF-016/s);
    const missing = cli('export', 'certificate', '--product', 'CFAF-EV-C19', '--lot', 'X-1', '--out', path.join(dataDir, 'x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/No lot "X-1" for this product\. Its lots: CFAF-001, /);
    expect(fs.existsSync(path.join(dataDir, 'x.docx'))).toBe(false);
  });
});
