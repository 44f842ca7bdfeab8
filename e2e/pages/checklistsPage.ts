import { expect, type Locator, type Page } from '@playwright/test';
import { openApp } from '../fixtures';
import { ProductPage } from './productPage';

/** A product's Checklists tab: readiness and gates, filters, the item list, bulk actions. */
export class ChecklistsPage {
  readonly list: Locator;
  readonly readiness: Locator;
  readonly bulkBar: Locator;
  readonly emptyHeading: Locator;
  readonly generateButton: Locator;
  readonly regenerateButton: Locator;
  readonly requiredOnly: Locator;
  /** The item drawer (and any other dialog open over the list). */
  readonly dialog: Locator;
  readonly notApplicableDialog: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('region', { name: 'Checklist items' });
    this.readiness = page.getByRole('group', { name: 'Readiness' });
    this.bulkBar = page.getByRole('toolbar', { name: 'Bulk actions' });
    this.emptyHeading = page.getByRole('heading', { name: 'No checklists yet' });
    this.generateButton = page.getByRole('button', { name: 'Generate checklists' });
    this.regenerateButton = page.getByRole('button', { name: 'Regenerate from profile' });
    this.requiredOnly = page.getByRole('checkbox', { name: 'Required only' });
    this.dialog = page.getByRole('dialog');
    this.notApplicableDialog = page.getByRole('dialog', { name: 'Mark not applicable' });
  }

  /** From the portfolio: opens the product and its Checklists tab. */
  static async open(page: Page, productName: string): Promise<ChecklistsPage> {
    await openApp(page);
    await page.getByRole('link', { name: productName }).click();
    const product = new ProductPage(page);
    await expect(product.heading(productName)).toBeVisible();
    await product.openTab('Checklists');
    return new ChecklistsPage(page);
  }

  itemRow(title: string): Locator {
    return this.list.getByRole('group', { name: title, exact: true });
  }

  status(title: string): Locator {
    return this.itemRow(title).getByRole('combobox', { name: 'Status' });
  }

  gate(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  blockers(gateLabel: string): Locator {
    return this.page.getByRole('list', { name: `Blockers of ${gateLabel}` }).getByRole('listitem');
  }

  /** The "N of M items" count of the filtered list. */
  get shownCount(): Locator {
    return this.page.getByText(/^\d+ of \d+ items$/);
  }

  async search(text: string) {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text);
  }

  async pickStatus(title: string, status: string) {
    await this.status(title).click();
    await this.page.getByRole('option', { name: status, exact: true }).click();
  }

  /** "done/total" of the whole product, from the readiness header. */
  async doneCount(): Promise<[number, number]> {
    const text = await this.readiness.innerText();
    const m = /(\d+)\/(\d+)\s+items/.exec(text);
    if (!m) throw new Error(`No done/total in the readiness header: ${text}`);
    return [Number(m[1]), Number(m[2])];
  }

  /** [shown, total] from the "N of M items" count. */
  async shown(): Promise<number[]> {
    return (/^(\d+) of (\d+) items$/.exec(await this.shownCount.innerText()) ?? []).slice(1).map(Number);
  }

  async selectAllShown() {
    await this.page.getByRole('button', { name: 'Select all shown' }).click();
  }

  async clearSelection() {
    await this.page.getByRole('button', { name: 'Clear selection' }).click();
  }

  /** A bulk status change asks why (not applicable asks for its justification instead). */
  async setStatusOfSelected(status: string, reason = 'Bulk update in the e2e run') {
    await this.page.getByRole('button', { name: 'Set status' }).click();
    await this.page.getByRole('menuitem', { name: status }).click();
    if (status === 'Not applicable') return;
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`to ${status}$`) });
    await dialog.getByRole('textbox', { name: 'Reason for the change' }).fill(reason);
    await dialog.getByRole('button', { name: 'Set status' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
