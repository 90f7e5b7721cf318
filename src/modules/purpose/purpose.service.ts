import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import type { RequestGate } from '../access/admission.gate';
import type { MouService } from '../mou/mou.service';
import { recordAdminAudit } from '../oversight/admin-audit';
import { assertVisible, partnerOrgOf, visibleOrg } from '../../core/auth/actor';
import { Scope, scopeFromName } from '../../core/authz/scopes';
import { guardedUpdate, isUniqueViolation } from '../../core/db/guarded';
import { badInput, conflict, notFound } from '../../core/errors/errors';
import { parseId } from '../../core/graphql/keyset';
import { ApplicationPurposeEntity, defaultPurposeCode, LegalBasis, PurposeEntity, PurposeStatus } from './purpose.entity';
import { ApprovePurposeInput, PurposeFilter, PurposeReasonInput, RegisterPurposeInput } from './purpose.inputs';
import { PurposeType, toPurpose } from './purpose.types';

/** At most this many purposes are listed at once (an organisation has a handful). */
const LIST_LIMIT = 200;


/** What the application module asks of purposes when DEPwD approves an application (in its transaction). */
export interface PurposeGrants {
  approveApplication(m: EntityManager, ctx: RequestContext, app: { id: number; organizationId: number; purpose: string }, scopes: Scope[], dailyRecordQuota: number, purposeIds: number[] | null): Promise<number[]>;
  ofApplication(ctx: RequestContext, applicationId: number): Promise<PurposeType[]>;
}

/**
 * Purposes (DESIGN.md §11, as PDND binds each voucher to an approved purpose): registered under an MoU
 * by the partner admin, approved (with a daily quota) or rejected by DEPwD, suspendable on their own.
 * An application is approved for purposes; a token names one, and its scopes and quota come from it.
 */
export class PurposeService implements PurposeGrants {
  constructor(private readonly mous: MouService, private readonly gate: RequestGate) {}

  async get(ctx: RequestContext, id: number): Promise<PurposeEntity> {
    const p = await ctx.db.primary.getRepository(PurposeEntity).findOneBy({ id });
    if (!p) throw notFound(`No purpose with id ${id}.`);
    assertVisible(ctx, p.organizationId, 'purpose');
    return p;
  }

