// Kiosk forms end to end: the kiosk page in Chromium, `window.antragsdesk.kiosk` bound to the real
// kiosk services (tests/support/kiosk-harness.ts), and a real portal that a clerk reads back.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SMALL_PDF } from '../support/submissions.ts';
import { buildKioskPage, createKioskHarness, serveKioskPage, type KioskHarness } from '../support/kiosk-harness.ts';
import { expectNoAxeViolations, expectTabOrderFollowsReadingOrder, tabTo } from './support/kiosk-a11y.ts';
import {
  clerkApplications, confirmAndSubmit, expectStep, field, fieldError, fillApplicantName, fillRegistrationCertificate, fillSchwerinAddress,
  nextStep, SCHWERIN_ARS, startKioskPortal, type KioskPortal,
} from './support/kiosk-env.ts';
import { startLossyProxy, type LossyProxy, type SubmissionFault } from './support/kiosk-proxy.ts';

const PICKER_HEADING = 'Was möchten Sie beantragen?';
const RECEIPT_HEADING = 'Ihr Antrag ist eingegangen';
const QUEUED_HEADING = 'Ihr Antrag ist gespeichert';
const DECLARATION = 'Ich versichere, dass meine Angaben vollständig und richtig sind.';

let site: { origin: string; close(): Promise<void> };
let portal: KioskPortal;
let harness: KioskHarness | null = null;
let proxy: LossyProxy | null = null;

/** Opens the kiosk page with services that talk to `portalUrl` and waits for the service picker. */
async function openKiosk(page: Page, portalUrl = portal.portal.url): Promise<KioskHarness> {
  harness = createKioskHarness({ portalUrl });
  await harness.open(page, site.origin);
  await expect(page.getByRole('heading', { level: 1, name: PICKER_HEADING })).toBeVisible();
  return harness;
}

test.beforeAll(async () => {
  site = await serveKioskPage(await buildKioskPage());
});

test.afterAll(async () => {
  await site.close();
});

test.beforeEach(async () => {
  portal = await startKioskPortal();
});

test.afterEach(async () => {
  harness?.close();
  harness = null;
  await proxy?.close();
  proxy = null;
  await portal.stop();
});

// ---------------------------------------------------------------------------------------------
// 1. The portal committed the submission, but its response never reached the kiosk.

const LOST_RESPONSE_FAULTS: SubmissionFault[] = ['drop-response', 'bad-gateway'];

