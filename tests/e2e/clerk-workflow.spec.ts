// The clerk's daily work end to end: the built renderer in Chromium, the real clerk services of
// the main process (through the harness) and a real portal process with its own data folder.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startClerkHarness, type ClerkHarness } from '../support/clerk-harness.ts';
import { registrationCertificate } from '../support/submissions.ts';
import {
  fetchApplication, loginToPortal, makeTempDir, removeDir, replyAsCitizen, serveRenderer, startPortalProcess, submitApplication,
  type PortalProcess, type StaticServer, type SubmittedApplication,
} from './support/clerk-env.ts';
import { handbookScreenshot } from './support/handbook-screenshots.ts';
import { ClerkPage } from './support/clerk-page.ts';


let renderer: StaticServer;
let portal: PortalProcess;
let portalDir: string;
let clerkDir: string;
let harness: ClerkHarness | null = null;

// Invented applicants; the umlauts are what the search must fold.
const APPLICANTS = [
  { givenName: 'Jürgen', familyName: 'Mühlenbeck' },
  { givenName: 'Sören', familyName: 'Weißdorn' },
  { givenName: 'Käthe', familyName: 'Ölschläger' },
];
let submitted: SubmittedApplication[] = [];

test.beforeAll(async () => {
  renderer = await serveRenderer();
});
test.afterAll(async () => {
  await renderer.close();
});

test.beforeEach(async () => {
  portalDir = makeTempDir('antragsdesk-e2e-portal-');
  clerkDir = makeTempDir('antragsdesk-e2e-clerk-');
  portal = await startPortalProcess(portalDir);
  submitted = [];
  for (const [index, applicant] of APPLICANTS.entries()) {
    submitted.push(await submitApplication(portal.url, registrationCertificate(), applicant, index + 1));
  }
});

test.afterEach(async () => {
  await harness?.close();
  harness = null;
  await portal.stop();
  removeDir(portalDir);
  removeDir(clerkDir);
});

async function signIn(page: Page, username = 'a.krueger'): Promise<ClerkPage> {
  harness = await startClerkHarness({ page, portalUrl: portal.url, dataDir: clerkDir });
  const clerk = new ClerkPage(page);
  await clerk.open(renderer.url);
  await clerk.login(username);
  return clerk;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await handbookScreenshot(page, `clerk-${name}.png`);
}

test('login rejects a wrong password, then signs in', async ({ page }) => {
  harness = await startClerkHarness({ page, portalUrl: portal.url, dataDir: clerkDir });
  const clerk = new ClerkPage(page);
  await clerk.open(renderer.url);

  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte geben Sie Benutzername und Passwort ein.');

  await page.getByLabel('Benutzername').fill('a.krueger');
  await page.getByLabel('Passwort').fill('falsch-falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Posteingang' })).toHaveCount(0);
  await page.getByLabel('Benutzername').fill('');
  await screenshot(page, 'anmelden');

  await clerk.login('a.krueger');
  await expect(page.getByText('Anja Krüger (Sachbearbeitung)')).toBeVisible();
});

test('search folds umlauts and finds the applicant', async ({ page }) => {
  const clerk = await signIn(page);
  await clerk.selectView('Alle');
  for (const application of submitted) await clerk.waitForRow(application.reference);

  await clerk.search.fill('muhlenbeck');
  await expect(clerk.row(submitted[0]!.reference)).toHaveCount(1);
  await expect(clerk.row(submitted[1]!.reference)).toHaveCount(0);

  await clerk.search.fill('Weißd');
  await expect(clerk.row(submitted[1]!.reference)).toHaveCount(1);
  await expect(clerk.row(submitted[0]!.reference)).toHaveCount(0);

  await clerk.search.fill('oelschlaeger');
  await expect(clerk.row(submitted[2]!.reference)).toHaveCount(1);

  await clerk.search.fill('niemand-heisst-so');
  await expect(page.getByText('Keine Anträge in dieser Ansicht.')).toBeVisible();
});

