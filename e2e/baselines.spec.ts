import { addToDuration, expect, openExampleProduct, saveBaseline, test, useFreshServer } from './fixtures';

useFreshServer();

test('a reference baseline shows how far a six-week GLP toxicology slip moves the IND dates', async ({ page, pageErrors }) => {
  await openExampleProduct(page, 'MSC conditioned medium for diabetic wounds');
  await saveBaseline(page, 'Board plan');
  const keyDates = page.getByRole('table', { name: 'Key dates against the baseline' });
  await expect(keyDates.getByRole('row', { name: /IND submission/ })).toContainText('on baseline');

  const inLife = page.getByRole('row').filter({ has: page.getByText('GLP toxicology in-life phase and analysis', { exact: true }) });
  await addToDuration(inLife, 42);
  await expect(keyDates.getByRole('row', { name: /IND submission/ })).toContainText('42 d later');
  await expect(keyDates.getByRole('row', { name: /IND in effect/ })).toContainText('42 d later');
  expect(pageErrors).toEqual([]);
});
