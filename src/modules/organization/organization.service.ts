import { randomBytes } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { CounterStore, makeLimiter, memoryCounters } from '../../core/throttle/limiter';
import type { RequestContext } from '../../core/request/context';
import type { RequestGate } from '../access/admission.gate';
import type { StaffService } from '../staff/staff.service';
import { recordAdminAudit } from '../oversight/admin-audit';
import { visibleOrg } from '../../core/auth/actor';
import { guardedUpdate } from '../../core/db/guarded';
import { conflict, DomainError, notFound } from '../../core/errors/errors';
import { decodeIdCursor, pageSize, parseId, toConnection } from '../../core/graphql/keyset';
import { scopeFromName } from '../../core/authz/scopes';
import { ApplicationEntity, ApplicationStatus } from '../application/application.entity';
import { toApplication } from '../application/application.types';
import { MouEntity } from '../mou/mou.entity';
import { isInForce } from '../mou/mou.calendar';
import { OrganizationEntity, OrganizationStatus } from './organization.entity';
import { OrganizationFilter, RegisterOrganizationInput } from './organization.inputs';
import { OrganizationConnection, RegistrationResult, toOrganization, OrganizationType } from './organization.types';

/** Registrations accepted per source IP per hour (public mutation; deters form spam). */
export const REGISTRATIONS_PER_IP_PER_HOUR = 20;

export const newClientId = () => `udx_${randomBytes(12).toString('hex')}`;

const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i.test(String((e as Error)?.message ?? e));

/**
 * The organisation side of onboarding (DESIGN.md §1): registration (public), approval by DEPwD and
 * activation by NIC, each only from the state the SOP puts before it.
 */
export class OrganizationService {
  private readonly registrations;

  constructor(private readonly gate: RequestGate, private readonly staff: StaffService, counters: CounterStore = memoryCounters) {
    this.registrations = makeLimiter(counters, { keyPrefix: 'register', points: REGISTRATIONS_PER_IP_PER_HOUR, duration: 3600 });
  }

  async get(ctx: RequestContext, id: number): Promise<OrganizationEntity> {
    const org = await ctx.db.primary.getRepository(OrganizationEntity).findOneBy({ id });
    if (!org) throw notFound(`No organisation with id ${id}.`);
    return org;
  }

