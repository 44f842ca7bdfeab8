import type { Page } from '@playwright/test';
import { expect, openApp, test, useFreshServer } from './fixtures';
import { ClockCalculatorPage } from './pages/clockCalculatorPage';
import { PortfolioPage } from './pages/portfolioPage';

// The smallest supported window: nothing a user reads as a value may be cut or broken there.
test.use({ viewport: { width: 1280, height: 720 } });
useFreshServer();

const PRODUCT = 'Hypoxic amniotic-fluid stem cell secretome (AFSC-S)';

/**
 * Evaluated in the page (a string: the e2e TypeScript program has no DOM types). Looks at the
 * main tables (<table> and the checklist grid) and returns every value that is cut off:
 * - a badge (a status, a stage, a slip) whose label overflows its box (scrollWidth > clientWidth);
 * - a cell's date, number, day count or measured value with its unit ("3.51 cells/mL") that
 *   overflows its box or breaks over two lines;
 * - a word of up to 24 letters split over two lines ("Allogen|eic"): the column is too narrow
 *   (longer runs are user text that may wrap anywhere rather than widen the page).
 */
const FIND_CUT_VALUES = `(() => {
  const VALUE = /^(\\d{4}-\\d{2}-\\d{2}|[+\\u2212-]?\\d[\\d,.]*\\s?(d|%|days?)?|\\d+\\/\\d+|[<>≤≥]?\\s?\\d[\\d,.]*(e[+-]?\\d+)?\\s[A-Za-zµ%]+(\\/[A-Za-zµ]+)?)$/i;
  const scope = [...document.querySelectorAll('main table, main [role="region"][aria-label="Checklist items"]')];
  const found = [];
  const lines = (el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
  };
  const where = (el) => (el.closest('tr, [role="group"]')?.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  for (const root of scope) {
    for (const badge of root.querySelectorAll('.mantine-Badge-root')) {
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      if (label.scrollWidth > label.clientWidth + 1 || badge.scrollWidth > badge.clientWidth + 1)
        found.push('badge "' + badge.textContent.trim() + '" cut (' + where(badge) + ')');
    }
    for (const el of root.querySelectorAll('td, th, td *, th *, [role="group"] *')) {
      if (el.children.length > 0) continue;
      const text = (el.textContent ?? '').trim();
      if (!VALUE.test(text) || el.closest('.mantine-Badge-root')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
        found.push('value "' + text + '" cut (' + where(el) + ')');
      else if (lines(el) > 1) found.push('value "' + text + '" broken over lines (' + where(el) + ')');
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[^\\s\\-\\/\\u2013\\u2014·]{2,24}/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (tops.size > 1) found.push('word "' + m[0] + '" split over lines (' + where(node.parentElement) + ')');
      }
    }
  }
  return found;
})()`;

async function cutValues(page: Page, route: string): Promise<string[]> {
  await openApp(page, route);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await expect(page.locator('main table, main [role="region"]').filter({ visible: true }).first()).toBeVisible();
  return (await page.evaluate<string[]>(FIND_CUT_VALUES)).map((f) => `${route}: ${f}`);
}

test('no number, date or status is cut off or broken in the main tables at 1280x720', async ({ page }) => {
  const portfolio = await new PortfolioPage(page).open();
  await portfolio.loadExamples();
  await portfolio.products.getByRole('link', { name: PRODUCT }).click();
  await expect(page).toHaveURL(/#\/products\/[\w-]+$/);
  const product = new URL(page.url()).hash.slice(1);

  const found: string[] = [];
  for (const route of ['/', '/dashboard', '/audit', product, `${product}?tab=checklists`, `${product}?tab=clocks`, `${product}?tab=history`]) {
    found.push(...(await cutValues(page, route)));
  }
  // A lot's results (value and unit), from the example lot register.
  await openApp(page, `${product}?tab=lots`);
  await page.getByRole('table', { name: 'Lots', exact: true }).getByText('AFSC-24-006').click();
  await expect(page.getByRole('table', { name: 'Results', exact: true })).toBeVisible();
  found.push(...(await page.evaluate<string[]>(FIND_CUT_VALUES)).map((f) => `lot AFSC-24-006: ${f}`));
  // The clock calculator's table, for a Saturday receipt (flagged with the next business day).
  const calculator = await new ClockCalculatorPage(page).open();
  await calculator.setDate('2026-12-05');
  await expect(calculator.deadlines).toBeVisible();
  found.push(...(await page.evaluate<string[]>(FIND_CUT_VALUES)).map((f) => `/clocks: ${f}`));
  expect(found, found.join('\n')).toEqual([]);
});

/** Controls of the new-product form that stick out of their fieldset, or inputs whose value is cut. */
const FIND_FORM_OVERFLOW = `(() => {
  const found = [];
  for (const set of document.querySelectorAll('main fieldset')) {
    const box = set.getBoundingClientRect();
    for (const c of set.querySelectorAll('input:not([type=hidden]), textarea, [role=radiogroup]')) {
      const r = c.getBoundingClientRect();
      if (r.width === 0) continue;
      const name = c.getAttribute('aria-label') ?? c.labels?.[0]?.textContent ?? c.id;
      if (r.right > box.right + 1 || r.left < box.left - 1) found.push('"' + name + '" sticks out of its fieldset');
      if (c.tagName === 'INPUT' && c.value && c.scrollWidth > c.clientWidth + 1) found.push('"' + name + '" shows its value cut: ' + c.value);
    }
  }
  return found;
})()`;

test('the new-product form: every control inside its fieldset, the pathway template named in full', async ({ page }) => {
  await openApp(page, '/products/new');
  await expect(page.getByRole('textbox', { name: 'Pathway template' }).or(page.getByRole('combobox', { name: 'Pathway template' })).first()).toHaveValue(/FDA IND pathway/);
  const found = await page.evaluate<string[]>(FIND_FORM_OVERFLOW);
  expect(found, found.join('\n')).toEqual([]);
});
