import { expect, openApp, test, useFreshServer } from './fixtures';
import { PathwayPage } from './pages/pathwayPage';
import { PortfolioPage } from './pages/portfolioPage';
import { createProduct } from './pages/productForm';

test.describe.configure({ mode: 'serial' });
useFreshServer();

const DAY = 86_400_000;
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

const PRODUCT = 'Adipose MSC conditioned medium';

test('a product created from the template gets its stages, milestones and a timeline', async ({ page, pageErrors }) => {
  const product = await createProduct(page, {
    name: PRODUCT,
    code: 'AD-CM-OA',
    sponsor: 'E2E Pathways Inc.',
    sourceCell: 'Mesenchymal stromal cells',
    sourceTissue: 'Adipose tissue',
    indication: 'Osteoarthritis of the knee',
    route: 'Intra-articular',
    startDate: '2025-01-06',
  });
  const pathway = new PathwayPage(page);
  for (const stage of ['In vitro', 'In vivo (preclinical)', 'Pre-IND', 'IND', 'Phase I', 'Phase II']) {
    await expect(pathway.stageHeading(stage)).toBeVisible();
  }
  await expect(pathway.milestone('IND submitted').row).toBeVisible();
  await product.openTab('Timeline');
  await expect(page.getByRole('img', { name: 'Timeline of AD-CM-OA' })).toBeVisible();
  await expect(page.getByText('Today', { exact: true }).first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('delaying a predecessor moves its successors and can change the critical path', async ({ page }) => {
  await openApp(page);
  await new PortfolioPage(page).openProduct(PRODUCT);
  const pathway = new PathwayPage(page);
  const before = await pathway.headerDate('IND submitted');

  // GLP toxicology is on the way to the IND: 42 more days push the submission by 42 days.
  await pathway.milestone('GLP toxicology in-life phase and analysis').addToDuration(42);
  await expect.poll(async () => (Date.parse(await pathway.headerDate('IND submitted')) - Date.parse(before)) / DAY).toBe(42);

  // Biodistribution has slack (nothing waits for it); stretched past the pathway's end, it becomes critical.
  const bio = pathway.milestone('Biodistribution');
  await expect(bio.row.getByText('critical', { exact: true })).toHaveCount(0);
  await bio.setDuration('3000');
  await expect(bio.row.getByText('critical', { exact: true })).toBeVisible();
});

test('recording when FDA received the IND derives the in-effect date and the annual report window', async ({ page }) => {
  await openApp(page);
  const product = await new PortfolioPage(page).openProduct(PRODUCT);
  const pathway = new PathwayPage(page);
  const received = localToday() - 10 * DAY;
  const inEffect = received + 30 * DAY;
  const anniversary = plusYear(inEffect);
  for (const [name, date] of [
    ['IND submitted', iso(received - 3 * DAY)],
    ['FDA receives IND', iso(received)],
  ] as const) {
    const dialog = await pathway.editMilestone(name);
    for (const field of ['Actual start', 'Actual finish']) await dialog.fillDate(field, date);
    await dialog.save();
  }
  await expect(pathway.milestone('IND in effect (30 days)').row.getByText(iso(inEffect)).first()).toBeVisible();

  await product.openTab('Clocks');
  // One row per rule: the in-effect date and each annual report once, firm now that the event happened.
  const deadlines = page.getByRole('table', { name: 'Deadlines' });
  await expect(deadlines.getByRole('row', { name: /^IND goes into effect/ })).toContainText(iso(inEffect));
  await expect(deadlines.getByRole('row', { name: /^IND goes into effect/ })).toContainText('firm');
  await expect(deadlines.getByRole('row').filter({ hasText: /annual report 1/i })).toHaveCount(1);
  await expect(deadlines.getByRole('row').filter({ hasText: /annual report 1/i })).toContainText(`${iso(anniversary)} → ${iso(anniversary + 60 * DAY)}`);
  await expect(deadlines).toContainText('21 CFR 312.40(b)');
});
