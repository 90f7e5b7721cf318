import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import type { RequestGate } from '../access/admission.gate';
import { recordAdminAudit } from '../oversight/admin-audit';
import { assertVisible, partnerOrgOf, visibleOrg } from '../../core/auth/actor';
import { addDays } from '../../core/clock';
import { conditionalUpdate, guardedUpdate } from '../../core/db/guarded';
import { toDbDateTime } from '../../core/db/columns';
import { badInput, conflict, notFound } from '../../core/errors/errors';
import { decodeIdCursor, pageSize, parseId, toConnection } from '../../core/graphql/keyset';
import { OrganizationEntity, OrganizationStatus } from '../organization/organization.entity';
import { MouEntity, MouTerminationType } from './mou.entity';
import { isInForce, MouDates, mouExpiry, MouStatus, mouStatus, noticeEnd } from './mou.calendar';
import { AttestDataDestructionInput, MouFilter, RecordMouInput, TerminateMouInput } from './mou.inputs';
import { MouConnection, MouType, toMou } from './mou.types';
import { answerInstruction } from './destruction.service';

const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i.test(String((e as Error)?.message ?? e));

export interface EndedMou { id: number; organizationId: number; reference: string; cause: 'TERMINATION' | 'EXPIRY'; endedOn: string }

function endedMou(r: MouDates & { id: number; organizationId: number; reference: string }, today: string): EndedMou {
  const terminated = mouStatus(r, today) === MouStatus.TERMINATED;
  return { id: r.id, organizationId: r.organizationId, reference: r.reference, cause: terminated ? 'TERMINATION' : 'EXPIRY', endedOn: terminated ? r.terminatedOn! : r.expiresOn };
}

/** Told when an MoU's end takes effect, in the transaction that ends it; afterCommit once it has committed. */
export interface MouEndListener {
  mouEnded(m: EntityManager, ctx: RequestContext, mou: EndedMou): Promise<void>;
  afterCommit(): void;
}
const NO_LISTENER: MouEndListener = { mouEnded: async () => undefined, afterCommit: () => undefined };

/**
 * MoUs: recorded and terminated by DEPwD, in force by the calendar. A new MoU after a lapse does not
 * restore access by itself: recording it moves an approved/active organisation to DEACTIVATED, so
 * DEPwD must approve and NIC activate it again (DESIGN.md §1, "access stays off until…").
 */
export class MouService {
  /** `ended`: told in the terminating transaction when a termination ends access today (the SOP's notices and tasks). */
  constructor(private readonly gate: RequestGate, private readonly ended: MouEndListener = NO_LISTENER) {}

  /** MoUs no longer in force on `today` (terminated or expired), oldest first, after id `afterId`: what the SOP sweep looks at. */
  async endedBy(m: EntityManager, today: string, afterId: number, limit: number): Promise<EndedMou[]> {
    const rows = await m.createQueryBuilder(MouEntity, 'm')
      .where('m.id > :afterId AND (m.expires_on <= :today OR m.terminated_on <= :today)', { afterId, today })
      .orderBy('m.id', 'ASC').take(limit).getMany();
    return rows.map((r) => endedMou(r, today));
  }

  /** Whether the organisation has an MoU in force today other than `exceptMouId` (a renewal recorded before the old one ended). */
  async otherInForce(m: EntityManager, organizationId: number, exceptMouId: number, today: string): Promise<boolean> {
    const mous = await m.findBy(MouEntity, { organizationId });
    return mous.some((x) => x.id !== exceptMouId && isInForce(x, today));
  }

  /** The organisation's MoU in force today (the latest effective one), or null; read in the caller's transaction. */
  async inForceOf(m: EntityManager, organizationId: number, today: string): Promise<MouEntity | null> {
    const mous = await m.find(MouEntity, { where: { organizationId }, order: { effectiveFrom: 'DESC', id: 'DESC' } });
    return mous.find((x) => isInForce(x, today)) ?? null;
  }

  async get(ctx: RequestContext, id: number): Promise<MouEntity> {
    const mou = await ctx.db.primary.getRepository(MouEntity).findOneBy({ id });
    if (!mou) throw notFound(`No MoU with id ${id}.`);
    return mou;
  }

