import { expect, openApp, test, useFreshServer } from './fixtures';
import { AppShell } from './pages/appShell';
import { AuditTrail } from './pages/auditTrail';
import { PortfolioPage } from './pages/portfolioPage';
import { ProductForm } from './pages/productForm';
import { ProductPage } from './pages/productPage';

// One data file for the run: these steps follow a user's first session in order.
test.describe.configure({ mode: 'serial' });
useFreshServer();

const NAME = 'Umbilical cord MSC small EVs';

test('first run offers the example portfolio, which loads four products', async ({ page, pageErrors }) => {
  const portfolio = await new PortfolioPage(page).open();
  await expect(portfolio.emptyHeading).toBeVisible();
  await portfolio.loadExamples();
  await expect(portfolio.products.getByRole('row')).toHaveCount(5); // header + 4
  for (const code of ['AFSC-HX-01', 'MSC-CM-DW', 'CFAF-EV-C19', 'BM-EXO-NP']) await expect(portfolio.products.getByText(code)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('the product form refuses invalid input with field errors, then creates the product', async ({ page }) => {
  const portfolio = await new PortfolioPage(page).open();
  await portfolio.newProduct();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();
  const form = new ProductForm(page);
  await form.create();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Sponsor is required')).toBeVisible();
  await expect(page).toHaveURL(/#\/products\/new$/); // nothing was created

  await form.fill({
    name: NAME,
    code: 'uc ev',
    sponsor: 'E2E Biologics',
    sourceCell: 'Mesenchymal stromal cells',
    sourceTissue: 'Umbilical cord',
    fraction: 'Extracellular vesicles (EV)',
    indication: 'Bronchopulmonary dysplasia',
    route: 'Intratracheal',
  });
  await form.create();
  await expect(page.getByText(/Code: 2 to 20 letters/)).toBeVisible();

  // A code that is valid in form but already used is refused by the back end, on the field.
  await form.fill({ code: 'msc-cm-dw' });
  await form.create();
  await expect(form.form.getByText(/MSC-CM-DW is already used/)).toBeVisible();

  await form.fill({ code: 'uc-ev-01' });
  await form.create();
  await expect(new ProductPage(page).heading(NAME)).toBeVisible();
  await expect(page.getByText('UC-EV-01', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Extracellular vesicles (EV)').first()).toBeVisible();
});

test('editing a product keeps old and new values in its history', async ({ page }) => {
  const product = await (await new PortfolioPage(page).open()).openProduct(NAME);
  await product.editProfile();
  const form = new ProductForm(page);
  await form.fill({ indication: 'Acute respiratory distress syndrome' });
  await form.saveChanges('Indication narrowed after pre-IND advice');
  await expect(page.getByText('Acute respiratory distress syndrome')).toBeVisible();

  await product.openTab('History');
  const audit = new AuditTrail(page);
  const row = audit.rowsWith('update').filter({ hasText: 'indication' });
  await expect(row).toContainText('Product profile indication Bronchopulmonary dysplasia → Acute respiratory distress syndrome');
  await expect(row).toContainText('Indication narrowed after pre-IND advice');
  // Creation is one change set: the product, and the pathway set up from its template.
  const created = audit.rowsWith(/^.*Created product .* with the pathway/);
  await expect(created).toHaveCount(1);
  const members = await audit.openChangeSet(/Created product/);
  await expect(members.getByRole('row', { name: /Pathway set up from the template “Stem-cell secretome: FDA IND pathway/ })).toHaveCount(1);
});

test('archive hides a product from the portfolio; restore brings it back; both survive a reload', async ({ page }) => {
  const portfolio = await new PortfolioPage(page).open();
  const product = await portfolio.openProduct(NAME);
  await product.archive('Programme on hold');
  await expect(product.archivedNotice).toBeVisible();

  const shell = new AppShell(page);
  await shell.goTo('Portfolio');
  await expect(portfolio.products.getByText('UC-EV-01')).toHaveCount(0);
  await portfolio.showArchived.click();
  await expect(portfolio.products.getByText('UC-EV-01')).toBeVisible();

  await page.reload(); // the launch token survives a reload
  await portfolio.showArchived.click();
  await portfolio.products.getByRole('link', { name: NAME }).click();
  await product.restore();
  await expect(product.editProfileButton).toBeVisible();

  await page.reload();
  await expect(product.heading(NAME)).toBeVisible();
  await product.openTab('Profile');
  await expect(page.getByText('Acute respiratory distress syndrome')).toBeVisible();
  await shell.goTo('Portfolio');
  await expect(portfolio.products.getByText('UC-EV-01')).toBeVisible();
});

test('Ctrl+K finds a product by code and opens it', async ({ page }) => {
  const portfolio = await new PortfolioPage(page).open();
  await expect(portfolio.products).toBeVisible();
  await new AppShell(page).findProduct('cfaf');
  await page.getByRole('button', { name: /CFAF-EV-C19/ }).click();
  await expect(new ProductPage(page).heading(/Cell-free amniotic fluid extracellular vesicles/)).toBeVisible();
});

test('the theme follows a toggle between light and dark', async ({ page }) => {
  await openApp(page);
  const html = page.locator('html');
  const before = await html.getAttribute('data-mantine-color-scheme');
  await new AppShell(page).themeToggle.click();
  await expect(html).not.toHaveAttribute('data-mantine-color-scheme', before!);
});
