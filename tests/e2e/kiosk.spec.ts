// The kiosk page in Chromium against a real portal, with `window.antragsdesk.kiosk` bound to the
// real main-process kiosk services (tests/support/kiosk-harness.ts).
import { writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startPortal, type RunningPortal } from '../../portal/src/portal.ts';
import { handbookScreenshot } from './support/handbook-screenshots.ts';
import { buildKioskPage, createKioskHarness, serveKioskPage, type KioskHarness } from '../support/kiosk-harness.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const field = (path: string) => `#field-${path.split('.').join('__')}`;

let portalDir: string;
let portal: RunningPortal | null;
let site: { origin: string; close(): Promise<void> };
let harness: KioskHarness;

async function bootPortal(port = 0): Promise<RunningPortal> {
  return startPortal({ port, host: '127.0.0.1', dataDir: portalDir, logLevel: 'silent', bodyLimitBytes: 60 * 1024 * 1024, seedDemoData: true });
}

async function applicationCount(running: RunningPortal): Promise<number> {
  const login = await fetch(`${running.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'a.krueger', password: 'Demo-Passwort-2026' }) });
  const { token } = await login.json() as { token: string };
  const feed = await fetch(`${running.url}/api/v1/clerk/feed?after=0&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
  return ((await feed.json()) as { changes: { kind: string }[] }).changes.filter((change) => change.kind === 'upsert').length;
}

async function next(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]').click();
}

async function fillParkingForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Bewohnerparkausweis' }).click();
  await page.fill(field('applicant.givenName'), 'Jola');
  await page.fill(field('applicant.familyName'), 'Beispielfrau');
  await next(page);

  await page.fill(field('address.street'), 'Kiosktestweg');
  await page.fill(field('address.houseNumber'), '7');
  await page.fill(field('address.postcode'), '19053');
  await page.selectOption(field('address.placeArs'), '130040000000');
  await page.getByLabel('Hauptwohnsitz').check();
  await next(page);

  await page.fill(field('vehicle.registration'), 'SN-KT 42');
  await page.getByLabel('Pkw').check();
  await page.getByLabel('Auf mich').check();
  await next(page);

  await page.getByLabel('Ich versichere, dass meine Angaben vollständig und richtig sind.').check();
  await next(page);
}

async function attachScanAndReview(page: Page): Promise<void> {
  await writeFile(join(harness.scannerFolder, 'scan-0001.pdf'), PDF);
  await page.getByRole('button', { name: /Eingescannte Seite hinzufügen.*Fahrzeugschein/ }).click();
  await page.getByRole('button', { name: 'scan-0001.pdf hinzufügen' }).click();
  await expect(page.getByText('scan-0001.pdf').first()).toBeVisible();
  await next(page);

  await page.getByRole('heading', { name: 'Angaben prüfen' }).waitFor();
  await page.getByLabel('Ich habe den Datenschutzhinweis gelesen.').check();
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
}

test.beforeAll(async () => {
  const folder = await buildKioskPage();
  site = await serveKioskPage(folder);
});

test.afterAll(async () => {
  await site.close();
});

test.beforeEach(async () => {
  portalDir = mkdtempSync(join(tmpdir(), 'antragsdesk-kiosk-e2e-portal-'));
  portal = await bootPortal();
  harness = createKioskHarness({ portalUrl: portal.url });
});

test.afterEach(async () => {
  harness.close();
  await portal?.close();
  rmSync(portalDir, { recursive: true, force: true });
});

test('parking permit with a scan gets a receipt', async ({ page }) => {
  await harness.open(page, site.origin);
  await fillParkingForm(page);
  await attachScanAndReview(page);

  await page.getByRole('heading', { name: 'Ihr Antrag ist eingegangen' }).waitFor();
  await expect(page.locator('[data-receipt-row="reference"]')).toContainText(/SN-\d{4}-\d{6}/);
  expect(await page.locator('input[type="file"]').count()).toBe(0);
  expect(await applicationCount(portal!)).toBe(1);

  await page.getByRole('button', { name: 'Beleg drucken' }).click();
  await expect.poll(() => harness.printed.length).toBe(1);
  expect(harness.printed[0]).toContain('Eingangsbestätigung');
  expect(harness.printed[0]).not.toContain('Beispielfrau');
  expect(harness.printed[0]).not.toContain('Kiosktestweg');
  expect(harness.printed[0]).not.toContain('scan-0001.pdf');

  await page.getByRole('button', { name: 'Fertig' }).click();
  await page.getByRole('heading', { name: 'Was möchten Sie beantragen?' }).waitFor();
  await expect.poll(() => harness.calls.includes('endSession')).toBe(true);
  expect(harness.services.outbox.list()).toEqual([]);
});