test('accept, ask back, citizen answers, approve', async ({ page }) => {
  const clerk = await signIn(page);
  const [application] = submitted;
  await clerk.selectView('Alle');
  await clerk.waitForRow(application!.reference);
  await expect(clerk.row(application!.reference)).toContainText('Mühlenbeck, Jürgen');
  await screenshot(page, 'posteingang');

  await clerk.openApplication(application!.reference);
  await expect(page.getByRole('region', { name: 'Angaben im Antrag' })).toContainText('Familienname');
  await expect(page.getByRole('region', { name: 'Angaben im Antrag' })).toContainText('Mühlenbeck');
  await screenshot(page, 'antrag');

  await clerk.act('Annehmen', { 'Vermerk (optional)': 'Unterlagen vollständig geprüft.' }, 'Antrag annehmen');
  await clerk.expectStatus('Angenommen');
  const timeline = page.getByRole('region', { name: 'Verlauf' });
  await expect(timeline).toContainText('Unterlagen vollständig geprüft.');
  await expect(timeline.locator('.clerk-internal-text').first()).toContainText('intern');

  // A Rückfrage without a message is rejected in the dialog and names the field.
  await page.getByRole('region', { name: 'Aktionen' }).getByRole('button', { name: 'Rückfrage stellen', exact: true }).click();
  await clerk.dialog.getByRole('button', { name: 'Rückfrage senden' }).click();
  await expect(clerk.dialog.getByText('Bitte füllen Sie „Nachricht an die Antragstellerin oder den Antragsteller“ aus.')).toBeVisible();
  await clerk.dialog.getByLabel('Nachricht an die Antragstellerin oder den Antragsteller').fill('Bitte senden Sie uns eine Kopie Ihres Personalausweises.');
  await screenshot(page, 'rueckfrage');
  await clerk.dialog.getByRole('button', { name: 'Rückfrage senden' }).click();
  await expect(clerk.dialog).toBeHidden();
  await clerk.expectStatus('Rückfrage an Sie');

  await replyAsCitizen(portal.url, application!, 'Die Kopie liegt bei, viele Grüße.');
  await expect(page.getByRole('region', { name: 'Nachrichten' })).toContainText('Die Kopie liegt bei', { timeout: 20_000 });
  await clerk.expectStatus('In Bearbeitung');

  await clerk.act('Bewilligen', { Bescheid: 'Die Meldebescheinigung wird Ihnen per Post zugesandt.' }, 'Antrag bewilligen');
  await clerk.expectStatus('Bewilligt');

  const token = await loginToPortal(portal.url, 'a.krueger');
  const onPortal = await fetchApplication(portal.url, token, application!.applicationId);
  expect(onPortal.status).toBe('approved');
  const statuses = onPortal.history.filter((entry) => entry.kind === 'status').map((entry) => entry.status);
  expect(statuses).toEqual(['submitted', 'accepted', 'action_required', 'in_progress', 'approved']);
});

test('action taken offline arrives exactly once after the portal restarts', async ({ page }) => {
  const clerk = await signIn(page);
  const [application] = submitted;
  await clerk.selectView('Alle');
  await clerk.waitForRow(application!.reference);
  await clerk.openApplication(application!.reference);

  await portal.kill();
  await expect(page.getByText('Keine Verbindung zum Portal')).toBeVisible({ timeout: 20_000 });

  await clerk.act('Annehmen', {}, 'Antrag annehmen');
  await expect(page.getByText('1 Aktion wartet auf das Senden.')).toBeVisible({ timeout: 10_000 });
  // A second action on the same version would conflict, so the buttons wait for the first.
  await expect(page.getByText('Noch nicht an das Portal übertragen: Annehmen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vermerk hinzufügen' })).toBeDisabled();
  await screenshot(page, 'offline');

  await portal.restart();
  await clerk.expectStatus('Angenommen');
  await expect(page.getByText('Keine Verbindung zum Portal')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Vermerk hinzufügen' })).toBeEnabled();

  const token = await loginToPortal(portal.url, 'a.krueger');
  const onPortal = await fetchApplication(portal.url, token, application!.applicationId);
  expect(onPortal.status).toBe('accepted');
  const accepted = onPortal.history.filter((entry) => entry.kind === 'status' && entry.status === 'accepted');
  expect(accepted).toHaveLength(1);
  expect(onPortal.version).toBe(2);
});

