import { expect, openApp, test, useFreshServer } from './fixtures';
import { LotsPage } from './pages/lotsPage';
import { openExampleProduct } from './pages/portfolioPage';
import { createProduct } from './pages/productForm';

test.describe.configure({ mode: 'serial' });
useFreshServer();

const today = new Date().toISOString().slice(0, 10);
/** The product page's route, kept for the tests that follow. */
let productRoute = '';

test('the example EV product: lot history, a drifting attribute flagged on its control chart, two process versions compared, Word exports', async ({ page, pageErrors }) => {
  const product = await openExampleProduct(page, 'Cell-free amniotic fluid extracellular vesicles (cfAF EVs)');
  await product.openTab('Lots');
  const lots = new LotsPage(page);
  await expect(lots.lotsTable.getByRole('row')).toHaveCount(17);
  await expect(lots.lotRow('CFAF-007')).toContainText('Rejected');
  await expect(lots.lotRow('CFAF-007')).toContainText('OOS');
  await expect(lots.lotRow('CFAF-016')).toContainText('v2 (TFF + SEC)');

  const batch = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Batch analyses (3.2.S.4.4 / 3.2.P.5.4)' }).click();
  expect((await batch).suggestedFilename()).toMatch(/^CFAF-EV-C19-batch-analyses-\d{4}-\d{2}-\d{2}\.docx$/);

  await lots.lotsTable.getByRole('button', { name: 'CFAF-007' }).click();
  await expect(lots.resultRow('Endotoxin')).toContainText('0.82 EU/mL');
  await expect(lots.resultRow('Endotoxin').getByRole('button', { name: 'Investigation' })).toBeVisible();
  const coa = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Certificate of analysis' }).click();
  expect((await coa).suggestedFilename()).toBe('CFAF-EV-C19-CoA-CFAF-007.docx');
  await page.getByRole('button', { name: 'All lots' }).click();

  await lots.section('Trends');
  await page.getByRole('combobox', { name: 'Attribute' }).click();
  await page.getByRole('option', { name: /^Modal size \(\d+ signals?\)$/ }).click();
  await expect(page.getByRole('img', { name: 'Control chart: Modal size' })).toBeVisible();
  await expect(page.getByText('Western Electric signals')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^CFAF-01\d: .*\(rule \d\)$/ }).first()).toBeVisible();

  await lots.section('Comparability');
  const table = page.getByRole('table', { name: 'Comparability' });
  await expect(table.getByRole('row', { name: /Particle:protein ratio .*Not shown/ })).toBeVisible();
  await expect(table.getByText(/^Equivalent within ±15%: v2 \(TFF \+ SEC\) − v1 = /).first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a lot is recorded against the suggested EV specification: results converted and judged, an OOS blocks release until investigated and deviated', async ({ page, pageErrors }) => {
  const product = await createProduct(page, { code: 'EV-LOTS', name: 'Umbilical cord MSC EVs (lots)', fraction: 'Extracellular vesicles (EV)', sponsor: 'E2E Lots Inc.', sourceCell: 'Mesenchymal stromal cells', sourceTissue: 'Umbilical cord', indication: 'BPD', route: 'Intratracheal' });
  productRoute = new URL(page.url()).hash.slice(1).split('?')[0]!;
  await product.openTab('Lots');
  const lots = new LotsPage(page);
  await lots.startSpecFromTemplate(/EV secretome/);
  await expect(lots.specTable.getByRole('row', { name: /Endotoxin .* ≤ 0.5 EU\/mL/ })).toBeVisible();

  await lots.createLot({ lotNumber: 'EV-24-001', manufacturedOn: today, processVersion: 'v1' });
  await lots.enterResults(today, {
    'Particle concentration': { value: '2.5e7', unit: 'particles/µL' },
    Endotoxin: '0.8',
    Sterility: 'No growth',
  });
  await expect(lots.resultRow('Particle concentration')).toContainText('2.5E10 particles/mL');
  await expect(lots.resultRow('Particle concentration')).toContainText('entered 2.5e7 particles/µL');
  await expect(lots.resultRow('Particle concentration')).toContainText('Conforms');
  await expect(lots.resultRow('Endotoxin')).toContainText('OOS');
  await expect(lots.resultRow('Modal size')).toContainText('Missing');

  // A result that cannot be read names its field and writes nothing.
  await lots.enterResults(today, { 'Modal size': 'about 100' });
  await expect(page.getByText(/Row 1, value of Modal size: "about 100" is not a number/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Release is refused while required results are missing or OOS without investigation.
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('menuitem', { name: 'Release…' }).click();
  const release = page.getByRole('dialog', { name: /Lot EV-24-001: Released/ });
  await expect(release.getByText('Endotoxin: out of specification without an investigation note')).toBeVisible();
  await release.getByRole('button', { name: 'Release lot' }).click();
  await expect(release.getByText(/cannot be released/)).toBeVisible();
  await release.getByRole('button', { name: 'Cancel' }).click();

  await lots.resultRow('Endotoxin').getByRole('button', { name: 'Needs investigation' }).click();
  const note = page.getByRole('dialog', { name: 'OOS investigation: Endotoxin' });
  await note.getByRole('textbox').fill('OOS-001: sampling contamination; retest conforms');
  await note.getByRole('button', { name: 'Save note' }).click();
  await expect(lots.resultRow('Endotoxin').getByRole('button', { name: 'Investigation' })).toBeVisible();

  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('menuitem', { name: 'Release…' }).click();
  await release.getByRole('textbox', { name: /Deviation/ }).fill('DEV-001: released for engineering use, QA approved');
  await release.getByRole('button', { name: 'Release lot' }).click();
  await expect(release).toBeHidden();
  await expect(page.getByText('Released', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Edit lot' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit lot EV-24-001' });
  await edit.getByRole('textbox', { name: 'Scale' }).fill('10 L');
  await edit.getByRole('button', { name: 'Save lot' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Scale: 10 L')).toBeVisible();

  await page.getByRole('button', { name: 'All lots' }).click();
  await expect(lots.lotRow('EV-24-001')).toContainText('Released');
  await expect(lots.lotRow('EV-24-001')).toContainText('OOS');
  expect(pageErrors).toEqual([]);
});

test('results are imported from an NTA CSV: mapping guessed from the column names, preview with judgements, then one import', async ({ page, pageErrors }) => {
  await openApp(page, `${productRoute}?tab=lots`);
  const lots = new LotsPage(page);
  await lots.createLot({ lotNumber: 'EV-24-002', manufacturedOn: today, processVersion: 'v2' });
  await page.getByRole('button', { name: 'All lots' }).click();
  await lots.section('Import');
  await page.getByRole('textbox', { name: 'Source (instrument or LIMS)' }).or(page.getByRole('combobox', { name: 'Source (instrument or LIMS)' })).first().fill('NanoSight NS300');
  await page.getByRole('textbox', { name: 'Or paste the CSV text' }).fill(`Sample ID;Date;Concentration (particles/mL);Mode (nm)\nEV-24-002;${today};6.5e11;131\nEV-24-404;${today};1e10;100`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText('Line 3, lot: "EV-24-404" is not a lot of this product; record it first')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ results?$/ })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Or paste the CSV text' }).fill(`Sample ID;Date;Concentration (particles/mL);Mode (nm)\nEV-24-002;${today};6.5e11;131`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('row', { name: /Particle concentration .* OOS/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Modal size 131 nm .* Conforms/ })).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 results' }).click();
  await expect(page.getByText('Imported 2 results for 1 lots')).toBeVisible();

  await lots.section('Lots');
  await lots.lotsTable.getByRole('button', { name: 'EV-24-002' }).click();
  await expect(lots.resultRow('Particle concentration')).toContainText('6.5E11 particles/mL');
  await expect(lots.resultRow('Particle concentration')).toContainText('OOS');
  expect(pageErrors).toEqual([]);
});