  async register(ctx: RequestContext, input: RegisterOrganizationInput): Promise<RegistrationResult> {
    try {
      await this.registrations.consume(ctx.ip || 'unknown');
    } catch (e) {
      const wait = e instanceof RateLimiterRes ? Math.ceil(e.msBeforeNext / 1000) : 3600;
      throw new DomainError('THROTTLED', `Too many registrations from ${ctx.ip}; try again in ${Math.ceil(wait / 60)} minutes.`, { retryAfterSeconds: wait });
    }
    const d = input.department, a = input.application;
    const email = d.email.trim().toLowerCase();
    const existing = await ctx.db.primary.getRepository(OrganizationEntity).findOneBy({ email });
    if (existing) {
      throw conflict(`An organisation with the email ${email} is already registered (status ${existing.status}); DEPwD will contact it. Use another email for a different department.`);
    }
    const now = ctx.clock.now();
    try {
      const { org, app } = await ctx.db.primary.transaction(async (m) => {
        const org = await m.save(m.create(OrganizationEntity, {
          name: d.name.trim(), address: d.address.trim(), contactPerson: d.contactPerson.trim(), designation: d.designation.trim(),
          email, mobile: d.mobile, phone: d.phone?.trim() || null, city: d.city.trim(), state: d.state.trim(), pincode: d.pincode,
          category: d.category, status: OrganizationStatus.REGISTERED, registeredAt: now, approvedAt: null, activatedAt: null,
          deactivatedAt: null, deactivationReason: null, updatedAt: now,
        }));
        const app = await m.save(m.create(ApplicationEntity, {
          organizationId: org.id, clientId: newClientId(), name: a.name.trim(), description: a.description.trim(),
          contactPerson: a.contactPerson.trim(), email: a.email.trim().toLowerCase(), purpose: a.accessRequiredFor.trim(),
          requestedIps: a.publicIps.map((ip) => ip.trim()), requestedScopes: (a.requestedScopes ?? []).map(scopeFromName),
          approvedScopes: null, dailyRecordQuota: 0, costBudget: 2000, costRestoreRate: 100, status: ApplicationStatus.REQUESTED,
          requestedAt: now, createdAt: null, approvedAt: null, disabledAt: null, disabledReason: null, sharingSuspendedAt: null,
          sharingSuspensionKind: null, sharingSuspensionReason: null, firstRecordAccessAt: null, lastBenefitReportAt: null, updatedAt: now,
        }));
        await recordAdminAudit(m, ctx, { action: 'REGISTER_ORGANIZATION', targetType: 'ORGANIZATION', targetId: org.id, after: org.status, details: { category: org.category } });
        await recordAdminAudit(m, ctx, { action: 'REQUEST_APPLICATION', targetType: 'APPLICATION', targetId: app.id, after: app.status, details: { organizationId: org.id, publicIps: app.requestedIps } });
        return { org, app };
      });
      return Object.assign(new RegistrationResult(), {
        organization: toOrganization(org),
        application: toApplication(app),
        nextSteps: 'DEPwD records the signed MoU and approves the organisation; NIC then activates it and the contact email receives an activation link.',
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`An organisation with the email ${email} is already registered.`);
      throw e;
    }
  }

  async approve(ctx: RequestContext, organizationId: string): Promise<OrganizationType> {
    const org = await this.get(ctx, parseId(organizationId, 'organizationId'));
    if (org.status === OrganizationStatus.APPROVED || org.status === OrganizationStatus.ACTIVE) {
      throw conflict(`Organisation ${org.id} is already ${org.status.toLowerCase()}; nothing to approve.`);
    }
    const today = ctx.clock.today();
    const mous = await ctx.db.primary.getRepository(MouEntity).findBy({ organizationId: org.id });
    if (!mous.some((m) => isInForce(m, today))) {
      throw conflict(`No MoU is in force for organisation ${org.id}: DEPwD must first record the signed MoU (recordMou), then approve.`, { requiredStep: 'recordMou' });
    }
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, OrganizationEntity, org.id, org.version, { status: OrganizationStatus.APPROVED, approvedAt: now, updatedAt: now }, `Organisation ${org.id}`);
      await recordAdminAudit(m, ctx, { action: 'APPROVE_ORGANIZATION', targetType: 'ORGANIZATION', targetId: org.id, before: org.status, after: OrganizationStatus.APPROVED });
    });
    this.gate.invalidateOrganization(org.id);
    return toOrganization(await this.get(ctx, org.id));
  }

  /** NIC activates the account: organisation ACTIVE, its partner admin created and sent a single-use activation link. */
  async activate(ctx: RequestContext, organizationId: string) {
    const org = await this.get(ctx, parseId(organizationId, 'organizationId'));
    if (org.status === OrganizationStatus.ACTIVE) {
      throw conflict(`Organisation ${org.id} is already active. To send a fresh activation link to a partner admin who has not activated yet, use resendActivationLink.`);
    }
    if (org.status !== OrganizationStatus.APPROVED) {
      throw conflict(`Organisation ${org.id} is ${org.status.toLowerCase()}: DEPwD must approve it first (approveOrganization), then NIC activates it.`, { requiredStep: 'approveOrganization' });
    }
    const today = ctx.clock.today();
    const mous = await ctx.db.primary.getRepository(MouEntity).findBy({ organizationId: org.id });
    if (!mous.some((m) => isInForce(m, today))) {
      throw conflict(`The MoU of organisation ${org.id} is no longer in force: DEPwD must record a new MoU and approve the organisation again.`, { requiredStep: 'recordMou' });
    }
    const now = ctx.clock.now();
    const result = await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, OrganizationEntity, org.id, org.version, {
        status: OrganizationStatus.ACTIVE, activatedAt: now, deactivatedAt: null, deactivationReason: null, updatedAt: now,
      }, `Organisation ${org.id}`);
      await recordAdminAudit(m, ctx, { action: 'ACTIVATE_ORGANIZATION', targetType: 'ORGANIZATION', targetId: org.id, before: org.status, after: OrganizationStatus.ACTIVE });
      return this.staff.ensurePartnerAdmin(m, ctx, org);
    });
    this.staff.deliver(ctx, result.messageIds);
    this.gate.invalidateOrganization(org.id);
    return { organization: toOrganization(await this.get(ctx, org.id)), partnerAdmin: result.user, activationLinkExpiresAt: result.expiresAt };
  }

  async list(ctx: RequestContext, filter: OrganizationFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<OrganizationConnection> {
    const n = pageSize(first);
    const qb = ctx.db.primary.getRepository(OrganizationEntity).createQueryBuilder('o').orderBy('o.id', 'ASC').take(n + 1);
    const own = visibleOrg(ctx);
    if (own !== null) qb.andWhere('o.id = :own', { own });
    const cursor = decodeIdCursor('org', after);
    if (cursor !== null) qb.andWhere('o.id > :cursor', { cursor });
    if (filter?.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter?.category) qb.andWhere('o.category = :category', { category: filter.category });
    if (filter?.nameContains) qb.andWhere('LOWER(o.name) LIKE :name', { name: `%${filter.nameContains.toLowerCase().replace(/[%_\\]/g, '')}%` });
    return toConnection('org', await ctx.db.read().getMany(qb), n, toOrganization) as OrganizationConnection;
  }

  async byId(ctx: RequestContext, id: string): Promise<OrganizationType | null> {
    const orgId = parseId(id, 'id');
    const own = visibleOrg(ctx);
    if (own !== null && own !== orgId) return null;
    const org = await ctx.db.primary.getRepository(OrganizationEntity).findOneBy({ id: orgId });
    return org ? toOrganization(org) : null;
  }
}
