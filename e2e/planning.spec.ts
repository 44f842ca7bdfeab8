import { addToDuration, expect, openExampleProduct, saveBaseline, test, useFreshServer } from './fixtures';

useFreshServer();

test('a planning session: baseline, scenario delaying GLP toxicology 6 weeks, comparison, apply, change set in the audit', async ({ page, pageErrors }) => {
  await openExampleProduct(page, 'MSC conditioned medium for diabetic wounds');
  await saveBaseline(page, 'Board plan');

  await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByLabel('Scenario name').fill('GLP tox +6 weeks');
  await page.getByRole('button', { name: 'Start scenario' }).click();
  const scenario = page.getByRole('region', { name: 'Scenario GLP tox +6 weeks' });
  const row = scenario.getByRole('row').filter({ has: page.getByText('GLP toxicology in-life phase and analysis', { exact: true }) });
  await addToDuration(row, 42);

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
