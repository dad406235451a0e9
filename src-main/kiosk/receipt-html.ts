// The printed receipt (Eingangsbestätigung) as a self-contained HTML page for an 80 mm thermal
// roll or an A4 sheet. It carries as little personal data as possible: no name, no address, no
// form content, and document labels without file names (a file name often contains a name).
import QRCode from 'qrcode';
import type { Receipt } from '../../src-shared/index.ts';
import { formatApplicationFeeDe } from '../../src-shared/fees.ts';
import { formatDateTimeDe } from '../../src-shared/dates.ts';
import type { SubmitOutcome } from '../../src-shared/ipc/kiosk.ts';

export type ReceiptPaper = 'roll80mm' | 'a4';

export interface QueuedReceiptContext {
  serviceName: string | null;
  documentLabels: string[];
}

export interface ReceiptPageInput {
  outcome: SubmitOutcome;
  paper: ReceiptPaper;
  portalUrl: string;
  /** Service and documents of a queued application, which has no portal receipt to take them from. */
  queued?: QueuedReceiptContext;
}

/** Formats an instant as it reads on a German document, e.g. 29.03.2026, 03:30 Uhr. */
export function formatReceiptDateTime(instant: string): string {
  return `${formatDateTimeDe(instant)} Uhr`;
}

/** URL of the portal's status page for a reference number; the access code never goes into a URL. */
export function statusPageUrl(portalUrl: string, reference: string): string {
  const url = new URL('/status', portalUrl);
  url.searchParams.set('ref', reference);
  return url.toString();
}

/** Renders the QR code as a PNG data URL; margin and scale are fixed so that tests can read it back. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, scale: 4 } as const;

export async function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { ...QR_OPTIONS, type: 'image/png' });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function groupAccessCode(code: string): string {
  return code.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? code;
}

const STYLES: Record<ReceiptPaper, string> = {
  roll80mm: '@page { size: 80mm auto; margin: 3mm; } body { width: 74mm; font-size: 10pt; } img.qr { width: 40mm; height: 40mm; }',
  a4: '@page { size: A4; margin: 20mm; } body { font-size: 11pt; } img.qr { width: 45mm; height: 45mm; }',
};

const COMMON_STYLE = `
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #000; margin: 0; }
  h1 { font-size: 1.3em; margin: 0 0 0.5em; }
  h2 { font-size: 1.05em; margin: 1em 0 0.3em; }
  dl { margin: 0; }
  dt { font-weight: bold; margin-top: 0.5em; }
  dd { margin: 0; }
  .code { font-family: "DejaVu Sans Mono", monospace; font-size: 1.3em; letter-spacing: 0.05em; }
  ul { margin: 0; padding-left: 1.2em; }
  p { margin: 0.4em 0; }
`;

function row(label: string, valueHtml: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${valueHtml}</dd>`;
}

function documentList(labels: string[]): string {
  if (labels.length === 0) return 'Keine Unterlagen';
  return `<ul>${labels.map((label) => `<li>${escapeHtml(label)}</li>`).join('')}</ul>`;
}

function page(paper: ReceiptPaper, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Eingangsbestätigung</title>
<style>${COMMON_STYLE}${STYLES[paper]}</style>
</head>
<body data-paper="${paper}">
${body}
</body>
</html>
`;
}

async function confirmedBody(receipt: Receipt, portalUrl: string): Promise<string> {
  const statusUrl = statusPageUrl(portalUrl, receipt.reference);
  const qr = await qrCodeDataUrl(statusUrl);
  // The same document type can be handed in twice; the receipt names it once.
  const labels = [...new Set(receipt.documents.map((document) => document.label))];

  return `<h1>Eingangsbestätigung</h1>
<p>Ihr Antrag ist bei der zuständigen Behörde eingegangen.</p>
<dl>
${row('Vorgangsnummer', `<span class="code">${escapeHtml(receipt.reference)}</span>`)}
${row('Zugangscode', `<span class="code">${escapeHtml(groupAccessCode(receipt.accessCode))}</span>`)}
${row('Eingegangen am', escapeHtml(formatReceiptDateTime(receipt.receivedAt)))}
${row('Leistung', escapeHtml(receipt.service.name))}
${receipt.fee ? row('Gebühr', escapeHtml(formatApplicationFeeDe(receipt.fee))) : ''}
${row('Zuständige Behörde', `${escapeHtml(receipt.authority.name)}<br>${receipt.authority.address.split('\n').map(escapeHtml).join('<br>')}`)}
${row('Eingereichte Unterlagen', documentList(labels))}
</dl>
<h2>Wie geht es weiter?</h2>
<p>${escapeHtml(receipt.nextSteps)}</p>
<h2>Stand Ihres Antrags</h2>
<p>Scannen Sie den QR-Code oder öffnen Sie die Statusseite und geben Sie dort Vorgangsnummer und Zugangscode ein:</p>
<p><img class="qr" src="${qr}" alt="QR-Code zur Statusseite"></p>
<p>${escapeHtml(statusUrl)}</p>
<p>Bewahren Sie diesen Beleg gut auf. Den Zugangscode zeigen wir nur einmal an.</p>`;
}

function queuedBody(outcome: Extract<SubmitOutcome, { kind: 'queued' }>, context: QueuedReceiptContext): string {
  return `<h1>Eingangsbestätigung</h1>
<p>Ihr Antrag ist gespeichert und wird übermittelt, sobald die Verbindung zum Portal wieder besteht.</p>
<dl>
${row('Vorläufige Nummer', `<span class="code">${escapeHtml(outcome.localReference)}</span>`)}
${row('Gespeichert am', escapeHtml(formatReceiptDateTime(outcome.queuedAt)))}
${context.serviceName ? row('Leistung', escapeHtml(context.serviceName)) : ''}
${row('Eingereichte Unterlagen', documentList([...new Set(context.documentLabels)]))}
</dl>
<h2>Wie geht es weiter?</h2>
<p>Sie müssen nichts weiter tun. Das Terminal übermittelt Ihren Antrag von selbst. Wenn Sie eine E-Mail-Adresse angegeben haben, bekommen Sie Nachricht von der zuständigen Behörde.</p>
<p>Bei Fragen nennen Sie im Bürgerbüro die vorläufige Nummer.</p>`;
}

/** Builds the receipt page; the text is German whatever language the citizen used on screen. */
export async function renderReceiptHtml(input: ReceiptPageInput): Promise<string> {
  const body = input.outcome.kind === 'receipt'
    ? await confirmedBody(input.outcome.receipt, input.portalUrl)
    : queuedBody(input.outcome, input.queued ?? { serviceName: null, documentLabels: [] });
  return page(input.paper, body);
}
