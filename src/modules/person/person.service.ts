import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../core/request/context';
import type { BudgetStore } from '../../core/limits/budget.store';
import { secondsToIstMidnight } from '../../core/limits/budget.service';
import { toDbDateTime } from '../../core/db/columns';
import type { PwdService } from '../pwd/pwd.service';
import { OutboxChannel, OutboxService } from '../staff/outbox.service';
import { PersonSessionEntity, PersonSignInEntity } from './person.entity';

/** A code is valid this long. */
export const CODE_TTL_MS = 10 * 60_000;
/** Wrong codes allowed per code; then a new one must be asked for. */
export const CODE_TRIES = 5;
/** A session lasts this long from sign-in (not extended by use). */
export const SESSION_TTL_MS = 15 * 60_000;
/**
 * The rate limits, in the shared counter store (Redis when REDIS_URL is set): codes asked for per UDID
 * and per source IP, and codes checked per source IP, per 15-minute window and per IST day. A UDID's
 * limit counts what was typed, known or not, so it says nothing about whether the UDID exists.
 */
export const WINDOW_MS = 15 * 60_000;
export const PERSON_LIMITS = {
  codesPerUdid: { window: 3, day: 10 },
  codesPerIp: { window: 20, day: 200 },
  checksPerIp: { window: 30, day: 300 },
} as const;
/** Codes and sessions are deleted this long after they expired (data minimisation: they hold UDIDs). */
export const KEEP_EXPIRED_MS = 24 * 3600_000;
/** Every answer to a code request takes at least this long, whether or not a code was sent. */
export const SIGN_IN_FLOOR_MS = 300;

export type CodeCheck =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'WRONG'; triesLeft: number }
  | { ok: false; reason: 'DEAD' };

export interface PersonSession { udid: string; tokenHash: string; expiresAt: Date }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The person's sign-in at /me/record (issue 18): UDID + date of birth → a one-time code by SMS to the
 * registered mobile (through the outbox) → a short session. Nothing in an answer says whether the UDID
 * exists or the date matched: a challenge is created either way, and only a matched one can succeed.
 * Codes and challenges are stored as keyed hashes (HMAC with a key derived from JWT_SECRET: a copy of
 * the table alone cannot be brute-forced over the million codes); session tokens as SHA-256.
 */
export class PersonSignInService {
  private readonly key: Buffer;

  constructor(
    private readonly pwd: Pick<PwdService, 'signInContact'>,
    private readonly outbox: Pick<OutboxService, 'enqueue' | 'deliverSoon'>,
    private readonly counters: Pick<BudgetStore, 'countDaily'>,
    secret: string,
  ) {
    this.key = createHmac('sha256', secret).update('udx-person-sign-in-v1').digest();
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('hex');
  }

