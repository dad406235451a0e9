// Starts a portal: opens the store, loads the demo data into a new database, builds the server.
// Used by the command line, the tests and the benchmarks.
import type { FastifyInstance } from 'fastify';
import type { PortalConfig } from './config.ts';
import { ChangeNotifier, createLimits, type PortalContext } from './context.ts';
import { createFormValidator } from './intake/form-validation.ts';
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
    now: () => new Date(),
    version: PORTAL_VERSION,
  };

  const app = await buildServer(context, { logLevel: config.logLevel, bodyLimitBytes: config.bodyLimitBytes, extensions });
  await app.listen({ port: config.port, host: config.host });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  app.log.info({ port, host: config.host, store: store.description, seeded: store.created && config.seedDemoData }, 'portal started');

  return {
    app,
    context,
    url: `http://${host}:${port}`,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