for (const fault of LOST_RESPONSE_FAULTS) {
  test(`lost response (${fault}) delivered once`, async ({ page }) => {
    proxy = await startLossyProxy(portal.portal.url);
    const kiosk = await openKiosk(page, proxy.url);
    await fillRegistrationCertificate(page, { givenName: 'Lotte', familyName: 'Übermittlungstest', dateOfBirth: '03.04.1975' });

    proxy.fault = fault;
    await confirmAndSubmit(page);

    await expect(page.getByRole('heading', { level: 1, name: QUEUED_HEADING })).toBeVisible();
    await expect(page.locator('main')).toContainText('wird übermittelt');
    const localReference = (await page.locator('[data-receipt-row="localReference"] dd').innerText()).trim();
    expect(localReference).toMatch(/^BT-\d{8}-[2-9A-Z]{6}$/);
    await expect(page.locator('[data-receipt-row="reference"]')).toHaveCount(0);

    // The portal has committed the application although the kiosk received no response.
    expect(proxy.lostResponses).toBeGreaterThanOrEqual(1);
    expect((await clerkApplications(portal.portal.url)).map((application) => application.reference)).toHaveLength(1);
    expect(kiosk.services.outbox.list().map((entry) => entry.localReference)).toEqual([localReference]);

    // The delivery loop repeats the submission. While responses are still lost, nothing changes.
    await expect.poll(() => proxy!.lostResponses, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(kiosk.services.outbox.list()).toHaveLength(1);

    proxy.fault = 'none';
    await expect.poll(() => kiosk.services.outbox.list().length, { timeout: 20_000 }).toBe(0);

    const applications = await clerkApplications(portal.portal.url);
    expect(applications.map((application) => application.reference)).toHaveLength(1);
    const application = applications[0]!;
    expect(application.channel).toBe('kiosk');
    expect(application.formData).toMatchObject({
      applicant: { givenName: 'Lotte', familyName: 'Übermittlungstest', dateOfBirth: '1975-04-03' },
      address: { street: 'Kioskweg', postcode: '19053', placeArs: SCHWERIN_ARS },
      certificate: { kind: 'simple', copies: 2 },
      delivery: { method: 'pickup' },
    });
    expect(proxy.forwardedSubmissions).toBe(proxy.lostResponses + 1);

    const delivered = kiosk.log.records.filter((record) => record.message === 'outbox: delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.data).toMatchObject({ localReference, reference: application.reference });
    expect(JSON.stringify(kiosk.log.records)).not.toContain('Übermittlungstest');
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Values of fields that a later answer hid are not sent.

async function fillEventUpToAlcohol(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Anzeige einer Veranstaltung/ }).click();
  await expectStep(page, 'Wer veranstaltet?');
  await fillApplicantName(page, 'Rieke', 'Festplanerin');
  await page.getByLabel('Privatperson').check();
  await nextStep(page);

  await expectStep(page, 'Ihre Anschrift');
  await page.fill(field('contactAddress.street'), 'Am Kiosk');
  await page.fill(field('contactAddress.houseNumber'), '3');
  await page.fill(field('contactAddress.postcode'), '19055');
  await page.fill(field('contactAddress.city'), 'Schwerin');
  await nextStep(page);

  await expectStep(page, 'Die Veranstaltung');
  await page.fill(field('event.name'), 'Hoffest Kiosktest');
  await page.selectOption(field('event.kind'), 'street_party');
  await page.fill(field('event.startDate'), '20.06.2026');
  await page.fill(field('event.endDate'), '20.06.2026');
  await page.fill(field('event.dailyStart'), '14:00');
  await page.fill(field('event.dailyEnd'), '22:00');
  await page.fill(field('event.expectedAttendance'), '150');
  await nextStep(page);

  await expectStep(page, 'Veranstaltungsort');
  await fillSchwerinAddress(page, 'venue', 'Festwiese');
  await page.getByLabel('Im Freien').check();
  await nextStep(page);

  await expectStep(page, 'Ausschank von Alkohol');
}

test('alcohol switched off drops serving times', async ({ page }) => {
  await openKiosk(page);
  await fillEventUpToAlcohol(page);

  await page.getByLabel('Ja', { exact: true }).check();
  await page.fill(field('alcohol.servingFrom'), '16:00');
  await page.fill(field('alcohol.servingUntil'), '21:30');
  await page.fill(field('alcohol.responsiblePerson.givenName'), 'Tammo');
  await page.fill(field('alcohol.responsiblePerson.familyName'), 'Zapfhahn');
  await page.fill(field('alcohol.responsiblePerson.phone'), '0385 1234567');

  await page.getByLabel('Nein', { exact: true }).check();
  await expect(page.locator(field('alcohol.servingFrom'))).toHaveCount(0);
  await expect(page.locator(field('alcohol.responsiblePerson.familyName'))).toHaveCount(0);
  await nextStep(page);

  await expectStep(page, 'Bestätigung');
  await page.getByLabel(DECLARATION).check();
  await nextStep(page);

  await expectStep(page, 'Unterlagen');
  await nextStep(page);

  await expectStep(page, 'Angaben prüfen');
  const review = page.locator('main');
  await expect(review).toContainText('Wird Alkohol verkauft oder ausgeschenkt?');
  await expect(review).not.toContainText('Ausschank ab');
  await expect(review).not.toContainText('21:30');
  await expect(review).not.toContainText('Zapfhahn');
  await confirmAndSubmit(page);

  await expect(page.getByRole('heading', { level: 1, name: RECEIPT_HEADING })).toBeVisible();
  await expect(page.locator('[data-receipt-row="reference"]')).toContainText(/SN-\d{4}-\d{6}/);

  const applications = await clerkApplications(portal.portal.url);
  expect(applications).toHaveLength(1);
  const stored = applications[0]!.formData;
  expect(stored.alcohol).toEqual({ sale: 'no' });
  expect(JSON.stringify(stored)).not.toContain('21:30');
  expect(JSON.stringify(stored)).not.toContain('Zapfhahn');
  expect(stored).toMatchObject({ event: { name: 'Hoffest Kiosktest', startDate: '2026-06-20', dailyStart: '14:00' } });
});

// ---------------------------------------------------------------------------------------------
// 3. Dates, postcodes and IBANs as citizens type them.

const DATE_FIELD = 'applicant.dateOfBirth';
const INVALID_DATES = [
  { typed: '31.02.2026', message: 'Dieses Datum gibt es nicht. Bitte prüfen Sie Tag und Monat.' },
  { typed: '29.02.2025', message: 'Dieses Datum gibt es nicht. Bitte prüfen Sie Tag und Monat.' },
  { typed: '2026-02-28', message: 'Bitte geben Sie das Datum als TT.MM.JJJJ ein, zum Beispiel 24.03.2026.' },
  { typed: '24.12.80', message: 'Bitte geben Sie das Datum als TT.MM.JJJJ ein, zum Beispiel 24.03.2026.' },
];

test('dates and postcodes checked and stored', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: /^Meldebescheinigung/ }).click();
  await expectStep(page, 'Angaben zu Ihrer Person');
  await fillApplicantName(page, 'Jannik', 'Datumsprobe');
  // The field's own help gives the example, so the format hint adds no second one.
  await expect(page.locator(field(DATE_FIELD))).toHaveAccessibleDescription(/Zum Beispiel 24\.12\.1980\./);
  await expect(page.locator(field(DATE_FIELD))).toHaveAccessibleDescription(/Format: TT\.MM\.JJJJ/);
  await expect(page.locator(field(DATE_FIELD))).not.toHaveAccessibleDescription(/24\.03\.2026/);

  for (const { typed, message } of INVALID_DATES) {
    await page.fill(field(DATE_FIELD), typed);
    await nextStep(page);

    await expect(page.locator(fieldError(DATE_FIELD)), typed).toHaveText(message);
    await expect(page.locator(field(DATE_FIELD)), typed).toBeFocused();
    await expect(page.locator(field(DATE_FIELD)), typed).toHaveAttribute('aria-invalid', 'true');
    // A day the month lacks stays as typed and never turns into the 3rd of March.
    await expect(page.locator(field(DATE_FIELD)), typed).toHaveValue(typed);
    await expect(page.locator('main'), typed).not.toContainText('03.03.2026');
    await expectStep(page, 'Angaben zu Ihrer Person');
  }

  await page.fill(field(DATE_FIELD), '24.12.1980');
  await nextStep(page);

  await expectStep(page, 'Ihre gemeldete Anschrift');
  await fillSchwerinAddress(page, 'address', 'Datumsweg');
  await page.fill(field('address.postcode'), '1905');
  await nextStep(page);
  await expect(page.locator(fieldError('address.postcode'))).toHaveText('Bitte geben Sie eine Postleitzahl mit 5 Ziffern ein.');
  await expectStep(page, 'Ihre gemeldete Anschrift');

  await page.fill(field('address.postcode'), '19057');
  await nextStep(page);

  await expectStep(page, 'Art der Bescheinigung');
  await page.getByLabel('Einfache Meldebescheinigung').check();
  await page.fill(field('certificate.copies'), '1');
  await nextStep(page);

  await expectStep(page, 'So erhalten Sie die Bescheinigung');
  await page.getByLabel('Per Post an meine gemeldete Anschrift').check();
  await page.getByLabel(DECLARATION).check();
  await nextStep(page);

  await expect(page.locator('main')).toContainText('24.12.1980');
  await confirmAndSubmit(page);
  await expect(page.getByRole('heading', { level: 1, name: RECEIPT_HEADING })).toBeVisible();

  const applications = await clerkApplications(portal.portal.url);
  expect(applications).toHaveLength(1);
  expect(applications[0]!.formData).toMatchObject({
    applicant: { givenName: 'Jannik', familyName: 'Datumsprobe', dateOfBirth: '1980-12-24' },
    address: { postcode: '19057', placeArs: SCHWERIN_ARS },
  });
});

