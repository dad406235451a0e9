// The end-to-end harness in a real Chromium page: the page calls (window as unknown as ClerkWindow).antragsdesk.clerk, which
// reaches the real clerk services and a real portal, and receives pushed events.
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClerkWindowApi } from '../../../src-shared/ipc/clerk.ts';
import { CHROMIUM_ARGS } from '../../../playwright.config.ts';
import { startClerkHarness } from '../../support/clerk-harness.ts';
import { DEMO_PASSWORD_ENV, startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import { removeTempDirs, SCHWERIN_CLERK, submitApplication, tempDir } from './helpers.ts';

type ClerkWindow = { antragsdesk: ClerkWindowApi };

let portal: TestPortal;
let browser: Browser;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  removeTempDirs();
});

it('harness serves the clerk API to a page', async () => {
  const { applicationId } = await submitApplication(portal.url, 1);
  const page = await browser.newPage();
  const harness = await startClerkHarness({ page, portalUrl: portal.url, dataDir: tempDir() });
  try {
    await page.goto('about:blank');

    const before = await page.evaluate(() => (window as unknown as ClerkWindow).antragsdesk.clerk.getSession());
    expect(before).toEqual({ signedIn: false });

    await page.evaluate(() => {
      (window as unknown as { received: unknown[] }).received = [];
      (window as unknown as ClerkWindow).antragsdesk.clerk.onEvent((event) => (window as unknown as { received: unknown[] }).received.push(event));
    });
    const login = await page.evaluate(
      ({ username, password }) => (window as unknown as ClerkWindow).antragsdesk.clerk.login({ username, password }),
      { username: SCHWERIN_CLERK.username, password: DEMO_PASSWORD_ENV },
    );
    expect(login).toMatchObject({ ok: true, user: { id: SCHWERIN_CLERK.userId } });

    await page.evaluate(() => (window as unknown as ClerkWindow).antragsdesk.clerk.syncNow());
    const inbox = await page.evaluate(() =>
      (window as unknown as ClerkWindow).antragsdesk.clerk.queryInbox({ filter: {}, sort: { field: 'received', direction: 'desc' }, limit: 50, offset: 0 }),
    );
    expect(inbox.rows.map((row) => row.id)).toContain(applicationId);

    const received = await page.waitForFunction(() => (window as unknown as { received: { type: string }[] }).received.some((event) => event.type === 'inbox-changed'));
    expect(await received.jsonValue()).toBe(true);

    const invalid = await page.evaluate(() =>
      (window as unknown as ClerkWindow).antragsdesk.clerk.queryInbox({ filter: {}, sort: { field: 'received', direction: 'desc' }, limit: 0, offset: 0 }).then(() => 'resolved', (error: Error) => error.message),
    );
    expect(invalid).toContain('Invalid argument for clerk:query-inbox');

    const pdf = await page.evaluate((id) => (window as unknown as ClerkWindow).antragsdesk.clerk.exportPdf({ id }), applicationId);
    expect(pdf).toEqual({ saved: true });
    expect(harness.savedFiles[0]?.suggestedName).toMatch(/^Antrag-SN-\d{4}-\d{6}\.pdf$/);
  } finally {
    await harness.close();
    await page.close();
  }
});
