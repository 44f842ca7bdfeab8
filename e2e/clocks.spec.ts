import { expect, test, useFreshServer } from './fixtures';
import { AppShell } from './pages/appShell';
import { ClockCalculatorPage } from './pages/clockCalculatorPage';
import { PortfolioPage } from './pages/portfolioPage';

useFreshServer();

test('the clock calculator answers "FDA got it on the 2nd" with every deadline and its citation', async ({ page, pageErrors }) => {
  const calculator = await new ClockCalculatorPage(page).open();
  await calculator.pickEvent('FDA receives the IND');
  await calculator.setDate('2026-03-02');
  const { deadlines } = calculator;
  await expect(calculator.deadline(/^IND goes into effect/)).toContainText('2026-04-01');
  await expect(calculator.deadline(/annual report 1/i)).toContainText('2027-04-01');
  await expect(calculator.deadline(/annual report 1/i)).toContainText('2027-05-31');
  await expect(deadlines).toContainText('21 CFR 312.40(b)');

  // Meeting timelines depend on the type: Type C's briefing package rule is unconfirmed.
  await calculator.pickEvent('FDA receives a meeting request');
  await calculator.pickMeetingType('Type C');
  await expect(calculator.deadline(/meeting held by/)).toContainText('2026-05-16');
  await expect(calculator.deadline(/briefing package/)).toContainText(/unconfirmed/i);
  expect(pageErrors).toEqual([]);
});

test('the dashboard lists the example products with their stage and coming deadlines', async ({ page }) => {
  const portfolio = await new PortfolioPage(page).open();
  await portfolio.loadExamples();
  await expect(portfolio.products.getByRole('row')).toHaveCount(5);
  await new AppShell(page).goTo('Dashboard');
  const status = page.getByRole('table', { name: 'Product status' });
  await expect(status.getByRole('row')).toHaveCount(5);
  await expect(status.getByRole('row', { name: /CFAF-EV-C19/ })).toContainText(/Phase I\/II/i);
  await expect(page.getByRole('heading', { name: 'What is due' })).toBeVisible();
  // FDA clocks and milestones are two labelled groups, never one mixed list.
  await expect(page.getByRole('heading', { name: 'FDA clocks' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Milestones', exact: true })).toBeVisible();
});
