import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/server';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

describe('Electron shell security settings', () => {
  it('creates its window isolated, sandboxed, without Node, with the preload only', () => {
    const main = read('electron/main/index.ts');
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false', 'nodeIntegrationInSubFrames: false', 'webSecurity: true', 'webviewTag: false', "disableBlinkFeatures: 'Auxclick'"]) {
      expect(main).toContain(setting);
    }
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toMatch(/isTrustedFrame\(event\.senderFrame/);
    const security = read('electron/main/security.ts');
    expect(security).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(security).toContain("on('will-navigate', (event) => event.preventDefault())");
    expect(security).toContain('setPermissionRequestHandler((_wc, _permission, callback) => callback(false))');
  });

  it('gives the desktop page the same CSP the web front door sends', () => {
    const html = read('renderer/index.html');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    // frame-ancestors is ignored in a meta tag, so only the header carries it.
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta).toBe(header);
    expect(meta).not.toContain('unsafe-eval');
    expect(meta).toMatch(/script-src 'self'(;|$)/);
  });

  it('exposes no raw ipcRenderer to the page', () => {
    const preload = read('electron/preload/index.ts');
    expect(preload).toMatch(/exposeInMainWorld\('rpt', bridge\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('fails the build on an electronegativity finding the allow-list does not explain', () => {
    const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-allow-')), 'allow.json');
    fs.writeFileSync(empty, JSON.stringify({ accepted: [] }));
    const run = spawnSync(process.execPath, ['scripts/electronegativity.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, RPT_ENEG_ALLOWLIST: empty } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not explained in security\/electronegativity-allowlist\.json/);
    expect(run.stdout).toMatch(/FINDING +PRELOAD_JS_CHECK/);
  }, 120_000);

  it('a garbled report (rows run together, as electronegativity once wrote under load) is neither a pass nor a finding: it fails after three tries', () => {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-report-')), 'findings.csv');
    fs.writeFileSync(report, 'issue, severity, confidence, filename, location, sample, description, url\nted in the target application",https://example/CSP_GLOBAL_CHECK\nPRELOAD_JS_CHECK,"MEDIUM","FIRM","main/index.ts","58:6","x","Review",https://example\n');
    const run = spawnSync(process.execPath, ['scripts/electronegativity.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, RPT_ENEG_REPORT: report } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/malformed report; running it again \(attempt 3 of 3\)/);
    expect(run.stderr).toMatch(/malformed report three times/);
  });
});
