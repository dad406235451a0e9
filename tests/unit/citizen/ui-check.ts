// Builds the web and kiosk pages, serves them on 127.0.0.1 with a fake portal API (web) and a fake
// preload API in the page (kiosk), walks through them in Chromium as a citizen would and saves
// screenshots. Run: node tests/unit/citizen/ui-check.ts [screenshot folder]
// It throws on the first check that fails. Not a vitest file, because it needs a Vite build.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Receipt, Service, SubmitApplicationRequest } from '../../../src-shared/index.ts';
import { DEMO_PLACES, DEMO_SERVICES } from '../../../portal/src/catalog/demo-data.ts';

const repo = resolve(import.meta.dirname, '../../..');
const outDir = join(tmpdir(), 'antragsdesk-citizen-ui-build');
const shots = resolve(process.argv[2] ?? join(tmpdir(), 'antragsdesk-citizen-ui-shots'));

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`UI check failed: ${message}`);
}

function currentServices(): Service[] {
  const latest = new Map<string, Service>();
  for (const service of DEMO_SERVICES) {
    const known = latest.get(service.id);
    if (!known || known.version < service.version) latest.set(service.id, service);
  }
  return [...latest.values()];
}

function receiptFor(request: SubmitApplicationRequest, number: number): Receipt {
  const service = DEMO_SERVICES.find((candidate) => candidate.id === request.serviceId && candidate.version === request.serviceVersion);
  return {
    applicationId: `0b0f7c7e-4a53-4d7e-9a2a-${String(number).padStart(12, '0')}`,
    reference: `SN-2026-${String(number).padStart(6, '0')}`,
    accessCode: 'K7QM4XW9TB2P',
    receivedAt: '2026-03-29T01:30:00.000Z',
    channel: request.channel,
    service: { id: request.serviceId, version: request.serviceVersion, name: service?.name ?? '' },
    authority: { id: 'schwerin', name: 'Landeshauptstadt Schwerin', address: 'Am Packhof 2–6\n19053 Schwerin' },
    documents: (request.attachments ?? []).map((file) => ({ documentId: file.documentId, label: service?.documents.find((document) => document.id === file.documentId)?.label ?? file.documentId, fileName: file.fileName })),
    statusPath: `/status?reference=SN-2026-${String(number).padStart(6, '0')}`,
    nextSteps: 'Wir prüfen Ihre Anzeige und melden uns, falls wir Fragen haben.',
  };
}

// ---------------------------------------------------------------------------------------------
// Build and serve

async function buildPages(): Promise<void> {
  await build({
    root: join(repo, 'src-renderer'),
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { web: join(repo, 'src-renderer/web.html'), kiosk: join(repo, 'src-renderer/kiosk.html') } },
    },
  });
}

interface Submission {
  key: string | undefined;
  body: SubmitApplicationRequest;
}

const submissions: Submission[] = [];
let dropNextAnswer = false;

