import type { Locator, Page } from '@playwright/test';

export type ProductTab = 'Pathway' | 'Timeline' | 'Planning' | 'Clocks' | 'Checklists' | 'Lots' | 'Profile' | 'History';

/** Clocks and Checklists carry a count or a percentage in their label. */
const TAB_NAMES: Record<ProductTab, string | RegExp> = {
  Pathway: 'Pathway',
  Timeline: 'Timeline',
  Planning: 'Planning',
  Clocks: /Clocks/,
  Checklists: /Checklists/,
  Lots: 'Lots',
  Profile: 'Profile',
  History: 'History',
};

/** A product: its header (name, edit, archive, export) and its tabs. */
export class ProductPage {
  readonly archivedNotice: Locator;
  readonly editProfileButton: Locator;

  constructor(readonly page: Page) {
    this.archivedNotice = page.getByText('This product is archived. Restore it to edit it.');
    this.editProfileButton = page.getByRole('button', { name: 'Edit profile' });
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  tab(name: ProductTab): Locator {
    return this.page.getByRole('tab', { name: TAB_NAMES[name] });
  }

  async openTab(name: ProductTab) {
    await this.tab(name).click();
  }

  async editProfile() {
    await this.editProfileButton.click();
  }

  /** Archive, with a reason when given; confirms in the dialog. */
  async archive(reason?: string) {
    await this.page.getByRole('button', { name: 'Archive' }).click();
    if (reason !== undefined) await this.page.getByLabel('Reason (kept in the audit trail)').fill(reason);
    await this.page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  }

  async restore() {
    await this.page.getByRole('button', { name: 'Restore' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  }

  /** Export menu → an item (e.g. "IND submission checklist…"); returns the export dialog. */
  async openExport(item: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Export' }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
    return this.page.getByRole('dialog');
  }
}
