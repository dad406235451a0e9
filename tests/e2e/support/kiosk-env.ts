// Shared parts of the kiosk form tests: a real portal per test, the clerk's view of what the
// portal stored, and page helpers for the citizen forms as the kiosk shows them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Application, FeedPage } from '../../../src-shared/api.ts';
import { DEMO_PASSWORD } from '../../../portal/src/catalog/demo/accounts.ts';
import { startPortal, type RunningPortal } from '../../../portal/src/portal.ts';

export const SCHWERIN_ARS = '130040000000';

/** A demo clerk of the city of Schwerin, which the demo kiosk device submits to for Schwerin addresses. */
const SCHWERIN_CLERK = 'a.krueger';

export interface KioskPortal {
  portal: RunningPortal;
  stop(): Promise<void>;
}

export async function startKioskPortal(): Promise<KioskPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragsdesk-kiosk-forms-portal-'));
  const portal = await startPortal({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', bodyLimitBytes: 60 * 1024 * 1024, seedDemoData: true });
  return {
    portal,
    stop: async () => {
      await portal.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Reads every application of the Schwerin authority through the clerk API, as a clerk's inbox
 * would show them: the newest snapshot per application id from the change feed.
 */
export async function clerkApplications(portalUrl: string): Promise<Application[]> {
  const login = await fetch(`${portalUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: SCHWERIN_CLERK, password: DEMO_PASSWORD }),
  });
  expect(login.status, 'clerk login').toBe(201);
  const { token } = (await login.json()) as { token: string };

  const feed = await fetch(`${portalUrl}/api/v1/clerk/feed?after=0&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
  expect(feed.status, 'clerk feed').toBe(200);
  const page = (await feed.json()) as FeedPage;

  const newest = new Map<string, Application>();
  for (const change of page.changes) {
    if (change.kind === 'upsert') newest.set(change.application.id, change.application);
    else newest.delete(change.applicationId);
  }
  return [...newest.values()];
}

/** CSS selector of a form field by its dotted path, as the citizen app builds its DOM ids. */
export function field(path: string): string {
  return `#field-${path.split('.').join('__')}`;
}

export function fieldError(path: string): string {
  return `${field(path)}-error`;
}

export async function nextStep(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]').click();
}

export async function expectStep(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Fills the first step of a form with the applicant's name (no date of birth). */
export async function fillApplicantName(page: Page, givenName: string, familyName: string): Promise<void> {
  await page.fill(field('applicant.givenName'), givenName);
  await page.fill(field('applicant.familyName'), familyName);
}

/** Fills street, house number, postcode and place of a Schwerin address under `prefix`. */
export async function fillSchwerinAddress(page: Page, prefix: string, street: string): Promise<void> {
  await page.fill(field(`${prefix}.street`), street);
  await page.fill(field(`${prefix}.houseNumber`), '12a');
  await page.fill(field(`${prefix}.postcode`), '19053');
  await page.selectOption(field(`${prefix}.placeArs`), SCHWERIN_ARS);
}

/** Confirms the privacy notice on the review page and sends the application. */
export async function confirmAndSubmit(page: Page): Promise<void> {
  await expectStep(page, 'Angaben prüfen');
  await page.getByLabel('Ich habe den Datenschutzhinweis gelesen.').check();
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
}

/**
 * Fills a Meldebescheinigung from the service picker to the review page, with the date of birth
 * typed as given.
 */
export async function fillRegistrationCertificate(page: Page, applicant: { givenName: string; familyName: string; dateOfBirth: string }): Promise<void> {
  await page.getByRole('button', { name: /^Meldebescheinigung/ }).click();
  await expectStep(page, 'Angaben zu Ihrer Person');
  await fillApplicantName(page, applicant.givenName, applicant.familyName);
  await page.fill(field('applicant.dateOfBirth'), applicant.dateOfBirth);
  await nextStep(page);

  await expectStep(page, 'Ihre gemeldete Anschrift');
  await fillSchwerinAddress(page, 'address', 'Kioskweg');
  await nextStep(page);

  await expectStep(page, 'Art der Bescheinigung');
  await page.getByLabel('Einfache Meldebescheinigung').check();
  await page.fill(field('certificate.copies'), '2');
  await nextStep(page);

  await expectStep(page, 'So erhalten Sie die Bescheinigung');
  await page.getByLabel('Ich hole sie im Bürgerbüro ab (bitte Ausweis mitbringen)').check();
  await page.getByLabel('Ich versichere, dass meine Angaben vollständig und richtig sind.').check();
  await nextStep(page);
}
