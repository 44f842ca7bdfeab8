import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openApp, test, useFreshServer } from './fixtures';
import { openExampleProduct } from './pages/portfolioPage';
import { ProductPage } from './pages/productPage';

test.describe.configure({ mode: 'serial' });
useFreshServer();

test('exporting the IND checklist from the UI downloads a Word file that opens and says what it should', async ({ page, pageErrors }) => {
  test.setTimeout(120_000);
  const product = await openExampleProduct(page, 'Cell-free amniotic fluid extracellular vesicles (cfAF EVs)');
  const dialog = await product.openExport('IND submission checklist…');
  await dialog.getByText('A4').click();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^CFAF-EV-C19-IND-checklist-\d{4}-\d{2}-\d{2}\.docx$/);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-e2e-export-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // a .docx is a zip
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 90_000, stdio: 'ignore' });
  const text = execFileSync('pdftotext', ['-layout', file.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('Cell-free amniotic fluid extracellular vesicles');
  expect(text).toMatch(/Readiness: the IND is (not yet )?ready to submit/);
  expect(text).toMatch(/Form FDA 1571/);
  expect(text).toMatch(/Page 1 of \d+/);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

test('the plan goes out as an Excel sheet from the Export menu; LibreOffice reads its milestones back', async ({ page, pageErrors }) => {
  test.setTimeout(120_000);
  // The example portfolio is there from the first test (one server per spec file).
  await openApp(page);
  await page.getByRole('link', { name: 'Cell-free amniotic fluid extracellular vesicles (cfAF EVs)' }).click();
  const product = new ProductPage(page);
  const dialog = await product.openExport('Regulatory plan and status report…');
  await dialog.getByText('Excel (.xlsx)').click();
  await expect(dialog.getByText('A4')).toHaveCount(0); // paper is a Word option
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^CFAF-EV-C19-regulatory-plan-\d{4}-\d{2}-\d{2}\.xlsx$/);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-e2e-sheet-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file], { timeout: 90_000, stdio: 'ignore' });
  const csv = fs.readFileSync(file.replace(/\.xlsx$/, '.csv'), 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^Stage,Milestone,Duration \(days\),Planned start,Planned finish,Forecast start,Forecast finish/);
  expect(csv).toMatch(/IND submitted,\d+,\d{4}-\d{2}-\d{2}/);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});
