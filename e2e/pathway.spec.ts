import { addToDuration, expect, openApp, test, useFreshServer } from './fixtures';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });
useFreshServer();

const DAY = 86_400_000;
const headerDate = async (page: Page, label: string) => {
  const text = await page.getByRole('group', { name: label }).innerText();
  return /\d{4}-\d{2}-\d{2}/.exec(text)![0];
};
/** Dates around the real today, so forecasts (never before today) and clocks agree. */
const localToday = () => {
  const d = new Date();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
};
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const plusYear = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate());
};

const milestoneRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });

async function createProductWithPathway(page: Page, code: string, name: string) {
  await openApp(page, '/products/new');
  const form = page.getByRole('form', { name: 'Product profile' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Code').fill(code);
  await form.getByLabel('Sponsor').fill('E2E Pathways Inc.');
  await form.getByLabel('Source cell').fill('Mesenchymal stromal cells');
  await form.getByLabel('Source tissue').fill('Adipose tissue');
  await form.getByLabel('Indication').fill('Osteoarthritis of the knee');
  await form.getByLabel('Route').fill('Intra-articular');
  await expect(form.getByRole('combobox', { name: 'Pathway template' })).toHaveValue(/FDA IND pathway/);
  const start = form.getByRole('textbox', { name: 'Start date' });
  await start.fill('2025-01-06');
  await start.press('Tab');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('a product created from the template gets its stages, milestones and a timeline', async ({ page, pageErrors }) => {
  await createProductWithPathway(page, 'AD-CM-OA', 'Adipose MSC conditioned medium');
  for (const stage of ['In vitro', 'In vivo (preclinical)', 'Pre-IND', 'IND', 'Phase I', 'Phase II']) {
    await expect(page.getByRole('heading', { name: stage, exact: true })).toBeVisible();
  }
  await expect(milestoneRow(page, 'IND submitted')).toBeVisible();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('img', { name: 'Timeline of AD-CM-OA' })).toBeVisible();
  await expect(page.getByText('Today', { exact: true }).first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('delaying a predecessor moves its successors and can change the critical path', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Adipose MSC conditioned medium' }).click();
  const before = await headerDate(page, 'IND submitted');

  // GLP toxicology is on the way to the IND: 42 more days push the submission by 42 days.
  const inLife = milestoneRow(page, 'GLP toxicology in-life phase and analysis');
  await addToDuration(inLife, 42);
  await expect.poll(async () => (Date.parse(await headerDate(page, 'IND submitted')) - Date.parse(before)) / DAY).toBe(42);

  // Biodistribution has slack (nothing waits for it); stretched past the pathway's end, it becomes critical.
  const bio = milestoneRow(page, 'Biodistribution');
  await expect(bio.getByText('critical', { exact: true })).toHaveCount(0);
  await bio.getByRole('button', { name: /^Duration of / }).click();
  await bio.getByRole('textbox', { name: /^Duration of / }).fill('3000');
  await bio.getByRole('textbox', { name: /^Duration of / }).press('Enter');
  await expect(bio.getByText('critical', { exact: true })).toBeVisible();
});

test('recording when FDA received the IND derives the in-effect date and the annual report window', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Adipose MSC conditioned medium' }).click();
  const received = localToday() - 10 * DAY;
  const inEffect = received + 30 * DAY;
  const anniversary = plusYear(inEffect);
  for (const [name, date] of [
    ['IND submitted', iso(received - 3 * DAY)],
    ['FDA receives IND', iso(received)],
  ] as const) {
    await milestoneRow(page, name).getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Edit, dependencies…' }).click();
    const dialog = page.getByRole('dialog');
    for (const field of ['Actual start', 'Actual finish']) {
      await dialog.getByRole('textbox', { name: field }).fill(date);
      await dialog.getByRole('textbox', { name: field }).press('Tab');
    }
    await dialog.getByRole('button', { name: 'Save milestone' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(milestoneRow(page, 'IND in effect (30 days)').getByText(iso(inEffect)).first()).toBeVisible();

  await page.getByRole('tab', { name: /Clocks/ }).click();
  const deadlines = page.getByRole('table', { name: 'Deadlines from FDA receives IND' });
  await expect(deadlines.getByRole('row', { name: /^IND goes into effect/ })).toContainText(iso(inEffect));
  await expect(deadlines.getByRole('row').filter({ hasText: /annual report/i }).first()).toContainText(`${iso(anniversary)} → ${iso(anniversary + 60 * DAY)}`);
  await expect(deadlines).toContainText('21 CFR 312.40(b)');
});
