import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test, useFreshServer } from './fixtures';
import { PortfolioPage } from './pages/portfolioPage';

// axe is injected as a script: the test context bypasses the app's CSP (the app keeps it).
test.use({ bypassCSP: true, viewport: { width: 1280, height: 720 } });
useFreshServer();

const PRODUCT = 'Hypoxic amniotic-fluid stem cell secretome (AFSC-S)';

const TABS = ['pathway', 'timeline', 'planning', 'clocks', 'checklists', 'profile', 'history'];

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

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    test(`every route has no serious or critical axe violation (${scheme})`, async ({ page }) => {
      const productRoute = await exampleProductRoute(page);
      const found: string[] = [];
      for (const { name, route } of routes(productRoute)) {
        await openApp(page, route);
        await settle(page);
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
        const h1 = await page.getByRole('heading', { level: 1 }).count();
        if (h1 !== 1) found.push(`${name}: ${h1} level-one headings (want exactly 1)`);
        for (const v of await seriousViolations(page)) found.push(`${name}: ${v}`);
      }
      // The checklist item drawer (its close button must be named).
      await openApp(page, `${productRoute}?tab=checklists`);
      await settle(page);
      await page.getByRole('region', { name: 'Checklist items' }).getByRole('group').first().getByRole('button').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      for (const v of await seriousViolations(page)) found.push(`Item drawer: ${v}`);
      expect(found, found.join('\n')).toEqual([]);
    });
  });
}
