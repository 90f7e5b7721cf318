import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import type { Logger } from '../../core/logger';
import type { Clock } from '../../core/clock';
import { Role } from '../../core/authz/scopes';
import { userOf } from '../../core/auth/actor';
import { conditionalUpdate, isUniqueViolation } from '../../core/db/guarded';
import { serialTransaction } from '../../core/db/serial-transaction';
import { conflict, forbidden, notFound } from '../../core/errors/errors';
import { decodeIdCursor, pageSize, parseId, toConnection } from '../../core/graphql/keyset';
import { recordAdminAudit, recordSystemAudit } from '../oversight/admin-audit';
import type { EndedMou, MouService } from '../mou/mou.service';
import type { ApplicationService } from '../application/application.service';
import type { StaffService } from '../staff/staff.service';
import type { OutboxService } from '../staff/outbox.service';
import { PendingActionEntity, PendingActionKind, PendingActionResolution, SopNoticeEntity } from './sop.entity';
import { PendingActionConnection, PendingActionFilterStatus, PendingActionType, toPendingAction } from './sop.types';


/** The role that does each task. */
const ROLE_OF: Record<PendingActionKind, Role> = {
  [PendingActionKind.DISABLE_APPLICATION]: Role.NIC_OPERATOR,
  [PendingActionKind.REMOVE_IPS]: Role.INTEGRATION_ENGINEER,
};

/** Who does what: each staff role sees its own tasks; DEPwD and analysts see all. */
const KINDS_SEEN: Partial<Record<Role, PendingActionKind[]>> = {
  [Role.NIC_OPERATOR]: [PendingActionKind.DISABLE_APPLICATION],
  [Role.INTEGRATION_ENGINEER]: [PendingActionKind.REMOVE_IPS],
};

/** Who acts on a notice: the step in the SOP's words. */
type Actor = { kind: 'request'; ctx: RequestContext } | { kind: 'system'; at: Date };

/**
 * The SOP's de-activation steps once an MoU has ended (terminated, or expired by the calendar): DEPwD's
 * notices to NIC operators and integration engineers (outbox messages), and the open tasks "disable
 * application X" (NIC) and "remove the IPs of X" (integration engineer), closed when the real step
 * happens (disableApplication; the last revokeIp) or by completePendingAction. Each ended MoU is
 * handled once: the sop_notice row's unique key decides it, on any number of replicas.
 */
export class SopService {
  constructor(
    private readonly mous: MouService,
    private readonly applications: ApplicationService,
    private readonly staff: StaffService,
    private readonly outbox: OutboxService,
  ) {}

  /** In the terminating transaction (MUTUAL termination): notices and tasks land with it. */
  async mouEnded(m: EntityManager, ctx: RequestContext, mou: EndedMou): Promise<void> {
    await this.handle(m, { kind: 'request', ctx }, mou, ctx.clock.today());
  }

  afterCommit(): void {
    this.outbox.deliverSoon();
  }

  /**
   * One sweep: every ended MoU not yet handled gets its notices and tasks, each in its own transaction.
   * A MoU another replica handled first fails on the unique key and is skipped. Returns how many this call handled.
   */
  async sweep(ds: DataSource, clock: Clock, log: Logger): Promise<number> {
    const today = clock.today();
    let afterId = 0;
    let handled = 0;
    for (;;) {
      const ended = await this.mous.endedBy(ds.manager, today, afterId, 200);
      if (!ended.length) break;
      afterId = ended[ended.length - 1].id;
      const known = new Set((await ds.getRepository(SopNoticeEntity).createQueryBuilder('n')
        .where('n.mou_id IN (:...ids)', { ids: ended.map((e) => e.id) }).getMany()).map((n) => n.mouId));
      for (const mou of ended.filter((e) => !known.has(e.id))) {
        try {
          await serialTransaction(ds, (m) => this.handle(m, { kind: 'system', at: clock.now() }, mou, today));
          handled++;
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          log.debug({ mouId: mou.id }, 'sop sweep: MoU handled by another instance');
        }
      }
    }
    if (handled) this.outbox.deliverSoon();
    return handled;
  }

