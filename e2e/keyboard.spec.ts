import type { Page } from '@playwright/test';
import { expect, openApp, test, useFreshServer } from './fixtures';
import { PortfolioPage } from './pages/portfolioPage';

test.describe.configure({ mode: 'serial' });
useFreshServer();

const CODE = 'AFSC-HX-01';
const NAME = 'Hypoxic amniotic-fluid stem cell secretome (AFSC-S)';

/** What has the focus, as "role: name" (enough to say where Tab went). */
// A string, evaluated in the page: the e2e TypeScript program has no DOM types.
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
  const name = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '';
  return role + ': ' + name.trim().replace(/\\s+/g, ' ').slice(0, 60);
})()`;
const focused = (page: Page) => page.evaluate<string>(FOCUSED);

/** Presses Tab until the focus matches, at most `max` times; returns the stops on the way. */
async function tabUntil(page: Page, match: RegExp, max: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    stops.push(now);
    if (match.test(now)) return stops;
  }
  throw new Error(`Focus never reached ${match} in ${max} Tabs: ${stops.join(' → ')}`);
}

test('setup: the example portfolio (its products come with checklists)', async ({ page }) => {
  const portfolio = await new PortfolioPage(page).open();
  await portfolio.loadExamples();
  await portfolio.products.getByRole('link', { name: NAME }).click();
  await page.getByRole('tab', { name: /Checklists/ }).click();
  await expect(page.getByRole('region', { name: 'Checklist items' })).toBeVisible();
});

test('keyboard only: skip link, Ctrl+K from an input, product header → tabs → content, the item drawer', async ({ page, pageErrors }) => {
  await openApp(page, '/');
  await expect(page.getByRole('table', { name: 'Products' })).toBeVisible();

  // The first Tab stop is the skip link, visible when focused; Enter moves focus to the main region.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/$/); // the hash router's route did not change

  // Landmarks: banner, navigation, main.
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  // Ctrl+K works with the focus inside an input (the "Show archived" switch).
  await tabUntil(page, /Show archived/, 5);
  await page.keyboard.press('Control+K');
  const finder = page.getByPlaceholder('Find a product by name or code…');
  await expect(finder).toBeFocused();
  await page.keyboard.type(CODE);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

  // Focus order: skip link, then the product header, then the tabs (a handful of stops, not 12).
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  const stops = await tabUntil(page, /^tab: Pathway/, 6);
  expect(stops.slice(0, -1).join(' | ')).toMatch(/Portfolio.*Edit profile/);

  // Arrow keys move between tabs; Tab then enters the panel's content.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Checklists/ })).toHaveAttribute('aria-selected', 'true');
  await tabUntil(page, /^(textbox|input): Search$/, 40);

  // Ctrl+K from the checklist search, then Escape returns to the page.
  await page.keyboard.press('Control+K');
  await expect(finder).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(finder).toBeHidden();

  // An item's drawer opens with Enter; its close button is named; Escape closes it.
  const items = page.getByRole('region', { name: 'Checklist items' });
  const firstTitle = items.getByRole('group').first().getByRole('button').first();
  const title = (await firstTitle.textContent())!.trim();
  await firstTitle.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: title })).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Close the item' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  expect(pageErrors).toEqual([]);
});

test('keyboard only: the dashboard says which milestones are overdue and slipping, on focus', async ({ page, pageErrors }) => {
  await openApp(page, '/dashboard');
  await expect(page.getByRole('table', { name: 'Product status' })).toBeVisible();
  await tabUntil(page, new RegExp(`^button: \\d+ overdue milestones? of ${CODE}: `), 80);
  // Its name says which ones (a screen reader hears it); the tooltip shows them.
  await expect(page.locator(':focus')).toHaveAccessibleName(/^\d+ overdue milestones? of AFSC-HX-01: .+: \d+ d past plan/);
  // The tooltip of the badge left behind closes (after its transition): one stays open.
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  await expect(page.getByRole('tooltip')).toContainText('d past plan');
  await tabUntil(page, new RegExp(`^button: \\+\\d+ d critical-path slip of ${CODE}: `), 3);
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  await expect(page.getByRole('tooltip')).toContainText(/: \+\d+ d/);
  expect(pageErrors).toEqual([]);
});
