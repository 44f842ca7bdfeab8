import { expect, test, useFreshServer } from './fixtures';
import { PathwayPage } from './pages/pathwayPage';
import { openExampleProduct } from './pages/portfolioPage';

useFreshServer();

test('a reference baseline shows how far a six-week GLP toxicology slip moves the IND dates', async ({ page, pageErrors }) => {
  await openExampleProduct(page, 'MSC conditioned medium for diabetic wounds');
  const pathway = new PathwayPage(page);
  await pathway.saveBaseline('Board plan');
  const keyDates = pathway.keyDatesAgainstBaseline;
  await expect(keyDates.getByRole('row', { name: /IND submission/ })).toContainText('on baseline');

  await pathway.milestone('GLP toxicology in-life phase and analysis').addToDuration(42);
  await expect(keyDates.getByRole('row', { name: /IND submission/ })).toContainText('42 d later');
  await expect(keyDates.getByRole('row', { name: /IND in effect/ })).toContainText('42 d later');
  expect(pageErrors).toEqual([]);
});
