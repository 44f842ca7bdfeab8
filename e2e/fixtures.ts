import { expect, test as base, type Page } from '@playwright/test';
import { TOKEN_HEADER } from '../electron/web/server';
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

/** A call straight to the running back end (setting up data a test does not drive through the UI); throws on a refusal. */
export async function rpc<T>(channel: string, input: unknown): Promise<T> {
  const url = new URL(launchUrl());
  const response = await fetch(`${url.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url.origin, [TOKEN_HEADER]: url.searchParams.get('token')! },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value;
}

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
