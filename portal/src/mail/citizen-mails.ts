// German e-mails to applicants about their application. They carry the applicant's name, the
// reference number, the new status and its citizen text from the catalog; never form contents,
// the clerk's question or a decision text, since e-mail travels unencrypted. The citizen reads
// those on the status page.
import { randomUUID } from 'node:crypto';
import type { Application, ApplicationStatus } from '../../../src-shared/index.ts';
import { STATUS_LABELS_DE } from '../../../src-shared/index.ts';
import type { NewOutboxMail } from '../store/store.ts';

export interface MailSettings {
  /** Sender address; its domain also names the Message-IDs. */
  from: string;
  /** Base URL citizens use to reach the portal, without a trailing slash. */
  publicUrl: string;
}

export interface StatusMailInput {
  application: Application;
  status: ApplicationStatus;
  citizenText: string;
  authorityName: string;
}

/** Builds the e-mail about a new status; a Rückfrage gets its own subject and wording. */
export function composeStatusMail(input: StatusMailInput, settings: MailSettings): NewOutboxMail | null {
  const recipient = input.application.applicantEmail;
  if (!recipient) return null;

  const id = randomUUID();
  const reference = input.application.reference;
  const label = STATUS_LABELS_DE[input.status];
  const question = input.status === 'action_required';
  const statusUrl = `${settings.publicUrl}/status?ref=${encodeURIComponent(reference)}`;
  const name = greetingName(input.application);

  const subject = question ? `Rückfrage zu Ihrem Antrag ${reference}` : `Ihr Antrag ${reference}: ${label}`;
  const lead = question
    ? `zu Ihrem Antrag mit der Vorgangsnummer ${reference} haben wir eine Rückfrage.`
    : `der Status Ihres Antrags mit der Vorgangsnummer ${reference} hat sich geändert.`;
  const action = question
    ? 'Bitte lesen Sie die Rückfrage auf der Statusseite und antworten Sie dort:'
    : 'Den ganzen Verlauf sehen Sie auf der Statusseite:';
  const login = 'Dort melden Sie sich mit der Vorgangsnummer und dem Zugangscode aus Ihrer Eingangsbestätigung an.';
  const automatic = 'Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht auf diese E-Mail.';

  const text = [
    `Guten Tag ${name},`.replace(' ,', ','),
    '',
    lead,
    '',
    `Neuer Status: ${label}`,
    input.citizenText,
    '',
    action,
    statusUrl,
    login,
    '',
    automatic,
    '',
    'Mit freundlichen Grüßen',
    input.authorityName,
  ].join('\n');

  const html = [
    '<!doctype html>',
    '<html lang="de"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1b1b1b;">',
    `<p>${escapeHtml(`Guten Tag ${name},`.replace(' ,', ','))}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<p><strong>Neuer Status: ${escapeHtml(label)}</strong><br>${escapeHtml(input.citizenText)}</p>`,
    `<p>${escapeHtml(action)}<br><a href="${escapeHtml(statusUrl)}">${escapeHtml(statusUrl)}</a><br>${escapeHtml(login)}</p>`,
    `<p>${escapeHtml(automatic)}</p>`,
    `<p>Mit freundlichen Grüßen<br>${escapeHtml(input.authorityName)}</p>`,
    '</body></html>',
  ].join('\n');

  return { id, kind: question ? 'question' : 'status_changed', recipient, subject, text, html, messageId: `<${id}@${senderDomain(settings.from)}>` };
}

/** "Erika Mustermann" from the form's applicant, or the organisation; empty when neither is given. */
function greetingName(application: Application): string {
  const applicant = (application.formData.applicant ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const person = [text(applicant.givenName), text(applicant.familyName)].filter(Boolean).join(' ');
  return person || text(applicant.organisation);
}

function senderDomain(from: string): string {
  const match = /@([^@\s>]+)>?\s*$/.exec(from);
  return match ? match[1]! : 'antragsdesk.invalid';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
