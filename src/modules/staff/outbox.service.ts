import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import { conditionalUpdate } from '../../core/db/guarded';
import { notFound, conflict } from '../../core/errors/errors';
import { decodeIdCursor, pageSize, parseId, toConnection } from '../../core/graphql/keyset';
import { recordAdminAudit } from '../oversight/admin-audit';
import { Role } from '../../core/authz/scopes';
import { OutboxChannel, OutboxMessageEntity, OutboxStatus, UserAccountEntity } from './staff.entity';
import { DEAD_LETTER_REDACTION } from './outbox.mailer';
import type { OutboxDrainer } from './outbox.drainer';
import { OutboxMessageConnection, OutboxMessageType, toOutboxMessage } from './outbox.types';

export { OutboxChannel };

/** Staff's view of mail delivery: messages by status (dead letters first of all), and sending a dead letter again. */
export class OutboxService {
  constructor(private readonly drainer: Pick<OutboxDrainer, 'wake'>) {}

  /**
   * Another module's message (a notice), written in the caller's transaction so it exists exactly when
   * the step that causes it commits; call deliverSoon() after the commit. Returns the message id. `channel`:
   * EMAIL (the default; the recipient is an address) or SMS (a mobile number; the drainer gives SMS rows
   * only to an SMS sender, never to the SMTP mailer: see outbox.drainer.ts).
   */
  async enqueue(m: EntityManager, msg: { recipient: string; subject: string; body: string; at: Date; channel?: OutboxChannel }): Promise<number> {
    const r = await m.insert(OutboxMessageEntity, {
      channel: msg.channel ?? OutboxChannel.EMAIL, recipient: msg.recipient, subject: msg.subject.slice(0, 200), body: msg.body, createdAt: msg.at, sentAt: null,
      status: OutboxStatus.PENDING, attempts: 0,
    });
    return Number(r.identifiers[0].id);
  }

  /** After commit: send now rather than at the next poll. */
  deliverSoon(): void {
    this.drainer.wake();
  }

  async list(ctx: RequestContext, status: OutboxStatus, first: number | null | undefined, after: string | null | undefined): Promise<OutboxMessageConnection> {
    const n = pageSize(first);
    // Newest first: the keyset runs downwards.
    const qb = ctx.db.primary.getRepository(OutboxMessageEntity).createQueryBuilder('o')
      .where('o.status = :status', { status }).orderBy('o.id', 'DESC').take(n + 1);
    const cursor = decodeIdCursor('outbox', after);
    if (cursor !== null) qb.andWhere('o.id < :cursor', { cursor });
    return toConnection('outbox', await qb.getMany(), n, toOutboxMessage) as OutboxMessageConnection;
  }

  /**
   * A dead letter back to PENDING with a fresh set of attempts, sent at once (e.g. after the SMTP relay is
   * fixed). Not one whose secret was redacted when it died (an activation link): it would arrive without
   * its token, so NIC sends a fresh link instead.
   */
  async retry(ctx: RequestContext, messageId: string): Promise<OutboxMessageType> {
    const id = parseId(messageId, 'id');
    const db = ctx.db.primary;
    const repo = db.getRepository(OutboxMessageEntity);
    const msg = await repo.findOneBy({ id });
    if (!msg) throw notFound(`No outbox message with id ${id}.`);
    if (msg.status !== OutboxStatus.DEAD_LETTER) {
      throw conflict(`Outbox message ${id} is ${msg.status.toLowerCase().replace('_', ' ')}, not a dead letter; only dead letters are retried by hand.`);
    }
    if (msg.channel === OutboxChannel.SMS) {
      throw conflict(`Outbox message ${id} was a one-time sign-in code, which is not kept once undeliverable; the person asks for a new code on /me/record.`);
    }
    if (msg.body.includes(DEAD_LETTER_REDACTION)) {
      const admin = await db.getRepository(UserAccountEntity).findOneBy({ email: msg.recipient, role: Role.PARTNER_ADMIN });
      const org = admin?.organizationId != null ? `resendActivationLink(organizationId: "${admin.organizationId}")` : 'resendActivationLink';
      throw conflict(`Outbox message ${id} carried an activation link whose token is not kept once undeliverable; send a fresh link with ${org} instead.`, { requiredStep: 'resendActivationLink' });
    }
    await db.transaction(async (m) => {
      await conditionalUpdate(m, OutboxMessageEntity,
        { status: OutboxStatus.PENDING, attempts: 0, nextAttemptAt: null, deadLetteredAt: null, claimedBy: null, claimUntil: null },
        'id = :id AND status = :dead', { id, dead: OutboxStatus.DEAD_LETTER }, `Outbox message ${id} was retried by someone else at the same moment.`);
      await recordAdminAudit(m, ctx, {
        action: 'RETRY_OUTBOX_MESSAGE', targetType: 'OUTBOX_MESSAGE', targetId: id, before: OutboxStatus.DEAD_LETTER, after: OutboxStatus.PENDING,
        details: { attemptsBefore: msg.attempts, lastError: msg.lastError },
      });
    });
    this.drainer.wake();
    return toOutboxMessage((await repo.findOneBy({ id }))!);
  }
}
