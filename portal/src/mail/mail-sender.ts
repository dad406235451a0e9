// Delivers the mail outbox over SMTP. One loop per portal process picks the due rows, sends each
// with its stored Message-ID and marks it sent once the server accepted it. A failed attempt is
// retried with exponential backoff, so an SMTP outage delays e-mails but loses none.
// NOTE: a crash between the server's acceptance and marking the row sent delivers that e-mail a
// second time on restart (at-least-once). The stable Message-ID lets mail clients drop the copy.
// With several portal instances each runs this loop, so the scale-out store must claim rows
// (SELECT … FOR UPDATE SKIP LOCKED) before this is safe there.
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { OutboxMail, PortalStore } from '../store/store.ts';

export interface MailSenderOptions {
  store: PortalStore;
  transport: Transporter;
  from: string;
  log: FastifyBaseLogger;
  /** Delay before the first retry; it doubles per failed attempt up to maxRetryMs. */
  retryBaseMs: number;
  maxRetryMs?: number;
  /** How often the loop looks for due e-mails between calls to kick(). */
  pollIntervalMs?: number;
  batchSize?: number;
  now?: () => Date;
}

/** Creates an SMTP transport for a URL such as smtp://127.0.0.1:2525 or smtps://user:password@host. */
export function createSmtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export class MailSender {
  private readonly options: Required<Omit<MailSenderOptions, 'now'>> & { now: () => Date };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private runAgain = false;
  private stopped = false;

  constructor(options: MailSenderOptions) {
    this.options = { maxRetryMs: 60 * 60_000, pollIntervalMs: 5_000, batchSize: 20, now: () => new Date(), ...options };
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Looks for due e-mails now, e.g. right after a status change committed. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'mail outbox: delivery run failed'))
      .finally(() => {
        this.running = null;
        if (this.runAgain) {
          this.runAgain = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.options.transport.close();
  }

  private async drain(): Promise<void> {
    const { store, batchSize } = this.options;
    for (;;) {
      const due = await store.listDueMails(this.options.now().toISOString(), batchSize);
      for (const mail of due) {
        if (this.stopped) return;
        await this.deliver(mail);
      }
      if (due.length < batchSize) return;
    }
  }

  private async deliver(mail: OutboxMail): Promise<void> {
    const { store, transport, log } = this.options;
    try {
      await transport.sendMail({
        from: this.options.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      const delay = Math.min(this.options.retryBaseMs * 2 ** (attempts - 1), this.options.maxRetryMs);
      const nextAttemptAt = new Date(this.options.now().getTime() + delay).toISOString();
      const reason = smtpReason(error);
      await store.markMailFailed(mail.id, reason, nextAttemptAt);
      log.warn({ mailId: mail.id, applicationId: mail.applicationId, attempts, reason, nextAttemptAt }, 'mail delivery failed; will retry');
      return;
    }

    await store.markMailSent(mail.id, this.options.now().toISOString());
    log.info({ mailId: mail.id, applicationId: mail.applicationId, kind: mail.kind }, 'mail sent');
  }
}

/**
 * Returns a short reason for logs and the outbox row. nodemailer's messages can quote the recipient
 * address, so only the error code and the SMTP reply code are kept.
 */
function smtpReason(error: unknown): string {
  const details = error as { code?: string; responseCode?: number; name?: string };
  const parts = [details.code ?? details.name ?? 'Error', details.responseCode ? `SMTP ${details.responseCode}` : ''];
  return parts.filter(Boolean).join(' ');
}
