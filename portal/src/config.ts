// Portal configuration from command-line options, then environment variables, then defaults.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface PortalConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  bodyLimitBytes: number;
  /** Load the demo region into an empty database on first start. */
  seedDemoData: boolean;
}

export const USAGE = `Usage: npm run portal -- [options]

Options (each also settable by the environment variable in brackets):
  --port <number>       TCP port to listen on [PORTAL_PORT] (default 8080; 0 picks a free port)
  --host <address>      address to bind [PORTAL_HOST] (default 127.0.0.1)
  --data <dir>          data folder with the SQLite database and secrets [PORTAL_DATA_DIR] (default ./data)
  --log-level <level>   pino level: fatal, error, warn, info, debug [PORTAL_LOG_LEVEL] (default info)
  --body-limit-mb <n>   largest request body in MiB, attachments included [PORTAL_BODY_LIMIT_MB] (default 60)
  --no-demo-data        do not load the demo region into an empty database [PORTAL_DEMO_DATA=false]
  --help                show this text`;

export class ConfigError extends Error {}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): PortalConfig | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'log-level': { type: 'string' },
      'body-limit-mb': { type: 'string' },
      'no-demo-data': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';

  const port = integer('--port / PORTAL_PORT', values.port ?? env.PORTAL_PORT ?? '8080', 0, 65535);
  const bodyLimitMb = integer('--body-limit-mb / PORTAL_BODY_LIMIT_MB', values['body-limit-mb'] ?? env.PORTAL_BODY_LIMIT_MB ?? '60', 1, 1024);
  const logLevel = values['log-level'] ?? env.PORTAL_LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`Invalid log level ${JSON.stringify(logLevel)}; expected fatal, error, warn, info, debug, trace or silent.`);
  }

  return {
    port,
    host: values.host ?? env.PORTAL_HOST ?? '127.0.0.1',
    dataDir: resolve(values.data ?? env.PORTAL_DATA_DIR ?? 'data'),
    logLevel,
    bodyLimitBytes: bodyLimitMb * 1024 * 1024,
    seedDemoData: !(values['no-demo-data'] ?? env.PORTAL_DEMO_DATA === 'false'),
  };
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`Invalid ${name} ${JSON.stringify(text)}; expected a whole number from ${min} to ${max}.`);
  }
  return value;
}
