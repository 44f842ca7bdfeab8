import { expect, openApp, test, useFreshServer } from './fixtures';

// One data file for the run: these steps follow a user's first session in order.
test.describe.configure({ mode: 'serial' });
useFreshServer();

test('first run offers the example portfolio, which loads four products', async ({ page, pageErrors }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'No products yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Load example portfolio' }).click();
  const table = page.getByRole('table', { name: 'Products' });
  await expect(table.getByRole('row')).toHaveCount(5); // header + 4
  for (const code of ['AFSC-HX-01', 'MSC-CM-DW', 'CFAF-EV-C19', 'BM-EXO-NP']) await expect(table.getByText(code)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('the product form refuses invalid input with field errors, then creates the product', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New product' }).click();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Sponsor is required')).toBeVisible();
  await expect(page).toHaveURL(/#\/products\/new$/); // nothing was created

  const form = page.getByRole('form', { name: 'Product profile' });
  await form.getByLabel('Name').fill('Umbilical cord MSC small EVs');
  await form.getByLabel('Code').fill('uc ev');
  await form.getByLabel('Sponsor').fill('E2E Biologics');
  await form.getByLabel('Source cell').fill('Mesenchymal stromal cells');
  await form.getByLabel('Source tissue').fill('Umbilical cord');
  await form.getByRole('combobox', { name: 'Secretome fraction' }).click();
  await page.getByRole('option', { name: 'Extracellular vesicles (EV)' }).click();
  await form.getByLabel('Indication').fill('Bronchopulmonary dysplasia');
  await form.getByLabel('Route').fill('Intratracheal');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText(/Code: 2 to 20 letters/)).toBeVisible();

  // A code that is valid in form but already used is refused by the back end, on the field.
  await form.getByLabel('Code').fill('msc-cm-dw');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(form.getByText(/MSC-CM-DW is already used/)).toBeVisible();

  await form.getByLabel('Code').fill('uc-ev-01');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('heading', { name: 'Umbilical cord MSC small EVs' })).toBeVisible();
  await expect(page.getByText('UC-EV-01', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Extracellular vesicles (EV)').first()).toBeVisible();
});

test('editing a product keeps old and new values in its history', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Umbilical cord MSC small EVs' }).click();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const form = page.getByRole('form', { name: 'Product profile' });
  await form.getByLabel('Indication').fill('Acute respiratory distress syndrome');
  await form.getByLabel('Reason for change').fill('Indication narrowed after pre-IND advice');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Acute respiratory distress syndrome')).toBeVisible();

  await page.getByRole('tab', { name: 'History' }).click();
  const audit = page.getByRole('table', { name: 'Audit trail' });
  const row = audit.getByRole('row').filter({ hasText: 'update' }).filter({ hasText: 'indication' });
  await expect(row).toContainText('Bronchopulmonary dysplasia');
  await expect(row).toContainText('Acute respiratory distress syndrome');
  await expect(row).toContainText('Indication narrowed after pre-IND advice');
  // Creation left two entries: the product itself and the pathway instantiated from its template.
  const created = audit.getByRole('row').filter({ hasText: 'create' });
  await expect(created).toHaveCount(2);
  await expect(created.filter({ hasText: 'fda-ind-secretome' })).toHaveCount(1);
});

test('archive hides a product from the portfolio; restore brings it back; both survive a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Umbilical cord MSC small EVs' }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByLabel('Reason (kept in the audit trail)').fill('Programme on hold');
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This product is archived. Restore it to edit it.')).toBeVisible();

  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  const table = page.getByRole('table', { name: 'Products' });
  await expect(table.getByText('UC-EV-01')).toHaveCount(0);
  await page.getByRole('switch', { name: 'Show archived' }).click();
  await expect(table.getByText('UC-EV-01')).toBeVisible();

  await page.reload(); // the launch token survives a reload
  await page.getByRole('switch', { name: 'Show archived' }).click();
  await table.getByRole('link', { name: 'Umbilical cord MSC small EVs' }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Edit profile' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Umbilical cord MSC small EVs' })).toBeVisible();
  await page.getByRole('tab', { name: 'Profile' }).click();
  await expect(page.getByText('Acute respiratory distress syndrome')).toBeVisible();
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await expect(page.getByRole('table', { name: 'Products' }).getByText('UC-EV-01')).toBeVisible();
});

test('Ctrl+K finds a product by code and opens it', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('table', { name: 'Products' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Find a product by name or code…').fill('cfaf');
  await page.getByRole('button', { name: /CFAF-EV-C19/ }).click();
  await expect(page.getByRole('heading', { name: /Cell-free amniotic fluid extracellular vesicles/ })).toBeVisible();
});

test('the theme follows a toggle between light and dark', async ({ page }) => {
  await openApp(page);
  const html = page.locator('html');
  const before = await html.getAttribute('data-mantine-color-scheme');
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  await expect(html).not.toHaveAttribute('data-mantine-color-scheme', before!);
});