async function handleApi(request: IncomingMessage, body: string, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const send = (status: number, payload: unknown, type = 'application/json') => {
    response.writeHead(status, { 'content-type': type });
    response.end(JSON.stringify(payload));
  };

  if (url.pathname === '/api/v1/catalog/services') return send(200, currentServices());
  if (url.pathname === '/api/v1/catalog/places') return send(200, DEMO_PLACES);

  const serviceMatch = /^\/api\/v1\/catalog\/services\/([^/]+)(?:\/versions\/(\d+))?$/.exec(url.pathname);
  if (serviceMatch) {
    const id = decodeURIComponent(serviceMatch[1] ?? '');
    const version = serviceMatch[2] === undefined ? undefined : Number(serviceMatch[2]);
    const matching = DEMO_SERVICES.filter((service) => service.id === id && (version === undefined || service.version === version));
    return send(200, matching.at(-1));
  }

  if (url.pathname === '/api/v1/applications' && request.method === 'POST') {
    const parsed = JSON.parse(body) as SubmitApplicationRequest;
    const key = request.headers['idempotency-key'] as string | undefined;
    submissions.push({ key, body: parsed });

    // The portal's response is lost on the way back: the connection breaks in the middle of the
    // body. Closing before any byte is not enough, because Chromium then resends the request itself.
    if (dropNextAnswer) {
      dropNextAnswer = false;
      response.writeHead(201, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"applicationId":');
      setTimeout(() => request.socket.destroy(), 50);
      return;
    }

    const eventName = (parsed.formData.event as { name?: string } | undefined)?.name ?? '';
    if (eventName.startsWith('Fehlertest')) {
      return send(422, {
        type: 'https://antragsdesk.example/problems/validation', title: 'Invalid form data', status: 422,
        detail: 'form data failed validation', userMessage: 'Bitte prüfen Sie Ihre Angaben.',
        errors: [{ path: 'event.name', message: 'Diesen Namen nimmt die Behörde nicht an (Test).' }],
      }, 'application/problem+json');
    }

    const earlier = submissions.findIndex((entry) => entry.key === key);
    return send(201, receiptFor(parsed, 124 + earlier));
  }

  send(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: url.pathname }, 'application/problem+json');
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

async function startServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (path.startsWith('/api/')) {
        void handleApi(request, Buffer.concat(chunks).toString('utf8'), response);
        return;
      }
      readFile(join(outDir, path === '/' ? 'web.html' : path))
        .then((content) => {
          response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
          response.end(content);
        })
        .catch(() => {
          response.writeHead(404);
          response.end();
        });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

// ---------------------------------------------------------------------------------------------
// Citizen steps

const id = (path: string) => `#field-${path.split('.').join('__')}`;
const next = (page: Page) => page.locator('form button[type="submit"]').click();

async function activeElementId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function fillEventForm(page: Page, eventName: string): Promise<void> {
  await page.fill(id('applicant.givenName'), 'Kim');
  await page.fill(id('applicant.familyName'), 'Beispiel');
  await page.check('input[name="organiser.kind"][value="private"]');
  await next(page);

  await page.fill(id('contactAddress.street'), 'Musterweg');
  await page.fill(id('contactAddress.houseNumber'), '12a');
  await page.fill(id('contactAddress.postcode'), '19053');
  await page.fill(id('contactAddress.city'), 'Schwerin');
  await next(page);

  await page.fill(id('event.name'), eventName);
  await page.selectOption(id('event.kind'), 'concert');
  await page.fill(id('event.startDate'), '10.07.2026');
  await page.fill(id('event.endDate'), '10.07.2026');
  await page.fill(id('event.dailyStart'), '18:00');
  await page.fill(id('event.dailyEnd'), '23:00');
  await page.fill(id('event.expectedAttendance'), '150');
  await next(page);

  await page.fill(id('venue.street'), 'Marktplatz');
  await page.fill(id('venue.houseNumber'), '1');
  await page.fill(id('venue.postcode'), '19055');
  await page.selectOption(id('venue.placeArs'), DEMO_PLACES[0]?.ars ?? '');
  await page.check('input[name="venue.setting"][value="outdoor"]');
  await next(page);

  // Answer yes, fill the conditional fields, then change to no: their values must not be sent.
  await page.check('input[name="alcohol.sale"][value="yes"]');
  await page.fill(id('alcohol.servingFrom'), '18:00');
  await page.fill(id('alcohol.responsiblePerson.givenName'), 'Ina');
  await page.check('input[name="alcohol.sale"][value="no"]');
  check(await page.locator(id('alcohol.servingFrom')).count() === 0, 'serving time hidden after answering no');
  await next(page);

  await page.check(id('declaration'));
  await next(page);
}

async function webFlow(origin: string, page: Page): Promise<void> {
  await page.goto(`${origin}/web.html`);
  await page.getByRole('heading', { name: 'Was möchten Sie beantragen?' }).waitFor();
  await page.locator('.citizen-tile').first().waitFor();
  check(await page.locator('.citizen-tile').count() === currentServices().length, 'one tile per current service');
  await page.screenshot({ path: join(shots, 'web-de-picker.png'), fullPage: true });

  await page.getByLabel('Leistung suchen').fill('hund');
  check(await page.locator('.citizen-tile').count() === 1, 'search "hund" finds one service');
  await page.getByLabel('Leistung suchen').fill('');

  const tileHeights = await page.locator('.citizen-tile').evaluateAll((tiles) => tiles.map((tile) => tile.getBoundingClientRect().height));
  check(tileHeights.every((height) => height >= 44), 'tiles at least 44 px tall');

  await page.getByRole('button', { name: 'Anzeige einer Veranstaltung' }).click();
  await page.getByRole('heading', { name: 'Wer veranstaltet?' }).waitFor();

  // Empty step, then whitespace only: both must be reported, focus on the first field.
  await page.fill(id('applicant.givenName'), '   ');
  await next(page);
  await page.locator('.citizen-error-summary').waitFor();
  check(await activeElementId(page) === 'field-applicant__givenName', 'focus on the first invalid field');
  check(await page.getAttribute(id('applicant.givenName'), 'aria-invalid') === 'true', 'aria-invalid on the invalid field');
  check((await page.getAttribute(id('applicant.givenName'), 'aria-describedby'))?.includes('field-applicant__givenName-error'), 'error linked by aria-describedby');
  check(await page.locator('.citizen-error-summary a').count() >= 3, 'summary links given name, family name and organiser kind');
  await page.screenshot({ path: join(shots, 'web-de-step-errors.png'), fullPage: true });

  await page.locator('.citizen-error-summary a').nth(1).click();
  check(await activeElementId(page) === 'field-applicant__familyName', 'summary link focuses its field');

  // A date that does not exist is rejected, not rolled over.
  await page.fill(id('applicant.givenName'), 'Kim');
  await page.fill(id('applicant.familyName'), 'Beispiel');
  await page.check('input[name="organiser.kind"][value="private"]');
  await next(page);
  await page.fill(id('contactAddress.street'), 'Musterweg');
  await page.fill(id('contactAddress.houseNumber'), '12a');
  await page.fill(id('contactAddress.postcode'), '1905');
  await page.fill(id('contactAddress.city'), 'Schwerin');
  await next(page);
  check((await page.locator('#field-contactAddress__postcode-error').textContent())?.includes('5 Ziffern'), 'four-digit postcode rejected');
  await page.fill(id('contactAddress.postcode'), '19053');
  await next(page);
  await page.fill(id('event.startDate'), '31.02.2026');
  await next(page);
  check((await page.locator('#field-event__startDate-error').textContent())?.includes('Dieses Datum gibt es nicht'), '31.02. rejected');

  // Start again from the service picker and go through the whole form.
  await page.getByRole('button', { name: 'Andere Leistung wählen' }).click();
  await page.getByRole('button', { name: 'Anzeige einer Veranstaltung' }).click();
  await fillEventForm(page, 'Fehlertest Sommerfest');

  // Documents: a wrong file is rejected and the picker stays usable for the right one.
  await page.getByRole('heading', { name: 'Unterlagen', level: 1 }).waitFor();
  const fileInput = page.locator('input[type="file"]').first();
  await fileInput.setInputFiles({ name: 'notizen.txt', mimeType: 'text/plain', buffer: Buffer.from('keine Unterlage') });
  await page.locator('.kern-error[role="alert"]').first().waitFor();
  check((await page.locator('.kern-error[role="alert"]').first().textContent())?.includes('nicht erlaubt'), 'wrong type rejected');
  await fileInput.setInputFiles({ name: 'lageplan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') });
  await page.getByText('lageplan.pdf').first().waitFor();
  await page.screenshot({ path: join(shots, 'web-de-documents.png'), fullPage: true });
  await next(page);

  // Review: submit without the privacy confirmation is refused.
  await page.getByRole('heading', { name: 'Angaben prüfen' }).waitFor();
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  await page.locator('#privacy-confirmation-error').waitFor();
  check(submissions.length === 0, 'nothing sent without privacy confirmation');
  await page.check('#privacy-confirmation');
  await page.screenshot({ path: join(shots, 'web-de-review.png'), fullPage: true });

  // The portal rejects the event name: the wizard opens the event step with the server message.
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  await page.locator('#field-event__name-error').waitFor();
  check((await page.locator('#field-event__name-error').textContent())?.includes('Diesen Namen nimmt die Behörde nicht an'), 'server field error at the field');
  check(await activeElementId(page) === 'field-event__name', 'focus on the field the server rejected');
  await page.screenshot({ path: join(shots, 'web-de-server-error.png'), fullPage: true });
  const firstSubmission = submissions[0];
  check(firstSubmission !== undefined, 'first submission arrived');
  check(JSON.stringify(firstSubmission.body.formData.alcohol) === JSON.stringify({ sale: 'no' }), 'hidden alcohol fields dropped before submit');

  // Fix the name, then lose the portal's response once: the retry must reuse the idempotency key.
  await page.fill(id('event.name'), 'Sommerfest Am See');
  // Event, venue, alcohol, declaration and documents lie between this step and the review.
  for (let step = 0; step < 5; step += 1) await next(page);
  await page.getByRole('heading', { name: 'Angaben prüfen' }).waitFor();
  dropNextAnswer = true;
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  await page.getByText('keine Verbindung').waitFor();
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  await page.getByRole('heading', { name: 'Ihr Antrag ist eingegangen' }).waitFor();

  const [rejected, lost, retried] = submissions;
  check(rejected && lost && retried, 'three submissions arrived');
  check(lost.key === retried.key, 'retry after a lost answer reuses the idempotency key');
  check(rejected.key !== lost.key, 'changed draft gets a new idempotency key');
  check((await page.locator('[data-receipt-row="accessCode"]').textContent())?.includes('K7QM 4XW9 TB2P'), 'access code on the receipt');
  check((await page.locator('[data-receipt-row="receivedAt"]').textContent())?.includes('29.03.2026, 03:30'), 'receipt time in Europe/Berlin');
  await page.screenshot({ path: join(shots, 'web-de-receipt.png'), fullPage: true });
}

