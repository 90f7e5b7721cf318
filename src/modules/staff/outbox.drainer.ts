import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { toDbDateTime } from '../../core/db/columns';
import { OutboxChannel, OutboxMessageEntity, OutboxStatus } from './staff.entity';
import { DEAD_LETTER_REDACTION, Mailer, redactCodes, redactSecrets, SENT_REDACTION } from './outbox.mailer';

export interface DrainerOptions {
  /** Poll interval (MAIL_POLL_MS). */
  pollMs: number;
  /** Attempts before DEAD_LETTER (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Domain of the Message-ID (MAIL_FROM's). */
  messageIdDomain: string;
  /** Rows claimed per pass. */
  batch?: number;
  /** How long a claim holds; no send starts in its second half, so a claim never lapses mid-send. */
  leaseMs?: number;
  /** First retry after this long, doubling per attempt up to backoffMaxMs (±20 % jitter). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /**
   * Who sends SMS rows (the PwD's sign-in codes): the development log (LogSmsSender) or nothing. No SMS
   * gateway is integrated, so elsewhere SMS rows wait PENDING in the table; they are never given to the mailer.
   */
  sms?: Mailer | null;
}

const PENDING = OutboxStatus.PENDING;

/**
 * Delivers the outbox (outbox_message), on any number of replicas and across restarts.
 *
 * Claiming: a pass selects due PENDING rows, then claims them with one conditional UPDATE
 * (`claimed_by = <this pass>, claim_until = now + lease … WHERE id IN (…) AND status = PENDING AND
 * (claim_until IS NULL OR claim_until < now)`) and reads back the rows it owns. The UPDATE is atomic per
 * row on MariaDB (row locks; a concurrent claimer re-evaluates the condition after the lock) and SQLite
 * (one writer at a time), so two drainers never own one row. A drainer that stops or crashes leaves its
 * claims to lapse; another (or it, restarted) takes them after the lease.
 *
 * Delivery is at-least-once: a crash after the SMTP server accepted a message and before the row is
 * marked SENT sends it again once the claim lapses. Every attempt of one row carries the same Message-ID
 * (`<outbox.<id>.<created ms>@<MAIL_FROM domain>>`) and an X-UDX-Outbox-Id header, so a duplicate is
 * recognisable (and dropped by mail systems that deduplicate on Message-ID). Nothing is lost: a row stays
 * PENDING until a send succeeds or its last attempt fails (DEAD_LETTER, visible to staff: outboxMessages).
 *
 * Secrets at rest: the UPDATE that marks a row SENT (or DEAD_LETTER) also rewrites its body with the
 * activation token replaced (SENT_REDACTION, DEAD_LETTER_REDACTION), so the table holds a link only while
 * it may still be sent. A crash between the relay's acceptance and that UPDATE resends the original.
 *
 * Channels: each row goes to the sender of its channel only (EMAIL → the mailer, SMS → opts.sms); a pass
 * selects only rows of channels that have a sender, so an SMS is never handed to the SMTP relay, and rows
 * of a channel without one wait PENDING (not attempted, not dead-lettered). A sent SMS keeps no code.
 */
