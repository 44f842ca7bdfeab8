import { expect, type Locator, type Page } from '@playwright/test';
import { milestoneRowIn, type MilestoneRow } from './pathwayPage';

/** A product's Planning tab: scenarios, their editor, the comparison of plans, apply. */
export class PlanningPage {
  readonly keyDates: Locator;
  readonly moved: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.keyDates = page.getByRole('table', { name: 'Key dates compared' });
    this.moved = page.getByRole('table', { name: 'Milestones that moved' });
    this.dialog = page.getByRole('dialog');
  }

  scenario(name: string): Locator {
    return this.page.getByRole('region', { name: `Scenario ${name}` });
  }

  /** Starts a scenario from the live plan; returns its editor. */
  async startScenario(name: string): Promise<Locator> {
    await this.page.getByLabel('Scenario name').fill(name);
    await this.page.getByRole('button', { name: 'Start scenario' }).click();
    return this.scenario(name);
  }

  milestoneIn(scenario: Locator, milestone: string): MilestoneRow {
    return milestoneRowIn(this.page, scenario, milestone);
  }

  async applyToLivePlan(reason: string) {
    await this.page.getByRole('button', { name: 'Apply to live plan…' }).click();
    await this.dialog.getByLabel('Reason').fill(reason);
    await this.dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
