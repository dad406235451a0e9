// Portal configuration from command-line options, then environment variables, then defaults.
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';

export interface PortalConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  bodyLimitBytes: number;
  /** Load the demo region into an empty database on first start. */
  seedDemoData: boolean;
  /** Outgoing mail server, e.g. smtp://127.0.0.1:2525; without it, e-mails stay in the outbox. */
  smtpUrl?: string | null;
  /** Sender address of the citizen e-mails. */
  mailFrom?: string;
  /** First retry delay after a failed delivery; it doubles per attempt up to one hour. */
  mailRetryBaseSeconds?: number;
  /** Address citizens use to reach the portal, for links in e-mails and the FIT-Connect export. */
  publicUrl?: string | null;
  /** Folder with the built citizen web pages (`vite build -c vite.web.config.ts`). */
  webDir?: string;
  /**
   * Addresses (IP or CIDR, or loopback, linklocal, uniquelocal) of reverse proxies whose
   * X-Forwarded-For header names the client. Empty: the TCP peer is the client.
   */
  trustedProxies?: string[];
}

export const DEFAULT_MAIL_FROM = 'Bürgerservice <noreply@antragsdesk.invalid>';
export const DEFAULT_WEB_DIR = resolve(import.meta.dirname, '../../out/web');

export const USAGE = `Usage: npm run portal -- [options]

Options (each also settable by the environment variable in brackets):
  --port <number>       TCP port to listen on [PORTAL_PORT] (default 8080; 0 picks a free port)
  --host <address>      address to bind [PORTAL_HOST] (default 127.0.0.1)
  --data <dir>          data folder with the SQLite database and secrets [PORTAL_DATA_DIR] (default ./data)
  --log-level <level>   pino level: fatal, error, warn, info, debug [PORTAL_LOG_LEVEL] (default info)
  --body-limit-mb <n>   largest request body in MiB, attachments included [PORTAL_BODY_LIMIT_MB] (default 60)
  --no-demo-data        do not load the demo region into an empty database [PORTAL_DEMO_DATA=false]
  --smtp-url <url>      mail server for citizen e-mails, e.g. smtp://127.0.0.1:2525 or
                        smtps://user:pass@mail.example.de [PORTAL_SMTP_URL] (default none: e-mails stay queued)
  --mail-from <address> sender of citizen e-mails [PORTAL_MAIL_FROM] (default ${DEFAULT_MAIL_FROM})
  --mail-retry-base-seconds <n>
                        delay before the first retry of a failed e-mail; doubles up to one hour
                        [PORTAL_MAIL_RETRY_BASE_SECONDS] (default 30)
  --public-url <url>    address citizens use, e.g. https://buergerservice.example.de [PORTAL_PUBLIC_URL]
                        (default: the address the portal listens on)
  --web-dir <dir>       built citizen web pages [PORTAL_WEB_DIR] (default out/web of this checkout)
  --trust-proxy <list>  comma-separated addresses of reverse proxies in front of the portal, e.g.
                        127.0.0.1 or 10.0.0.0/8 or loopback; their X-Forwarded-For header then names
                        the client for the rate limits [PORTAL_TRUST_PROXY] (default none)
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
      'smtp-url': { type: 'string' },
      'mail-from': { type: 'string' },
      'mail-retry-base-seconds': { type: 'string' },
      'public-url': { type: 'string' },
      'web-dir': { type: 'string' },
      'trust-proxy': { type: 'string' },
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

  const smtpUrl = values['smtp-url'] ?? env.PORTAL_SMTP_URL ?? null;
  if (smtpUrl !== null) url('--smtp-url / PORTAL_SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
  const publicUrl = values['public-url'] ?? env.PORTAL_PUBLIC_URL ?? null;
  if (publicUrl !== null) url('--public-url / PORTAL_PUBLIC_URL', publicUrl, ['http:', 'https:']);
  const mailFrom = values['mail-from'] ?? env.PORTAL_MAIL_FROM ?? DEFAULT_MAIL_FROM;
  if (!/@[^@\s>]+\.[^@\s>]+>?$/.test(mailFrom)) {
    throw new ConfigError(`Invalid --mail-from / PORTAL_MAIL_FROM ${JSON.stringify(mailFrom)}; expected an address like "Bürgerservice <noreply@stadt.example>".`);
  }

  return {
    port,
    host: values.host ?? env.PORTAL_HOST ?? '127.0.0.1',
    dataDir: resolve(values.data ?? env.PORTAL_DATA_DIR ?? 'data'),
    logLevel,
    bodyLimitBytes: bodyLimitMb * 1024 * 1024,
    seedDemoData: !(values['no-demo-data'] ?? env.PORTAL_DEMO_DATA === 'false'),
    smtpUrl,
    mailFrom,
    mailRetryBaseSeconds: integer('--mail-retry-base-seconds / PORTAL_MAIL_RETRY_BASE_SECONDS', values['mail-retry-base-seconds'] ?? env.PORTAL_MAIL_RETRY_BASE_SECONDS ?? '30', 1, 3600),
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? null,
    webDir: resolve(values['web-dir'] ?? env.PORTAL_WEB_DIR ?? DEFAULT_WEB_DIR),
    trustedProxies: proxyList(values['trust-proxy'] ?? env.PORTAL_TRUST_PROXY ?? ''),
  };
}

// The names proxy-addr (Fastify's trustProxy) accepts for address ranges.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Parses the list of trusted reverse proxies; each entry is an IP address, a CIDR or a range name. */
function proxyList(text: string): string[] {
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const maxBits = isIP(address) === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    const valid = PROXY_RANGE_NAMES.has(entry) || (isIP(address) !== 0 && validBits && extra === undefined);
    if (!valid) {
      throw new ConfigError(`Invalid --trust-proxy / PORTAL_TRUST_PROXY entry ${JSON.stringify(entry)}; expected an IP address, a CIDR such as 10.0.0.0/8, or loopback, linklocal, uniquelocal.`);
    }
  }
  return entries;
}

function url(name: string, text: string, protocols: string[]): void {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`Invalid ${name}: ${JSON.stringify(redactPassword(text))} is not a URL.`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`Invalid ${name}: the URL must start with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}.`);
  }
}

/** Replaces the password of a URL, so that a mistyped SMTP URL can be printed in an error. */
export function redactPassword(text: string): string {
  return text.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`Invalid ${name} ${JSON.stringify(text)}; expected a whole number from ${min} to ${max}.`);
  }
  return value;
}
