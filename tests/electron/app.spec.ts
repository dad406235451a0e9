// The real desktop app in Electron: clerk login and inbox, the locked kiosk, and the start refusal
// for a broken policy. Runs only where the Electron binary is installed.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { api, startPortalProcess, type PortalProcess } from '../e2e/support/portal-process.ts';
import { registrationCertificate, validSubmission } from '../support/submissions.ts';
import { electronBinary, launchApp, REPO_ROOT } from './support.ts';

test.skip(electronBinary() === null, 'needs the Electron binary (node node_modules/electron/install.js)');

let portal: PortalProcess;

test.beforeAll(async () => {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  portal = await startPortalProcess({ webDir: join(REPO_ROOT, 'out', 'web') });
});
test.afterAll(async () => {
  await portal?.stop();
});

test('clerk logs in and sees a new application', async () => {
  const receipt = await api(portal.url, 'POST', '/api/v1/applications', {
    body: validSubmission(registrationCertificate()), idempotencyKey: randomUUID(),
  });
  expect(receipt.status).toBe(201);

  const launched = await launchApp([`--portal-url=${portal.url}`, '--mode=clerk']);
  try {
    const window = await launched.app.firstWindow();
    await window.getByLabel('Benutzername').fill('a.krueger');
    await window.getByLabel('Passwort').fill('Demo-Passwort-2026');
    await window.getByRole('button', { name: 'Anmelden' }).click();

    // The first sync runs in the utility process (src-main/shell/sync-process.ts) with its worker
    // threads. The application in the list and found by search shows that it finished.
    await expect(window.getByText(receipt.body.reference)).toBeVisible({ timeout: 30_000 });
    await window.getByLabel('Suche (Aktenzeichen, Name, Leistung)').fill(receipt.body.reference.slice(-6));
    await expect(window.getByText(receipt.body.reference)).toBeVisible();

    // The renderer has no Node: contextIsolation and the sandbox hold in the real app.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (window as unknown as { antragsdesk?: { clerk?: unknown } }).antragsdesk?.clerk)).toBe('object');
    expect(await window.evaluate(() => 'kiosk' in ((window as unknown as { antragsdesk?: object }).antragsdesk ?? {}))).toBe(false);
  } finally {
    await launched.close();
  }
});

test('kiosk refuses to start without device token and PIN', async () => {
  const launched = await launchApp([`--portal-url=${portal.url}`, '--mode=kiosk']);
  try {
    const window = await launched.app.firstWindow();
    await expect(window.getByText('Antragsdesk kann nicht starten')).toBeVisible();
    await expect(window.getByText('kioskDeviceTokenFile')).toBeVisible();
  } finally {
    await launched.close();
  }
});

test('broken policy shows the German error window', async () => {
  const launched = await launchApp(['--portal-url=ftp://portal.invalid', '--mode=clerk']);
  try {
    const window = await launched.app.firstWindow();
    await expect(window.getByText('Antragsdesk kann nicht starten')).toBeVisible();
    await expect(window.getByText('portalUrl')).toBeVisible();
  } finally {
    await launched.close();
  }
});
