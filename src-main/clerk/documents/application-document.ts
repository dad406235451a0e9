// German HTML document of one application for "Als PDF speichern": header data, form contents,
// attachments and history. The shell prints it with printToPDF. Internal notes are included,
// because the document is for the file (Akte), not for the applicant. Every value is escaped.
import type { Application, ClerkUser, HistoryEntry } from '../../../src-shared/api.ts';
import type { Authority, Service } from '../../../src-shared/catalog.ts';
import { formatDateDe, formatDateTimeDe } from '../../../src-shared/dates.ts';
import { CHANNEL_LABELS_DE } from '../../../src-shared/domain.ts';
import { STATUS_LABELS_DE } from '../../../src-shared/status.ts';

export interface ApplicationDocumentContext {
  service: Service | null;
  authorities: readonly Authority[];
  users: readonly ClerkUser[];
  /** Time of printing, shown in the footer. */
  printedAt: Date;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Renders the application as a complete HTML page with inline styles and no scripts. */
export function renderApplicationDocument(application: Application, context: ApplicationDocumentContext): string {
  const authorityName = (id: string) => context.authorities.find((authority) => authority.id === id)?.name ?? id;
  const userName = (id: string | null) => {
    if (id === null) return 'nicht zugewiesen';
    if (id === 'citizen') return 'Antragsteller:in';
    if (id === 'system') return 'System';
    return context.users.find((user) => user.id === id)?.displayName ?? id;
  };

  const facts: [string, string][] = [
    ['Aktenzeichen', application.reference],
    ['Leistung', `${application.serviceName} (Formularversion ${application.serviceVersion})`],
    ['Behörde', authorityName(application.authorityId)],
    ['Status', STATUS_LABELS_DE[application.status]],
    ['Eingangskanal', CHANNEL_LABELS_DE[application.channel]],
    ['Eingegangen am', formatDateTimeDe(application.receivedAt)],
    ['Frist', formatDateDe(application.deadline)],
    ['Antragsteller:in', application.applicantName],
    ['E-Mail', application.applicantEmail ?? '–'],
    ['Zuständig', userName(application.assigneeId)],
    ['Wiedervorlage', application.followUp ? formatDateDe(application.followUp) : '–'],
  ];

  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Antrag ${escapeHtml(application.reference)}</title>
<style>
  body { font-family: "Fira Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0; }
  h1 { font-size: 16pt; margin: 0 0 4mm; }
  h2 { font-size: 12pt; margin: 7mm 0 2mm; border-bottom: 0.3mm solid #555; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 1mm 2mm 1mm 0; }
  th { width: 45mm; font-weight: 600; }
  .entry { margin: 0 0 2mm; }
  .meta { color: #444; font-size: 9pt; }
  footer { margin-top: 8mm; color: #444; font-size: 8.5pt; }
</style>
</head>
<body>
<h1>Antrag ${escapeHtml(application.reference)}</h1>
<table>${facts.map(([label, value]) => row(label, value)).join('')}</table>
<h2>Angaben im Formular</h2>
<table>${formRows(application.formData, context.service).join('') || row('–', 'keine Angaben')}</table>
<h2>Anlagen</h2>
${attachmentList(application)}
<h2>Verlauf</h2>
${application.history.map((entry) => historyEntry(entry, userName, authorityName)).join('\n') || '<p>Kein Eintrag.</p>'}
<footer>Gedruckt am ${escapeHtml(formatDateTimeDe(context.printedAt))} aus Antragsdesk, Stand Version ${application.version}.</footer>
</body>
</html>
`;
}

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

/** Flattens the form data to dotted paths; labels come from the service's UI hints where known. */
function formRows(formData: Record<string, unknown>, service: Service | null): string[] {
  const labels = fieldLabels(service);
  const rows: string[] = [];

  function walk(value: unknown, path: string): void {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    rows.push(row(labels.get(path) ?? path, formatValue(value)));
  }

  walk(formData, '');
  return rows;
}

function fieldLabels(service: Service | null): Map<string, string> {
  const labels = new Map<string, string>();
  for (const field of service?.uiHints.fields ?? []) labels.set(field.path, field.label);
  return labels;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateDe(value);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return String(value);
}

function attachmentList(application: Application): string {
  if (application.attachments.length === 0) return '<p>Keine Anlagen.</p>';
  const items = application.attachments.map(
    (attachment) => `<li>${escapeHtml(attachment.fileName)} <span class="meta">(${escapeHtml(attachment.mediaType)}, ${Math.ceil(attachment.size / 1024)} KB)</span></li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

function historyEntry(entry: HistoryEntry, userName: (id: string | null) => string, authorityName: (id: string) => string): string {
  const meta = `<div class="meta">${escapeHtml(formatDateTimeDe(entry.at))} · ${escapeHtml(userName(entry.actorId))}</div>`;
  return `<div class="entry">${meta}${escapeHtml(historyText(entry, userName, authorityName))}</div>`;
}

function historyText(entry: HistoryEntry, userName: (id: string | null) => string, authorityName: (id: string) => string): string {
  switch (entry.kind) {
    case 'status': {
      const parts = [`Status: ${STATUS_LABELS_DE[entry.status]}.`, entry.citizenText];
      if (entry.decision) parts.push(`Bescheid: ${entry.decision.text}`);
      if (entry.decision?.reasons) parts.push(`Begründung: ${entry.decision.reasons}`);
      if (entry.internalNote) parts.push(`Vermerk: ${entry.internalNote}`);
      return parts.join(' ');
    }
    case 'message':
      return `${entry.direction === 'to_citizen' ? 'Nachricht an Antragsteller:in' : 'Nachricht von Antragsteller:in'}: ${entry.text}`;
    case 'note':
      return `Vermerk: ${entry.text}`;
    case 'forwarding':
      return `Weitergeleitet von ${authorityName(entry.fromAuthorityId)} an ${authorityName(entry.toAuthorityId)}. Grund: ${entry.reason}`;
    case 'assignment':
      return `Zugewiesen an ${userName(entry.assigneeId)}.`;
    case 'follow_up':
      return entry.date ? `Wiedervorlage am ${formatDateDe(entry.date)}.` : 'Wiedervorlage entfernt.';
  }
}