  async record(ctx: RequestContext, input: RecordMouInput): Promise<MouType> {
    const orgId = parseId(input.organizationId, 'organizationId');
    const org = await ctx.db.primary.getRepository(OrganizationEntity).findOneBy({ id: orgId });
    if (!org) throw notFound(`No organisation with id ${orgId}.`);
    const today = ctx.clock.today();
    const expiresOn = mouExpiry(input.executedOn);
    if (input.executedOn > today) throw badInput(`executedOn ${input.executedOn} is in the future; record the MoU once it has been signed.`);
    if (expiresOn <= today) throw badInput(`An MoU executed on ${input.executedOn} expired on ${expiresOn} (valid 3 years); a new MoU must be signed.`);
    const existing = await ctx.db.primary.getRepository(MouEntity).findBy({ organizationId: org.id });
    // Access lapsed (every earlier MoU expired or terminated) while the organisation kept its approval.
    const lapsed = existing.length > 0 && !existing.some((m) => isInForce(m, today))
      && (org.status === OrganizationStatus.APPROVED || org.status === OrganizationStatus.ACTIVE);
    const now = ctx.clock.now();
    const u = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    try {
      const saved = await ctx.db.primary.transaction(async (m) => {
        const mou = await m.save(m.create(MouEntity, {
          organizationId: org.id, reference: input.reference.trim(), depwdSignatory: input.depwdSignatory.trim(),
          partnerSignatory: input.partnerSignatory.trim(), purpose: input.purpose.trim(), executedOn: input.executedOn,
          effectiveFrom: input.executedOn, expiresOn, terminationType: null, terminationNoticeOn: null, terminatedOn: null,
          terminationReason: null, destructionAttestedAt: null, destructionAttestedBy: null, destructionAttestation: null,
          recordedBy: u, createdAt: now,
        }));
        await recordAdminAudit(m, ctx, { action: 'RECORD_MOU', targetType: 'MOU', targetId: mou.id, after: mouStatus(mou, today), details: { organizationId: org.id, reference: mou.reference, expiresOn } });
        if (lapsed) {
          const reason = `Earlier MoU lapsed; new MoU ${mou.reference} recorded on ${today}: DEPwD approval and NIC activation are needed again.`;
          await guardedUpdate(m, OrganizationEntity, org.id, org.version, { status: OrganizationStatus.DEACTIVATED, deactivatedAt: now, deactivationReason: reason, updatedAt: now }, `Organisation ${org.id}`);
          await recordAdminAudit(m, ctx, { action: 'DEACTIVATE_ORGANIZATION', targetType: 'ORGANIZATION', targetId: org.id, before: org.status, after: OrganizationStatus.DEACTIVATED, details: { reason } });
        }
        return mou;
      });
      this.gate.invalidateOrganization(org.id);
      return toMou(saved, today);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`An MoU with the reference ${input.reference} is already recorded.`);
      throw e;
    }
  }

  /** MUTUAL: access ends today. NOTICE: access continues until 30 days after today's notice. */
  async terminate(ctx: RequestContext, input: TerminateMouInput): Promise<MouType> {
    const mou = await this.get(ctx, parseId(input.mouId, 'mouId'));
    const today = ctx.clock.today();
    const before = mouStatus(mou, today);
    if (before === MouStatus.TERMINATED) throw conflict(`MoU ${mou.reference} was already terminated on ${mou.terminatedOn}.`);
    if (before === MouStatus.EXPIRED) throw conflict(`MoU ${mou.reference} expired on ${mou.expiresOn}; there is nothing to terminate.`);
    if (before === MouStatus.NOTICE_GIVEN && input.type === MouTerminationType.NOTICE) {
      throw conflict(`Notice was already given on ${mou.terminationNoticeOn}; the MoU ends on ${mou.terminatedOn}. A MUTUAL termination can end it sooner.`);
    }
    const mutual = input.type === MouTerminationType.MUTUAL;
    const terminatedOn = mutual ? today : noticeEnd(today);
    await ctx.db.primary.transaction(async (m) => {
      await conditionalUpdate(m, MouEntity, {
        terminationType: input.type, terminationNoticeOn: mutual ? mou.terminationNoticeOn : today, terminatedOn, terminationReason: input.reason.trim(),
      }, 'id = :id AND (terminated_on IS NULL OR terminated_on > :today)', { id: mou.id, today }, `MoU ${mou.reference} was terminated by someone else at the same moment.`);
      const after = mouStatus({ ...mou, terminatedOn }, today);
      await recordAdminAudit(m, ctx, { action: 'TERMINATE_MOU', targetType: 'MOU', targetId: mou.id, before, after, details: { type: input.type, terminatedOn, organizationId: mou.organizationId } });
      // MUTUAL ends access today: DEPwD's notices go out with the termination. NOTICE: the sweep sends them when access ends.
      if (after === MouStatus.TERMINATED) await this.ended.mouEnded(m, ctx, endedMou({ ...mou, terminatedOn }, today));
    });
    this.ended.afterCommit();
    this.gate.invalidateOrganization(mou.organizationId);
    return toMou(await this.get(ctx, mou.id), today);
  }

  /** The partner's statement that it returned or destroyed its copies, only once the MoU has ended. */
  async attestDestruction(ctx: RequestContext, input: AttestDataDestructionInput): Promise<MouType> {
    const orgId = partnerOrgOf(ctx);
    const mou = await this.get(ctx, parseId(input.mouId, 'mouId'));
    if (mou.organizationId !== orgId) throw notFound('No MoU with this id in your organisation.');
    const today = ctx.clock.today();
    const status = mouStatus(mou, today);
    if (status !== MouStatus.TERMINATED && status !== MouStatus.EXPIRED) {
      const ends = mou.terminatedOn && mou.terminatedOn < mou.expiresOn ? mou.terminatedOn : mou.expiresOn;
      throw conflict(`MoU ${mou.reference} is ${status.toLowerCase().replace(/_/g, ' ')} and ends on ${ends}; data destruction is attested after termination or expiry.`);
    }
    const now = ctx.clock.now();
    const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    await ctx.db.primary.transaction(async (m) => {
      await conditionalUpdate(m, MouEntity, { destructionAttestedAt: now, destructionAttestedBy: userId, destructionAttestation: input.statement.trim() },
        'id = :id AND destruction_attested_at IS NULL', { id: mou.id }, `Data destruction for MoU ${mou.reference} was already attested.`);
      const instructionId = await answerInstruction(m, ctx, mou.id, input);
      await recordAdminAudit(m, ctx, { action: 'ATTEST_DATA_DESTRUCTION', targetType: 'MOU', targetId: mou.id, before: status, after: status, details: {
        attestedAt: toDbDateTime(now), instructionId, performedMethod: input.performedMethod ?? null, performedOn: input.performedOn ?? null, performedBy: input.performedBy ?? null,
      } });
    });
    return toMou(await this.get(ctx, mou.id), today);
  }

  async list(ctx: RequestContext, filter: MouFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<MouConnection> {
    const n = pageSize(first);
    const today = ctx.clock.today();
    const qb = ctx.db.primary.getRepository(MouEntity).createQueryBuilder('m').orderBy('m.id', 'ASC').take(n + 1).setParameter('today', today);
    const own = visibleOrg(ctx);
    if (own !== null) qb.andWhere('m.organization_id = :own', { own });
    if (filter?.organizationId) qb.andWhere('m.organization_id = :org', { org: parseId(filter.organizationId, 'organizationId') });
    const cursor = decodeIdCursor('mou', after);
    if (cursor !== null) qb.andWhere('m.id > :cursor', { cursor });
    const live = 'm.effective_from <= :today AND m.expires_on > :today AND (m.terminated_on IS NULL OR m.terminated_on > :today)';
    switch (filter?.status) {
      case MouStatus.IN_FORCE: qb.andWhere(`${live} AND m.terminated_on IS NULL`); break;
      case MouStatus.NOTICE_GIVEN: qb.andWhere(`${live} AND m.terminated_on IS NOT NULL`); break;
      case MouStatus.TERMINATED: qb.andWhere('m.terminated_on <= :today'); break;
      case MouStatus.EXPIRED: qb.andWhere('m.expires_on <= :today AND (m.terminated_on IS NULL OR m.terminated_on > :today)'); break;
      case MouStatus.NOT_YET_EFFECTIVE: qb.andWhere('m.effective_from > :today AND m.expires_on > :today AND (m.terminated_on IS NULL OR m.terminated_on > :today)'); break;
      default: break;
    }
    if (filter?.expiringSoon) {
      const until = addDays(today, filter.expiringWithinDays ?? 60);
      qb.andWhere(`${live} AND (m.expires_on <= :until OR m.terminated_on <= :until)`, { until });
    }
    return toConnection('mou', await ctx.db.read().getMany(qb), n, (e) => toMou(e, today)) as MouConnection;
  }

  async byId(ctx: RequestContext, id: string): Promise<MouType | null> {
    const mou = await ctx.db.primary.getRepository(MouEntity).findOneBy({ id: parseId(id, 'id') });
    if (!mou) return null;
    try { assertVisible(ctx, mou.organizationId, 'MoU'); } catch { return null; }
    return toMou(mou, ctx.clock.today());
  }
}