test('keyboard alone: search, move, open, act, close', async ({ page }) => {
  const clerk = await signIn(page);
  await clerk.selectView('Alle');
  for (const application of submitted) await clerk.waitForRow(application.reference);

  await page.keyboard.press('/');
  await expect(clerk.search).toBeFocused();
  await page.keyboard.type('Ölschläger');
  await expect(clerk.row(submitted[2]!.reference)).toHaveCount(1);
  await expect(clerk.row(submitted[0]!.reference)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(clerk.search).toHaveValue('');
  await expect(clerk.row(submitted[0]!.reference)).toHaveCount(1);

  await page.keyboard.press('ArrowDown');
  await expect(clerk.grid).toBeFocused();
  await expect(page.locator('#inbox-row-0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(page.locator('#inbox-row-1')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(page.locator('#inbox-row-0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  const reference = (await page.locator('#inbox-row-1 [role="gridcell"]').first().textContent())!;

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Antrag ${reference}` })).toBeFocused();

  // Tab to the first action, open its dialog, Esc closes it and focus returns to the button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Annehmen', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(clerk.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(clerk.dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Annehmen', exact: true })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(clerk.dialog.getByLabel('Vermerk (optional)')).toBeFocused();
  await page.keyboard.type('Per Tastatur angenommen.');
  await page.keyboard.press('Tab');
  await expect(clerk.dialog.getByRole('button', { name: 'Antrag annehmen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(clerk.dialog).toBeHidden();
  await clerk.expectStatus('Angenommen');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Posteingang' })).toBeVisible();
});

test('axe finds no violations on login, inbox, detail and dialog', async ({ page }) => {
  harness = await startClerkHarness({ page, portalUrl: portal.url, dataDir: clerkDir });
  const clerk = new ClerkPage(page);
  await clerk.open(renderer.url);
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
  const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

  expect((await axe()).violations).toEqual([]);

  await clerk.login('a.krueger');
  await clerk.selectView('Alle');
  await clerk.waitForRow(submitted[0]!.reference);
  expect((await axe()).violations).toEqual([]);

  await clerk.openApplication(submitted[0]!.reference);
  expect((await axe()).violations).toEqual([]);

  await page.getByRole('region', { name: 'Aktionen' }).getByRole('button', { name: 'Weiterleiten', exact: true }).click();
  await expect(clerk.dialog).toBeVisible();
  await clerk.dialog.getByRole('button', { name: 'Antrag weiterleiten' }).click();
  await expect(clerk.dialog.getByText('Bitte füllen Sie „Zuständige Behörde“ aus.')).toBeVisible();
  await screenshot(page, 'weiterleiten');
  expect((await axe()).violations).toEqual([]);
});

test('next user after logout sees none of the first user’s applications', async ({ page }) => {
  const clerk = await signIn(page, 'a.krueger');
  await clerk.selectView('Alle');
  await clerk.waitForRow(submitted[0]!.reference);
  await clerk.openApplication(submitted[0]!.reference);

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByLabel('Passwort')).toHaveValue('');

  // Heike Müller works for Ludwigslust; the Schwerin applications belong to another authority.
  await clerk.login('h.mueller');
  await clerk.selectView('Alle');
  await expect(page.getByText('Keine Anträge in dieser Ansicht.')).toBeVisible({ timeout: 20_000 });
  await expect(clerk.row(submitted[0]!.reference)).toHaveCount(0);
  await expect(page.getByText('Heike Müller (Sachbearbeitung)')).toBeVisible();
});
