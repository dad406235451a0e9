// The German page the shell shows when the machine policy is invalid. It is a self-contained
// data: URL without scripts or remote content, so it works offline and on a locked kiosk.
import type { PolicyError } from './policy-error.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function reasonSentence(error: PolicyError): string {
  const key = error.key ? `„${escapeHtml(error.key)}“` : null;
  switch (error.reason) {
    case 'missing':
      return `Die Einstellung ${key ?? ''} fehlt. Sie muss in einer Richtlinie gesetzt sein.`;
    case 'unreadable':
      return 'Die Richtlinie konnte nicht gelesen werden.';
    case 'invalid':
      return `Die Einstellung ${key ?? ''} hat einen ungültigen Wert.`;
  }
}

export function policyErrorHtml(error: PolicyError): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Antragsdesk kann nicht starten</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
  h1 { font-size: 1.4rem; color: #a4000f; }
  dt { font-weight: bold; margin-top: .5rem; }
  code { font-size: .95rem; word-break: break-all; }
</style>
</head>
<body>
<h1>Antragsdesk kann nicht starten</h1>
<p>${reasonSentence(error)} Die Anwendung wird beendet, damit sie nicht mit falschen Vorgaben arbeitet.</p>
<dl>
  <dt>Einstellung</dt><dd><code>${escapeHtml(error.key ?? '–')}</code></dd>
  <dt>Quelle</dt><dd><code>${escapeHtml(error.source)}</code></dd>
  <dt>Erwartet</dt><dd>${escapeHtml(error.expectedDe)}</dd>
</dl>
<p>Bitte wenden Sie sich an Ihre IT-Abteilung. Für die IT: Die Einstellung an der genannten Quelle korrigieren und die Anwendung neu starten.</p>
</body>
</html>
`;
}

export function policyErrorDataUrl(error: PolicyError): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(policyErrorHtml(error))}`;
}
