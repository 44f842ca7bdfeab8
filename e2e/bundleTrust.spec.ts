import { expect, openApp, rpc, test, useFreshServer } from './fixtures';

/*
 * Issue 12 item 1 (UI): trusted colleagues in Settings, and an unsigned bundle that imports only
 * after "I trust this file" with a reason.
 */

useFreshServer();

const COLLEAGUE = 'AB12 CD34 EF56 7890 AB12 CD34 EF56 7890 AB12 CD34 EF56 7890 AB12 CD34 EF56 7890';

test('trusting a colleague in Settings, and importing an unsigned bundle only on "I trust this file"', async ({ page, pageErrors }) => {
  await openApp(page, '/settings');
  await expect(page.getByTestId('own-fingerprint')).toHaveText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
  await page.getByLabel('Colleague').fill('Alice Sender');
  await page.getByLabel('Their key fingerprint').fill(COLLEAGUE);
  await page.getByRole('button', { name: 'Trust', exact: true }).click();
  const table = page.getByRole('table', { name: 'Trusted colleagues' });
  await expect(table).toContainText('Alice Sender');
  await expect(table).toContainText('AB12 CD34 EF56 7890');
  await page.screenshot({ path: 'test-results/bundle-trust-settings.png', fullPage: true });

  // An unsigned bundle (made here, its signature removed: what a hand-edited file looks like).
  const product = await rpc<{ id: string }>('products.create', {
    name: 'Unsigned EV product', code: 'PLAIN-1', sponsor: 'Test Bio', sourceCell: 'MSC', sourceTissue: 'Umbilical cord', donorType: 'allogeneic',
    fraction: 'ev', oxygen: 'normoxia', passageWindow: 'P3-P5', serumFree: true, indication: 'BPD', route: 'Intratracheal', doseBasis: 'particles per kg', indNumber: '', stage: 'in-vitro', notes: '',
  });
  const file = await rpc<{ content: string }>('bundles.export', { productId: product.id });
  const bundle = JSON.parse(file.content) as Record<string, unknown>;
  delete bundle.signer;
  delete bundle.signature;
  await rpc('products.archive', { id: product.id });

  await openApp(page, '/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle' }).click();
  await (await chooser).setFiles({ name: 'plain.rptbundle', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Who made this bundle?' });
  await expect(dialog).toContainText('This bundle is not signed');
  const importButton = dialog.getByRole('button', { name: 'Import' });
  await expect(importButton).toBeDisabled();
  await dialog.getByLabel('I trust this file').check();
  await dialog.getByLabel('Why (kept in the audit trail)').fill('Handed over in person');
  await page.screenshot({ path: 'test-results/bundle-trust-dialog.png' });
  await importButton.click();
  // The product exists here (archived), so the copy-or-replace choice follows; the trust carries over.
  const choice = page.getByRole('dialog', { name: 'This product already exists here' });
  await choice.getByRole('button', { name: 'Import as a copy' }).click();
  await expect(page.getByText(/Imported PLAIN-1-COPY \(unsigned file/)).toBeVisible();
  expect(pageErrors).toEqual([]);
});