export class OutboxDrainer {
  private readonly instance = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly batch: number;
  private readonly leaseMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private round = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopping = false;
  private readonly senders: Map<string, Mailer>;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly mailer: Mailer | null,
    private readonly opts: DrainerOptions,
  ) {
    this.batch = opts.batch ?? 20;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.backoffBaseMs = opts.backoffBaseMs ?? 30_000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 3_600_000;
    this.senders = new Map();
    if (mailer) this.senders.set(OutboxChannel.EMAIL, mailer);
    if (opts.sms) this.senders.set(OutboxChannel.SMS, opts.sms);
  }

  /** Whether email is delivered at all (SMTP_URL set, or the development log). */
  get enabled(): boolean {
    return this.mailer !== null;
  }

  start(): void {
    if (!this.senders.size || this.started) return;
    this.started = true;
    this.log.info({ mailer: this.mailer?.kind ?? 'none', sms: this.opts.sms?.kind ?? 'none', pollMs: this.opts.pollMs, instance: this.instance }, 'outbox drainer started');
    this.schedule(0);
  }

  /** New messages were committed (or one was retried): a pass now rather than at the next poll. */
  wake(): void {
    if (!this.started || this.stopping) return;
    if (this.running) { this.again = true; return; }
    this.schedule(0);
  }

  /** Stops polling, lets the message being sent finish, releases the claims not started, closes the mailer. */
  async stop(): Promise<void> {
    if (!this.started || this.stopping) return;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    for (const sender of this.senders.values()) sender.close();
  }

  private schedule(ms: number): void {
    if (this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; this.pass(); }, ms);
    this.timer.unref();
  }

  private pass(): void {
    if (this.running || this.stopping) return;
    this.running = this.drainOnce()
      .then((handled) => (handled >= this.batch ? 0 : this.opts.pollMs))
      .catch((err) => { this.log.warn({ err }, 'outbox pass failed; retrying at the next poll'); return this.opts.pollMs; })
      .then((next) => {
        this.running = null;
        const now = this.again;
        this.again = false;
        this.schedule(now ? 0 : next);
      });
  }

  /** One pass: claim what is due, send it, record each outcome. Returns how many rows it claimed. */
  async drainOnce(): Promise<number> {
    if (!this.senders.size) return 0;
    const channels = [...this.senders.keys()];
    const claimedAt = this.clock.nowMs();
    const token = `${this.instance}:${++this.round}`;
    const now = toDbDateTime(new Date(claimedAt));
    const due: { id: number | string }[] = await this.ds.query(
      `SELECT id FROM outbox_message WHERE status = ? AND channel IN (${channels.map(() => '?').join(',')}) AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         AND (claim_until IS NULL OR claim_until < ?) ORDER BY id LIMIT ${this.batch}`,
      [PENDING, ...channels, now, now],
    );
    if (!due.length) return 0;
    await this.ds.createQueryBuilder().update(OutboxMessageEntity)
      .set({ claimedBy: token, claimUntil: new Date(claimedAt + this.leaseMs) })
      .where('id IN (:...ids) AND status = :pending AND (claim_until IS NULL OR claim_until < :now)', { ids: due.map((r) => Number(r.id)), pending: PENDING, now })
      .execute();
    const mine = await this.ds.getRepository(OutboxMessageEntity).find({ where: { claimedBy: token, status: PENDING }, order: { id: 'ASC' } });
    for (const msg of mine) {
      if (this.stopping || this.clock.nowMs() - claimedAt > this.leaseMs / 2) break;
      await this.deliver(msg, token);
    }
    await this.ds.createQueryBuilder().update(OutboxMessageEntity).set({ claimedBy: null, claimUntil: null })
      .where('claimed_by = :token AND status = :pending', { token, pending: PENDING }).execute();
    return mine.length;
  }

  private async deliver(msg: OutboxMessageEntity, token: string): Promise<void> {
    const attempts = msg.attempts + 1;
    const sender = this.senders.get(msg.channel);
    // Claimed by channel above; a row whose channel has no sender is left as it is, never given to another.
    if (!sender) return;
    try {
      await sender.send({ outboxId: msg.id, to: msg.recipient, subject: msg.subject, text: msg.body, messageId: this.messageId(msg) });
    } catch (err) {
      await this.failed(msg, token, attempts, err as Error & { responseCode?: number; code?: string });
      return;
    }
    const at = this.clock.now();
    await this.ds.createQueryBuilder().update(OutboxMessageEntity)
      .set({ status: OutboxStatus.SENT, sentAt: at, attempts, lastError: null, nextAttemptAt: null, claimedBy: null, claimUntil: null, body: this.redacted(msg, SENT_REDACTION) })
      .where('id = :id AND claimed_by = :token', { id: msg.id, token }).execute();
    this.log.info({ outbox: msg.id, channel: msg.channel, attempts, mailer: sender.kind }, 'outbox message sent');
  }

  private async failed(msg: OutboxMessageEntity, token: string, attempts: number, err: Error & { responseCode?: number; code?: string }) {
    const at = this.clock.now();
    const lastError = `${err.responseCode ?? err.code ?? 'ERROR'}: ${err.message}`.replace(/\s+/g, ' ').slice(0, 500);
    const dead = attempts >= this.opts.maxAttempts;
    const delay = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** (attempts - 1)) * (0.8 + 0.4 * Math.random());
    await this.ds.createQueryBuilder().update(OutboxMessageEntity)
      .set(dead
        ? { status: OutboxStatus.DEAD_LETTER, deadLetteredAt: at, attempts, lastError, nextAttemptAt: null, claimedBy: null, claimUntil: null, body: this.redacted(msg, DEAD_LETTER_REDACTION) }
        : { attempts, lastError, nextAttemptAt: new Date(at.getTime() + Math.round(delay)), claimedBy: null, claimUntil: null })
      .where('id = :id AND claimed_by = :token', { id: msg.id, token }).execute();
    if (dead) this.log.error({ outbox: msg.id, attempts, lastError }, 'outbox message undeliverable: dead letter (retryOutboxMessage sends it again; an activation link is sent afresh with resendActivationLink)');
    else this.log.warn({ outbox: msg.id, attempts, lastError, retryInMs: Math.round(delay) }, 'outbox message not sent; will retry');
  }

  /** The body as kept once the message has left (or never will): no activation token, no sign-in code. */
  private redacted(msg: OutboxMessageEntity, replacement: string): string {
    return msg.channel === OutboxChannel.SMS ? redactCodes(msg.body) : redactSecrets(msg.body, replacement);
  }

  /** The same for every attempt of one row, on every replica. */
  private messageId(msg: OutboxMessageEntity): string {
    return `<outbox.${msg.id}.${msg.createdAt.getTime()}@${this.opts.messageIdDomain}>`;
  }
}
