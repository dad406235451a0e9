// A real SMTP server on 127.0.0.1 (smtp-server) that keeps every message it accepts, for tests of
// the portal's citizen e-mails. It can be stopped and started again on the same port to play an
// SMTP outage.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string | null;
  /** The decoded text/plain part. */
  text: string;
  /** The decoded text/html part. */
  html: string;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private boundPort = 0;

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.boundPort}`;
  }

  /** Starts on a free port the first time, and on the same port after stop(). */
  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push(parseMail(raw, session.envelope.rcptTo.map((recipient) => recipient.address)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => resolve());
    });
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once `count` mails arrived, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`SMTP sink: expected ${count} mails, received ${this.received.length} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.received;
  }
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const headers = unfold(raw.slice(0, headerEnd));
  return {
    to,
    raw,
    messageId: header(headers, 'Message-ID'),
    subject: decodeEncodedWords(header(headers, 'Subject') ?? ''),
    text: part(raw, 'text/plain'),
    html: part(raw, 'text/html'),
  };
}

function unfold(headers: string): string {
  return headers.replace(/\r\n[ \t]+/g, ' ');
}

function header(headers: string, name: string): string | null {
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers);
  return match ? match[1]!.trim() : null;
}

/** Returns the body of the first MIME part with this content type, decoded from quoted-printable or base64. */
function part(raw: string, contentType: string): string {
  const start = raw.search(new RegExp(`Content-Type: ${contentType.replace('/', '\\/')}`, 'i'));
  if (start < 0) return '';
  const partText = raw.slice(start);
  const bodyStart = partText.indexOf('\r\n\r\n');
  const partHeaders = unfold(partText.slice(0, bodyStart));
  const body = partText.slice(bodyStart + 4).split(/\r\n--/)[0]!;

  const encoding = (header(partHeaders, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const character = joined[index]!;
    if (character === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(index + 1, index + 3))) {
      bytes.push(parseInt(joined.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(character, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeEncodedWords(text: string): string {
  return text.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_match, kind: string, content: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(content, 'base64').toString('utf8') : decodeQuotedPrintable(content.replace(/_/g, ' ')));
}
