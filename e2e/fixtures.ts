import { expect, test as base, type Page } from '@playwright/test';

export const launchUrl = () => {
  const url = process.env.RPT_E2E_URL;
  if (!url) throw new Error('RPT_E2E_URL is not set: the e2e global setup did not run.');
  return url;
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
