import type { Page } from '@playwright/test';
import { expect, openApp, test, useFreshServer } from './fixtures';
import { ChecklistsPage } from './pages/checklistsPage';
import { ProductPage } from './pages/productPage';
import { PlanningPage } from './pages/planningPage';
import { createProduct } from './pages/productForm';

test.describe.configure({ mode: 'serial' });
useFreshServer();

const PRODUCT = { code: 'UC-EV-SIG', name: 'Umbilical cord MSC EVs (signatures)', fraction: 'Extracellular vesicles (EV)' };
const FORM_1571 = 'Form FDA 1571 completed and signed for the initial IND';

/** Tabs until the focused element has this accessible name (keyboard only: no clicks). */
async function tabTo(page: Page, name: RegExp) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = page.locator(':focus');
    const focused = (await el.count()) === 0 ? '' : ((await el.getAttribute('aria-label')) ?? (await el.innerText())).trim();
    if (name.test(focused)) return;
  }
  throw new Error(`Nothing named ${name} is reachable with Tab`);
}

test('an approval is signed with the keyboard only: signer, password and evidence; the verifier lists it as valid', async ({ page, pageErrors }) => {
  const product = await createProduct(page, { ...PRODUCT, sponsor: 'E2E Sign Inc.', sourceCell: 'Mesenchymal stromal cells', sourceTissue: 'Umbilical cord', indication: 'BPD', route: 'Intratracheal' });
  await product.openTab('Checklists');
  const checklists = new ChecklistsPage(page);
  await checklists.generateButton.click();
  await expect(checklists.regenerateButton).toBeVisible();
  await checklists.search('Form FDA 1571 completed');
  await expect(checklists.itemRow(FORM_1571)).toBeVisible();

  const { list, dialog: drawer } = checklists;
  await list.focus();
  await list.press('j');
  await list.press('Enter');
  await expect(drawer.getByRole('heading', { name: FORM_1571 })).toBeVisible();
  await tabTo(page, /^Sign approval/);
  await page.keyboard.press('Enter');

  const sign = page.getByRole('dialog', { name: 'Sign approval' });
  await expect(sign.getByLabel('Signer')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sign.getByLabel('Printed name')).toBeFocused();
  await page.keyboard.type('Erin Example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('e2e signing password');
  await tabTo(page, /^$/); // the evidence note (a textarea has no inner text)
  await expect(sign.getByLabel(/Evidence/)).toBeFocused();
  await page.keyboard.type('eTMF 1.1, signed PDF');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');

  await expect(page.getByText(/^Signed: Erin Example — Approved — \d{4}-\d\d-\d\d \d\d:\d\d/)).toBeVisible();
  await expect(sign).toBeHidden();
  await expect(checklists.status(FORM_1571)).toHaveValue('Approved');
  await expect(drawer.getByLabel('Electronic signatures')).toContainText(/Erin Example — Approved — \d{4}-\d\d-\d\d \d\d:\d\d .+ \(.+\)/);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Approvals and evidence')).toHaveText('Approvals: 1 signed · 0 without signature (legacy) · 0 done without evidence');

  await page.getByRole('link', { name: 'Signatures' }).click();
  await expect(page.getByRole('status')).toContainText('1 signature checked: 1 valid, 0 superseded, 0 failing verification.');
  await expect(page.getByRole('cell', { name: /Erin Example — Approved/ })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('the IND checklist export is signed "Reviewed" from its Export dialog, with the password only while the session is open', async ({ page, pageErrors }) => {
  const product = await createProduct(page, { ...PRODUCT, code: 'UC-EV-SIG2', name: 'Umbilical cord MSC EVs (export sign-off)', sponsor: 'E2E Sign Inc.', sourceCell: 'Mesenchymal stromal cells', sourceTissue: 'Umbilical cord', indication: 'BPD', route: 'Intratracheal' });
  const dialog = await product.openExport('IND submission checklist…');
  await dialog.getByRole('button', { name: 'Sign as reviewed…' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign export as reviewed' });
  await expect(sign).toContainText('IND checklist export of UC-EV-SIG2');
  await expect(sign).toContainText('Reviewed');
  // The first test's signature opened a session: the password alone signs.
  await expect(sign.getByText(/Signing as Erin Example/)).toBeVisible();
  await sign.getByLabel('Signing password').fill('e2e signing password');
  await sign.getByLabel('Signing password').press('Enter');
  await expect(sign).toBeHidden();
  await expect(dialog.getByLabel('Electronic signatures')).toContainText(/Erin Example — Reviewed — \d{4}-\d\d-\d\d \d\d:\d\d/);
  expect(pageErrors).toEqual([]);
});

test('a readiness gate, once ready, is signed "Approved for submission"; a planning session is applied and signed "Approved" with its reason', async ({ page, pageErrors }) => {
  const checklists = await ChecklistsPage.open(page, 'Umbilical cord MSC EVs (export sign-off)');
  await checklists.generateButton.click();
  await expect(checklists.regenerateButton).toBeVisible();
  await checklists.requiredOnly.check();
  await checklists.selectAllShown();
  await checklists.setStatusOfSelected('Submitted');
  // (The IND gate also waits for released toxicology and clinical lots: the pre-IND gate is ready on items alone.)
  const preInd = checklists.gate('Pre-IND briefing package ready');
  await expect(preInd.getByText('Ready', { exact: true })).toBeVisible();
  await preInd.getByRole('button', { name: /^Pre-IND briefing package ready/ }).click();
  await page.getByRole('button', { name: 'Sign “Pre-IND briefing package ready”: Approved for submission…' }).click();
  const gateSign = page.getByRole('dialog', { name: 'Sign readiness gate' });
  await gateSign.getByLabel('Signing password').fill('e2e signing password');
  await gateSign.getByLabel('Signing password').press('Enter');
  await expect(gateSign).toBeHidden();
  await expect(page.getByLabel('Electronic signatures')).toContainText(/Erin Example — Approved for submission — \d{4}-\d\d-\d\d/);

  const product = new ProductPage(page);
  await product.openTab('Planning');
  const planning = new PlanningPage(page);
  const scenario = await planning.startScenario('Tox +2 weeks');
  await planning.milestoneIn(scenario, 'GLP toxicology in-life phase and analysis').addToDuration(14);
  await scenario.getByRole('button', { name: 'Apply and sign…' }).click();
  const sign = page.getByRole('dialog', { name: 'Apply and sign planning session' });
  await sign.getByLabel('Reason for applying').fill('Agreed with the CRO');
  await sign.getByLabel('Signing password').fill('e2e signing password');
  await sign.getByLabel('Signing password').press('Enter');
  await expect(sign).toBeHidden();
  await expect(scenario.getByText(/was applied to the live plan/)).toBeVisible();
  await expect(scenario.getByLabel('Electronic signatures')).toContainText(/Erin Example — Approved — \d{4}-\d\d-\d\d/);
  expect(pageErrors).toEqual([]);
});

test('a signer changes their password knowing the old one; a lost one is reset with a reason, and the trail says so', async ({ page, pageErrors }) => {
  await openApp(page, '/signatures');
  const signers = page.getByRole('table', { name: 'Signers' });
  await expect(signers.getByRole('row', { name: /Erin Example/ })).toBeVisible();
  await signers.getByRole('button', { name: 'Change password of Erin Example' }).click();
  const change = page.getByRole('dialog', { name: 'Change signing password' });
  await change.getByLabel('Current signing password').fill('not the password');
  await change.getByLabel(/New signing password/).fill('a new e2e password');
  await change.getByRole('button', { name: 'Change password' }).click();
  await expect(change.getByText(/password/i).last()).toBeVisible();
  await expect(change).toBeVisible(); // refused: the old password was wrong
  await change.getByLabel('Current signing password').fill('e2e signing password');
  await change.getByRole('button', { name: 'Change password' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText('Signing password changed for Erin Example')).toBeVisible();

  await signers.getByRole('button', { name: 'Reset password of Erin Example' }).click();
  const reset = page.getByRole('dialog', { name: 'Reset a lost signing password' });
  await reset.getByLabel(/New signing password/).fill('after the reset 42');
  await reset.getByLabel('Reason for the reset').fill('Forgotten after leave; identity checked by QA');
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset).toBeHidden();
  await expect(page.getByRole('status')).toContainText('0 failing verification');
  await openApp(page, '/audit');
  await expect(page.getByText('Forgotten after leave; identity checked by QA').first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});