  /**
   * Counts one use of `kind` by `subject` in this window and today; null when within the limits, else the
   * seconds until it may be tried again. Counted before the check, atomically, so concurrent requests
   * (on any replica) cannot exceed it.
   */
  async overLimit(ctx: RequestContext, kind: keyof typeof PERSON_LIMITS, subject: string): Promise<number | null> {
    const nowMs = ctx.clock.nowMs();
    const day = ctx.clock.today();
    const window = Math.floor(nowMs / WINDOW_MS);
    const s = this.mac(`limit:${subject}`).slice(0, 32);
    const limit = PERSON_LIMITS[kind];
    const inWindow = await this.counters.countDaily(`me:${kind}:${s}:w${window}`, day, 1);
    const inDay = await this.counters.countDaily(`me:${kind}:${s}`, day, 1);
    if (inDay > limit.day) return secondsToIstMidnight(new Date(nowMs));
    if (inWindow > limit.window) return Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - nowMs) / 1000));
    return null;
  }

  /**
   * A challenge for this UDID and date of birth; when they match a record with a mobile, a code is sent
   * there by SMS (through the outbox, in the same transaction). Returns the challenge for the code form.
   */
  async requestCode(ctx: RequestContext, udid: string, dateOfBirth: string, lang: 'en' | 'hi'): Promise<string> {
    const contact = await this.pwd.signInContact(ctx, udid, dateOfBirth);
    const challenge = randomBytes(32).toString('base64url');
    const challengeHash = this.mac(`challenge:${challenge}`);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      await m.insert(PersonSignInEntity, {
        challengeHash, udid: contact ? udid : null, codeHash: this.mac(`code:${challengeHash}:${code}`), attempts: 0,
        createdAt: now, expiresAt: new Date(now.getTime() + CODE_TTL_MS), usedAt: null,
      });
      if (contact) {
        await this.outbox.enqueue(m, { channel: OutboxChannel.SMS, recipient: contact.mobile, subject: 'UDID Exchange sign-in code', body: smsText(code, lang), at: now });
      }
    });
    if (contact) this.outbox.deliverSoon();
    await this.prune(ctx);
    return challenge;
  }

  /** Deletes codes and sessions that expired more than KEEP_EXPIRED_MS ago (by the expires_at indexes). */
  private async prune(ctx: RequestContext): Promise<void> {
    const cutoff = toDbDateTime(new Date(ctx.clock.nowMs() - KEEP_EXPIRED_MS));
    const db = ctx.db.primary;
    await db.createQueryBuilder().delete().from(PersonSignInEntity).where('expires_at < :cutoff', { cutoff }).execute();
    await db.createQueryBuilder().delete().from(PersonSessionEntity).where('expires_at < :cutoff', { cutoff }).execute();
  }

  /**
   * One try of a code: counted first (atomically, so at most CODE_TRIES per code on any number of
   * replicas), then compared in constant time. A correct code for a matched challenge is used up and opens a session.
   */
  async checkCode(ctx: RequestContext, challenge: string, code: string): Promise<CodeCheck> {
    const challengeHash = this.mac(`challenge:${challenge}`);
    const db = ctx.db.primary;
    const now = ctx.clock.now();
    const row = await db.getRepository(PersonSignInEntity).findOneBy({ challengeHash });
    if (!row) return { ok: false, reason: 'DEAD' };
    const counted = await db.createQueryBuilder().update(PersonSignInEntity).set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :tries AND used_at IS NULL AND expires_at > :now', { id: row.id, tries: CODE_TRIES, now: toDbDateTime(now) })
      .execute();
    if (!counted.affected) return { ok: false, reason: 'DEAD' };
    const expected = Buffer.from(row.codeHash, 'hex');
    const given = Buffer.from(this.mac(`code:${challengeHash}:${code}`), 'hex');
    const matches = timingSafeEqual(expected, given);
    if (!matches || !row.udid) {
      const triesLeft = CODE_TRIES - (row.attempts + 1);
      return triesLeft > 0 ? { ok: false, reason: 'WRONG', triesLeft } : { ok: false, reason: 'DEAD' };
    }
    const used = await db.createQueryBuilder().update(PersonSignInEntity).set({ usedAt: now })
      .where('id = :id AND used_at IS NULL', { id: row.id }).execute();
    if (!used.affected) return { ok: false, reason: 'DEAD' };
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await db.getRepository(PersonSessionEntity).insert({ tokenHash: sha256(token), udid: row.udid, createdAt: now, expiresAt, endedAt: null });
    return { ok: true, token, expiresAt };
  }

  /** The live session of this cookie token, or null (unknown, expired, signed out). From the primary. */
  async session(ctx: RequestContext, token: string | undefined): Promise<PersonSession | null> {
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const tokenHash = sha256(token);
    const s = await ctx.db.primary.getRepository(PersonSessionEntity).findOneBy({ tokenHash });
    if (!s || s.endedAt || s.expiresAt.getTime() <= ctx.clock.nowMs()) return null;
    return { udid: s.udid, tokenHash, expiresAt: s.expiresAt };
  }

  async signOut(ctx: RequestContext, session: PersonSession): Promise<void> {
    await ctx.db.primary.createQueryBuilder().update(PersonSessionEntity).set({ endedAt: ctx.clock.now() })
      .where('token_hash = :h AND ended_at IS NULL', { h: session.tokenHash }).execute();
  }

  /** The CSRF token of a session's forms (derived: nothing more to store). */
  sessionCsrf(session: PersonSession): string {
    return this.mac(`csrf:${session.tokenHash}`);
  }

  /** The CSRF token of the sign-in forms, bound to the pre-session cookie's nonce (signed double submit). */
  preCsrf(nonce: string): string {
    return this.mac(`pre:${nonce}`);
  }

  /** Constant-time comparison of a submitted CSRF token with the expected one. */
  static sameToken(expected: string, given: unknown): boolean {
    if (typeof given !== 'string' || given.length !== expected.length) return false;
    return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  }
}

function smsText(code: string, lang: 'en' | 'hi'): string {
  return lang === 'hi'
    ? `UDID Exchange: आपका रिकॉर्ड देखने का कोड ${code} है। 10 मिनट तक मान्य। किसी को न बताएं।`
    : `UDID Exchange: ${code} is your code to see who read your UDID record. Valid for 10 minutes. Never share it.`;
}
