import { expect, openApp, test, useFreshServer } from './fixtures';

useFreshServer();

test('the clock calculator answers "FDA got it on the 2nd" with every deadline and its citation', async ({ page, pageErrors }) => {
  await openApp(page, '/clocks');
  await page.getByRole('combobox', { name: 'Event' }).click();
  await page.getByRole('option', { name: 'FDA receives the IND' }).click();
  const date = page.getByLabel('Date', { exact: true });
  await date.fill('2026-03-02');
  await date.press('Tab');
  const deadlines = page.getByRole('table', { name: 'Deadlines' });
  await expect(deadlines.getByRole('row', { name: /^IND goes into effect/ })).toContainText('2026-04-01');
  await expect(deadlines.getByRole('row', { name: /annual report 1/i })).toContainText('2027-04-01');
  await expect(deadlines.getByRole('row', { name: /annual report 1/i })).toContainText('2027-05-31');
  await expect(deadlines).toContainText('21 CFR 312.40(b)');

  // Meeting timelines depend on the type: Type C's briefing package rule is unconfirmed.
  await page.getByRole('combobox', { name: 'Event' }).click();
  await page.getByRole('option', { name: 'FDA receives a meeting request' }).click();
  await page.getByRole('radiogroup', { name: 'Meeting type' }).getByText('Type C', { exact: true }).click();
  await expect(deadlines.getByRole('row', { name: /meeting held by/ })).toContainText('2026-05-16');
  await expect(deadlines.getByRole('row', { name: /briefing package/ })).toContainText(/unconfirmed/i);
  expect(pageErrors).toEqual([]);
});

test('the dashboard lists the example products with their stage and coming deadlines', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load example portfolio' }).click();
  await expect(page.getByRole('table', { name: 'Products' }).getByRole('row')).toHaveCount(5);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const status = page.getByRole('table', { name: 'Product status' });
  await expect(status.getByRole('row')).toHaveCount(5);
  await expect(status.getByRole('row', { name: /CFAF-EV-C19/ })).toContainText(/Phase I\/II/i);
  await expect(page.getByRole('heading', { name: 'Coming deadlines' })).toBeVisible();
});
