import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntriesOf, type AuditEntry, type Channel, type ChannelInput, type ChecklistItem, type ChecklistsView, type PathwayView, type Product } from '../../contract';
import { call, sampleProfile, tempBackend } from '../../test-support/backend';
import { zipPart as readZipPart } from '../../test-support/docx';
import { buildAuditExtract, VALUE_MAX } from './auditExtract';
import { describeWriteError } from '../files';
import { PAPER_SIZES, writeDocxAtomic } from './document';
import { buildIndChecklist } from './indChecklist';
import { buildPlan, upcomingDeadlines } from './plan';
import { chooseTicks, renderTimelinePng, renderTimelineSvg } from './timelineFigure';

const GENERATED = '2026-01-05T12:00:00.000Z';
const TITLES = {
  approved: 'Form FDA 1571 completed and signed for the initial IND',
  inReview: 'Phase or phases of the clinical investigation to be conducted',
} as const;

let backend: ReturnType<typeof tempBackend>;
let outDir: string;
let product: Product;
let view: ChecklistsView;
let pathway: PathwayView;
let audit: AuditEntry[];
const files = { ind: '', indModule: '', plan: '', audit: '' };

const ok = <C extends Channel>(channel: C, input: ChannelInput<C>) => call(backend, channel, input);

const allItems = (v: ChecklistsView) => v.checklists.flatMap((c) => c.items);
const byTitle = (v: ChecklistsView, title: string): ChecklistItem => {
  const item = allItems(v).find((i) => i.title === title);
  if (item === undefined) throw new Error(`no item "${title}"`);
  return item;
};

/** One part of a .docx file (a ZIP), read without an unzip binary. */
const zipPart = (file: string, name: string) => readZipPart(fs.readFileSync(file), name);

function zipNames(file: string): string[] {
  const zip = fs.readFileSync(file);
  const names: string[] = [];
  let p = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (p >= 0 && zip.readUInt32LE(p) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(p + 28);
    names.push(zip.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return names;
}

const footers = (file: string) => zipNames(file).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => zipPart(file, n));
const headers = (file: string) => zipNames(file).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zipPart(file, n));
const pageSizes = (xml: string) => [...xml.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="(\w+)"\/>/g)].map((m) => ({ w: Number(m[1]), h: Number(m[2]), orient: m[3] }));

