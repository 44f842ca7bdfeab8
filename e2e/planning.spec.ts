import { expect, openApp, test, useFreshServer } from './fixtures';

useFreshServer();

test('a planning session: baseline, scenario delaying GLP toxicology 6 weeks, comparison, apply, change set in the audit', async ({ page, pageErrors }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load example portfolio' }).click();
  await page.getByRole('link', { name: 'MSC conditioned medium for diabetic wounds' }).click();
  const baselines = page.getByRole('region', { name: 'Baselines' });
  await baselines.getByLabel('Baseline name').fill('Board plan');
  await baselines.getByRole('button', { name: 'Save baseline' }).click();
  await expect(baselines.getByText('Measured against "Board plan"')).toBeVisible();

  await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByLabel('Scenario name').fill('GLP tox +6 weeks');
  await page.getByRole('button', { name: 'Start scenario' }).click();
  const scenario = page.getByRole('region', { name: 'Scenario GLP tox +6 weeks' });
  const row = scenario.getByRole('row').filter({ has: page.getByText('GLP toxicology in-life phase and analysis', { exact: true }) });
  const duration = row.getByRole('button', { name: /^Duration of / });
  const current = Number.parseInt(await duration.innerText(), 10);
  await duration.click();
  await row.getByRole('textbox', { name: /^Duration of / }).fill(String(current + 42));
  await row.getByRole('textbox', { name: /^Duration of / }).press('Enter');

  const keyDates = page.getByRole('table', { name: 'Key dates compared' });
  await expect(keyDates.getByRole('row', { name: /IND submission/ })).toContainText('+42 d');
  await expect(keyDates.getByRole('row', { name: /IND in effect/ })).toContainText('+42 d');
  const moved = page.getByRole('table', { name: 'Milestones that moved' });
  await expect(moved.getByRole('row', { name: /IND assembled/ })).toContainText('pushed by: GLP toxicology in-life phase and analysis');

  await page.getByRole('button', { name: 'Apply to live plan…' }).click();
  await page.getByRole('dialog').getByLabel('Reason').fill('Agreed in the planning meeting');
  await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('link', { name: 'Audit trail' }).click();
  const changeSet = page.getByRole('table', { name: 'Audit trail' }).getByRole('row').filter({ hasText: 'Planning session "GLP tox +6 weeks": Agreed in the planning meeting' });
  await expect(changeSet.filter({ hasText: 'durationDays' })).toHaveCount(1);
  await expect(changeSet.filter({ hasText: 'status' })).toContainText('applied');
  expect(pageErrors).toEqual([]);
});