test('portal down queues and delivers once', async ({ page }) => {
  await harness.open(page, site.origin);
  await fillParkingForm(page);

  const port = Number(new URL(portal!.url).port);
  await portal!.close();
  portal = null;
  await attachScanAndReview(page);

  await expect(page.locator('[data-receipt-row="localReference"]')).toContainText(/BT-\d{8}-/);
  expect(harness.services.outbox.list()).toHaveLength(1);

  portal = await bootPortal(port);
  await expect.poll(() => harness.services.outbox.list().length, { timeout: 20_000 }).toBe(0);
  expect(await applicationCount(portal)).toBe(1);
});

test('four-digit postcode rejected', async ({ page }) => {
  await harness.open(page, site.origin);
  await page.getByRole('button', { name: 'Bewohnerparkausweis' }).click();
  await page.fill(field('applicant.givenName'), 'Jola');
  await page.fill(field('applicant.familyName'), 'Beispielfrau');
  await next(page);
  await page.fill(field('address.postcode'), '1905');
  await next(page);

  await expect(page.locator('#field-address__postcode-error')).toContainText('5 Ziffern');
});

test('idle reset leaves no trace', async ({ page }) => {
  await page.clock.install();
  await harness.open(page, site.origin, '?idle=60');
  await page.getByRole('button', { name: 'Bewohnerparkausweis' }).click();
  await page.fill(field('applicant.givenName'), 'Jola');
  await page.evaluate(() => window.sessionStorage.setItem('probe', 'x'));
  const listCallsBefore = harness.calls.filter((call) => call === 'listServices').length;

  await page.clock.runFor(31_000);
  const dialog = page.getByRole('alertdialog', { name: 'Sind Sie noch da?' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mehr Zeit' })).toBeFocused();

  // "Mehr Zeit" works again and again.
  for (let extension = 0; extension < 11; extension += 1) {
    await page.getByRole('button', { name: 'Mehr Zeit' }).click();
    await expect(dialog).toBeHidden();
    await page.clock.runFor(31_000);
    await expect(dialog).toBeVisible();
  }

  await page.clock.runFor(31_000);
  await page.getByRole('heading', { name: 'Was möchten Sie beantragen?' }).waitFor();
  await expect(page.locator('body')).not.toContainText('Jola');
  expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);
  await expect.poll(() => harness.calls.filter((call) => call === 'listServices').length).toBeGreaterThan(listCallsBefore);
  expect(harness.calls).toContain('endSession');
});

test('window.open and dropped links go nowhere', async ({ page, context }) => {
  await harness.open(page, site.origin);
  await page.getByRole('heading', { name: 'Was möchten Sie beantragen?' }).waitFor();
  const startUrl = page.url();

  const opened = await page.evaluate(() => window.open('http://127.0.0.1:9/') === null);
  expect(opened).toBe(true);
  expect(context.pages()).toHaveLength(1);

  const prevented = await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.setData('text/uri-list', 'http://127.0.0.1:9/');
    const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
    document.querySelector('main')!.dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  expect(prevented).toBe(true);
  expect(page.url()).toBe(startUrl);
});

test('axe finds nothing in German and Arabic', async ({ page }) => {
  await harness.open(page, site.origin);
  await page.getByRole('heading', { name: 'Was möchten Sie beantragen?' }).waitFor();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('.citizen-app')).toHaveAttribute('dir', 'rtl');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await handbookScreenshot(page, 'kiosk-rtl.png');

  await page.locator('.citizen-tile').first().click();
  await page.locator('form').waitFor();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
