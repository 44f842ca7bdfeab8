import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistsView, PathwayView, Product } from '../../../contract';
import { call, sampleProfile, tempBackend } from '../../../test-support/backend';
import { csvField, toCsv } from './csv';

let backend: ReturnType<typeof tempBackend>;
let out: string;
beforeEach(() => {
  backend = tempBackend(() => '2026-01-05T12:00:00.000Z');
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-sheets-'));
});
afterEach(() => {
  backend.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

async function product(): Promise<Product> {
  return call(backend, 'products.create', { ...sampleProfile({ code: 'SHEET-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
}

/** LibreOffice (headless) converts a file to CSV in `out`; returns its rows, parsed as RFC 4180. */
function viaLibreOffice(file: string, filter: string): string[][] {
  const conv = path.join(out, 'lo');
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(out, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', conv, file], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const text = fs.readFileSync(path.join(conv, `${path.basename(file, path.extname(file))}.csv`), 'utf8');
  return parseCsv(text.replace(/^\uFEFF/, ''));
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('CSV (RFC 4180, UTF-8 with BOM)', () => {
  it('quotes only what needs it, doubles quotes, ends lines with CRLF and starts with a BOM', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "why"')).toBe('"say ""why"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const bytes = toCsv({ name: 'T', columns: [{ header: 'Name', kind: 'text', width: 10 }, { header: 'Due', kind: 'date', width: 10 }, { header: 'Done', kind: 'boolean', width: 5 }], rows: [['Zeta-potential, EVs', '2026-02-01', true], ['µg/mL "batch"', null, false]] });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe('Name,Due,Done\r\n"Zeta-potential, EVs",2026-02-01,yes\r\n"µg/mL ""batch""",,no\r\n');
  });
});

describe('spreadsheet exports, read back with LibreOffice', () => {
  it('the checklists as .xlsx and .csv: same rows, dates as dates, written atomically by exports.save', async () => {
    const p = await product();
    const view: ChecklistsView = await call(backend, 'checklists.generate', { productId: p.id });
    const item = view.checklists[0]!.items[0]!;
    await call(backend, 'checklistItems.update', { id: item.id, changes: { owner: 'Ana, RA "lead"', due: { kind: 'fixed', date: '2026-03-31' } } });

    const xlsx = path.join(out, 'checklists.xlsx');
    const csv = path.join(out, 'checklists.csv');
    expect((await call(backend, 'exports.save', { kind: 'ind-checklist', productId: p.id, format: 'xlsx', outPath: xlsx })).path).toBe(xlsx);
    await call(backend, 'exports.save', { kind: 'ind-checklist', productId: p.id, format: 'csv', outPath: csv });
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const fromXlsx = viaLibreOffice(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false');
    const fromCsv = parseCsv(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''));
    const total = view.checklists.reduce((n, c) => n + c.items.length, 0);
    expect(fromXlsx.length).toBe(total + 1);
    expect(fromXlsx[0]).toEqual(['Checklist', 'Section', 'Item', 'Required', 'Status', 'Owner', 'Due', 'Overdue', 'Citation', 'Justification (not applicable)', 'Document']);
    const row = fromXlsx.find((r) => r[2] === item.title)!;
    expect(row[5]).toBe('Ana, RA "lead"');
    expect(row[6]).toBe('2026-03-31'); // a date cell, formatted yyyy-mm-dd
    expect(row[4]).toBe('Not started');
    // The .csv says the same as the .xlsx (booleans: yes/no in CSV, TRUE/FALSE in a sheet).
    const norm = (r: string[]) => r.map((v) => (v === 'TRUE' ? 'yes' : v === 'FALSE' ? 'no' : v));
    expect(fromCsv.map(norm)).toEqual(fromXlsx.map(norm));
  }, 180_000);

  it('the plan as .xlsx (milestones with forecast, slack and critical) and the audit extract as .csv; Word only for planning', async () => {
    const p = await product();
    const pathway: PathwayView = await call(backend, 'pathway.get', { productId: p.id });
    const plan = path.join(out, 'plan.xlsx');
    await call(backend, 'exports.save', { kind: 'plan', productId: p.id, format: 'xlsx', outPath: plan });
    const rows = viaLibreOffice(plan, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false');
    const milestones = pathway.stages.flatMap((s) => s.milestones);
    expect(rows.length).toBe(milestones.length + 1);
    expect(rows[0]!.slice(0, 11)).toEqual(['Stage', 'Milestone', 'Duration (days)', 'Planned start', 'Planned finish', 'Forecast start', 'Forecast finish', 'Actual start', 'Actual finish', 'Slack (days)', 'Critical']);
    const ind = milestones.find((m) => m.key === 'ind-submitted')!;
    const indRow = rows.find((r) => r[1] === ind.name)!;
    expect(indRow.slice(5, 7)).toEqual([ind.forecastStart, ind.forecastFinish]);
    expect(indRow[9]).toBe(String(ind.totalSlack));
    expect(indRow[10]).toBe(ind.critical ? 'TRUE' : 'FALSE');

    const rendered = await call(backend, 'exports.render', { kind: 'audit', productId: p.id, format: 'csv' });
    expect(rendered.fileName).toBe('SHEET-1-audit-extract-2026-01-05.csv');
    const audit = parseCsv(Buffer.from(rendered.base64, 'base64').toString('utf8').replace(/^\uFEFF/, ''));
    expect(audit[0]![0]).toBe('When (UTC)');
    expect(audit.length).toBeGreaterThan(2);

    const refused = await backend.dispatch('exports.render', { kind: 'planning', productId: p.id, format: 'xlsx' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'format' }] } });
    const wrongName = await backend.dispatch('exports.save', { kind: 'plan', productId: p.id, format: 'xlsx', outPath: path.join(out, 'plan.docx') });
    expect(wrongName).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'outPath', message: 'The file name must end in .xlsx' }] } });
  }, 180_000);

  it('the CLI writes a spreadsheet, the format taken from --format or the file name', async () => {
    const p = await product();
    const root = path.resolve(import.meta.dirname, '../../../..');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', '--data-dir', backend.dataDir, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, RPT_DATA_DIR: '' } });
    const csv = path.join(out, 'plan.csv');
    expect(cli('export', 'plan', '--product', p.code, '--out', csv).status).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFStage,Milestone,Duration (days),')).toBe(true);
    const xlsx = path.join(out, 'audit.xlsx');
    expect(cli('export', 'audit', '--product', p.code, '--format', 'xlsx', '--out', xlsx).status).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK'); // a zip: the .xlsx package
    const refused = cli('export', 'plan', '--product', p.code, '--format', 'xlsx', '--out', path.join(out, 'plan.docx'));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr + refused.stdout).toContain('The file name must end in .xlsx');
  }, 120_000);
});
