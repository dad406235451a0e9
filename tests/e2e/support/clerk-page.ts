// Page object for the clerk window: the steps a clerk takes, addressed by visible German labels
// and roles, so the tests read like the handbook and break when the screen changes for users.
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../../portal/src/catalog/demo/accounts.ts';

export class ClerkPage {
  readonly page: Page;
  readonly grid: Locator;
  readonly search: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.grid = page.getByRole('grid');
    this.search = page.getByLabel('Suche (Aktenzeichen, Name, Leistung)');
    this.dialog = page.getByRole('dialog');
  }

  async open(rendererUrl: string): Promise<void> {
    await this.page.goto(`${rendererUrl}/clerk.html`);
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel('Benutzername').fill(username);
    await this.page.getByLabel('Passwort').fill(password);
    await this.page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(this.page.getByRole('heading', { name: 'Posteingang' })).toBeVisible();
  }

  async selectView(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: label }).click();
    await expect(this.page.getByRole('tab', { name: label })).toHaveAttribute('aria-selected', 'true');
  }

  row(text: string): Locator {
    return this.grid.getByRole('row').filter({ hasText: text });
  }

  /** Waits until the inbox lists the reference, e.g. after the sync brought it in. */
  async waitForRow(reference: string): Promise<void> {
    await expect(this.row(reference)).toHaveCount(1, { timeout: 20_000 });
  }

  async openApplication(reference: string): Promise<void> {
    await this.row(reference).click();
    await expect(this.page.getByRole('heading', { name: `Antrag ${reference}` })).toBeVisible();
  }

  async backToInbox(): Promise<void> {
    await this.page.getByRole('button', { name: 'Zurück zum Posteingang' }).click();
    await expect(this.page.getByRole('heading', { name: 'Posteingang' })).toBeVisible();
  }

  /** Opens an action dialog from the detail view, fills its fields by label and confirms. */
  async act(actionTitle: string, fields: Record<string, string>, confirmLabel: string): Promise<void> {
    await this.page.getByRole('region', { name: 'Aktionen' }).getByRole('button', { name: actionTitle, exact: true }).click();
    await expect(this.dialog).toBeVisible();
    for (const [label, value] of Object.entries(fields)) {
      const field = this.dialog.getByLabel(label, { exact: true });
      if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await this.dialog.getByRole('button', { name: confirmLabel }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Waits until the detail view shows the status (the sync brought the portal's new state). */
  async expectStatus(label: string): Promise<void> {
    await expect(this.page.locator('.clerk-detail__header .kern-badge').first()).toHaveText(label, { timeout: 20_000 });
  }

  async domRowCount(): Promise<number> {
    return this.grid.locator('[role="row"]').count();
  }
}
