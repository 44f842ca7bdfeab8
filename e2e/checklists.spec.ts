import { expect, test, useFreshServer } from './fixtures';
import { ChecklistsPage } from './pages/checklistsPage';
import { createProduct, type ProfileFields } from './pages/productForm';

// One data file for the run: the steps follow a regulatory lead's work on two products, in order.
test.describe.configure({ mode: 'serial' });
useFreshServer();

const EV = { code: 'UC-EV-CK', name: 'Umbilical cord MSC EVs (checklists)', fraction: 'Extracellular vesicles (EV)' };
const CM = { code: 'BM-CM-CK', name: 'Bone marrow MSC conditioned medium (checklists)', fraction: 'Conditioned medium' };

// Exact titles from templates/checklists/*.json.
const CD9 = 'Positive marker: transmembrane or GPI-anchored protein (e.g. CD9, CD63, CD81, integrins)';
const CALNEXIN = 'Contaminant markers assessed: calnexin, GRP94, histones, Argonaute';
const FORM_1571 = 'Form FDA 1571 completed and signed for the initial IND';
const PLACEBO = 'Placebo: composition, manufacture and control';

function profile(p: typeof EV): Partial<ProfileFields> & { name: string } {
  return {
    ...p,
    sponsor: 'E2E Checklists Inc.',
    sourceCell: 'Mesenchymal stromal cells',
    sourceTissue: 'Umbilical cord',
    indication: 'Bronchopulmonary dysplasia',
    route: 'Intratracheal',
  };
}

