// Adds the applicant's e-mail to a decision that changes the citizen-visible status, so the store
// writes it to the outbox in the same transaction as the change.
import type { Application } from '../../../src-shared/index.ts';
import { STATUS_ZBP_STATE } from '../../../src-shared/index.ts';
import { composeStatusMail, type MailSettings } from '../mail/citizen-mails.ts';
import type { Decision } from '../store/store.ts';

export function withStatusMails<E>(decision: Decision<E>, current: Application, authorityName: string, settings: MailSettings): Decision<E> {
  if (!decision.ok) return decision;

  const next = decision.next;
  // Discarded applications (duplicates, spam) are never shown to the citizen, so they get no mail.
  if (next.status === current.status || STATUS_ZBP_STATE[next.status] === null) return decision;

  const entry = next.history.findLast((item) => item.kind === 'status' && item.status === next.status);
  const citizenText = entry?.kind === 'status' ? entry.citizenText : '';
  const mail = composeStatusMail({ application: next, status: next.status, citizenText, authorityName }, settings);
  return mail ? { ...decision, mails: [...(decision.mails ?? []), mail] } : decision;
}
