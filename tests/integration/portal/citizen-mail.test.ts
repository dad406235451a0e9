// Citizen e-mails: outbox rows written with the status change, their content, and delivery over a
// real SMTP server on 127.0.0.1, including an outage.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../e2e/support/smtp-sink.ts';
import { clerkAction, fileOnline, startWebPortal, type WebPortal } from './web-portal.ts';

describe('mail outbox without SMTP', () => {
  let portal: WebPortal;
  let token: string;

  beforeAll(async () => {
    portal = await startWebPortal();
    token = await portal.login('a.krueger');
  });
  afterAll(async () => {
    await portal.stop();
  });

  it('writes one row per status change', async () => {
    const filed = await fileOnline(portal);
    expect(await portal.context.store.listMails(filed.applicationId)).toHaveLength(0);

    await clerkAction(portal, token, filed.applicationId, { action: 'accept' });
    await clerkAction(portal, token, filed.applicationId, { action: 'add_note', text: 'Vermerk ohne Statuswechsel' });
    await clerkAction(portal, token, filed.applicationId, { action: 'request_information', message: 'Bitte senden Sie den Mietvertrag.' });

    const mails = await portal.context.store.listMails(filed.applicationId);
    expect(mails.map((mail) => mail.kind)).toEqual(['status_changed', 'question']);
    expect(mails.every((mail) => mail.sentAt === null)).toBe(true);
    expect(mails[0]!.recipient).toBe('erika.beispiel@example.org');
    expect(mails[0]!.subject).toBe(`Ihr Antrag ${filed.reference}: Angenommen`);
    expect(mails[1]!.subject).toBe(`Rückfrage zu Ihrem Antrag ${filed.reference}`);
    expect(mails[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@antragsdesk\.invalid>$/);
  });

  it('keeps form contents and the question out of the mail', async () => {
    const filed = await fileOnline(portal);
    await clerkAction(portal, token, filed.applicationId, { action: 'accept' });
    await clerkAction(portal, token, filed.applicationId, { action: 'request_information', message: 'Geheime Rückfragedetails' });

    const application = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}`, { token })).body;
    const applicant = application.formData.applicant;
    const [accepted, question] = await portal.context.store.listMails(filed.applicationId);

    expect(accepted!.text).toContain(`Guten Tag ${applicant.givenName} ${applicant.familyName},`);
    expect(accepted!.text).toContain(filed.reference);
    expect(accepted!.text).toContain('Neuer Status: Angenommen');
    expect(accepted!.text).toContain(`${portal.url}/status?ref=${filed.reference}`);
    expect(accepted!.html).toContain('<html lang="de">');
    expect(question!.text).toContain('Rückfrage');
    for (const mail of [accepted!, question!]) {
      expect(mail.text).not.toContain('Geheime Rückfragedetails');
      expect(mail.html).not.toContain('Geheime Rückfragedetails');
      expect(mail.text).not.toContain(filed.accessCode);
      for (const value of Object.values(application.formData.address ?? {})) expect(mail.text).not.toContain(String(value));
    }
  });

  it('writes no row without an e-mail address or for a discarded application', async () => {
    const withoutEmail = await fileOnline(portal, null);
    await clerkAction(portal, token, withoutEmail.applicationId, { action: 'accept' });
    expect(await portal.context.store.listMails(withoutEmail.applicationId)).toHaveLength(0);

    const spam = await fileOnline(portal);
    await clerkAction(portal, token, spam.applicationId, { action: 'discard', internalReason: 'Doppelt eingereicht' });
    expect(await portal.context.store.listMails(spam.applicationId)).toHaveLength(0);
  });

  it('writes no row when the action is rejected', async () => {
    const filed = await fileOnline(portal);
    const rejected = await clerkAction(portal, token, filed.applicationId, { action: 'approve', decision: 'Bewilligt.' });
    expect(rejected.status).toBe(409);
    expect(await portal.context.store.listMails(filed.applicationId)).toHaveLength(0);
  });
});

describe('mail delivery over SMTP', () => {
  const sink = new SmtpSink();
  let portal: WebPortal | null = null;

  afterEach(async () => {
    await portal?.stop();
    portal = null;
    await sink.stop();
    sink.received.length = 0;
  });

  it('sends each outbox row once with its Message-ID', async () => {
    await sink.start();
    portal = await startWebPortal({ smtpUrl: sink.url, mailFrom: 'Bürgerservice Schwerin <buergerservice@schwerin.example>', mailRetryBaseSeconds: 1 });
    const token = await portal.login('a.krueger');
    const filed = await fileOnline(portal);

    await clerkAction(portal, token, filed.applicationId, { action: 'accept' });
    const [mail] = await sink.waitFor(1);
    const [row] = await portal.context.store.listMails(filed.applicationId);

    expect(mail!.to).toEqual(['erika.beispiel@example.org']);
    expect(mail!.messageId).toBe(row!.messageId);
    expect(row!.messageId).toMatch(/@schwerin\.example>$/);
    expect(mail!.subject).toBe(`Ihr Antrag ${filed.reference}: Angenommen`);
    expect(mail!.text).toContain('Neuer Status: Angenommen');
    expect(mail!.html).toContain('Neuer Status: Angenommen');
    await expect.poll(async () => (await portal!.context.store.listMails(filed.applicationId))[0]!.sentAt).not.toBeNull();

    // Another status change sends the next mail only; the first is not sent again.
    await clerkAction(portal, token, filed.applicationId, { action: 'start' });
    await sink.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]!.subject).toBe(`Ihr Antrag ${filed.reference}: In Bearbeitung`);
  });

  it('delivers once after an SMTP outage', async () => {
    await sink.start();
    const smtpUrl = sink.url;
    await sink.stop();

    portal = await startWebPortal({ smtpUrl, mailRetryBaseSeconds: 1 });
    const token = await portal.login('a.krueger');
    const filed = await fileOnline(portal);
    await clerkAction(portal, token, filed.applicationId, { action: 'accept' });

    await expect.poll(async () => (await portal!.context.store.listMails(filed.applicationId))[0]!.attempts, { timeout: 10_000 }).toBeGreaterThan(0);
    const failed = (await portal.context.store.listMails(filed.applicationId))[0]!;
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/^E[A-Z]+/);
    expect(failed.lastError).not.toContain('example.org');

    await sink.start();
    await sink.waitFor(1, 30_000);
    await expect.poll(async () => (await portal!.context.store.listMails(filed.applicationId))[0]!.sentAt, { timeout: 10_000 }).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.messageId).toBe(failed.messageId);
  });
});