beforeAll(async () => {
  backend = tempBackend(() => GENERATED);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-export-'));
  const created = await ok('products.create', { ...sampleProfile(), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
  view = await ok('checklists.generate', { productId: created.id });
  const linked = path.join(outDir, 'IND', 'phases-v2.docx');
  fs.mkdirSync(path.dirname(linked), { recursive: true });
  fs.writeFileSync(linked, 'draft');
  await ok('checklistItems.update', { id: byTitle(view, TITLES.approved).id, changes: { owner: 'Dr A. Rivera' }, reason: 'Signed' });
  // Approved only through an electronic signature, with its evidence.
  const signer = await ok('signers.create', { displayName: 'Dr A. Rivera', password: 'signing password 1' });
  await ok('signatures.sign', { kind: 'checklist_item', recordId: byTitle(view, TITLES.approved).id, signerId: signer.id, password: 'signing password 1', evidence: { notes: 'Signed by the CEO.' } });
  await ok('checklistItems.update', {
    id: byTitle(view, TITLES.inReview).id,
    changes: { status: 'in-review', owner: 'J. Chen', due: { kind: 'fixed', date: '2026-01-02' }, documentPath: linked },
    reason: 'Draft circulated',
  });
  // An EV-only item goes "no longer applicable" when the fraction changes.
  await ok('products.update', { id: created.id, changes: { fraction: 'conditioned-medium', notes: 'x'.repeat(VALUE_MAX + 50) }, reason: 'Switch to conditioned medium' });
  view = await ok('checklists.generate', { productId: created.id });
  await ok('clocks.record', { productId: created.id, event: 'meeting-request-received', date: '2026-01-20', meetingType: 'C', reason: 'FDA acknowledgement' });
  product = await ok('products.get', { id: created.id });
  pathway = await ok('pathway.get', { productId: created.id });
  audit = auditEntriesOf(await ok('audit.list', { productId: created.id, limit: 5000 }));

  files.ind = (await writeDocxAtomic(buildIndChecklist({ view, product, groupBy: 'section', generatedAt: GENERATED }), path.join(outDir, 'ind-checklist.docx'))).path;
  files.indModule = (await writeDocxAtomic(buildIndChecklist({ view, product, groupBy: 'module', paper: 'a4', generatedAt: GENERATED }), path.join(outDir, 'ind-by-module.docx'))).path;
  files.plan = (await writeDocxAtomic(buildPlan({ pathway, checklists: view, generatedAt: GENERATED }), path.join(outDir, 'plan.docx'))).path;
  files.audit = (await writeDocxAtomic(buildAuditExtract({ product, entries: audit, from: '2026-01-01', to: '2026-01-31', generatedAt: GENERATED }), path.join(outDir, 'audit.docx'))).path;
}, 60_000);

afterAll(() => {
  backend?.cleanup();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('Word exports: structure', () => {
  it('fixture: the profile change flagged items, and a Type C clock falls in the next 90 days', () => {
    expect(allItems(view).some((i) => !i.applicable)).toBe(true);
    expect(upcomingDeadlines(pathway).map((d) => d.rule)).toContain('meeting.c.briefing-package');
    expect(upcomingDeadlines(pathway).some((d) => d.unconfirmed)).toBe(true);
  });

  it('IND checklist: Word heading styles, table of contents, repeating header rows, rows kept whole, a landscape section, letter paper', () => {
    const xml = zipPart(files.ind, 'word/document.xml');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('w:orient="landscape"');
    const sizes = pageSizes(xml);
    expect(sizes).toContainEqual({ w: 12240, h: 15840, orient: 'portrait' });
    expect(sizes).toContainEqual({ w: 15840, h: 12240, orient: 'landscape' });
    expect(xml).toContain('the IND is not yet ready to submit');
    expect(xml).toContain('No longer applicable to the product profile');
    expect(xml).toContain('Sign-off');
    expect(xml).toContain('Not yet assigned');

    const styles = zipPart(files.ind, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Arial"/);
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
    // Front matter, summary and gate portrait; items landscape; sign-off portrait: three page sections.
    expect(sizes.map((s) => s.orient)).toEqual(['portrait', 'landscape', 'portrait']);
    // Cells take their look from paragraph styles, not from each run: the table text size is never repeated per run.
    expect(styles).toContain('w:styleId="TableText"');
    expect(styles).toContain('w:styleId="TableNote"');
    expect(xml).not.toContain('<w:sz w:val="17"/>');
    expect(zipPart(files.ind, 'word/settings.xml')).toContain('<w:updateFields');

    for (const footer of footers(files.ind)) {
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(footer).toContain('Generated 2026-01-05 12:00 UTC');
    }
    for (const header of headers(files.ind)) expect(header).toContain('Umbilical cord MSC EVs (UC-EV-01)');
  });

  it('A4 when asked, in portrait and landscape; grouping by eCTD module', () => {
    const xml = zipPart(files.indModule, 'word/document.xml');
    const sizes = pageSizes(xml);
    expect(sizes).toContainEqual({ w: PAPER_SIZES.a4.width, h: PAPER_SIZES.a4.height, orient: 'portrait' });
    expect(sizes).toContainEqual({ w: PAPER_SIZES.a4.height, h: PAPER_SIZES.a4.width, orient: 'landscape' });
    expect(sizes.some((s) => s.w === 12240 || s.h === 12240)).toBe(false);
    expect(xml).toContain('Module 1 — Administrative information');
    expect(xml).toContain('Module 3 — Quality (CMC)');
  });

  it('plan: the timeline PNG fits the text width, milestones in landscape, clocks with unconfirmed rules marked', () => {
    const names = zipNames(files.plan);
    expect(names.some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
    const xml = zipPart(files.plan, 'word/document.xml');
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
    expect(extent).not.toBeNull();
    const textWidthEmu = (PAPER_SIZES.letter.width - 2 * 1440) * 635;
    expect(Number(extent![1])).toBeLessThanOrEqual(textWidthEmu);
    expect(Number(extent![1])).toBeGreaterThan(textWidthEmu * 0.9);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('● critical');
    expect(xml).toContain('(unconfirmed');
    expect(xml).toContain('Unassigned');
  });

  it('audit extract: oldest first, long values shortened with an ellipsis, 21 CFR 11.10(e) stated', () => {
    const xml = zipPart(files.audit, 'word/document.xml');
    expect(xml).toContain('11.10(e)');
    expect(xml).toContain('w:orient="landscape"');
    // The change reads in words ("notes — → xxx…"), shortened with an ellipsis where it is long.
    expect(xml).toMatch(/notes — → x{200,}…/);
    expect(xml).not.toContain('x'.repeat(VALUE_MAX + 1));
    // Product created, then its checklist items generated, then the profile changed.
    const product = xml.indexOf('>Product profile<');
    const item = xml.indexOf('>Checklist item “');
    const change = xml.indexOf('Switch to conditioned medium');
    expect(product).toBeGreaterThan(0);
    expect(item).toBeGreaterThan(product);
    expect(change).toBeGreaterThan(item);
  });

  it('builds from a product with no pathway and no checklists yet', async () => {
    const bare = await ok('products.create', sampleProfile({ code: 'BARE-1', indNumber: '027451' }));
    const empty = await ok('pathway.get', { productId: bare.id });
    const noChecklists: ChecklistsView = { productId: bare.id, today: empty.today, checklists: [], summary: view.summary, byStage: [], gates: [] };
    const plan = await writeDocxAtomic(buildPlan({ pathway: empty, checklists: null, generatedAt: GENERATED }), path.join(outDir, 'bare-plan.docx'));
    const ind = await writeDocxAtomic(buildIndChecklist({ view: noChecklists, product: bare, groupBy: 'module', generatedAt: GENERATED }), path.join(outDir, 'bare-ind.docx'));
    expect(zipPart(plan.path, 'word/document.xml')).toContain('The product has no checklists yet.');
    const xml = zipPart(ind.path, 'word/document.xml');
    expect(xml).toContain('generate its checklists first');
    expect(xml).toContain('027451');
  });

  it('the timeline figure: a bar per stage, ticks from the span, a dashed status line, and a PNG', () => {
    const svg = renderTimelineSvg(pathway, { width: 600 });
    for (const stage of pathway.stages) expect(svg).toContain(`>${stage.done}/${stage.total}<`);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain(`Today ${pathway.today}`);
    // Milestones and the critical path, not only stages.
    const milestones = pathway.stages.flatMap((s) => s.milestones).filter((m) => m.forecastFinish !== null);
    expect(svg.match(/data-milestone="/g)?.length).toBe(milestones.length);
    const critical = milestones.filter((m) => m.critical && m.status !== 'done');
    expect(critical.length).toBeGreaterThan(1);
    expect(svg.match(/data-critical="true"/g)?.length).toBe(critical.length);
    expect(svg).toContain('data-critical-path="true"');
    expect(svg).toContain('>Critical path<');
    expect(chooseTicks(0, 300).length).toBeGreaterThanOrEqual(9); // months
    expect(chooseTicks(0, 1000).every((t) => t.label.startsWith('Q'))).toBe(true);
    expect(chooseTicks(0, 3000).every((t) => /^\d{4}$/.test(t.label))).toBe(true);
    const png = renderTimelinePng(pathway, { width: 600 });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    // Wider requests scale the same drawing: the aspect ratio does not change.
    const wide = renderTimelinePng(pathway, { width: 1248 });
    const narrow = renderTimelinePng(pathway, { width: 624 });
    expect(wide.readUInt32BE(16)).toBe(2496);
    expect(wide.readUInt32BE(20) / wide.readUInt32BE(16)).toBeCloseTo(narrow.readUInt32BE(20) / narrow.readUInt32BE(16), 2);
  });
});

function requireTool(command: string, args: string[], install: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (probe.error !== undefined) throw new Error(`${command} is not installed; the export tests need it to prove the files open: ${install}`);
}

describe('Word exports: they open', () => {
  it('LibreOffice converts each document to PDF with the expected headings, items, statuses and page numbers', () => {
    requireTool('soffice', ['--version'], 'apt-get install libreoffice-writer-nogui');
    requireTool('pdftotext', ['-v'], 'apt-get install poppler-utils');
    const pdfDir = path.join(outDir, 'pdf');
    // A private profile: a soffice already running for the same user would otherwise take the job.
    const profile = path.join(outDir, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, files.ind, files.indModule, files.plan, files.audit], {
      stdio: 'pipe',
      timeout: 110_000,
    });
    const text = (docx: string) => {
      const pdf = path.join(pdfDir, path.basename(docx).replace(/\.docx$/, '.pdf'));
      expect(fs.existsSync(pdf), `${pdf} was not written`).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const content = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/[ \t]+/g, ' ');
      expect(content).toContain(`Page 1 of ${pages}`);
      expect(content).toContain(`Page ${pages} of ${pages}`);
      return content;
    };

    const ind = text(files.ind);
    for (const expected of [
      'IND readiness checklist',
      'Contents',
      'Summary',
      'Readiness: the IND is not yet ready to submit',
      'Verdict: not ready',
      'What blocks it',
      'Initial IND (21 CFR 312.23)',
      'Cover sheet (Form FDA 1571)',
      'Form FDA 1571 completed',
      'Approved',
      'In review',
      'Not started',
      'Overdue',
      'phases-v2.docx',
      'No longer applicable to the product profile',
      'Sign-off',
      'Generated 2026-01-05 12:00 UTC',
    ]) {
      expect(ind, expected).toContain(expected);
    }
    const byModule = text(files.indModule);
    expect(byModule).toContain('Module 1 — Administrative information');
    expect(byModule).toContain('No eCTD module');

    const plan = text(files.plan);
    for (const expected of ['Regulatory development plan', 'Product profile', 'Pathway stages', 'Timeline', 'Figure 1.', 'Milestones', 'What is due: overdue, then the next 90 days', 'FDA clocks', 'Type C briefing package due', 'unconfirmed', 'Open checklist items by owner', 'Unassigned', 'J. Chen']) {
      expect(plan, expected).toContain(expected);
    }
    expect(ind).not.toContain('Readiness: IND ready to submit'); // a heading never contradicts the verdict under it
    const extract = text(files.audit);
    for (const expected of ['Audit trail extract', 'Scope and source', '11.10(e)', 'Entries', 'When (UTC)', 'What changed', 'Record', 'Switch to']) {
      expect(extract, expected).toContain(expected);
    }
    expect(extract).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/); // words, never ids
  }, 120_000);
});

describe('writeDocxAtomic', () => {
  const tiny = () => new Document({ sections: [{ children: [new Paragraph('hello')] }] });
  const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

  it('writes the file whole and replaces an existing one', async () => {
    const dir = fs.mkdtempSync(path.join(outDir, 'ok-'));
    const target = path.join(dir, 'out.docx');
    fs.writeFileSync(target, 'old');
    const written = await writeDocxAtomic(tiny(), target);
    expect(written).toEqual({ path: target, bytes: fs.statSync(target).size });
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(leftovers(dir)).toEqual([]);
  });

  it('rejects when the path is a directory, and leaves no temp file', async () => {
    const dir = fs.mkdtempSync(path.join(outDir, 'isdir-'));
    const target = path.join(dir, 'report.docx');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'x');
    await expect(writeDocxAtomic(tiny(), target)).rejects.toThrow();
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
  });

  it('rejects when the folder does not exist, and creates nothing', async () => {
    const dir = fs.mkdtempSync(path.join(outDir, 'missing-'));
    await expect(writeDocxAtomic(tiny(), path.join(dir, 'nope', 'report.docx'))).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('rejects when the folder is not writable, and leaves no file', async () => {
    // A folder this process cannot write, whoever runs the tests: as a user, a folder made
    // read-only; as root (who ignores permissions), sysfs, which refuses new files to everyone.
    // No other OS user is involved, so the test holds wherever the checkout is cloned.
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !fs.existsSync('/sys/kernel')) throw new Error('Running as root needs /sys to test an unwritable folder (Linux).');
    const dir = asRoot ? '/sys/kernel' : fs.mkdtempSync(path.join(outDir, 'readonly-'));
    const before = fs.readdirSync(dir);
    if (!asRoot) fs.chmodSync(dir, 0o555);
    try {
      const target = path.join(dir, 'report.docx');
      const failure = await writeDocxAtomic(tiny(), target).then(
        () => null,
        (error: NodeJS.ErrnoException) => error,
      );
      expect(failure?.code).toMatch(/^(EACCES|EPERM|EROFS)$/);
      expect(describeWriteError(failure, target)).toMatch(/is not writable .*no file was written/);
      expect(fs.readdirSync(dir)).toEqual(before);
    } finally {
      if (!asRoot) fs.chmodSync(dir, 0o755);
    }
  });
});