async function arabicFlow(origin: string, page: Page): Promise<void> {
  await page.goto(`${origin}/web.html`);
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('heading', { name: 'ما الذي تريد أن تقدّم طلبًا له؟' }).waitFor();
  check(await page.evaluate(() => document.documentElement.dir) === 'rtl', 'dir=rtl on <html> for Arabic');
  check(await page.locator('.citizen-app').getAttribute('dir') === 'rtl', 'dir=rtl on the app root');
  await page.screenshot({ path: join(shots, 'web-ar-picker.png'), fullPage: true });

  // Service names come from the catalog's translations; the form itself exists only in German.
  const parking = currentServices().find((service) => service.name === 'Bewohnerparkausweis');
  const arabicName = parking?.translations.ar?.name ?? 'Bewohnerparkausweis';
  await page.getByRole('button', { name: arabicName }).click();
  await page.getByText('هذه المعلومات متوفرة باللغة الألمانية فقط.').first().waitFor();
  await next(page);
  await page.locator('.citizen-error-summary').waitFor();
  check((await page.locator('.citizen-error-summary').textContent())?.includes('يرجى'), 'Arabic error messages');
  await page.screenshot({ path: join(shots, 'web-ar-step-errors.png'), fullPage: true });

  // The language switch stays usable mid-form and returns to German.
  await page.getByRole('button', { name: 'Deutsch' }).click();
  check(await page.evaluate(() => document.documentElement.dir) === 'ltr', 'back to ltr in German');
}

