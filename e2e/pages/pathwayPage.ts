import { expect, type Locator, type Page } from '@playwright/test';

/** A milestone's row (in the pathway table, or a scenario's), with its click-to-edit duration. */
export class MilestoneRow {
  readonly durationButton: Locator;
  readonly durationInput: Locator;

  constructor(readonly row: Locator) {
    this.durationButton = row.getByRole('button', { name: /^Duration of / });
    this.durationInput = row.getByRole('textbox', { name: /^Duration of / });
  }

  async setDuration(days: string) {
    await this.durationButton.click();
    await this.durationInput.fill(days);
    await this.durationInput.press('Enter');
  }

  /** Lengthens the milestone by `days` from what its duration cell shows. */
  async addToDuration(days: number) {
    const current = Number.parseInt(await this.durationButton.innerText(), 10);
    await this.setDuration(String(current + days));
  }
}

/** The rows of `scope` that show a milestone of this exact name. */
export function milestoneRowIn(page: Page, scope: Page | Locator, name: string): MilestoneRow {
  return new MilestoneRow(scope.getByRole('row').filter({ has: page.getByText(name, { exact: true }) }));
}

/** The milestone editor dialog (row menu → "Edit, dependencies…"). */
export class MilestoneDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  async fillDate(field: string, date: string) {
    await this.dialog.getByRole('textbox', { name: field }).fill(date);
    await this.dialog.getByRole('textbox', { name: field }).press('Tab');
  }

  async save() {
    await this.dialog.getByRole('button', { name: 'Save milestone' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** The Pathway tab: the key dates header, the milestone table and the baselines card. */
export class PathwayPage {
  readonly baselines: Locator;
  readonly keyDatesAgainstBaseline: Locator;

  constructor(readonly page: Page) {
    this.baselines = page.getByRole('region', { name: 'Baselines' });
    this.keyDatesAgainstBaseline = page.getByRole('table', { name: 'Key dates against the baseline' });
  }

  stageHeading(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true });
  }

  milestone(name: string): MilestoneRow {
    return milestoneRowIn(this.page, this.page, name);
  }

  /** The YYYY-MM-DD date a key date of the header (e.g. "IND submitted") shows. */
  async headerDate(label: string): Promise<string> {
    const text = await this.page.getByRole('group', { name: label }).innerText();
    return /\d{4}-\d{2}-\d{2}/.exec(text)![0];
  }

  async editMilestone(name: string): Promise<MilestoneDialog> {
    await this.milestone(name).row.getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: 'Edit, dependencies…' }).click();
    return new MilestoneDialog(this.page);
  }

  /** Saves the current plan as a (reference) baseline. */
  async saveBaseline(name: string) {
    await this.baselines.getByLabel('Baseline name').fill(name);
    await this.baselines.getByRole('button', { name: 'Save baseline' }).click();
    await expect(this.baselines.getByText(`Measured against "${name}"`)).toBeVisible();
  }
}
