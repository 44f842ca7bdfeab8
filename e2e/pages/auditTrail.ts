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

  /** Opens the change set whose summary matches, and returns the table of its changes. */
  async openChangeSet(summary: string | RegExp): Promise<Locator> {
    const row = this.rowsWith(summary).first();
    await row.getByRole('button', { name: /^Show the \d+ changes of/ }).click();
    return this.page.getByRole('table', { name: /^Changes of “/ }).first();
  }

  /** Picks a value in one of the filters above the table (e.g. Field → "sponsor"). */
  async filterBy(filter: string, value: string) {
    await this.page.getByRole('combobox', { name: filter }).click();
    await this.page.getByRole('option', { name: value, exact: true }).click();
  }
}