async function contrastFlow(origin: string, page: Page): Promise<void> {
  await page.goto(`${origin}/web.html`);
  await page.getByRole('button', { name: 'Hoher Kontrast' }).click();
  await page.getByRole('button', { name: 'Text größer' }).click();
  await page.getByRole('button', { name: 'Text größer' }).click();
  check(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize) === '24px', 'text size 150 %');
  await page.screenshot({ path: join(shots, 'web-de-contrast-150.png'), fullPage: true });
}

// ---------------------------------------------------------------------------------------------
// Kiosk with a fake preload API in the page

const SCAN_THUMBNAIL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function installFakeKioskApi(data: { services: Service[]; places: unknown[]; thumbnail: string }): void {
  const calls: string[] = [];
  const pdf = btoa('%PDF-1.7\n1 0 obj\n');
  (window as unknown as { __kioskCalls: string[] }).__kioskCalls = calls;
  (window as unknown as { antragsdesk: unknown }).antragsdesk = {
    kiosk: {
      listServices: async () => data.services,
      getService: async ({ id }: { id: string }) => data.services.find((service) => service.id === id),
      listPlaces: async () => data.places,
      listScannedDocuments: async () => [
        { id: 'scan-1', fileName: 'Scan 1.pdf', mediaType: 'application/pdf', size: 24_000, scannedAt: '2026-07-01T08:10:00Z', thumbnailDataUrl: data.thumbnail },
        { id: 'scan-2', fileName: 'Scan 2.pdf', mediaType: 'application/pdf', size: 31_000, scannedAt: '2026-07-01T08:11:00Z', thumbnailDataUrl: data.thumbnail },
      ],
      readScannedDocument: async ({ id }: { id: string }) => ({ id, fileName: id === 'scan-1' ? 'Scan 1.pdf' : 'Scan 2.pdf', mediaType: 'application/pdf', contentBase64: pdf }),
      submit: async ({ request }: { request: { formData: unknown } }) => {
        calls.push(`submit ${JSON.stringify(request.formData)}`);
        return { kind: 'queued', localReference: 'KIOSK-7F3A', queuedAt: '2026-07-01T08:15:00Z' };
      },
      printReceipt: async () => {
        calls.push('printReceipt');
      },
      endSession: async () => {
        calls.push('endSession');
      },
    },
  };
}

