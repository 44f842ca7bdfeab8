import type { Locator, Page } from '@playwright/test';
import { openApp } from '../fixtures';
import { ProductPage } from './productPage';

/** The portfolio (the app's home): the products table, the first-run offer, new product. */
export class PortfolioPage {
  readonly products: Locator;
  readonly emptyHeading: Locator;
  readonly showArchived: Locator;

  constructor(readonly page: Page) {
    this.products = page.getByRole('table', { name: 'Products' });
    this.emptyHeading = page.getByRole('heading', { name: 'No products yet' });
    this.showArchived = page.getByRole('switch', { name: 'Show archived' });
  }

  async open() {
    await openApp(this.page);
    return this;
  }

  async loadExamples() {
    await this.page.getByRole('button', { name: 'Load example portfolio' }).click();
  }

  async newProduct() {
    await this.page.getByRole('button', { name: 'New product' }).click();
  }

  /** Follows the product's link (in the table or anywhere on the page). */
  async openProduct(name: string): Promise<ProductPage> {
    await this.page.getByRole('link', { name }).click();
    return new ProductPage(this.page);
  }
}

/** Loads the example portfolio on a fresh data folder and opens one of its products. */
export async function openExampleProduct(page: Page, name: string): Promise<ProductPage> {
  const portfolio = await new PortfolioPage(page).open();
  await portfolio.loadExamples();
  return portfolio.openProduct(name);
}
