import { expect, openApp, test, useFreshServer } from './fixtures';

useFreshServer();

test('a reference baseline shows how far a six-week GLP toxicology slip moves the IND dates', async ({ page, pageErrors }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load example portfolio' }).click();
  await page.getByRole('link', { name: 'MSC conditioned medium for diabetic wounds' }).click();
  const baselines = page.getByRole('region', { name: 'Baselines' });
  await baselines.getByLabel('Baseline name').fill('Board plan');
  await baselines.getByRole('button', { name: 'Save baseline' }).click();
  const keyDates = page.getByRole('table', { name: 'Key dates against the baseline' });
  await expect(keyDates.getByRole('row', { name: /IND submission/ })).toContainText('on baseline');

  const inLife = page.getByRole('row').filter({ has: page.getByText('GLP toxicology in-life phase and analysis', { exact: true }) });
  const current = Number.parseInt(await inLife.getByRole('button', { name: /^Duration of / }).innerText(), 10);
  await inLife.getByRole('button', { name: /^Duration of / }).click();
  await inLife.getByRole('textbox', { name: /^Duration of / }).fill(String(current + 42));
  await inLife.getByRole('textbox', { name: /^Duration of / }).press('Enter');
  await expect(keyDates.getByRole('row', { name: /IND submission/ })).toContainText('42 d later');
  await expect(keyDates.getByRole('row', { name: /IND in effect/ })).toContainText('42 d later');
  expect(pageErrors).toEqual([]);
});