async function kioskFlow(origin: string, page: Page): Promise<void> {
  await page.addInitScript(installFakeKioskApi, { services: currentServices(), places: DEMO_PLACES, thumbnail: SCAN_THUMBNAIL });
  await page.goto(`${origin}/kiosk.html?onScreenKeyboard=1`);
  await page.getByRole('heading', { name: 'Was möchten Sie beantragen?' }).waitFor();
  await page.getByRole('button', { name: 'Anzeige einer Veranstaltung' }).click();
  await page.getByRole('button', { name: 'Türkçe' }).click();

  // The on-screen keyboard types umlauts into the focused field.
  await page.focus(id('applicant.familyName'));
  for (const key of ['M', 'ü', 'l', 'l', 'e', 'r']) {
    await page.locator('.citizen-keyboard__key', { hasText: new RegExp(`^${key.toLowerCase()}$`) }).first().click();
  }
  check(await page.inputValue(id('applicant.familyName')) === 'müller', 'keyboard typed müller');
  await page.screenshot({ path: join(shots, 'kiosk-tr-keyboard.png'), fullPage: true });
  await page.getByRole('button', { name: 'Deutsch' }).click();

  await fillEventForm(page, 'Sommerfest');
  check(await page.locator('input[type="file"]').count() === 0, 'no file input in the kiosk');
  await page.getByRole('button', { name: /Eingescannte Seite hinzufügen/ }).click();
  await page.getByRole('button', { name: /Scan 2\.pdf hinzufügen/ }).waitFor();
  await page.screenshot({ path: join(shots, 'kiosk-de-scans.png'), fullPage: true });
  await page.getByRole('button', { name: /Scan 2\.pdf hinzufügen/ }).click();
  await page.getByRole('button', { name: 'Scan 2.pdf entfernen' }).waitFor();
  await next(page);

  await page.check('#privacy-confirmation');
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  await page.getByRole('heading', { name: 'Ihr Antrag ist gespeichert' }).waitFor();
  check((await page.locator('[data-receipt-row="documents"]').textContent())?.includes('Scan 2.pdf'), 'queued receipt lists the scan');
  await page.screenshot({ path: join(shots, 'kiosk-de-receipt.png'), fullPage: true });

  await page.getByRole('button', { name: 'Beleg drucken' }).click();
  await page.getByRole('button', { name: 'Fertig' }).click();
  await page.getByRole('heading', { name: 'Was möchten Sie beantragen?' }).waitFor();
  const calls = await page.evaluate(() => (window as unknown as { __kioskCalls: string[] }).__kioskCalls);
  check(calls.includes('printReceipt') && calls.at(-1) === 'endSession', 'print and end of session reach the kiosk API');
  check(calls.some((call) => call.startsWith('submit') && !call.includes('servingFrom')), 'kiosk submission without hidden values');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  await buildPages();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1400 }, locale: 'de-DE', timezoneId: 'America/New_York' });
    const pageErrors: string[] = [];
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));

    const flows = [webFlow, arabicFlow, contrastFlow, kioskFlow];
    for (const flow of flows) {
      const page = await context.newPage();
      try {
        await flow(server.origin, page);
      } catch (error) {
        await page.screenshot({ path: join(shots, `failed-${flow.name}.png`), fullPage: true });
        throw error;
      }
    }

    check(pageErrors.length === 0, `no page errors (${pageErrors.join('; ')})`);
    console.log(`UI check passed; screenshots in ${shots}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
