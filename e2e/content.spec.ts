import { expect, test, useFreshServer } from './fixtures';
import { ClockCalculatorPage } from './pages/clockCalculatorPage';
import { openExampleProduct } from './pages/portfolioPage';

useFreshServer();

test('the calculator flags a Saturday IND receipt and refuses a meeting too soon for its briefing package', async ({ page, pageErrors }) => {
  const calculator = await new ClockCalculatorPage(page).open();
  await calculator.pickEvent('FDA receives the IND');
  await calculator.setDate('2026-03-07');
  const flag = page.getByRole('alert').filter({ hasText: 'is a Saturday' });
  await expect(flag).toContainText('2026-03-09');
  await expect(calculator.deadline(/FDA receipt date/)).toContainText(/unconfirmed/i);

  await calculator.pickEvent('FDA receives a meeting request');
  await calculator.setDate('2026-03-02');
  await calculator.pickMeetingType('Type B');
  const meetingDate = page.getByLabel('Meeting date', { exact: true });
  await meetingDate.fill('2026-03-03');
  await meetingDate.press('Tab');
  await expect(page.getByText(/too soon after the request .* on or after 2026-04-01/)).toBeVisible();
  await expect(page.getByText('Meeting type: Type B (including pre-IND).')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a clinical-hold branch is added to an example pathway from the Add branch menu', async ({ page, pageErrors }) => {
  await openExampleProduct(page, 'MSC conditioned medium for diabetic wounds');
  await page.getByRole('button', { name: 'Add branch…' }).click();
  await page.getByRole('menuitem', { name: /Clinical hold/ }).click();
  await expect(page.getByText('FDA answers the complete response').first()).toBeVisible();
  // The cultured product got its cell banks when the pathway was set up.
  await expect(page.getByText('Working cell bank tested and released').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add branch…' }).click();
  await expect(page.getByRole('menuitem', { name: /Clinical hold/ })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
