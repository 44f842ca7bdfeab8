// Runs electronegativity over electron/ and fails on any finding that the committed allow-list
// does not explain. electronegativity itself exits 0 even with findings, so its CSV is parsed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const allowListPath = process.env.RPT_ENEG_ALLOWLIST ?? path.join(root, 'security/electronegativity-allowlist.json');
const allow = JSON.parse(fs.readFileSync(allowListPath, 'utf8')).accepted;
const bin = path.join(root, 'node_modules/.bin/electronegativity');

/** One electronegativity run: its CSV report as text (RPT_ENEG_REPORT: a report file to read instead, for tests). */
function report() {
  if (process.env.RPT_ENEG_REPORT) return fs.readFileSync(process.env.RPT_ENEG_REPORT, 'utf8');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-')), 'findings.csv');
  const run = spawnSync(bin, ['-i', 'electron', '-o', out, '-e', electronVersion, '-r'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (!fs.existsSync(out)) {
    console.error(`electronegativity produced no report (exit ${run.status}).\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  return fs.readFileSync(out, 'utf8');
}

/**
 * RFC 4180 parsing of the whole report: fields are comma-separated, some quoted, quotes doubled
 * inside, and a quoted field may span lines (the CSP check's description does).
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field.trim());
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/**
 * A well-formed report: the header, then rows of eight fields whose first is a check id. On a
 * loaded machine electronegativity has written a garbled file (its writes interleaved: a row
 * began mid-description), which must not pass for a finding nor hide one: run it again.
 */
const wellFormed = (rows) => rows.length > 0 && rows[0][0] === 'issue' && rows.slice(1).every((r) => r.length === 8 && /^[A-Z0-9_]+$/.test(r[0]));
let parsed = parseCsv(report());
for (let attempt = 2; !wellFormed(parsed) && attempt <= 3; attempt++) {
  console.log(`electronegativity wrote a malformed report; running it again (attempt ${attempt} of 3).`);
  parsed = parseCsv(report());
}
if (!wellFormed(parsed)) {
  console.error('electronegativity wrote a malformed report three times: cannot tell what it found.');
  process.exit(1);
}
const rows = parsed.slice(1);
const findings = rows.map(([check, severity, confidence, file, location]) => ({ check, severity, confidence, file, location }));
const unexplained = findings.filter((f) => !allow.some((a) => a.check === f.check && (!a.file || a.file === f.file)));
for (const f of findings) {
  const accepted = !unexplained.includes(f);
  console.log(`${accepted ? 'accepted ' : 'FINDING  '} ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location}`);
}
const unused = allow.filter((a) => !findings.some((f) => f.check === a.check && (!a.file || a.file === f.file)));
for (const a of unused) console.log(`note: allow-list entry ${a.check} matched nothing; remove it if the finding is gone for good.`);
if (unexplained.length > 0) {
  console.error(`\n${unexplained.length} electronegativity finding(s) are not explained in security/electronegativity-allowlist.json. Fix them, or add each with its reason.`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), all explained in the allow-list.`);
