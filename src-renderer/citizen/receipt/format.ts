// The rows of the receipt screen (Eingangsbestätigung), for the portal's receipt and for an
// application the kiosk queued while offline. Times are shown in Europe/Berlin, where the
// authority is, whatever the device's time zone.
import type { SubmitOutcome } from '../../../src-shared/ipc/kiosk.ts';
import { LOCALE_INFO, type Locale, type Translate } from '../i18n/messages.ts';
import { formatApplicationFee } from '../i18n/service-texts.ts';

export interface ReceiptRow {
  /** Stable key, used for test ids and React keys. */
  id: 'reference' | 'localReference' | 'accessCode' | 'receivedAt' | 'savedAt' | 'service' | 'fee' | 'authority' | 'documents';
  label: string;
  /** One entry per line. */
  lines: string[];
}

export interface ReceiptView {
  heading: string;
  intro: string;
  rows: ReceiptRow[];
  nextSteps: string;
  /** Status page path for the web; never contains the access code. */
  statusPath: string | null;
}

/** Formats an instant as date and time in Europe/Berlin in the citizen's language, e.g. 29.03.2026, 03:30. */
export function formatBerlinDateTime(instant: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_INFO[locale].intlLocale, {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/**
 * Groups an access code in blocks of four, joined by hyphens as the portal issues it
 * (e.g. 70R7-1AQQ-555F), so it can be read aloud and copied without mistakes.
 */
export function groupAccessCode(code: string): string {
  return code.replace(/[\s-]+/g, '').match(/.{1,4}/g)?.join('-') ?? code;
}

export interface QueuedContext {
  serviceName: string;
  documents: { label: string; fileName: string }[];
}

/**
 * Builds the receipt view. `queued` supplies service and documents for an offline submission,
 * because the kiosk has no portal receipt to take them from.
 */
export function buildReceiptView(outcome: SubmitOutcome, locale: Locale, t: Translate, queued: QueuedContext): ReceiptView {
  if (outcome.kind === 'queued') {
    return {
      heading: t('receipt.queuedHeading'),
      intro: t('receipt.queuedIntro'),
      rows: [
        { id: 'localReference', label: t('receipt.localReference'), lines: [outcome.localReference] },
        { id: 'savedAt', label: t('receipt.savedAt'), lines: [formatBerlinDateTime(outcome.queuedAt, locale)] },
        { id: 'service', label: t('receipt.service'), lines: [queued.serviceName] },
        documentsRow(queued.documents, t),
      ],
      nextSteps: t('receipt.queuedNextSteps'),
      statusPath: null,
    };
  }

  const { receipt } = outcome;
  return {
    heading: t('receipt.heading'),
    intro: t('receipt.intro'),
    rows: [
      { id: 'reference', label: t('receipt.reference'), lines: [receipt.reference] },
      { id: 'accessCode', label: t('receipt.accessCode'), lines: [groupAccessCode(receipt.accessCode)] },
      { id: 'receivedAt', label: t('receipt.receivedAt'), lines: [formatBerlinDateTime(receipt.receivedAt, locale)] },
      { id: 'service', label: t('receipt.service'), lines: [receipt.service.name] },
      // A receipt from a portal before fees were part of it has none.
      ...(receipt.fee ? [{ id: 'fee' as const, label: t('review.fee'), lines: [formatApplicationFee(receipt.fee, locale, t)] }] : []),
      { id: 'authority', label: t('receipt.authority'), lines: [receipt.authority.name, ...receipt.authority.address.split('\n')] },
      documentsRow(receipt.documents, t),
    ],
    nextSteps: receipt.nextSteps,
    statusPath: receipt.statusPath,
  };
}

function documentsRow(documents: { label: string; fileName: string }[], t: Translate): ReceiptRow {
  const lines = documents.map((document) => `${document.label}: ${document.fileName}`);
  return { id: 'documents', label: t('receipt.documents'), lines: lines.length > 0 ? lines : [t('receipt.noDocuments')] };
}
