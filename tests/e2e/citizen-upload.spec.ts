// Filing from home with a document: the web app shows the upload progress while the file travels,
// and the portal stores exactly the bytes that were chosen.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { SMALL_PDF } from '../support/submissions.ts';
import { api, buildWebPages, startPortalProcess, type PortalProcess } from './support/portal-process.ts';

let web: ReturnType<typeof buildWebPages>;
let portal: PortalProcess;

test.beforeAll(async () => {
  web = buildWebPages();
  portal = await startPortalProcess({ webDir: web.dir });
});
test.afterAll(async () => {
  await portal.stop();
  web.cleanup();
});

test('parking permit upload shows progress', async ({ page }) => {
  // About 3 MB: a valid PDF header followed by filler, large enough to watch the upload.
  const document = Buffer.concat([SMALL_PDF, randomBytes(3 * 1024 * 1024)]);

  await page.goto(`${portal.url}/`);
  await page.getByRole('button', { name: 'Bewohnerparkausweis' }).click();

  await expect(page.getByRole('heading', { name: 'Angaben zu Ihrer Person' })).toBeVisible();
  await page.locator('[name="applicant.givenName"]').fill('Jonas');
  await page.locator('[name="applicant.familyName"]').fill('Beispielmann');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Ihre Anschrift in der Parkzone' })).toBeVisible();
  await page.locator('[name="address.street"]').fill('Puschkinstraße');
  await page.locator('[name="address.houseNumber"]').fill('7');
  await page.locator('[name="address.postcode"]').fill('19055');
  await page.locator('[name="address.placeArs"]').selectOption('130040000000');
  await page.getByLabel('Hauptwohnsitz').check();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Ihr Fahrzeug' })).toBeVisible();
  await page.locator('[name="vehicle.registration"]').fill('sn-ab 123');
  await page.getByLabel('Pkw').check();
  await page.getByLabel('Auf mich').check();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Bestätigung' })).toBeVisible();
  await page.getByLabel('Ich versichere, dass meine Angaben vollständig und richtig sind.').check();
  await page.getByRole('button', { name: /^Weiter/ }).click();

  await expect(page.getByRole('heading', { name: 'Unterlagen' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Datei auswählen\s*:\s*Fahrzeugschein/ }).click();
  await (await chooser).setFiles({ name: 'Fahrzeugschein.pdf', mimeType: 'application/pdf', buffer: document });
  await expect(page.getByText('Fahrzeugschein.pdf').first()).toBeVisible();
  await page.getByRole('button', { name: /^Weiter/ }).click();

  await expect(page.getByRole('heading', { name: 'Angaben prüfen' })).toBeVisible();
  await page.getByLabel('Ich habe den Datenschutzhinweis gelesen.').check();

  // Throttle the upload to about 1 MB/s so the progress bar is on screen for a few seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
  await page.getByRole('button', { name: 'Antrag absenden' }).click();

  const progress = page.getByRole('progressbar', { name: 'Dateien werden übertragen' });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);

  await expect(page.getByRole('heading', { name: 'Ihr Antrag ist eingegangen' })).toBeVisible({ timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  const reference = (await page.locator('[data-receipt-row="reference"] dd').textContent() ?? '').replace(/\s+/g, '');
  const session = await api(portal.url, 'POST', '/api/v1/session', { body: { username: 'a.krueger', password: 'Demo-Passwort-2026' } });
  const feed = await api(portal.url, 'GET', '/api/v1/clerk/feed?after=0&limit=1000', { token: session.body.token });
  const application = feed.body.changes.find((change: { application?: { reference: string } }) => change.application?.reference === reference).application;
  expect(application.formData.vehicle.registration).toBe('SN-AB 123');
  expect(application.attachments).toHaveLength(1);
  expect(application.attachments[0].size).toBe(document.length);
});
