// The citizen web pages end to end: a real portal process with a temp data folder, a real SMTP
// server on 127.0.0.1, and Debian Chromium. Filing online, the status page, the clerk's actions
// through the API, the e-mails, the reply with a document, and axe-core on every page.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { setAtPath } from '../../src-shared/forms/paths.ts';
import { registrationCertificate, SMALL_PDF, validSubmission } from '../support/submissions.ts';
import { api, buildWebPages, startPortalProcess, type PortalProcess } from './support/portal-process.ts';
import { SmtpSink } from './support/smtp-sink.ts';

const CITIZEN_EMAIL = 'erika.beispiel@example.org';
let web: ReturnType<typeof buildWebPages>;

test.beforeAll(() => {
  web = buildWebPages();
});
test.afterAll(() => {
  web.cleanup();
});

/**
 * Runs axe-core with the WCAG 2.1 A and AA rules that BITV 2.0 refers to. The check is soft, so
 * one page's violations are reported together with the rest of the flow instead of hiding it.
 */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect.soft(summary, `axe violations on ${where}`).toEqual([]);
}

async function clerkLogin(portal: PortalProcess): Promise<string> {
  const session = await api(portal.url, 'POST', '/api/v1/session', { body: { username: 'a.krueger', password: 'Demo-Passwort-2026' } });
  expect(session.status).toBe(201);
  return session.body.token;
}

async function findApplication(portal: PortalProcess, token: string, reference: string) {
  const feed = await api(portal.url, 'GET', '/api/v1/clerk/feed?after=0&limit=1000', { token });
  const change = feed.body.changes.find((item: { application?: { reference: string } }) => item.application?.reference === reference);
  expect(change, `application ${reference} in the clerk feed`).toBeTruthy();
  return change.application;
}

async function act(portal: PortalProcess, token: string, applicationId: string, body: Record<string, unknown>) {
  const current = await api(portal.url, 'GET', `/api/v1/clerk/applications/${applicationId}`, { token });
  const result = await api(portal.url, 'POST', `/api/v1/clerk/applications/${applicationId}/actions`, {
    token, idempotencyKey: randomUUID(), body: { expectedVersion: current.body.version, ...body },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

async function fileMeldebescheinigung(page: Page): Promise<{ reference: string; accessCode: string }> {
  await page.getByRole('button', { name: 'Meldebescheinigung' }).click();
  await expect(page.getByRole('heading', { name: 'Angaben zu Ihrer Person' })).toBeVisible();
  await expectNoAxeViolations(page, 'form step 1');

  await page.locator('[name="applicant.givenName"]').fill('Erika');
  await page.locator('[name="applicant.familyName"]').fill('Beispiel');
  await page.locator('[name="applicant.dateOfBirth"]').fill('24.12.1980');
  await page.locator('[name="applicant.email"]').fill(CITIZEN_EMAIL);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Ihre gemeldete Anschrift' })).toBeVisible();
  await page.locator('[name="address.street"]').fill('Am Grünen Tal');
  await page.locator('[name="address.houseNumber"]').fill('12');
  await page.locator('[name="address.postcode"]').fill('19063');
  await page.locator('[name="address.placeArs"]').selectOption('130040000000');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Art der Bescheinigung' })).toBeVisible();
  await page.getByLabel('Einfache Meldebescheinigung').check();
  await page.locator('[name="certificate.copies"]').fill('1');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'So erhalten Sie die Bescheinigung' })).toBeVisible();
  await page.getByLabel('Per Post an meine gemeldete Anschrift').check();
  await page.getByLabel('Ich versichere, dass meine Angaben vollständig und richtig sind.').check();
  await page.getByRole('button', { name: /^Weiter/ }).click();

  await expect(page.getByRole('heading', { name: 'Angaben prüfen' })).toBeVisible();
  await expectNoAxeViolations(page, 'review');
  await page.getByLabel('Ich habe den Datenschutzhinweis gelesen.').check();
  await page.getByRole('button', { name: 'Antrag absenden' }).click();

  await expect(page.getByRole('heading', { name: 'Ihr Antrag ist eingegangen' })).toBeVisible();
  await expectNoAxeViolations(page, 'receipt');
  // The receipt shows both exactly as the portal issued them, so the citizen can type them back.
  const reference = (await page.locator('[data-receipt-row="reference"] dd').textContent() ?? '').trim();
  const accessCode = (await page.locator('[data-receipt-row="accessCode"] dd').textContent() ?? '').trim();
  expect(reference).toMatch(/^SN-\d{4}-\d{6}$/);
  expect(accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  // One simple certificate: the fee the portal computed for the form as filed.
  await expect(page.locator('[data-receipt-row="fee"] dd')).toHaveText('5,00\u00a0€');

  await expectReceiptPrintable(page);
  return { reference, accessCode };
}

/** Checks that the print button opens the print dialog and that the printed page shows only the receipt. */
async function expectReceiptPrintable(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => {
      (window as unknown as { printCalls: number }).printCalls++;
    };
  });
  await page.getByRole('button', { name: 'Drucken oder als PDF speichern' }).click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-receipt-row="reference"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Drucken oder als PDF speichern' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
}