const IBAN_FIELD = 'payment.iban';
const INVALID_IBANS = [
  'DE88 3704 0044 0532 0130 00', // check digits off by one
  'de89 3704 0044 0532 0130 01', // last digit changed
  'DE89 3704 0044 0532 0130 0', // one digit short
];

test('IBAN normalised or rejected', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: /^Anmeldung eines Hundes/ }).click();
  await expectStep(page, 'Angaben zur Halterin oder zum Halter');
  await fillApplicantName(page, 'Ole', 'Lastschrifttest');
  await nextStep(page);

  await expectStep(page, 'Ihre Anschrift');
  await fillSchwerinAddress(page, 'address', 'Hundeweg');
  await nextStep(page);

  await expectStep(page, 'Angaben zum Hund');
  await page.fill(field('dog.name'), 'Bello');
  await page.fill(field('dog.breed'), 'Labrador-Mischling');
  await page.getByLabel('Rüde').check();
  await page.fill(field('dog.dateOfBirth'), '01.05.2020');
  await page.fill(field('dog.ownedSince'), '15.06.2020');
  await page.getByLabel('Nein', { exact: true }).check();
  await nextStep(page);

  await expectStep(page, 'Bezahlung der Hundesteuer');
  await page.getByLabel('Per Lastschrift (SEPA-Lastschriftmandat)').check();
  await page.fill(field('payment.accountHolder'), 'Ole Lastschrifttest');
  await page.getByLabel(/^Ich ermächtige die Gemeinde/).check();

  for (const typed of INVALID_IBANS) {
    await page.fill(field(IBAN_FIELD), typed);
    await nextStep(page);
    await expect(page.locator(fieldError(IBAN_FIELD)), typed).toHaveText('Diese IBAN ist nicht gültig. Bitte prüfen Sie jede Stelle.');
    await expectStep(page, 'Bezahlung der Hundesteuer');
  }

  await page.fill(field(IBAN_FIELD), 'de89 3704 0044 0532 0130 00');
  await nextStep(page);

  await expectStep(page, 'Bestätigung');
  await page.getByLabel(DECLARATION).check();
  await nextStep(page);

  await expect(page.locator('main')).toContainText('DE89 3704 0044 0532 0130 00');
  await confirmAndSubmit(page);
  await expect(page.getByRole('heading', { level: 1, name: RECEIPT_HEADING })).toBeVisible();

  const applications = await clerkApplications(portal.portal.url);
  expect(applications).toHaveLength(1);
  expect(applications[0]!.formData).toMatchObject({ payment: { method: 'sepa', iban: 'DE89370400440532013000', mandateConsent: true } });
});

