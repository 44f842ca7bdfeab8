import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, type RunningServer } from '../e2e/server';
import { CHROMIUM_ARGS } from '../playwright.config';
import { call, sampleProfile, tempBackend } from '../electron/test-support/backend';
import { median, timeMs, type BenchResult } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, 'out/renderer');
const TAB_SETTLE_MS = 300;

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
 * Median of 7 cold page loads (a new browser context each time, so nothing cached; the first
 * load is dropped) from navigation start until the products table holds its 50 rows, timed in
 * the page.
 */
export async function benchUi(): Promise<BenchResult[]> {
  const results: BenchResult[] = [{ name: 'ui.initialScript', value: Math.round(initialScriptBytes() / 1024), unit: 'kB' }];
  const backend = tempBackend();
  let web: RunningServer | undefined;
  // The e2e tests' browser and flags (headless Debian Chromium kept off the network).
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
      // A new headless Chromium window keeps working for a moment after it opens (its own
      // browser UI: the omnibox WebUI, on this 2-core machine a whole core); the app's window
      // has none of that, so the page is loaded once the new tab has settled.
      await new Promise((resolve) => setTimeout(resolve, TAB_SETTLE_MS));
      await page.goto(`${web.url}#/dashboard`, { waitUntil: 'commit' });
      // Checked in the page on every animation frame and timed there: a Playwright locator's
      // wait polls at up to 500 ms intervals, which would be measured as load time.
      const shown = await page.waitForFunction(
        () => {
          const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } }).document;
          return doc.querySelectorAll('table[aria-label="Product status"] tbody tr').length >= 50 ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      samples.push((await shown.jsonValue()) as number);
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
