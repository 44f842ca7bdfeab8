import type { Locator, Page } from '@playwright/test';

export type Section = 'Dashboard' | 'Portfolio' | 'Clock calculator' | 'Audit trail' | 'Settings';

/** What every page has: the navigation, the product finder (Ctrl+K) and the theme toggle. */
export class AppShell {
  readonly themeToggle: Locator;

  constructor(readonly page: Page) {
    this.themeToggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
  }

  navLink(section: Section): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name: section });
  }

  async goTo(section: Section) {
    await this.navLink(section).click();
  }

  /** Ctrl+K, then types into the finder; the matches are buttons named by product. */
  async findProduct(query: string) {
    await this.page.keyboard.press('Control+K');
    await this.page.getByPlaceholder('Find a product by name or code…').fill(query);
  }
}