  private async handle(m: EntityManager, actor: Actor, mou: EndedMou, today: string): Promise<void> {
    const at = actor.kind === 'request' ? actor.ctx.clock.now() : actor.at;
    // A renewal already in force: access did not end, so there is nothing for NIC or the vendor to do.
    const renewed = await this.mous.otherInForce(m, mou.organizationId, mou.id, today);
    const apps = renewed ? [] : await this.applications.accessHoldersOf(m, mou.organizationId);
    const tasks: { kind: PendingActionKind; app: { id: number; name: string } }[] = [];
    for (const a of apps) {
      if (!a.disabled) tasks.push({ kind: PendingActionKind.DISABLE_APPLICATION, app: a });
      if (a.activeIps > 0) tasks.push({ kind: PendingActionKind.REMOVE_IPS, app: a });
    }
    const recipients = tasks.length ? await this.staff.activeStaff(m, [Role.NIC_OPERATOR, Role.INTEGRATION_ENGINEER]) : [];
    const notice = await m.insert(SopNoticeEntity, {
      mouId: mou.id, organizationId: mou.organizationId, cause: mou.cause, applications: apps.length, messages: recipients.length, createdAt: at,
    });
    for (const t of tasks) {
      await m.insert(PendingActionEntity, {
        kind: t.kind, role: ROLE_OF[t.kind], mouId: mou.id, organizationId: mou.organizationId, applicationId: t.app.id,
        applicationName: t.app.name.slice(0, 120), cause: mou.cause, createdAt: at, doneAt: null, doneBy: null, resolution: null, note: null,
      });
    }
    for (const r of recipients) {
      const mine = tasks.filter((t) => ROLE_OF[t.kind] === r.role);
      if (!mine.length) continue;
      await this.outbox.enqueue(m, { recipient: r.email, subject: `DEPwD notice: MoU ${mou.reference} ${mou.cause === 'EXPIRY' ? 'expired' : 'terminated'}; action needed`, body: noticeBody(r, mou, mine), at });
    }
    const step = {
      action: 'SOP_NOTICE', targetType: 'MOU' as const, targetId: mou.id,
      details: { noticeId: Number(notice.identifiers[0].id), cause: mou.cause, endedOn: mou.endedOn, renewed, tasks: tasks.length, recipients: recipients.length },
    };
    if (actor.kind === 'request') await recordAdminAudit(m, actor.ctx, step);
    else await recordSystemAudit(m, at, 'sop-sweep', step);
  }

  /** disableApplication happened: its open DISABLE_APPLICATION tasks are done. */
  async applicationDisabled(m: EntityManager, ctx: RequestContext, applicationId: number): Promise<void> {
    await this.closeBy(m, ctx, applicationId, PendingActionKind.DISABLE_APPLICATION, PendingActionResolution.APPLICATION_DISABLED);
  }

  /** The allowlist of the application is now empty: its open REMOVE_IPS tasks are done. */
  async ipsEmptied(m: EntityManager, ctx: RequestContext, applicationId: number): Promise<void> {
    await this.closeBy(m, ctx, applicationId, PendingActionKind.REMOVE_IPS, PendingActionResolution.IPS_REMOVED);
  }

  private async closeBy(m: EntityManager, ctx: RequestContext, applicationId: number, kind: PendingActionKind, resolution: PendingActionResolution) {
    const open = await m.createQueryBuilder(PendingActionEntity, 'p')
      .where('p.application_id = :applicationId AND p.kind = :kind AND p.done_at IS NULL', { applicationId, kind }).getMany();
    if (!open.length) return;
    const now = ctx.clock.now();
    const by = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    await m.createQueryBuilder().update(PendingActionEntity).set({ doneAt: now, doneBy: by, resolution })
      .where('id IN (:...ids) AND done_at IS NULL', { ids: open.map((p) => p.id) }).execute();
    for (const p of open) {
      await recordAdminAudit(m, ctx, { action: 'COMPLETE_PENDING_ACTION', targetType: 'PENDING_ACTION', targetId: p.id, before: 'OPEN', after: 'DONE', details: { kind, applicationId, resolution } });
    }
  }

