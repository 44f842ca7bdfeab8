import type { Page } from '@playwright/test';
import { expect, openApp, test, useFreshServer } from './fixtures';

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

async function createProduct(page: Page, p: typeof EV) {
  await openApp(page, '/products/new');
  const form = page.getByRole('form', { name: 'Product profile' });
  await form.getByLabel('Name').fill(p.name);
  await form.getByLabel('Code').fill(p.code);
  await form.getByLabel('Sponsor').fill('E2E Checklists Inc.');
  await form.getByLabel('Source cell').fill('Mesenchymal stromal cells');
  await form.getByLabel('Source tissue').fill('Umbilical cord');
  await form.getByRole('combobox', { name: 'Secretome fraction' }).click();
  await page.getByRole('option', { name: p.fraction, exact: true }).click();
  await form.getByLabel('Indication').fill('Bronchopulmonary dysplasia');
  await form.getByLabel('Route').fill('Intratracheal');
  await expect(form.getByRole('combobox', { name: 'Pathway template' })).toHaveValue(/FDA IND pathway/);
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('heading', { name: p.name })).toBeVisible();
}

async function openChecklists(page: Page, name: string) {
  await openApp(page);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('tab', { name: /Checklists/ }).click();
}

const list = (page: Page) => page.getByRole('region', { name: 'Checklist items' });
const itemRow = (page: Page, title: string) => list(page).getByRole('group', { name: title, exact: true });
const search = (page: Page, text: string) => page.getByRole('textbox', { name: 'Search' }).fill(text);
const readiness = (page: Page) => page.getByRole('group', { name: 'Readiness' });
const gate = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });

/** "done/total" of the whole product, from the readiness header. */
async function doneCount(page: Page): Promise<[number, number]> {
  const text = await readiness(page).innerText();
  const m = /(\d+)\/(\d+)\s+items/.exec(text);
  if (!m) throw new Error(`No done/total in the readiness header: ${text}`);
  return [Number(m[1]), Number(m[2])];
}

async function pickStatus(page: Page, title: string, status: string) {
  await itemRow(page, title).getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: status, exact: true }).click();
}

test('checklists are generated from the profile: MISEV characterisation only for the EV product', async ({ page, pageErrors }) => {
  for (const p of [EV, CM]) {
    await createProduct(page, p);
    await page.getByRole('tab', { name: /Checklists/ }).click();
    await expect(page.getByRole('heading', { name: 'No checklists yet' })).toBeVisible();
    await expect(page.getByText(/fraction, donor type and culture conditions/)).toBeVisible();
    await page.getByRole('button', { name: 'Generate checklists' }).click();
    await expect(page.getByRole('button', { name: 'Regenerate from profile' })).toBeVisible();
    await expect(page.getByText('Checklists generated')).toBeVisible();
  }

  // The conditioned-medium product: no EV characterisation at all.
  await search(page, 'CD9');
  await expect(page.getByText(/^0 of \d+ items$/)).toBeVisible();
  await expect(page.getByText('No item matches the filters.')).toBeVisible();
  await search(page, 'calnexin');
  await expect(itemRow(page, CALNEXIN)).toHaveCount(0);

  // The EV product has them, under their MISEV section.
  await openChecklists(page, EV.name);
  await search(page, 'CD9');
  await expect(itemRow(page, CD9)).toBeVisible();
  await expect(list(page).getByText(/Extracellular vesicle characterisation/).first()).toBeVisible();
  await search(page, 'calnexin');
  await expect(itemRow(page, CALNEXIN)).toBeVisible();
  await expect(itemRow(page, CALNEXIN).getByText('Required')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('an item moves through the workflow and the counts follow', async ({ page }) => {
  await openChecklists(page, EV.name);
  const [done0, total] = await doneCount(page);
  expect(total).toBeGreaterThan(100);
  await search(page, 'Form FDA 1571 completed');
  await expect(itemRow(page, FORM_1571)).toBeVisible();

  await pickStatus(page, FORM_1571, 'Drafting');
  await expect(readiness(page).getByLabel('Drafting: 1')).toBeVisible();
  await pickStatus(page, FORM_1571, 'In review');
  await expect(readiness(page).getByLabel('In review: 1')).toBeVisible();
  await expect(readiness(page).getByLabel('Drafting: 0')).toBeVisible();
  expect(await doneCount(page)).toEqual([done0, total]);
  await pickStatus(page, FORM_1571, 'Approved');
  await expect(readiness(page).getByLabel('Approved: 1')).toBeVisible();
  await expect.poll(() => doneCount(page)).toEqual([done0 + 1, total]);
  await expect(itemRow(page, FORM_1571).getByRole('combobox', { name: 'Status' })).toHaveValue('Approved');

  // The drawer shows the whole item; keyboard: focus the list, Space selects, Enter opens.
  await list(page).focus();
  await list(page).press('j');
  await list(page).press(' ');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('1 selected');
  await list(page).press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: FORM_1571 })).toBeVisible();
  await expect(drawer.getByText('21 CFR 312.23(a)(1)', { exact: true })).toBeVisible();
  await drawer.getByLabel('Owner').fill('Regulatory lead');
  await drawer.getByLabel('Reason for change').fill('Assigned at the IND kick-off');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(itemRow(page, FORM_1571).getByRole('button', { name: `Owner of ${FORM_1571}` })).toHaveText('Regulatory lead');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('0 selected');
});

