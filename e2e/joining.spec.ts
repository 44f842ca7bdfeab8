import { expect, openApp, test, useFreshServer } from './fixtures';
import { ProductForm } from './pages/productForm';
import { ProductPage } from './pages/productPage';

useFreshServer();

test('a product created at Pre-IND is at Pre-IND, its earlier work done on the dates given', async ({ page, pageErrors }) => {
  await openApp(page, '/products/new');
  const form = new ProductForm(page);
  await form.fill({
    name: 'Placental MSC secretome',
    code: 'PL-CM-01',
    sponsor: 'Joiner Bio',
    sourceCell: 'Mesenchymal stromal cells',
    sourceTissue: 'Placenta',
    indication: 'Knee osteoarthritis',
    route: 'Intra-articular',
    startDate: '2025-01-06',
  });
  await form.joinAt('Pre-IND', { 'In vitro': '2025-06-30', 'In vivo (preclinical)': '2026-09-30' });
  await form.create();
  const product = new ProductPage(page);
  await expect(product.heading('Placental MSC secretome')).toBeVisible();
  await expect(page.getByText('Pre-IND', { exact: true }).first()).toBeVisible();
  // Every in vitro milestone is done on the date given; the forecast starts from there.
  await expect(page.getByRole('row', { name: /Secretome characterisation/ })).toContainText('2025-06-30');
  await expect(page.getByRole('row', { name: /GLP toxicology study start/ })).toContainText('2026-09-30');
  expect(pageErrors).toEqual([]);
});
