import { expect, openApp, test, useFreshServer } from './fixtures';

useFreshServer();

test('the audit trail lists every change of a session with old and new values, and filters', async ({ page, pageErrors }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load example portfolio' }).click();
  await page.getByRole('link', { name: 'MSC conditioned medium for diabetic wounds' }).click();
  await page.getByRole('tab', { name: 'Profile' }).click();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const form = page.getByRole('form', { name: 'Product profile' });
  await form.getByLabel('Route').fill('Topical gel');
  await form.getByLabel('Sponsor').fill('Wound Biologics GmbH');
  await form.getByLabel('Reason for change').fill('Formulation decided');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Topical gel')).toBeVisible();
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This product is archived. Restore it to edit it.')).toBeVisible();

  await page.getByRole('link', { name: 'Audit trail' }).click();
  const trail = page.getByRole('table', { name: 'Audit trail' });
  const edits = trail.getByRole('row').filter({ hasText: 'Formulation decided' });
  await expect(edits).toHaveCount(2); // one row per changed field
  const route = edits.filter({ hasText: 'route' });
  await expect(route).toContainText('Topical gel');
  await expect(route.getByRole('cell').nth(5)).toHaveText('Topical'); // the old value
  const sponsor = edits.filter({ hasText: 'sponsor' });
  await expect(sponsor).toContainText('Example Wound Biologics');
  await expect(sponsor).toContainText('Wound Biologics GmbH');
  await expect(sponsor).toContainText('Formulation decided');
  await expect(trail.getByRole('row').filter({ hasText: 'archive' }).first()).toContainText('MSC-CM-DW');

  // Filter by field: only the sponsor change is left.
  await page.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'sponsor', exact: true }).click();
  await expect(trail.getByRole('row')).toHaveCount(2); // header + the one change
  expect(pageErrors).toEqual([]);
});
