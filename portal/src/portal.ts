// Starts a portal: opens the store, loads the demo data into a new database, builds the server.
// Used by the command line, the tests and the benchmarks.
import type { FastifyInstance } from 'fastify';
import { DEFAULT_MAIL_FROM, DEFAULT_WEB_DIR, redactPassword, type PortalConfig } from './config.ts';
import { ChangeNotifier, createLimits, type PortalContext } from './context.ts';
import { createFormValidator } from './intake/form-validation.ts';
import { createSmtpTransport, MailSender } from './mail/mail-sender.ts';
import { loadOrCreateSecrets } from './security/secrets.ts';
import { seedDemoData } from './seed.ts';
import { buildServer, type ServerOptions } from './server.ts';
import { SqliteStore } from './store/sqlite/sqlite-store.ts';

export const PORTAL_VERSION = '0.1.0';

export interface RunningPortal {
  app: FastifyInstance;
  context: PortalContext;
  url: string;
  close(): Promise<void>;
}

export async function startPortal(config: PortalConfig, extensions: ServerOptions['extensions'] = []): Promise<RunningPortal> {
  const store = new SqliteStore(config.dataDir);
  if (store.created && config.seedDemoData) await seedDemoData(store);

  const context: PortalContext = {
    store,
    validator: createFormValidator(),
    secrets: loadOrCreateSecrets(config.dataDir),
    notifier: new ChangeNotifier(),
    limits: createLimits(),
    mail: { from: config.mailFrom ?? DEFAULT_MAIL_FROM, publicUrl: config.publicUrl ?? '', kick: () => {} },
    now: () => new Date(),
    version: PORTAL_VERSION,
  };

  const webDir = config.webDir ?? DEFAULT_WEB_DIR;
  const app = await buildServer(context, {
    logLevel: config.logLevel, bodyLimitBytes: config.bodyLimitBytes, webDir, extensions, trustedProxies: config.trustedProxies,
  });
  await app.listen({ port: config.port, host: config.host });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (!config.publicUrl) context.mail.publicUrl = url;
  app.log.info({ port, host: config.host, store: store.description, seeded: store.created && config.seedDemoData }, 'portal started');

  const mailSender = await startMailSender(config, context, app);

  return {
    app,
    context,
    url,
    close: async () => {
      await app.close();
      await mailSender?.stop();
      await store.close();
    },
  };
}

async function startMailSender(config: PortalConfig, context: PortalContext, app: FastifyInstance): Promise<MailSender | null> {
  const log = app.log.child({ component: 'mail' });
  if (!config.smtpUrl) {
    const unsent = await context.store.countUnsentMails();
    log.warn({ unsent }, 'no SMTP server configured (--smtp-url / PORTAL_SMTP_URL); citizen e-mails stay queued in the outbox');
    return null;
  }

  const sender = new MailSender({
    store: context.store,
    transport: createSmtpTransport(config.smtpUrl),
    from: context.mail.from,
    log,
    retryBaseMs: (config.mailRetryBaseSeconds ?? 30) * 1000,
  });
  context.mail.kick = () => sender.kick();
  sender.start();
  log.info({ smtp: redactPassword(config.smtpUrl) }, 'mail sender started');
  return sender;
}
