// Clerk tools beyond the basic flow: the virtualized list with thousands of rows, notifications,
// attachments, exports, assisted intake, follow-ups and the conflict dialog, each against a real
// portal process and the real clerk services.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { generateApplications } from '../../portal/src/demo/generate.ts';
import { berlinDate } from '../../src-shared/dates.ts';
import { startClerkHarness, type ClerkHarness } from '../support/clerk-harness.ts';
import { parkingPermit, registrationCertificate, SMALL_PDF } from '../support/submissions.ts';
import {
  actOnPortal, fetchApplication, loginToPortal, makeTempDir, removeDir, replyAsCitizen, serveRenderer, startNetworkLink, startPortalProcess, submitApplication,
  type NetworkLink, type PortalProcess, type StaticServer,
} from './support/clerk-env.ts';
import { handbookScreenshot } from './support/handbook-screenshots.ts';
import { ClerkPage } from './support/clerk-page.ts';


let renderer: StaticServer;
let portal: PortalProcess | null = null;
let link: NetworkLink | null = null;
let harness: ClerkHarness | null = null;
const dirs: string[] = [];

test.beforeAll(async () => {
  renderer = await serveRenderer();
});
test.afterAll(async () => {
  await renderer.close();
});
test.afterEach(async () => {
  await harness?.close();
  harness = null;
  await link?.close();
  link = null;
  await portal?.stop();
  portal = null;
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir;
}

async function signIn(page: Page, portalUrl: string, username: string): Promise<ClerkPage> {
  harness = await startClerkHarness({ page, portalUrl, dataDir: tempDir('antragsdesk-e2e-clerk-') });
  const clerk = new ClerkPage(page);
  await clerk.open(renderer.url);
  await clerk.login(username);
  return clerk;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await handbookScreenshot(page, `clerk-${name}.png`);
}

test('list keeps at most 200 rows in the DOM with thousands loaded', async ({ page }) => {
  test.setTimeout(180_000);
  const portalDir = tempDir('antragsdesk-e2e-portal-');
  await generateApplications({ dataDir: portalDir, count: 20_000, seed: 7 });
  portal = await startPortalProcess(portalDir);

  const clerk = await signIn(page, portal.url, 'c.weiss');
  await clerk.selectView('Alle');
  const counter = page.getByText(/\d[\d.]* Anträge in „Alle“/);
  // About one in eight generated applications goes to Schwerin, the team lead's authority.
  await expect(page.getByText('Posteingang wird erstmals geladen')).toBeHidden({ timeout: 90_000 });
  await expect(async () => {
    const total = Number((await counter.textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(2000);
  }).toPass({ timeout: 30_000 });

  expect(await clerk.domRowCount()).toBeLessThanOrEqual(200);
  expect(await clerk.domRowCount()).toBeGreaterThan(1);

  // Jump to the end: the last row is rendered and selected, the DOM stays small.
  await clerk.grid.focus();
  await page.keyboard.press('End');
  const total = Number((await counter.textContent())!.replace(/\D/g, ''));
  const lastRow = page.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
  await expect(lastRow).toHaveAttribute('aria-selected', 'true');
  await expect(lastRow.locator('[role="gridcell"]').first()).toHaveText(/^[A-Z]{2,4}-\d{4}-\d{6}$/);
  expect(await clerk.domRowCount()).toBeLessThanOrEqual(200);
  await expect(clerk.grid).toHaveAttribute('aria-rowcount', String(total + 1));
});

test('assignment by the team lead shows a notification that opens the application', async ({ page }) => {
  portal = await startPortalProcess(tempDir('antragsdesk-e2e-portal-'));
  const application = await submitApplication(portal.url, registrationCertificate(), { givenName: 'Hannelore', familyName: 'Bückmann' });
  const clerk = await signIn(page, portal.url, 'a.krueger');
  await clerk.selectView('Nicht zugewiesen');
  await clerk.waitForRow(application.reference);

  const lead = await loginToPortal(portal.url, 'c.weiss');
  await actOnPortal(portal.url, lead, application.applicationId, { action: 'assign', assigneeId: 'user-sn-krueger', expectedVersion: 1 });

  const toast = page.locator('.clerk-toast').filter({ hasText: application.reference });
  await expect(toast).toContainText('Neuer Antrag für Sie', { timeout: 20_000 });
  await clerk.selectView('Meine');
  await clerk.waitForRow(application.reference);
  await expect(clerk.row(application.reference)).toContainText('Anja Krüger');
  await screenshot(page, 'benachrichtigung');

  await toast.getByRole('button', { name: 'Öffnen' }).click();
  await expect(page.getByRole('heading', { name: `Antrag ${application.reference}` })).toBeVisible();
});

test('attachments, PDF and CSV export, assisted intake', async ({ page }) => {
  portal = await startPortalProcess(tempDir('antragsdesk-e2e-portal-'));
  const application = await submitApplication(portal.url, parkingPermit(), { givenName: 'Ottilie', familyName: 'Schönfeld' });
  const clerk = await signIn(page, portal.url, 'a.krueger');
  await clerk.selectView('Alle');
  await clerk.waitForRow(application.reference);

  await page.getByRole('button', { name: 'Liste als CSV exportieren' }).click();
  await expect(page.getByText('Die CSV-Datei wurde gespeichert.')).toBeVisible();
  const csv = readFileSync(harness!.savedFiles.at(-1)!.path, 'utf8');
  expect(csv).toContain(application.reference);
  expect(csv).toContain('Schönfeld');

  await clerk.openApplication(application.reference);
  // Labels come from form version 2 of the parking permit, not the field paths.
  await expect(page.getByRole('region', { name: 'Angaben im Antrag' })).toContainText('Vorname');
  await expect(page.getByText('Formularversion')).toBeVisible();

  const attachments = page.getByRole('region', { name: 'Anlagen' });
  await attachments.getByRole('button', { name: /ansehen$/ }).first().click();
  await expect(clerk.dialog).toBeVisible();
  await expect(clerk.dialog.locator('object[type="application/pdf"]')).toHaveAttribute('data', /^blob:/);
  await clerk.dialog.getByRole('button', { name: 'Speichern unter' }).click();
  await expect(clerk.dialog.getByText('Die Anlage wurde gespeichert.')).toBeVisible();
  expect(readFileSync(harness!.savedFiles.at(-1)!.path).equals(SMALL_PDF)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(clerk.dialog).toBeHidden();

  await page.getByRole('button', { name: 'Als PDF exportieren' }).click();
  await expect(page.getByText(`Der Antrag ${application.reference} wurde als PDF gespeichert.`)).toBeVisible({ timeout: 20_000 });
  expect(readFileSync(harness!.savedFiles.at(-1)!.path).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByRole('button', { name: 'Antrag für Bürger:in erfassen' }).click();
  await expect.poll(() => harness!.assistedIntakeOpened()).toBe(1);
});

test('follow-up today puts the application into its view', async ({ page }) => {
  portal = await startPortalProcess(tempDir('antragsdesk-e2e-portal-'));
  const application = await submitApplication(portal.url, registrationCertificate(), { givenName: 'Wilma', familyName: 'Kröger' });
  const clerk = await signIn(page, portal.url, 'a.krueger');
  await clerk.selectView('Alle');
  await clerk.waitForRow(application.reference);
  await clerk.openApplication(application.reference);

  await clerk.act('Wiedervorlage', { 'Datum der Wiedervorlage': berlinDate(new Date()) }, 'Wiedervorlage speichern');
  await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText('Wiedervorlage am', { timeout: 20_000 });

  await clerk.backToInbox();
  await clerk.selectView('Wiedervorlage heute');
  await clerk.waitForRow(application.reference);
});

test('conflict shows both versions and can be discarded', async ({ page }) => {
  portal = await startPortalProcess(tempDir('antragsdesk-e2e-portal-'));
  link = await startNetworkLink(portal.port);
  const application = await submitApplication(portal.url, registrationCertificate(), { givenName: 'Gustav', familyName: 'Löwenstein' });
  const clerk = await signIn(page, link.url, 'a.krueger');
  await clerk.selectView('Alle');
  await clerk.waitForRow(application.reference);
  await clerk.openApplication(application.reference);

  // This workstation loses the network and accepts; meanwhile the team lead accepts and starts.
  await link.cut();
  await expect(page.getByText('Keine Verbindung zum Portal')).toBeVisible({ timeout: 20_000 });
  await clerk.act('Annehmen', { 'Vermerk (optional)': 'Vollständig.' }, 'Antrag annehmen');
  const lead = await loginToPortal(portal.url, 'c.weiss');
  await actOnPortal(portal.url, lead, application.applicationId, { action: 'accept', expectedVersion: 1 });
  await actOnPortal(portal.url, lead, application.applicationId, { action: 'start', expectedVersion: 2 });
  await link.restore();

  await expect(page.getByText('1 Konflikt wartet auf Ihre Entscheidung')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Konflikte ansehen' }).click();
  const conflict = clerk.dialog.getByRole('region', { name: `Annehmen – Antrag ${application.reference}` });
  await expect(conflict.getByRole('row', { name: /Status/ })).toContainText('In Bearbeitung');
  await expect(conflict.getByRole('row', { name: /Status/ })).toContainText('Eingegangen');
  await screenshot(page, 'konflikt');

  await conflict.getByRole('button', { name: 'Verwerfen' }).click();
  await expect(clerk.dialog.getByText('Es gibt keine offenen Konflikte.')).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByText('1 Konflikt wartet auf Ihre Entscheidung')).toBeHidden();

  const onPortal = await fetchApplication(portal.url, lead, application.applicationId);
  expect(onPortal.status).toBe('in_progress');
  expect(onPortal.history.filter((entry) => entry.kind === 'status' && entry.status === 'accepted')).toHaveLength(1);
});

test('conflict can be applied again on the current version', async ({ page }) => {
  portal = await startPortalProcess(tempDir('antragsdesk-e2e-portal-'));
  link = await startNetworkLink(portal.port);
  const application = await submitApplication(portal.url, registrationCertificate(), { givenName: 'Ida', familyName: 'Sörensen' });
  const clerk = await signIn(page, link.url, 'a.krueger');
  await clerk.selectView('Alle');
  await clerk.waitForRow(application.reference);
  await clerk.openApplication(application.reference);

  await link.cut();
  await expect(page.getByText('Keine Verbindung zum Portal')).toBeVisible({ timeout: 20_000 });
  await clerk.act('Vermerk hinzufügen', { Vermerk: 'Rückruf am Montag vereinbart.' }, 'Vermerk speichern');
  const lead = await loginToPortal(portal.url, 'c.weiss');
  await actOnPortal(portal.url, lead, application.applicationId, { action: 'assign', assigneeId: 'user-sn-oezdemir', expectedVersion: 1 });
  await link.restore();

  await expect(page.getByText('1 Konflikt wartet auf Ihre Entscheidung')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Konflikte ansehen' }).click();
  const conflict = clerk.dialog.getByRole('region', { name: `Vermerk hinzufügen – Antrag ${application.reference}` });
  await expect(conflict.getByRole('row', { name: /Zuständig/ })).toContainText('Baran Özdemir');
  await expect(conflict).toContainText('Rückruf am Montag vereinbart.');
  await conflict.getByRole('button', { name: 'Erneut anwenden' }).click();
  await expect(clerk.dialog.getByText('Es gibt keine offenen Konflikte.')).toBeVisible({ timeout: 10_000 });

  await expect.poll(async () => {
    const onPortal = await fetchApplication(portal!.url, lead, application.applicationId);
    return onPortal.history.filter((entry) => entry.kind === 'note' && entry.text === 'Rückruf am Montag vereinbart.').length;
  }, { timeout: 20_000 }).toBe(1);
  const onPortal = await fetchApplication(portal.url, lead, application.applicationId);
  expect(onPortal.assigneeId).toBe('user-sn-oezdemir');
});

test('team lead assigns to a colleague', async ({ page }) => {
  portal = await startPortalProcess(tempDir('antragsdesk-e2e-portal-'));
  const application = await submitApplication(portal.url, registrationCertificate(), { givenName: 'Frieda', familyName: 'Großkopf' });
  const clerk = await signIn(page, portal.url, 'c.weiss');
  await clerk.selectView('Nicht zugewiesen');
  await clerk.waitForRow(application.reference);
  await clerk.openApplication(application.reference);

  await clerk.act('Zuweisen', { Zuständig: 'user-sn-oezdemir' }, 'Zuweisung speichern');
  await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText('Zugewiesen an Baran Özdemir', { timeout: 20_000 });

  const token = await loginToPortal(portal.url, 'c.weiss');
  expect((await fetchApplication(portal.url, token, application.applicationId)).assigneeId).toBe('user-sn-oezdemir');
});

test('image from a citizen reply opens in the viewer', async ({ page }) => {
  portal = await startPortalProcess(tempDir('antragsdesk-e2e-portal-'));
  const application = await submitApplication(portal.url, registrationCertificate(), { givenName: 'Lotte', familyName: 'Hübner' });
  const lead = await loginToPortal(portal.url, 'c.weiss');
  await actOnPortal(portal.url, lead, application.applicationId, { action: 'accept', expectedVersion: 1 });
  await actOnPortal(portal.url, lead, application.applicationId, { action: 'request_information', message: 'Bitte ein Foto des Ausweises.', expectedVersion: 2 });
  await replyAsCitizen(portal.url, application, 'Foto anbei.', [{ fileName: 'ausweis.png', mediaType: 'image/png', contentBase64: ONE_PIXEL_PNG }]);

  const clerk = await signIn(page, portal.url, 'a.krueger');
  await clerk.selectView('Alle');
  await clerk.waitForRow(application.reference);
  await expect(clerk.row(application.reference)).toContainText('Neue Antwort');
  await clerk.openApplication(application.reference);

  await page.getByRole('button', { name: 'ausweis.png ansehen' }).click();
  const image = clerk.dialog.getByRole('img', { name: 'Anlage ausweis.png' });
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(1);
});

/** A valid 1×1 PNG. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
