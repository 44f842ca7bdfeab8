import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, type RunningServer } from '../e2e/server';
import { call, sampleProfile, tempBackend } from '../electron/test-support/backend';
import { median, timeMs, type BenchResult } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, 'out/renderer');

/**
 * What the first screen loads: the scripts index.html asks for (its entry and module
 * preloads), in bytes as served (minified, uncompressed). The route pages are separate chunks.
 */
export function initialScriptBytes(): number {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  if (scripts.length === 0) throw new Error('out/renderer/index.html names no script: run `npm run build` first.');
  return scripts.reduce((sum, s) => sum + fs.statSync(path.join(rendererDir, s)).size, 0);
}

/**
 * Load to a usable dashboard in Debian's Chromium (the built renderer served by the web front
 * door): 50 products, each with the FDA IND template pathway and its generated checklists.
 * Median of 7 cold page loads (new context each time) from navigation start until the
 * products table shows its 50 rows.
 */
export async function benchUi(): Promise<BenchResult[]> {
  const results: BenchResult[] = [{ name: 'ui.initialScript', value: Math.round(initialScriptBytes() / 1024), unit: 'kB' }];
  const backend = tempBackend();
  let web: RunningServer | undefined;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (let i = 0; i < 50; i++) {
      const p = await call(backend, 'products.create', { ...sampleProfile({ code: `UI-${i}`, name: `Bench product ${i}` }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
      await call(backend, 'checklists.generate', { productId: p.id });
    }
    // For context: how much of the load is the back end computing the dashboard itself.
    results.push({ name: 'ui.dashboardGet.50products', value: await timeMs(() => call(backend, 'dashboard.get', {}), { warmUp: 2, runs: 7 }), unit: 'ms' });
    backend.close();
    web = await startServer(backend.dataDir);
    const samples: number[] = [];
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${web.url}#/dashboard`, { waitUntil: 'commit' });
      await page.getByRole('table').filter({ hasText: 'Pathway finish' }).getByRole('row').nth(50).waitFor({ timeout: 30_000 });
      const ms = await page.evaluate<number>('performance.now()');
      samples.push(ms);
      await context.close();
    }
    results.push({ name: 'ui.loadToDashboard.50products', value: Math.round(median(samples.slice(1))), unit: 'ms' });
    return results;
  } finally {
    await browser.close();
    await web?.stop();
    fs.rmSync(backend.dataDir, { recursive: true, force: true });
  }
}
