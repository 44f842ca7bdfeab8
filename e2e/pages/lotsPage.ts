import { expect, type Locator, type Page } from '@playwright/test';

/** The product's Lots tab: lot register, lot detail with results, and the specification. */
export class LotsPage {
  readonly lotsTable: Locator;
  readonly resultsTable: Locator;
  readonly specTable: Locator;

  constructor(readonly page: Page) {
    this.lotsTable = page.getByRole('table', { name: 'Lots', exact: true });
    this.resultsTable = page.getByRole('table', { name: 'Results', exact: true });
    this.specTable = page.getByRole('table', { name: 'Specification', exact: true });
  }

  async section(name: 'Lots' | 'Specification' | 'Import' | 'Trends' | 'Comparability') {
    await this.page.locator('.mantine-SegmentedControl-label', { hasText: new RegExp(`^${name}$`) }).click();
  }

  async startSpecFromTemplate(template: RegExp) {
    await this.section('Specification');
    await this.page.getByRole('button', { name: template }).click();
    await this.page.getByRole('button', { name: 'Save as new version' }).click();
    await expect(this.specTable).toBeVisible();
  }

  async fillDate(scope: Locator, field: string, date: string) {
    await scope.getByRole('textbox', { name: field }).fill(date);
    await scope.getByRole('textbox', { name: field }).press('Tab');
  }

  async createLot(fields: { lotNumber: string; manufacturedOn: string; processVersion?: string; purpose?: string }) {
    await this.section('Lots');
    await this.page.getByRole('button', { name: 'New lot' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New lot' });
    await dialog.getByRole('textbox', { name: 'Lot number' }).fill(fields.lotNumber);
    await this.fillDate(dialog, 'Manufacture date', fields.manufacturedOn);
    if (fields.processVersion) await dialog.getByRole('textbox', { name: 'Process version' }).fill(fields.processVersion);
    if (fields.purpose) {
      await dialog.getByRole('combobox', { name: 'Purpose' }).click();
      await this.page.getByRole('option', { name: fields.purpose }).click();
    }
    await dialog.getByRole('button', { name: 'Record lot' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { name: `Lot ${fields.lotNumber}` })).toBeVisible();
  }

  /** Enters results on the open lot: attribute name → value (and optionally unit). */
  async enterResults(testedOn: string, values: Record<string, string | { value: string; unit: string }>) {
    await this.page.getByRole('button', { name: 'Enter results' }).click();
    const form = this.page.getByRole('table', { name: 'Enter results' });
    await this.fillDate(this.page.locator('body'), 'Test date', testedOn);
    for (const [name, v] of Object.entries(values)) {
      const { value, unit } = typeof v === 'string' ? { value: v, unit: undefined } : v;
      await form.getByRole('textbox', { name: `${name} value` }).fill(value);
      if (unit !== undefined) await form.getByRole('textbox', { name: `${name} unit` }).fill(unit);
    }
    await this.page.getByRole('button', { name: /^Record \d+ results?$/ }).click();
  }

  resultRow(attribute: string): Locator {
    return this.resultsTable.getByRole('row').filter({ has: this.page.getByRole('cell', { name: attribute, exact: true }) });
  }

  lotRow(lotNumber: string): Locator {
    return this.lotsTable.getByRole('row').filter({ hasText: lotNumber });
  }
}