// ---------------------------------------------------------------------------------------------
// 4. A whole application with the keyboard alone.

test('keyboard alone completes an application', async ({ page }) => {
  const keys = page.keyboard;
  await openKiosk(page);

  await tabTo(page, page.getByRole('button', { name: /^Meldebescheinigung/ }));
  await keys.press('Enter');

  // Person: first try to go on with nothing filled in, then fill in and fix a typo with Shift+Tab.
  await expectStep(page, 'Angaben zu Ihrer Person');
  await expectTabOrderFollowsReadingOrder(page, 'step "Angaben zu Ihrer Person"');
  await tabTo(page, page.locator('form button[type="submit"]'), { backward: true });
  await keys.press('Enter');
  await expect(page.locator(field('applicant.givenName'))).toBeFocused();

  await keys.type('Kaja');
  await keys.press('Tab');
  await expect(page.locator(field('applicant.familyName'))).toBeFocused();
  await keys.type('Tastenfrau');
  await keys.press('Shift+Tab');
  await expect(page.locator(field('applicant.givenName'))).toBeFocused();
  await keys.press('End');
  await keys.type('-Marie');
  await keys.press('Tab');
  await keys.press('Tab');
  await expect(page.locator(field('applicant.dateOfBirth'))).toBeFocused();
  await keys.type('07.09.1988');
  await tabTo(page, page.locator('form button[type="submit"]'));
  await keys.press('Space');

  // Address: the place list is a native select, chosen by typing its name.
  await expectStep(page, 'Ihre gemeldete Anschrift');
  await expectTabOrderFollowsReadingOrder(page, 'step "Ihre gemeldete Anschrift"');
  await tabTo(page, page.locator(field('address.street')), { backward: true });
  await keys.type('Tastaturweg');
  await keys.press('Tab');
  await keys.type('5');
  await keys.press('Tab');
  await keys.type('19053');
  await keys.press('Tab');
  await expect(page.locator(field('address.placeArs'))).toBeFocused();
  await keys.type('Schwerin');
  await expect(page.locator(field('address.placeArs'))).toHaveValue(SCHWERIN_ARS);
  await tabTo(page, page.locator('form button[type="submit"]'));
  await keys.press('Enter');

  // Certificate: radio buttons with Space and the arrow keys, Enter in a text field goes on.
  await expectStep(page, 'Art der Bescheinigung');
  await expectTabOrderFollowsReadingOrder(page, 'step "Art der Bescheinigung"');
  // Chromium enters a radio group without a choice at its first radio from either direction.
  await tabTo(page, page.getByLabel('Einfache Meldebescheinigung'), { backward: true });
  await keys.press('Space');
  await expect(page.getByLabel('Einfache Meldebescheinigung')).toBeChecked();
  await keys.press('ArrowDown');
  await expect(page.getByLabel('Erweiterte Meldebescheinigung')).toBeChecked();
  await keys.press('ArrowUp');
  await expect(page.getByLabel('Einfache Meldebescheinigung')).toBeChecked();
  await expect(page.getByLabel('Erweiterte Meldebescheinigung')).not.toBeChecked();
  await keys.press('Tab');
  await expect(page.locator(field('certificate.purpose'))).toBeFocused();
  await keys.type('für die Bank');
  await keys.press('Tab');
  await expect(page.locator(field('certificate.copies'))).toBeFocused();
  await keys.type('3');
  await keys.press('Enter');

  // Delivery and declaration.
  await expectStep(page, 'So erhalten Sie die Bescheinigung');
  await expectTabOrderFollowsReadingOrder(page, 'step "So erhalten Sie die Bescheinigung"');
  await tabTo(page, page.getByLabel('Per Post an meine gemeldete Anschrift'), { backward: true });
  await keys.press('ArrowDown');
  await expect(page.getByLabel('Ich hole sie im Bürgerbüro ab (bitte Ausweis mitbringen)')).toBeChecked();
  await keys.press('Tab');
  await expect(page.getByLabel(DECLARATION)).toBeFocused();
  await keys.press('Space');
  await expect(page.getByLabel(DECLARATION)).toBeChecked();
  await tabTo(page, page.locator('form button[type="submit"]'));
  await keys.press('Enter');

  // Review: privacy confirmation, then send.
  await expectStep(page, 'Angaben prüfen');
  await expectTabOrderFollowsReadingOrder(page, 'review');
  // Three simple certificates at 5 euro each.
  await expect(page.getByText(/15,00\s€ \(3 × 5,00\s€\)/)).toBeVisible();
  await tabTo(page, page.getByLabel('Ich habe den Datenschutzhinweis gelesen.'), { backward: true });
  await keys.press('Space');
  await expect(page.getByLabel('Ich habe den Datenschutzhinweis gelesen.')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Antrag absenden' }));
  await keys.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: RECEIPT_HEADING })).toBeVisible();
  await expectTabOrderFollowsReadingOrder(page, 'receipt');

  const applications = await clerkApplications(portal.portal.url);
  expect(applications).toHaveLength(1);
  expect(applications[0]!.formData).toEqual({
    applicant: { givenName: 'Kaja-Marie', familyName: 'Tastenfrau', dateOfBirth: '1988-09-07' },
    address: { street: 'Tastaturweg', houseNumber: '5', postcode: '19053', placeArs: SCHWERIN_ARS },
    certificate: { kind: 'simple', purpose: 'für die Bank', copies: 3 },
    delivery: { method: 'pickup' },
    declaration: true,
  });

  await tabTo(page, page.getByRole('button', { name: 'Fertig' }), { backward: true });
  await keys.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: PICKER_HEADING })).toBeVisible();
});