test('checklists are generated from the profile: MISEV characterisation only for the EV product', async ({ page, pageErrors }) => {
  const checklists = new ChecklistsPage(page);
  for (const p of [EV, CM]) {
    const product = await createProduct(page, profile(p));
    await product.openTab('Checklists');
    await expect(checklists.emptyHeading).toBeVisible();
    await expect(page.getByText(/fraction, donor type and culture conditions/)).toBeVisible();
    await checklists.generateButton.click();
    await expect(checklists.regenerateButton).toBeVisible();
    await expect(page.getByText('Checklists generated')).toBeVisible();
  }

  // The conditioned-medium product: no EV characterisation at all.
  await checklists.search('CD9');
  await expect(page.getByText(/^0 of \d+ items$/)).toBeVisible();
  await expect(page.getByText('No item matches the filters.')).toBeVisible();
  await checklists.search('calnexin');
  await expect(checklists.itemRow(CALNEXIN)).toHaveCount(0);

  // The EV product has them, under their MISEV section.
  const ev = await ChecklistsPage.open(page, EV.name);
  await ev.search('CD9');
  await expect(ev.itemRow(CD9)).toBeVisible();
  await expect(ev.list.getByText(/Extracellular vesicle characterisation/).first()).toBeVisible();
  await ev.search('calnexin');
  await expect(ev.itemRow(CALNEXIN)).toBeVisible();
  await expect(ev.itemRow(CALNEXIN).getByText('Required')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('an item moves through the workflow and the counts follow', async ({ page }) => {
  const checklists = await ChecklistsPage.open(page, EV.name);
  const { readiness } = checklists;
  const [done0, total] = await checklists.doneCount();
  expect(total).toBeGreaterThan(100);
  await checklists.search('Form FDA 1571 completed');
  await expect(checklists.itemRow(FORM_1571)).toBeVisible();

  await checklists.pickStatus(FORM_1571, 'Drafting');
  await expect(readiness.getByLabel('Drafting: 1')).toBeVisible();
  await checklists.pickStatus(FORM_1571, 'In review');
  await expect(readiness.getByLabel('In review: 1')).toBeVisible();
  await expect(readiness.getByLabel('Drafting: 0')).toBeVisible();
  expect(await checklists.doneCount()).toEqual([done0, total]);
  await checklists.pickStatus(FORM_1571, 'Submitted');
  await expect(readiness.getByLabel('Submitted: 1')).toBeVisible();
  await expect.poll(() => checklists.doneCount()).toEqual([done0 + 1, total]);
  await expect(checklists.status(FORM_1571)).toHaveValue('Submitted');

  // The drawer shows the whole item; keyboard: focus the list, Space selects, Enter opens.
  const { list, bulkBar, dialog: drawer } = checklists;
  await list.focus();
  await list.press('j');
  await list.press(' ');
  await expect(bulkBar).toContainText('1 selected');
  await list.press('Enter');
  await expect(drawer.getByRole('heading', { name: FORM_1571 })).toBeVisible();
  await expect(drawer.getByText('21 CFR 312.23(a)(1)', { exact: true })).toBeVisible();
  await drawer.getByLabel('Owner').fill('Regulatory lead');
  await drawer.getByLabel('Reason for change').fill('Assigned at the IND kick-off');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(checklists.itemRow(FORM_1571).getByRole('button', { name: `Owner of ${FORM_1571}` })).toHaveText('Regulatory lead');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await checklists.clearSelection();
  await expect(bulkBar).toContainText('0 selected');
});

test('not applicable needs a justification: refused without one, accepted with one', async ({ page }) => {
  const checklists = await ChecklistsPage.open(page, EV.name);
  const { readiness, notApplicableDialog: dialog } = checklists;
  await checklists.search('Placebo');
  const status = checklists.status(PLACEBO);
  await expect(status).toHaveValue('Not started');

  await checklists.pickStatus(PLACEBO, 'Not applicable');
  await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(dialog.getByText(/Write a justification/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveValue('Not started');
  await expect(readiness.getByLabel('Not applicable: 0')).toBeVisible();

  await checklists.pickStatus(PLACEBO, 'Not applicable');
  await dialog.getByLabel('Justification').fill('No placebo arm: the phase 1 study is open label and single arm.');
  await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveValue('Not applicable');
  await expect(readiness.getByLabel('Not applicable: 1')).toBeVisible();
});

test('submitting every required item in bulk clears the IND gate of checklist blockers (the lots remain)', async ({ page }) => {
  const checklists = await ChecklistsPage.open(page, EV.name);
  const ind = checklists.gate('IND ready to submit');
  await expect(ind.getByText('Ready', { exact: true })).toHaveCount(0);
  await expect(ind.getByText('Not ready', { exact: true })).toBeVisible();
  await expect(ind.getByText(/^\d+ blockers of \d+ items in scope$/)).toBeVisible();

  // A blocker leads to its item in the list.
  await ind.getByRole('button', { name: /^IND ready to submit.*Not ready$/ }).click();
  const firstBlocker = checklists.blockers('IND ready to submit').nth(2);
  const blockerTitle = (await firstBlocker.getAttribute('aria-label')) ?? '';
  expect(blockerTitle).not.toBe('');
  await firstBlocker.click();
  await expect(checklists.list.locator('[data-focused]')).toHaveAttribute('aria-label', blockerTitle);
  await expect(checklists.itemRow(blockerTitle)).toBeInViewport();

  const [, total] = await checklists.shown();
  await checklists.requiredOnly.check();
  await expect.poll(async () => (await checklists.shown())[0]).toBeLessThan(total!);
  const [shown] = await checklists.shown();
  await checklists.selectAllShown();
  await expect(checklists.bulkBar).toContainText(`${shown} selected`);
  await checklists.setStatusOfSelected('Submitted');

  // Every checklist blocker is gone; what remains are the lots the pathway needs released (lot register).
  await expect(checklists.blockers('IND ready to submit')).toHaveCount(2);
  await expect(checklists.blockers('IND ready to submit').nth(0)).toHaveAttribute('aria-label', 'Toxicology lot released against the current specification');
  await expect(checklists.blockers('IND ready to submit').nth(1)).toHaveAttribute('aria-label', 'Clinical lot released against the current specification');
  await expect(checklists.readiness.getByLabel(`Submitted: ${shown}`)).toBeVisible();
});
