import type { Locator, Page } from '@playwright/test';
import { openApp } from '../fixtures';

/** The clock calculator: event, date, meeting type, and the deadlines that follow. */
export class ClockCalculatorPage {
  readonly deadlines: Locator;

  constructor(readonly page: Page) {
    this.deadlines = page.getByRole('table', { name: 'Deadlines' });
  }

  async open() {
    await openApp(this.page, '/clocks');
    return this;
  }

  async pickEvent(label: string) {
    await this.page.getByRole('combobox', { name: 'Event' }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async setDate(date: string) {
    const field = this.page.getByLabel('Date', { exact: true });
    await field.fill(date);
    await field.press('Tab');
  }

  async pickMeetingType(label: string) {
    await this.page.getByRole('radiogroup', { name: 'Meeting type' }).getByText(label, { exact: true }).click();
  }

  deadline(name: RegExp): Locator {
    return this.deadlines.getByRole('row', { name });
  }
}
