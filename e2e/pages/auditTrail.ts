import type { Locator, Page } from '@playwright/test';

/** The audit trail table (the Audit trail page, and a product's History tab), with its filters. */
export class AuditTrail {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Audit trail' });
  }

  get rows(): Locator {
    return this.table.getByRole('row');
  }

  rowsWith(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Picks a value in one of the filters above the table (e.g. Field → "sponsor"). */
  async filterBy(filter: string, value: string) {
    await this.page.getByRole('combobox', { name: filter }).click();
    await this.page.getByRole('option', { name: value, exact: true }).click();
  }
}