  /** By hand, when the step was done outside this system (e.g. NIC disabled the account at its end): the note says how. */
  async complete(ctx: RequestContext, id: string, note: string): Promise<PendingActionType> {
    const user = userOf(ctx);
    const pid = parseId(id, 'id');
    const repo = ctx.db.primary.getRepository(PendingActionEntity);
    const task = await repo.findOneBy({ id: pid });
    if (!task) throw notFound(`No pending action with id ${pid}.`);
    if (task.role !== user.role && user.role !== Role.DEPWD_ADMIN) throw forbidden(`This task is for ${task.role}; only that role (or DEPWD_ADMIN) completes it.`, { requiredRole: [task.role] });
    if (task.doneAt) throw conflict(`Pending action ${pid} was already done at ${task.doneAt.toISOString()} (${task.resolution}).`);
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      await conditionalUpdate(m, PendingActionEntity, { doneAt: now, doneBy: user.userId, resolution: PendingActionResolution.MANUAL, note: note.trim() },
        'id = :id AND done_at IS NULL', { id: pid }, `Pending action ${pid} was completed by someone else at the same moment.`);
      await recordAdminAudit(m, ctx, { action: 'COMPLETE_PENDING_ACTION', targetType: 'PENDING_ACTION', targetId: pid, before: 'OPEN', after: 'DONE', details: { kind: task.kind, applicationId: task.applicationId, resolution: PendingActionResolution.MANUAL, note: note.trim() } });
    });
    return toPendingAction((await repo.findOneBy({ id: pid }))!);
  }

  async list(ctx: RequestContext, status: PendingActionFilterStatus, first: number | null | undefined, after: string | null | undefined): Promise<PendingActionConnection> {
    const n = pageSize(first);
    const user = userOf(ctx);
    const qb = ctx.db.primary.getRepository(PendingActionEntity).createQueryBuilder('p').orderBy('p.id', 'ASC').take(n + 1);
    const kinds = KINDS_SEEN[user.role];
    if (kinds) qb.andWhere('p.kind IN (:...kinds)', { kinds });
    if (status === PendingActionFilterStatus.OPEN) qb.andWhere('p.done_at IS NULL');
    if (status === PendingActionFilterStatus.DONE) qb.andWhere('p.done_at IS NOT NULL');
    const cursor = decodeIdCursor('task', after);
    if (cursor !== null) qb.andWhere('p.id > :cursor', { cursor });
    return toConnection('task', await qb.getMany(), n, toPendingAction) as PendingActionConnection;
  }
}

function noticeBody(r: { name: string; role: Role }, mou: EndedMou, tasks: { kind: PendingActionKind; app: { id: number; name: string } }[]): string {
  const why = mou.cause === 'EXPIRY' ? `expired on ${mou.endedOn} (valid 3 years from execution)` : `was terminated; access ended on ${mou.endedOn}`;
  const step = r.role === Role.NIC_OPERATOR ? 'disable these applications (disableApplication)' : 'remove every allowlisted IP of these applications (revokeIp)';
  return [
    `Dear ${r.name},`, '',
    `DEPwD informs you that MoU ${mou.reference} (organisation ${mou.organizationId}) ${why}.`,
    `As the SOP requires, please ${step}:`, '',
    ...tasks.map((t) => `  - application ${t.app.id}: ${t.app.name}`), '',
    'The open tasks are listed by the pendingActions query until done.',
  ].join('\n');
}
