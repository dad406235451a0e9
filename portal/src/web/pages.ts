// The citizen web pages: the filing app at `/`, the status page at `/status`, their built assets
// under `/assets/`, and the help page at `/hilfe`. These are HTML and files, not API routes, so
// they are registered on fastify directly and stay out of the OpenAPI document.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { escapeHtml } from '../mail/citizen-mails.ts';
import { renderMarkdown } from './markdown.ts';
import { StaticFiles } from './static-files.ts';

export const HELP_PAGE_SOURCE = resolve(import.meta.dirname, '../../../docs/de/buergerinfo.md');

const PAGES: Record<string, string> = { '/': 'web.html', '/status': 'status.html' };

declare module 'fastify' {
  interface FastifyInstance {
    sendCitizenNotFoundPage?: (reply: FastifyReply) => FastifyReply;
  }
}

export async function registerWebPages(app: FastifyInstance, webDir: string): Promise<void> {
  const files = new StaticFiles(webDir);
  const built = files.root !== null && existsSync(join(files.root, 'web.html')) && existsSync(join(files.root, 'status.html'));
  if (!built) {
    app.log.warn({ webDir }, 'citizen web pages are not built; run `npx vite build -c vite.web.config.ts`. `/` and `/status` respond with 503.');
  }
  const stylesheets = built ? stylesheetsOf(readFileSync(join(files.root!, 'status.html'), 'utf8')) : [];

  for (const [url, file] of Object.entries(PAGES)) {
    app.get(url, async (_request, reply) => {
      if (built && (await files.send(reply, file))) return reply;
      return sendPage(reply, 503, stylesheets, 'Seite nicht verfügbar',
        '<p class="kern-body">Diese Seite ist auf dem Server noch nicht eingerichtet. Bitte versuchen Sie es später erneut oder wenden Sie sich an den Bürgerservice.</p>');
    });
  }

  app.get('/assets/*', async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (await files.send(reply, `assets/${path}`)) return reply;
    return sendPage(reply, 404, stylesheets, 'Seite nicht gefunden', '<p class="kern-body">Diese Datei gibt es nicht.</p>');
  });

  // Browsers that ask for a page the portal does not have get a German page with a way back,
  // not the API's problem JSON (see the not-found handler in server.ts).
  app.decorate('sendCitizenNotFoundPage', (reply: FastifyReply) =>
    sendPage(reply, 404, stylesheets, 'Seite nicht gefunden',
      '<p class="kern-body">Diese Seite gibt es nicht. Prüfen Sie die Adresse oder gehen Sie zur <a class="kern-link" href="/">Startseite</a>, zur <a class="kern-link" href="/status">Statusabfrage</a> oder zur <a class="kern-link" href="/hilfe">Hilfe</a>.</p>'));

  // A typed or pasted address with a trailing slash ("/status/") leads to the page, with its query
  // (the e-mails link to /status?ref=…).
  for (const url of ['/status/', '/hilfe/']) {
    app.get(url, async (request, reply) => reply.redirect(request.url.replace(url, url.slice(0, -1)), 301));
  }

  // Browsers ask for this on every page; there is no icon, and a 404 would only fill the logs.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  const help = existsSync(HELP_PAGE_SOURCE) ? renderMarkdown(readFileSync(HELP_PAGE_SOURCE, 'utf8')) : null;
  app.get('/hilfe', async (_request, reply) => {
    if (help === null) return sendPage(reply, 404, stylesheets, 'Hilfe nicht gefunden', '<p class="kern-body">Die Hilfeseite ist nicht installiert.</p>');
    return sendPage(reply, 200, stylesheets, 'Hilfe: Anträge online stellen und Status abfragen', help, { headingInBody: true });
  });
}

/** Extracts the stylesheet links of a built page, so server-rendered pages look like the app pages. */
export function stylesheetsOf(html: string): string[] {
  const links = html.match(/<link\b[^>]*>/g) ?? [];
  return links
    .filter((link) => /\brel="stylesheet"/.test(link))
    .map((link) => /\bhref="([^"]+)"/.exec(link)?.[1])
    .filter((href): href is string => href !== undefined && href.startsWith('/assets/'));
}

function sendPage(reply: FastifyReply, status: number, stylesheets: string[], title: string, body: string, options: { headingInBody?: boolean } = {}): FastifyReply {
  const heading = options.headingInBody ? '' : `<h1 class="kern-heading-large">${escapeHtml(title)}</h1>`;
  const html = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Bürgerservice</title>
${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
</head>
<body>
<header class="kern-container portal-page__header"><p class="kern-body"><a class="kern-link" href="/">Antrag stellen</a> · <a class="kern-link" href="/status">Status abfragen</a> · <a class="kern-link" href="/hilfe">Hilfe</a></p></header>
<main class="kern-container portal-page" id="inhalt">
${heading}
${body}
</main>
</body>
</html>`;
  return reply.code(status).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
}
