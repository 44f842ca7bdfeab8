import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server';

let server: RunningServer | undefined;

/**
 * Each spec file gets its own back end over a fresh data folder, so no file depends on what
 * another left behind. Call once at the top of a spec file.
 */
export function useFreshServer() {
  base.beforeAll(async () => {
    server = await startServer();
  });
  base.afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
}

export const launchUrl = () => {
  if (!server) throw new Error('No server: call useFreshServer() at the top of the spec file.');
  return server.url;
};

/** Opens the app as a user would: the printed launch URL, then the given hash route. */
export async function openApp(page: Page, route = '/') {
  await page.goto(`${launchUrl()}#${route}`);
  await expect(page.getByText('Secretome Regulatory Tracker').first()).toBeVisible();
}

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // A refused request (409 on a duplicate code...) is an expected answer the UI handles.
      if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(m.text());
    });
    await use(errors);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});
export { expect };

/** Loads the example portfolio on a fresh data folder and opens one of its products. */
export async function openExampleProduct(page: Page, name: string) {
  await openApp(page);
  await page.getByRole('button', { name: 'Load example portfolio' }).click();
  await page.getByRole('link', { name }).click();
}

/** Saves the current plan as a (reference) baseline from the Pathway tab. */
export async function saveBaseline(page: Page, name: string) {
  const baselines = page.getByRole('region', { name: 'Baselines' });
  await baselines.getByLabel('Baseline name').fill(name);
  await baselines.getByRole('button', { name: 'Save baseline' }).click();
  await expect(baselines.getByText(`Measured against "${name}"`)).toBeVisible();
}

/** Lengthens a milestone through its click-to-edit duration cell in `row`. */
export async function addToDuration(row: Locator, days: number) {
  const button = row.getByRole('button', { name: /^Duration of / });
  const current = Number.parseInt(await button.innerText(), 10);
  await button.click();
  await row.getByRole('textbox', { name: /^Duration of / }).fill(String(current + days));
  await row.getByRole('textbox', { name: /^Duration of / }).press('Enter');
}
