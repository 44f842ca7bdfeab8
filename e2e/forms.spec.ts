import { expect, openApp, test, useFreshServer } from './fixtures';
import { AuditTrail } from './pages/auditTrail';
import { ChecklistsPage } from './pages/checklistsPage';
import { PortfolioPage } from './pages/portfolioPage';

test.describe.configure({ mode: 'serial' });
useFreshServer();

const PRODUCT = 'Hypoxic amniotic-fluid stem cell secretome (AFSC-S)';

test('setup: the example portfolio', async ({ page }) => {
  const portfolio = await new PortfolioPage(page).open();
  await portfolio.loadExamples();
  await expect(portfolio.products.getByRole('row')).toHaveCount(5);
});

test('an empty not-applicable justification is refused by the form before any request', async ({ page, pageErrors }) => {
  const checklists = await ChecklistsPage.open(page, PRODUCT);
  const title = (await checklists.list.getByRole('group').first().getAttribute('aria-label'))!;
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/rpc/checklistItems.')) writes.push(r.url());
  });
  await checklists.pickStatus(title, 'Not applicable');
  const dialog = checklists.notApplicableDialog;
  await dialog.getByLabel('Justification').fill('   ');
  await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(dialog.getByText(/Write a justification/)).toBeVisible();
  expect(writes).toEqual([]); // checked with the contract's schema: no request, no HTTP 400
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(checklists.status(title)).toHaveValue('Not started');
  expect(pageErrors).toEqual([]);
});

test('a bulk status change asks a reason, clears the selection and is undone in one audited step', async ({ page, pageErrors }) => {
  const checklists = await ChecklistsPage.open(page, PRODUCT);
  const rows = checklists.list.getByRole('group');
  const titles: string[] = [];
  for (let i = 0; i < 3; i++) titles.push((await rows.nth(i).getAttribute('aria-label'))!);
  for (const t of titles) await checklists.itemRow(t).getByRole('checkbox', { name: `Select ${t}` }).check();
  await expect(checklists.bulkBar).toContainText('3 selected');

  // The reason is asked for, and required.
  await page.getByRole('button', { name: 'Set status' }).click();
  await page.getByRole('menuitem', { name: 'Drafting' }).click();
  const ask = page.getByRole('dialog', { name: 'Set 3 items to Drafting' });
  await ask.getByRole('button', { name: 'Set status' }).click();
  await expect(ask.getByText('Say why these items change (kept in the audit trail)')).toBeVisible();
  await ask.getByRole('textbox', { name: 'Reason for the change' }).fill('Drafting starts with the new CMC lead');
  await ask.getByRole('button', { name: 'Set status' }).click();

  for (const t of titles) await expect(checklists.status(t)).toHaveValue('Drafting');
  await expect(checklists.bulkBar).toContainText('0 selected');

  // Undo, from the notification, in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  for (const t of titles) await expect(checklists.status(t)).toHaveValue('Not started');
  await expect(page.getByText('Undid the change of 3 items')).toBeVisible();

  // Both steps are in the audit trail: the change with its reason, and the reversal.
  await openApp(page, '/audit');
  const trail = new AuditTrail(page);
  await expect(trail.rowsWith(/Undid change set #\d+: 3 checklist items back to their earlier values/)).toHaveCount(1);
  await expect(trail.rowsWith(/Changed 3 checklist items at once: status → Drafting/)).toContainText('Drafting starts with the new CMC lead');
  expect(pageErrors).toEqual([]);
});
