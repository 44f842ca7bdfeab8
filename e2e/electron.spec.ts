import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../scripts/electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const binary = electronBinary(root);

test('the desktop app starts, shows the portfolio and keeps data across restarts', async () => {
  test.skip(!binary.available, `Electron smoke test skipped: ${binary.reason}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-electron-'));
  try {
    for (const round of [1, 2]) {
      const app = await electron.launch({ executablePath: binary.path!, args: [path.join(root, 'out/main/index.js'), '--data-dir', dataDir] });
      const window = await app.firstWindow();
      await expect(window.getByText('Secretome Regulatory Tracker').first()).toBeVisible();
      if (round === 1) await window.getByRole('button', { name: 'Load example portfolio' }).click();
      await expect(window.getByRole('table', { name: 'Products' }).getByText('AFSC-HX-01')).toBeVisible();
      await app.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