test.describe('citizen web pages', () => {
  let portal: PortalProcess;
  const sink = new SmtpSink();

  test.beforeEach(async () => {
    await sink.start();
    portal = await startPortalProcess({ webDir: web.dir, smtpUrl: sink.url });
  });
  test.afterEach(async () => {
    await portal.stop();
    await sink.stop();
    sink.received.length = 0;
  });

  test('text shows while the fonts load', async ({ page }) => {
    await page.goto(`${portal.url}/status`);
    const stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    const css = (await Promise.all(stylesheets.map(async (href) => (await fetch(href)).text()))).join('\n');
    const fontFaces = css.match(/@font-face\{[^}]*\}/g) ?? [];

    expect(fontFaces.length).toBeGreaterThan(0);
    for (const rule of fontFaces) expect(rule).toContain('font-display:swap');
  });

  test('filing, status, e-mail and reply', async ({ page }) => {
    const token = await clerkLogin(portal);
    await page.goto(`${portal.url}/`);
    await expect(page.getByRole('heading', { name: 'Was möchten Sie beantragen?' })).toBeVisible();
    // Kind and copies change the price, so the tile names the cheapest one.
    await expect(page.getByRole('button', { name: /^Meldebescheinigung/ })).toContainText('Gebühr: ab 5,00\u00a0€');
    const more = page.getByRole('navigation', { name: 'Weitere Seiten' });
    await expect(more.getByRole('link', { name: 'Status eines Antrags abfragen' })).toHaveAttribute('href', `${portal.url}/status`);
    await expect(more.getByRole('link', { name: 'Hilfe' })).toHaveAttribute('href', `${portal.url}/hilfe`);
    await expectNoAxeViolations(page, 'service picker');

    const { reference, accessCode } = await fileMeldebescheinigung(page);

    // The receipt links to the status page with the reference only.
    await page.getByRole('link', { name: 'Stand des Antrags ansehen' }).click();
    await expect(page).toHaveURL(`${portal.url}/status?ref=${reference}`);
    expect(page.url()).not.toContain(accessCode);
    await expect(page.getByLabel('Vorgangsnummer')).toHaveValue(reference);
    await expectNoAxeViolations(page, 'status lookup');

    await page.getByLabel('Zugangscode').fill(accessCode.toLowerCase());
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await expect(page.getByTestId('current-status')).toHaveText('Eingegangen');
    await expect(page.getByTestId('current-text')).toHaveText('Ihr Antrag auf eine Meldebescheinigung ist bei uns eingegangen.');
    await expect(page.getByTestId('fee')).toHaveText('5,00\u00a0€');
    await expectNoAxeViolations(page, 'status view');

    const application = await findApplication(portal, token, reference);
    expect(application.channel).toBe('online');
    await act(portal, token, application.id, { action: 'accept' });

    await page.getByRole('button', { name: 'Aktualisieren' }).click();
    await expect(page.getByTestId('current-status')).toHaveText('Angenommen');
    await expect(page.getByTestId('history')).toContainText('Ihr Antrag ist bei der zuständigen Meldebehörde angekommen.');

    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toEqual([CITIZEN_EMAIL]);
    expect(mail!.subject).toBe(`Ihr Antrag ${reference}: Angenommen`);
    expect(mail!.text).toContain('Guten Tag Erika Beispiel,');
    expect(mail!.text).toContain('Neuer Status: Angenommen');
    expect(mail!.text).toContain('Ihr Antrag ist bei der zuständigen Meldebehörde angekommen.');
    expect(mail!.text).toContain(`${portal.url}/status?ref=${reference}`);
    expect(mail!.text).not.toContain('Am Grünen Tal');
    expect(mail!.text).not.toContain(accessCode);

    // The clerk asks back; the citizen answers on the status page with a PDF.
    await act(portal, token, application.id, { action: 'request_information', message: 'Bitte senden Sie uns eine Kopie Ihres Personalausweises.' });
    await page.getByRole('button', { name: 'Aktualisieren' }).click();
    await expect(page.getByTestId('current-status')).toHaveText('Rückfrage an Sie');
    await expect(page.getByTestId('messages')).toContainText('Bitte senden Sie uns eine Kopie Ihres Personalausweises.');
    await expectNoAxeViolations(page, 'status view with reply form');

    await page.getByLabel('Ihre Antwort').fill('Die Kopie liegt bei.');
    await page.getByLabel('Dokumente anhängen (freiwillig)').setInputFiles({ name: 'Ausweis.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF });
    await expect(page.getByRole('list', { name: 'Ausgewählte Dateien' })).toContainText('Ausweis.pdf');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await expect(page.getByText('Ihre Antwort ist bei uns eingegangen.')).toBeVisible();
    await expect(page.getByTestId('current-status')).toHaveText('In Bearbeitung');
    await expect(page.getByRole('button', { name: 'Antwort senden' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'status view after the reply');

    const replied = (await api(portal.url, 'GET', `/api/v1/clerk/applications/${application.id}`, { token })).body;
    expect(replied.needsAttention).toBe(true);
    const message = replied.history.findLast((entry: { kind: string }) => entry.kind === 'message');
    expect(message).toMatchObject({ direction: 'from_citizen', text: 'Die Kopie liegt bei.' });
    const document = replied.attachments.find((attachment: { messageId: string | null }) => attachment.messageId === message.id);
    expect(document).toMatchObject({ fileName: 'Ausweis.pdf', mediaType: 'application/pdf' });
    const download = await fetch(`${portal.url}/api/v1/clerk/applications/${application.id}/attachments/${document.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(SMALL_PDF);

    // Accept and question each sent one mail; the citizen's own reply sends none.
    await sink.waitFor(2);
    expect(sink.received.map((item) => item.subject)).toEqual([`Ihr Antrag ${reference}: Angenommen`, `Rückfrage zu Ihrem Antrag ${reference}`]);
  });

  test('status lookup with a wrong code and the help page', async ({ page }) => {
    await page.goto(`${portal.url}/status`);
    await page.getByLabel('Vorgangsnummer').fill('SN-2026-999999');
    await page.getByLabel('Zugangscode').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await expect(page.getByRole('alert')).toContainText('haben wir keinen Antrag gefunden');
    await expectNoAxeViolations(page, 'status lookup error');

    // A second wrong lookup. Its response replaces the alert, so the next steps wait for it.
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await expect(page.getByRole('button', { name: 'Status abfragen' })).toBeEnabled();
    await expect(page.getByRole('alert')).toContainText('haben wir keinen Antrag gefunden');

    await page.getByLabel('Vorgangsnummer').fill('');
    await expect(page.getByLabel('Vorgangsnummer')).toHaveValue('');
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await expect(page.getByText('Bitte geben Sie die Vorgangsnummer ein.')).toBeVisible();
    await expectNoAxeViolations(page, 'status lookup with a missing field');

    await page.goto(`${portal.url}/hilfe`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hilfe: Anträge online stellen und den Status abfragen');
    await expectNoAxeViolations(page, 'help page');
  });

  test('page scripts run under the CSP without violations', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${portal.url}/status`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('button', { name: 'Status abfragen' })).toBeVisible();
    await page.goto(`${portal.url}/`);
    await expect(page.getByRole('heading', { name: 'Was möchten Sie beantragen?' })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe('SMTP outage', () => {
  test('delivers the mail once after the server returns', async () => {
    const sink = new SmtpSink();
    await sink.start();
    const smtpUrl = sink.url;
    await sink.stop();

    const portal = await startPortalProcess({ webDir: web.dir, smtpUrl });
    try {
      const submission = validSubmission(registrationCertificate());
      submission.formData = setAtPath(submission.formData, 'applicant.email', CITIZEN_EMAIL);
      const filed = await api(portal.url, 'POST', '/api/v1/applications', { body: submission, idempotencyKey: randomUUID() });
      expect(filed.status).toBe(201);

      const token = await clerkLogin(portal);
      await act(portal, token, filed.body.applicationId, { action: 'accept' });
      await expect.poll(() => portal.output().includes('mail delivery failed; will retry'), { timeout: 15_000 }).toBe(true);
      expect(portal.output()).not.toContain(CITIZEN_EMAIL);

      await sink.start();
      const [mail] = await sink.waitFor(1, 30_000);
      expect(mail!.subject).toBe(`Ihr Antrag ${filed.body.reference}: Angenommen`);
      await expect.poll(() => portal.output().includes('"msg":"mail sent"'), { timeout: 10_000 }).toBe(true);
      // Later retries of the loop must not send the accepted mail again.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(sink.received).toHaveLength(1);
    } finally {
      await portal.stop();
      await sink.stop();
    }
  });
});
