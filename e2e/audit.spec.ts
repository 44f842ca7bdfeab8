import { expect, test, useFreshServer } from './fixtures';
import { AppShell } from './pages/appShell';
import { AuditTrail } from './pages/auditTrail';
import { openExampleProduct } from './pages/portfolioPage';
import { ProductForm } from './pages/productForm';

useFreshServer();

test('the audit trail lists every change of a session with old and new values, and filters', async ({ page, pageErrors }) => {
  const product = await openExampleProduct(page, 'MSC conditioned medium for diabetic wounds');
  await product.openTab('Profile');
  await product.editProfile();
  const form = new ProductForm(page);
  await form.fill({ route: 'Topical gel', sponsor: 'Wound Biologics GmbH' });
  await form.saveChanges('Formulation decided');
  await expect(page.getByText('Topical gel')).toBeVisible();
  await product.archive();
  await expect(product.archivedNotice).toBeVisible();

  await new AppShell(page).goTo('Audit trail');
  const trail = new AuditTrail(page);
  const edits = trail.rowsWith('Formulation decided');
  await expect(edits).toHaveCount(2); // one row per changed field
  const route = edits.filter({ hasText: 'route' });
  await expect(route).toContainText('Topical gel');
  await expect(route.getByRole('cell').nth(5)).toHaveText('Topical'); // the old value
  const sponsor = edits.filter({ hasText: 'sponsor' });
  await expect(sponsor).toContainText('Example Wound Biologics');
  await expect(sponsor).toContainText('Wound Biologics GmbH');
  await expect(sponsor).toContainText('Formulation decided');
  await expect(trail.rowsWith('archive').first()).toContainText('MSC-CM-DW');

  // Filter by field: only the sponsor change is left.
  await trail.filterBy('Field', 'sponsor');
  await expect(trail.rows).toHaveCount(2); // header + the one change
  expect(pageErrors).toEqual([]);
});