// ---------------------------------------------------------------------------------------------
// 5. axe-core on every step of an application, in German and in Arabic.

const AXE_LOCALES = [
  { locale: 'de', button: null, dir: 'ltr', tile: 'Bewohnerparkausweis', submit: 'Antrag absenden', receipt: RECEIPT_HEADING },
  { locale: 'ar', button: 'العربية', dir: 'rtl', tile: 'تصريح وقوف السيارات للسكان', submit: 'إرسال الطلب', receipt: 'تم استلام طلبك' },
] as const;

for (const language of AXE_LOCALES) {
  test(`axe clean on every step (${language.locale})`, async ({ page }) => {
    const kiosk = await openKiosk(page);
    if (language.button) await page.getByRole('button', { name: language.button }).click();
    await expect(page.locator('.citizen-app')).toHaveAttribute('dir', language.dir);
    await expectNoAxeViolations(page, 'service picker');

    await page.getByRole('button', { name: new RegExp(`^${language.tile}`) }).click();
    await page.locator('main form').waitFor();

    // First step, once with every problem shown and once filled in.
    await nextStep(page);
    await expect(page.locator(fieldError('applicant.givenName'))).toBeVisible();
    await expectNoAxeViolations(page, 'step 1 with errors');
    await fillApplicantName(page, 'Ayla', 'Prüfbarkeit');
    await expectNoAxeViolations(page, 'step 1');
    await nextStep(page);

    await page.locator(field('address.street')).waitFor();
    await fillSchwerinAddress(page, 'address', 'Kontrastweg');
    await page.getByLabel('Hauptwohnsitz').check();
    await expectNoAxeViolations(page, 'step 2');
    await nextStep(page);

    await page.locator(field('vehicle.registration')).waitFor();
    await page.fill(field('vehicle.registration'), 'SN-AX 11');
    await page.getByLabel('Pkw').check();
    await page.getByLabel('Auf mich').check();
    await expectNoAxeViolations(page, 'step 3');
    await nextStep(page);

    await page.getByLabel(DECLARATION).waitFor();
    await page.getByLabel(DECLARATION).check();
    await expectNoAxeViolations(page, 'step 4');
    await nextStep(page);

    // Documents: empty, with the scan list open, and with a scan added.
    await page.locator('#documents-first').waitFor();
    await expectNoAxeViolations(page, 'documents');
    await writeFile(join(kiosk.scannerFolder, 'scan-0001.pdf'), SMALL_PDF);
    await page.locator('#documents-first').click();
    await page.getByRole('button', { name: /scan-0001\.pdf/ }).waitFor();
    await expectNoAxeViolations(page, 'documents with the scan list');
    await page.getByRole('button', { name: /scan-0001\.pdf/ }).click();
    await expect(page.locator('.citizen-file-list')).toContainText('scan-0001.pdf');
    await expectNoAxeViolations(page, 'documents with a scan');
    await nextStep(page);

    await page.locator('#privacy-confirmation').waitFor();
    await expectNoAxeViolations(page, 'review');
    await page.locator('#privacy-confirmation').check();
    await page.getByRole('button', { name: language.submit }).click();

    await expect(page.getByRole('heading', { level: 1, name: language.receipt })).toBeVisible();
    await expectNoAxeViolations(page, 'receipt');
    expect(await clerkApplications(portal.portal.url)).toHaveLength(1);
  });
}
