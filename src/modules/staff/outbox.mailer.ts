import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Logger } from '../../core/logger';

/** One outbox message as it goes out. `messageId` is stable per outbox row, so a resend is recognisable. */
export interface OutboundMail { outboxId: number; to: string; subject: string; text: string; messageId: string }

/** Where outbox messages go: an SMTP relay, or (development without SMTP_URL) the log. */
export interface Mailer {
  readonly kind: 'smtp' | 'log' | 'sms-log';
  send(mail: OutboundMail): Promise<void>;
  close(): void;
}

/** Bounds on one SMTP conversation, well inside the drainer's lease on the rows it sends. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * nodemailer over SMTP_URL: smtp://user:pass@host:587 (STARTTLS when the server offers it;
 * `?requireTLS=true` insists on it) or smtps://…:465 (TLS from the start). User and password are
 * URL-decoded. One connection per message: the outbox is low volume, and nothing stays open between polls.
 */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    const u = new URL(smtpUrl);
    const secure = u.protocol === 'smtps:';
    this.transport = nodemailer.createTransport({
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: Number(u.port || (secure ? 465 : 587)),
      secure,
      requireTLS: u.searchParams.get('requireTLS') === 'true',
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      ...SMTP_TIMEOUTS,
    });
  }

  async send(mail: OutboundMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId,
      headers: { 'X-UDX-Outbox-Id': String(mail.outboxId) },
    });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Long random tokens (activation tokens, secrets) and `token: …`-style values replaced by `replacement`:
 * as the info-level log shows a message, and as its stored body keeps it once it has left (see below).
 */
export function redactSecrets(text: string, replacement = '[redacted]'): string {
  return text
    .replace(/\b(token|secret|password)([ \t]*:[ \t]*)[^\s"<]{6,}/gi, (_m, k: string, sep: string) => `${k}${sep}${replacement}`)
    .replace(/[A-Za-z0-9_-]{32,}/g, () => replacement);
}

/** What a sent message's stored body says in place of its secret (the activation token). */
export const SENT_REDACTION = '[sent; link redacted]';
/** What a dead letter's stored body says in place of its secret: the link never arrived and is not kept. */
export const DEAD_LETTER_REDACTION = '[not delivered; link redacted]';

/**
 * Development without SMTP_URL: the message is written to the log instead of sent. At info level the
 * secret parts (the activation token) are redacted; the whole message is at debug level only.
 */
export class LogMailer implements Mailer {
  readonly kind = 'log';
  constructor(private readonly log: Logger) {}

  async send(mail: OutboundMail): Promise<void> {
    const meta = { outbox: mail.outboxId, to: mail.to, subject: mail.subject };
    this.log.info(meta, `outbox (development, not sent; secrets redacted, LOG_LEVEL=debug shows them):\n${redactSecrets(mail.text)}`);
    this.log.debug(meta, `outbox message in full (development):\n${mail.text}`);
  }

  close(): void { /* nothing held */ }
}

/** What a sent (or dead) SMS's stored body says in place of its one-time code. */
export const CODE_REDACTION = '[code redacted]';

/** One-time codes (runs of 6 digits) replaced: the stored body of an SMS once it has left. */
export function redactCodes(text: string): string {
  return text.replace(/\b\d{6}\b/g, CODE_REDACTION);
}

/**
 * Development only: SMS rows (the PwD's sign-in codes) written to the log instead of sent, since no SMS
 * gateway is integrated. Never the mobile number, at any level (logs carry no personal data); the
 * message text, which holds the code, at debug level only.
 */
export class LogSmsSender implements Mailer {
  readonly kind = 'sms-log';
  constructor(private readonly log: Logger) {}

  async send(mail: OutboundMail): Promise<void> {
    this.log.info({ outbox: mail.outboxId, channel: 'SMS' }, `SMS (development, not sent; the code is redacted, LOG_LEVEL=debug shows it): ${redactCodes(mail.text)}`);
    this.log.debug({ outbox: mail.outboxId, channel: 'SMS' }, `SMS in full (development): ${mail.text}`);
  }

  close(): void { /* nothing held */ }
}
