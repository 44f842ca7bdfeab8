import { expect, type Locator, type Page } from '@playwright/test';
import { openApp } from '../fixtures';
import { ProductPage } from './productPage';

export interface ProfileFields {
  name: string;
  code: string;
  sponsor: string;
  sourceCell: string;
  sourceTissue: string;
  /** The option's label, e.g. "Extracellular vesicles (EV)". */
  fraction: string;
  indication: string;
  route: string;
  /** New products only: the pathway start date (YYYY-MM-DD). */
  startDate: string;
}

const LABELS: Record<Exclude<keyof ProfileFields, 'fraction' | 'startDate'>, string> = {
  name: 'Name',
  code: 'Code',
  sponsor: 'Sponsor',
  sourceCell: 'Source cell',
  sourceTissue: 'Source tissue',
  indication: 'Indication',
  route: 'Route',
};

/** The product profile form, on New product and on Edit profile. */
export class ProductForm {
  readonly form: Locator;
  readonly template: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Product profile' });
    this.template = this.form.getByRole('combobox', { name: 'Pathway template' });
  }

  /** A text field by its label ("Route" is the text field, not the "Route category" choice). */
  field(label: string): Locator {
    // Exactly this label ("Route", not "Route category"), with or without the required asterisk.
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.form.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
  }

  /** Fills the given fields in the order the form shows them. */
  async fill(fields: Partial<ProfileFields>) {
    for (const key of ['name', 'code', 'sponsor', 'sourceCell', 'sourceTissue', 'fraction', 'indication', 'route', 'startDate'] as const) {
      const value = fields[key];
      if (value === undefined) continue;
      if (key === 'fraction') {
        await this.form.getByRole('combobox', { name: 'Secretome fraction' }).click();
        await this.page.getByRole('option', { name: value, exact: true }).click();
      } else if (key === 'startDate') {
        const start = this.form.getByRole('textbox', { name: 'Start date' });
        await start.fill(value);
        await start.press('Tab');
      } else {
        await this.field(LABELS[key]).fill(value);
      }
    }
  }

  /** Joining mid-way: the current stage, and the date each earlier stage finished. */
  async joinAt(stage: string, finishes: Record<string, string>) {
    await this.form.getByRole('combobox', { name: 'Current stage' }).click();
    await this.page.getByRole('option', { name: stage, exact: true }).click();
    for (const [earlier, date] of Object.entries(finishes)) {
      const field = this.form.getByRole('textbox', { name: `${earlier} finished` });
      await field.fill(date);
      await field.press('Tab');
    }
  }

  async create() {
    await this.page.getByRole('button', { name: 'Create product' }).click();
  }

  /** Edit profile: the changes need a reason for the audit trail. */
  async saveChanges(reason: string) {
    await this.field('Reason for change').fill(reason);
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }
}

/** New product from the default template (the FDA IND pathway); lands on the product page. */
export async function createProduct(page: Page, fields: Partial<ProfileFields> & { name: string }): Promise<ProductPage> {
  await openApp(page, '/products/new');
  const form = new ProductForm(page);
  await form.fill(fields);
  await expect(form.template).toHaveValue(/FDA IND pathway/);
  await form.create();
  const product = new ProductPage(page);
  await expect(product.heading(fields.name)).toBeVisible();
  return product;
}
