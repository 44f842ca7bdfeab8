import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../db';
import { inspectDatabase } from '../../db/testing';
import { CHANNELS, CLOCK_EVENT_IDS } from '../contract';
import { sampleProfile } from '../test-support/backend';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return cliIn(dataDir, ...args);
}

function cliIn(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', '--data-dir', dir, ...args], {
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

  it("prints the audit trail in the same words as the Audit page, and the stage each product's pathway gives", () => {
    const r = cli('audit', '--product', 'CFAF-EV-C19');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC {2}— {2}.+ {2}Loaded the example portfolio: /);
    expect(lines.some((l) => /^ {4}Milestone “FDA receives IND” actual finish — → \d{4}-\d{2}-\d{2}/.test(l))).toBe(true);
    expect(r.out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|\{"/);
    const products = JSON.parse(cli('products').out) as Array<Record<string, string>>;
    expect(products.find((p) => p.code === 'CFAF-EV-C19')!.stage).toBe('phase-1-2');
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

describe('CLI clocks command', () => {
  type Line = { rule: string; label: string; date: string | { from: string; to: string } | null; citation: string; unconfirmed?: true; note?: string };
  // A folder that does not exist: the clocks command must neither need nor create a data file.
  const noDataDir = path.join(dataDir, 'clocks-never-created');

  it('answers "FDA got it on the 2nd" with dates, windows and citations, without a data file', () => {
    const r = cliIn(noDataDir, 'clocks', 'ind-received', '2026-03-02');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = JSON.parse(r.out) as Line[];
    expect(lines[0]).toMatchObject({ rule: 'ind.in-effect', date: '2026-04-01', citation: '21 CFR 312.40(b)' });
    expect(Object.keys(lines[0]!)).toEqual(['rule', 'label', 'date', 'citation', 'note']);
    const reports = lines.filter((l) => l.rule === 'ind.annual-report');
    expect(reports).toHaveLength(3);
    expect(reports[0]).toMatchObject({ date: { from: '2027-04-01', to: '2027-05-31' }, citation: '21 CFR 312.33' });
    expect(fs.existsSync(noDataDir)).toBe(false);
  });

  it('takes the meeting type (and date) for a meeting request, marking unconfirmed rules', () => {
    const b = cliIn(noDataDir, 'clocks', 'meeting-request-received', '2026-03-02', '--meeting-type', 'B');
    expect(b.code).toBe(0);
    const lines = JSON.parse(b.out) as Line[];
    // In date order.
    expect(lines.map((l) => [l.rule, l.date])).toEqual([
      ['meeting.b.reply', '2026-03-23'],
      ['meeting.b.briefing-package', '2026-04-01'],
      ['meeting.b.preliminary-responses', '2026-04-29'],
      ['meeting.b.held-by', '2026-05-01'],
    ]);
    const c = cliIn(noDataDir, 'clocks', 'meeting-request-received', '2026-03-02', '--meeting-type', 'C', '--meeting-date', '2026-05-04');
    expect(c.code).toBe(0);
    const briefing = (JSON.parse(c.out) as Line[]).find((l) => l.rule === 'meeting.c.briefing-package');
    expect(briefing).toMatchObject({ date: '2026-03-18', unconfirmed: true });
    expect(fs.existsSync(noDataDir)).toBe(false);
  });

  it('flags a Saturday receipt or one after 4:30 pm Eastern with the next business day, unconfirmed', () => {
    const saturday = cliIn(noDataDir, 'clocks', 'ind-received', '2026-03-07');
    expect(saturday.code).toBe(0);
    const first = (JSON.parse(saturday.out) as Line[])[0]!;
    expect(first).toMatchObject({ rule: 'receipt.next-business-day', date: '2026-03-09', unconfirmed: true });
    expect(first.label).toMatch(/Saturday/);
    const late = cliIn(noDataDir, 'clocks', 'meeting-request-received', '2026-03-02', '--meeting-type', 'B', '--receipt-time', '16:45');
    expect((JSON.parse(late.out) as Line[])[0]).toMatchObject({ rule: 'receipt.next-business-day', date: '2026-03-03' });
    const bad = cliIn(noDataDir, 'clocks', 'ind-received', '2026-03-02', '--receipt-time', '4pm');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--receipt-time: Receipt time: HH:MM/);
  });

  it('refuses a meeting date that leaves no time for the briefing package after the request (exit 2)', () => {
    const r = cliIn(noDataDir, 'clocks', 'meeting-request-received', '2026-03-02', '--meeting-type', 'B', '--meeting-date', '2026-03-03');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--meeting-date: The meeting date 2026-03-03 is too soon after the request .*on or after 2026-04-01/);
  });

  it('refuses a meeting request without its meeting type, naming the option (exit 2)', () => {
    const r = cliIn(noDataDir, 'clocks', 'meeting-request-received', '2026-03-02');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--meeting-type: Choose the meeting type \(A, B, B-EOP, C, D or INTERACT\)/);
  });

  it('refuses an unknown event, listing the valid ones (exit 2)', () => {
    const r = cliIn(noDataDir, 'clocks', 'foo', '2026-03-02');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Unknown event "foo". Valid events: ${CLOCK_EVENT_IDS.join(', ')}`);
  });

  it('refuses a malformed or impossible date and an unknown meeting type (exit 2)', () => {
    const malformed = cliIn(noDataDir, 'clocks', 'ind-received', '2/3/2026');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/"2\/3\/2026" is not in the form YYYY-MM-DD/);
    const impossible = cliIn(noDataDir, 'clocks', 'ind-received', '2026-02-30');
    expect(impossible.code).toBe(2);
    expect(impossible.err).toMatch(/does not exist in the calendar/);
    const type = cliIn(noDataDir, 'clocks', 'meeting-request-received', '2026-03-02', '--meeting-type', 'E');
    expect(type.code).toBe(2);
    expect(type.err).toMatch(/Unknown meeting type "E". Valid meeting types: A, B, B-EOP, C, D, INTERACT/);
    expect(fs.existsSync(noDataDir)).toBe(false);
  });
});

describe('CLI verify-signatures', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-cli-sign-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const value = (r: { out: string }) => (JSON.parse(r.out) as { value: Record<string, unknown> }).value;

  it('lists a signature whose record was edited in SQLite directly, with the reason, and exits 1', () => {
    const product = value(cliIn(dir, 'call', 'products.create', JSON.stringify({ ...sampleProfile({ code: 'SIG-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } })));
    const view = value(cliIn(dir, 'call', 'checklists.generate', JSON.stringify({ productId: product.id }))) as { checklists: Array<{ items: Array<{ id: string }> }> };
    const signer = value(cliIn(dir, 'call', 'signers.create', JSON.stringify({ displayName: 'Ana Silva', password: 'correct horse 1' })));
    const itemId = view.checklists[0]!.items[0]!.id;
    const signed = cliIn(dir, 'call', 'signatures.sign', JSON.stringify({ kind: 'checklist_item', recordId: itemId, signerId: signer.id, password: 'correct horse 1', evidence: { notes: 'binder 1' } }));
    expect(signed.code).toBe(0);
    const clean = cliIn(dir, 'verify-signatures', '--product', 'SIG-1');
    expect(clean).toMatchObject({ code: 0, out: expect.stringMatching(/^1 signature\(s\) checked: 1 valid, 0 superseded, 0 failing\./) });
    const db = inspectDatabase(path.join(dir, DB_FILE_NAME));
    db.tamper(`UPDATE checklist_item SET notes = 'elsewhere' WHERE id = ?`, itemId);
    db.close();
    const caught = cliIn(dir, 'verify-signatures');
    expect(caught.code).toBe(1);
    expect(caught.out).toMatch(/FAIL {2}Checklist item ".+" {2}Ana Silva — Approved — 2026-\d\d-\d\d/);
    expect(caught.out).toMatch(/edited outside the app/);
  });
});
