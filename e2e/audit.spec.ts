import { expect, test, useFreshServer } from './fixtures';
import { AppShell } from './pages/appShell';
import { AuditTrail } from './pages/auditTrail';
import { openExampleProduct } from './pages/portfolioPage';
import { ProductForm } from './pages/productForm';

useFreshServer();

test('the audit trail lists every change of a session in words, with old and new values, and filters', async ({ page, pageErrors }) => {
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
  // The two fields changed together are one change set, named in words, its members inside.
  const edit = trail.rowsWith('Profile of MSC-CM-DW changed: sponsor, route');
  await expect(edit).toHaveCount(1);
  await expect(edit).toContainText('MSC-CM-DW');
  await expect(edit).toContainText('Formulation decided');
  const members = await trail.openChangeSet('Profile of MSC-CM-DW changed');
  await expect(members.getByRole('row', { name: /route/ })).toContainText('Product profile route Topical → Topical gel');
  await expect(members.getByRole('row', { name: /sponsor/ })).toContainText('Example Wound Biologics');
  await expect(members.getByRole('row', { name: /sponsor/ })).toContainText('→ Wound Biologics GmbH');
  await expect(trail.rowsWith('archived').first()).toContainText('MSC-CM-DW');
  await expect(trail.table).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no ids, anywhere

  // Filter by field: only the change set holding the sponsor change is left.
  await trail.filterBy('Field', 'sponsor');
  await expect(trail.rows).toHaveCount(2); // header + the one change set
  expect(pageErrors).toEqual([]);
});
