import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test, useFreshServer } from './fixtures';
import { PortfolioPage } from './pages/portfolioPage';

// axe is injected as a script: the test context bypasses the app's CSP (the app keeps it).
test.use({ bypassCSP: true, viewport: { width: 1280, height: 720 } });
useFreshServer();

const PRODUCT = 'Hypoxic amniotic-fluid stem cell secretome (AFSC-S)';

const TABS = ['pathway', 'timeline', 'planning', 'clocks', 'checklists', 'lots', 'profile', 'history'];

function routes(productRoute: string): { name: string; route: string }[] {
  return [
    { name: 'Portfolio', route: '/' },
    { name: 'New product', route: '/products/new' },
    { name: 'Dashboard', route: '/dashboard' },
    { name: 'Clock calculator', route: '/clocks' },
    { name: 'Audit trail', route: '/audit' },
    { name: 'Signatures', route: '/signatures' },
    { name: 'Settings', route: '/settings' },
    ...TABS.map((tab) => ({ name: `Product ${tab}`, route: tab === 'pathway' ? productRoute : `${productRoute}?tab=${tab}` })),
  ];
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
}

/** Serious and critical violations only, one line per rule with the first few targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      // For contrast, the distinct colour pairs say what to fix far better than selectors.
      const pairs = v.id === 'color-contrast'
        ? ` [${[...new Set(v.nodes.map((n) => { const d = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined; return d ? `${d.fgColor} on ${d.bgColor} ${d.contrastRatio}` : '?'; }))].join('; ')}]`
        : '';
      return `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${where}${pairs}`;
    });
}

/** Loads the example portfolio once (a fresh data folder) and returns one product's route. */
async function exampleProductRoute(page: Page): Promise<string> {
  const portfolio = await new PortfolioPage(page).open();
  const load = page.getByRole('button', { name: 'Load example portfolio' });
  await expect(load.or(portfolio.products)).toBeVisible();
  if (await load.isVisible()) await portfolio.loadExamples();
  await expect(portfolio.products.getByRole('row')).toHaveCount(5);
  await portfolio.products.getByRole('link', { name: PRODUCT }).click();
  await expect(page).toHaveURL(/#\/products\/[\w-]+$/);
  const route = new URL(page.url()).hash.slice(1);
  await page.getByRole('tab', { name: /Checklists/ }).click();
  const generate = page.getByRole('button', { name: 'Generate checklists' });
  await expect(generate.or(page.getByRole('region', { name: 'Checklist items' }))).toBeVisible();
  if (await generate.isVisible()) await generate.click();
  await expect(page.getByRole('region', { name: 'Checklist items' })).toBeVisible();
  return route;
}

let productRoute = '';
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  productRoute = await exampleProductRoute(page);
  await page.close();
});

const ROUTE_NAMES = ['Portfolio', 'New product', 'Dashboard', 'Clock calculator', 'Audit trail', 'Signatures', 'Settings', ...TABS.map((tab) => `Product ${tab}`)];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const name of ROUTE_NAMES) {
      test(`${name}: one h1, no serious or critical axe violation (${scheme})`, async ({ page }) => {
        const { route } = routes(productRoute).find((r) => r.name === name)!;
        await openApp(page, route);
        await settle(page);
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        const found = await seriousViolations(page);
        expect(found, found.join('\n')).toEqual([]);
      });
    }

    test(`the checklist item drawer: no serious or critical axe violation (${scheme})`, async ({ page }) => {
      await openApp(page, `${productRoute}?tab=checklists`);
      await settle(page);
      await page.getByRole('region', { name: 'Checklist items' }).getByRole('group').first().getByRole('button').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      const found = await seriousViolations(page);
      expect(found, found.join('\n')).toEqual([]);
    });
  });
}