  async register(ctx: RequestContext, input: RegisterPurposeInput): Promise<PurposeType> {
    const orgId = partnerOrgOf(ctx);
    const mou = await this.mous.get(ctx, parseId(input.mouId, 'mouId'));
    if (mou.organizationId !== orgId) throw notFound('No MoU with this id in your organisation.');
    const today = ctx.clock.today();
    const inForce = await this.mous.inForceOf(ctx.db.primary.manager, orgId, today);
    if (!inForce || inForce.id !== mou.id) throw conflict(`MoU ${mou.reference} is not in force today; a purpose is registered under the MoU in force.`);
    const now = ctx.clock.now();
    const scopes = [...new Set(input.scopes.map(scopeFromName))];
    try {
      const saved = await ctx.db.primary.transaction(async (m) => {
        const p = await m.save(m.create(PurposeEntity, {
          organizationId: orgId, mouId: mou.id, code: input.code, description: input.description.trim(), legalBasis: input.legalBasis,
          scopes, estimatedDailyPersons: input.estimatedDailyPersons, dailyRecordQuota: 0, status: PurposeStatus.REQUESTED,
          requestedAt: now, requestedBy: ctx.principal.kind === 'user' ? ctx.principal.userId : null, decidedAt: null, decidedBy: null,
          suspendedAt: null, statusReason: null, updatedAt: now,
        }));
        await recordAdminAudit(m, ctx, { action: 'REGISTER_PURPOSE', targetType: 'PURPOSE', targetId: p.id, after: PurposeStatus.REQUESTED, details: { code: p.code, legalBasis: p.legalBasis, scopes, estimatedDailyPersons: p.estimatedDailyPersons } });
        return p;
      });
      return toPurpose(saved);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`Your organisation already has a purpose with code ${input.code}.`);
      throw e;
    }
  }

  async approve(ctx: RequestContext, input: ApprovePurposeInput): Promise<PurposeType> {
    const p = await this.get(ctx, parseId(input.purposeId, 'purposeId'));
    if (p.status !== PurposeStatus.REQUESTED && p.status !== PurposeStatus.APPROVED) {
      throw conflict(`Purpose ${p.code} is ${p.status.toLowerCase()}; ${p.status === PurposeStatus.SUSPENDED ? 'resume it (resumePurpose)' : 'the partner registers a new one'}.`);
    }
    const quota = input.dailyRecordQuota ?? p.estimatedDailyPersons;
    return this.decide(ctx, p, { status: PurposeStatus.APPROVED, dailyRecordQuota: quota, statusReason: null }, 'APPROVE_PURPOSE', { dailyRecordQuota: quota });
  }

  async reject(ctx: RequestContext, input: PurposeReasonInput): Promise<PurposeType> {
    const p = await this.get(ctx, parseId(input.purposeId, 'purposeId'));
    if (p.status !== PurposeStatus.REQUESTED) throw conflict(`Purpose ${p.code} is ${p.status.toLowerCase()}; only a requested purpose is rejected (suspend an approved one).`);
    return this.decide(ctx, p, { status: PurposeStatus.REJECTED, statusReason: input.reason.trim() }, 'REJECT_PURPOSE', { reason: input.reason.trim() });
  }

  async suspend(ctx: RequestContext, input: PurposeReasonInput): Promise<PurposeType> {
    const p = await this.get(ctx, parseId(input.purposeId, 'purposeId'));
    if (p.status !== PurposeStatus.APPROVED) throw conflict(`Purpose ${p.code} is ${p.status.toLowerCase()}; only an approved purpose is suspended.`);
    return this.decide(ctx, p, { status: PurposeStatus.SUSPENDED, suspendedAt: ctx.clock.now(), statusReason: input.reason.trim() }, 'SUSPEND_PURPOSE', { reason: input.reason.trim() });
  }

  async resume(ctx: RequestContext, purposeId: string): Promise<PurposeType> {
    const p = await this.get(ctx, parseId(purposeId, 'purposeId'));
    if (p.status !== PurposeStatus.SUSPENDED) throw conflict(`Purpose ${p.code} is ${p.status.toLowerCase()}, not suspended.`);
    return this.decide(ctx, p, { status: PurposeStatus.APPROVED, suspendedAt: null, statusReason: null }, 'RESUME_PURPOSE', {});
  }

  private async decide(ctx: RequestContext, p: PurposeEntity, set: Partial<PurposeEntity>, action: string, details: Record<string, unknown>): Promise<PurposeType> {
    const now = ctx.clock.now();
    const by = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    const decision = set.status === PurposeStatus.APPROVED || set.status === PurposeStatus.REJECTED ? { decidedAt: now, decidedBy: by } : {};
    await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, PurposeEntity, p.id, p.version, { ...set, ...decision, updatedAt: now }, `Purpose ${p.code}`);
      await recordAdminAudit(m, ctx, { action, targetType: 'PURPOSE', targetId: p.id, before: p.status, after: set.status ?? p.status, details: { code: p.code, ...details } });
    });
    // Tokens for the purpose are judged afresh at once on this replica (within GATE_CACHE_MS on the others).
    this.gate.invalidateOrganization(p.organizationId);
    return toPurpose((await ctx.db.primary.getRepository(PurposeEntity).findOneBy({ id: p.id }))!);
  }

  async list(ctx: RequestContext, filter: PurposeFilter | null | undefined): Promise<PurposeType[]> {
    const qb = ctx.db.primary.getRepository(PurposeEntity).createQueryBuilder('p').orderBy('p.id', 'ASC').take(LIST_LIMIT);
    const own = visibleOrg(ctx);
    if (own !== null) qb.andWhere('p.organization_id = :own', { own });
    if (filter?.organizationId) qb.andWhere('p.organization_id = :org', { org: parseId(filter.organizationId, 'organizationId') });
    if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });
    return (await ctx.db.read().getMany(qb)).map(toPurpose);
  }

  /** The purposes an application is approved for (granted, not revoked), whatever their status. */
  async ofApplication(ctx: RequestContext, applicationId: number): Promise<PurposeType[]> {
    const rows = await ctx.db.primary.getRepository(PurposeEntity).createQueryBuilder('p')
      .innerJoin(ApplicationPurposeEntity, 'ap', 'ap.purpose_id = p.id AND ap.revoked_at IS NULL')
      .where('ap.application_id = :id', { id: applicationId }).orderBy('p.id', 'ASC').getMany();
    return rows.map(toPurpose);
  }

  /**
   * DEPwD approves an application (its transaction). With `purposeIds`: the application is approved for
   * those purposes (approved ones of its organisation whose scopes cover the granted scopes), the others
   * revoked. Without: today's flow, the application's own purpose (code APP-<id>, described by the
   * application form's "API access required for") is created or updated with these scopes and quota,
   * approved and granted. Returns the granted purpose ids.
   */
  async approveApplication(
    m: EntityManager, ctx: RequestContext, app: { id: number; organizationId: number; purpose: string },
    scopes: Scope[], dailyRecordQuota: number, purposeIds: number[] | null,
  ): Promise<number[]> {
    const now = ctx.clock.now();
    const by = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    let ids: number[];
    if (purposeIds) {
      const purposes = purposeIds.length ? await m.findBy(PurposeEntity, purposeIds.map((id) => ({ id }))) : [];
      for (const id of purposeIds) {
        const p = purposes.find((x) => x.id === id);
        if (!p || p.organizationId !== app.organizationId) throw badInput(`Purpose ${id} is not a purpose of organisation ${app.organizationId}.`);
        if (p.status !== PurposeStatus.APPROVED) throw badInput(`Purpose ${p.code} is ${p.status.toLowerCase()}; DEPwD approves the purpose (approvePurpose) before an application is approved for it.`);
      }
      const covered = new Set(purposes.flatMap((p) => p.scopes));
      const uncovered = scopes.filter((s) => !covered.has(s));
      if (uncovered.length) throw badInput(`No purpose of this approval needs ${uncovered.join(', ')}; grant only scopes the purposes name.`);
      ids = purposeIds;
    } else {
      const code = defaultPurposeCode(app.id);
      const existing = await m.findOneBy(PurposeEntity, { organizationId: app.organizationId, code });
      if (existing) {
        await guardedUpdate(m, PurposeEntity, existing.id, existing.version, {
          scopes, dailyRecordQuota, estimatedDailyPersons: dailyRecordQuota, status: PurposeStatus.APPROVED,
          decidedAt: now, decidedBy: by, suspendedAt: null, statusReason: null, updatedAt: now,
        }, `Purpose ${code}`);
        ids = [existing.id];
      } else {
        const mou = await this.mous.inForceOf(m, app.organizationId, ctx.clock.today());
        if (!mou) throw conflict(`Organisation ${app.organizationId} has no MoU in force; a purpose is registered under one.`);
        const p = await m.save(m.create(PurposeEntity, {
          organizationId: app.organizationId, mouId: mou.id, code, description: app.purpose.slice(0, 1000), legalBasis: LegalBasis.STATE_BENEFIT_S7B,
          scopes, estimatedDailyPersons: dailyRecordQuota, dailyRecordQuota, status: PurposeStatus.APPROVED, requestedAt: now, requestedBy: null,
          decidedAt: now, decidedBy: by, suspendedAt: null, statusReason: null, updatedAt: now,
        }));
        ids = [p.id];
      }
    }
    const grants = await m.findBy(ApplicationPurposeEntity, { applicationId: app.id });
    for (const g of grants) {
      const keep = ids.includes(g.purposeId);
      if (keep && g.revokedAt) await m.update(ApplicationPurposeEntity, { id: g.id }, { revokedAt: null, grantedAt: now, grantedBy: by });
      if (!keep && !g.revokedAt && purposeIds) await m.update(ApplicationPurposeEntity, { id: g.id }, { revokedAt: now });
    }
    for (const id of ids) {
      if (!grants.some((g) => g.purposeId === id)) await m.insert(ApplicationPurposeEntity, { applicationId: app.id, purposeId: id, grantedAt: now, grantedBy: by, revokedAt: null });
    }
    return ids;
  }
}