test('not applicable needs a justification: refused without one, accepted with one', async ({ page }) => {
  await openChecklists(page, EV.name);
  await search(page, 'Placebo');
  const status = itemRow(page, PLACEBO).getByRole('combobox', { name: 'Status' });
  await expect(status).toHaveValue('Not started');

  await pickStatus(page, PLACEBO, 'Not applicable');
  const dialog = page.getByRole('dialog', { name: 'Mark not applicable' });
  await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(dialog.getByText(/Write a justification/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveValue('Not started');
  await expect(readiness(page).getByLabel('Not applicable: 0')).toBeVisible();

  await pickStatus(page, PLACEBO, 'Not applicable');
  await dialog.getByLabel('Justification').fill('No placebo arm: the phase 1 study is open label and single arm.');
  await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveValue('Not applicable');
  await expect(readiness(page).getByLabel('Not applicable: 1')).toBeVisible();
});

test('approving every required item in bulk makes the IND gate ready', async ({ page }) => {
  await openChecklists(page, EV.name);
  const ind = gate(page, 'IND ready to submit');
  await expect(ind.getByText('Ready', { exact: true })).toHaveCount(0);
  await expect(ind.getByText('Not ready', { exact: true })).toBeVisible();
  await expect(ind.getByText(/^\d+ blockers of \d+ items in scope$/)).toBeVisible();

  // A blocker leads to its item in the list.
  await ind.getByRole('button', { name: /^IND ready to submit: Not ready/ }).click();
  const firstBlocker = page.getByRole('list', { name: 'Blockers of IND ready to submit' }).getByRole('listitem').nth(2);
  const blockerTitle = (await firstBlocker.getAttribute('aria-label')) ?? '';
  expect(blockerTitle).not.toBe('');
  await firstBlocker.click();
  await expect(list(page).locator('[data-focused]')).toHaveAttribute('aria-label', blockerTitle);
  await expect(itemRow(page, blockerTitle)).toBeInViewport();

  const counts = async () => (/^(\d+) of (\d+) items$/.exec(await page.getByText(/^\d+ of \d+ items$/).innerText()) ?? []).slice(1).map(Number);
  const [, total] = await counts();
  await page.getByRole('checkbox', { name: 'Required only' }).check();
  await expect.poll(async () => (await counts())[0]).toBeLessThan(total!);
  const [shown] = await counts();
  await page.getByRole('button', { name: 'Select all shown' }).click();
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText(`${shown} selected`);
  await page.getByRole('button', { name: 'Set status' }).click();
  await page.getByRole('menuitem', { name: 'Approved' }).click();

  await expect(ind.getByText('Ready', { exact: true })).toBeVisible();
  await expect(ind.getByText('Not ready', { exact: true })).toHaveCount(0);
  await expect(ind.getByText(/^All \d+ items in scope done$/)).toBeVisible();
  await expect(readiness(page).getByLabel(`Approved: ${shown}`)).toBeVisible();
});
