import type { EntityManager } from 'typeorm';
import type { JSONWebKeySet } from 'jose';
import type { RequestContext } from '../../core/request/context';
import type { RequestGate } from '../access/admission.gate';
import { recordAdminAudit } from '../oversight/admin-audit';
import { assertVisible, partnerOrgOf, visibleOrg } from '../../core/auth/actor';
import { scopeFromName } from '../../core/authz/scopes';
import { guardedUpdate } from '../../core/db/guarded';
import { badInput, conflict, notFound } from '../../core/errors/errors';
import { decodeIdCursor, pageSize, parseId, toConnection } from '../../core/graphql/keyset';
import { MouEntity } from '../mou/mou.entity';
import { isInForce } from '../mou/mou.calendar';
import { OrganizationEntity, OrganizationStatus } from '../organization/organization.entity';
import { newClientId } from '../organization/organization.service';
import { ApplicationEntity, ApplicationIpEntity, ApplicationStatus } from './application.entity';
import { ApplicationFilter, ApproveApplicationInput, CreateApplicationInput, ReasonInput } from './application.inputs';
import { ApplicationConnection, ApplicationType, toApplication } from './application.types';
import { actorOf, SharingSuspension } from '../access/sharing.suspension';
import type { PurposeGrants } from '../purpose/purpose.service';

/** What other modules learn of an application's de-activation steps (the SOP module closes its tasks). */
export interface ApplicationStepListener {
  applicationDisabled(m: EntityManager, ctx: RequestContext, applicationId: number): Promise<void>;
  ipsEmptied(m: EntityManager, ctx: RequestContext, applicationId: number): Promise<void>;
}
const NO_LISTENER: ApplicationStepListener = { applicationDisabled: async () => undefined, ipsEmptied: async () => undefined };

/**
 * Applications through the SOP: confirmed or requested by the partner admin, approved with scopes and
 * a daily quota by DEPwD, disabled/enabled by NIC, sharing suspended/resumed by DEPwD.
 */
export class ApplicationService {
  /** `steps`: told, in the step's transaction, when an application is disabled or its allowlist emptied (the SOP's open tasks close). */
  constructor(private readonly gate: RequestGate, private readonly steps: ApplicationStepListener = NO_LISTENER, private readonly purposes: PurposeGrants | null = null) {}

  /** An organisation's applications with how many allowlisted IPs each still has, read in the caller's transaction. */
  async accessHoldersOf(m: EntityManager, organizationId: number): Promise<{ id: number; name: string; disabled: boolean; activeIps: number }[]> {
    const apps = await m.find(ApplicationEntity, { where: { organizationId }, order: { id: 'ASC' } });
    const out = [];
    for (const a of apps) out.push({ id: a.id, name: a.name, disabled: a.status === ApplicationStatus.DISABLED, activeIps: await this.activeIpCount(m, a.id) });
    return out;
  }

  async activeIpCount(m: EntityManager, applicationId: number): Promise<number> {
    return m.createQueryBuilder(ApplicationIpEntity, 'ip').where('ip.application_id = :id AND ip.revoked_at IS NULL', { id: applicationId }).getCount();
  }

  /** Called by revokeIp in its transaction: the allowlist of `applicationId` may just have become empty. */
  async ipRevoked(m: EntityManager, ctx: RequestContext, applicationId: number): Promise<void> {
    if (await this.activeIpCount(m, applicationId) === 0) await this.steps.ipsEmptied(m, ctx, applicationId);
  }

  /** The public keys the application registered (registerClientKeys), or null: for checking what its partner signs. */
  async clientKeysOf(m: EntityManager, applicationId: number): Promise<JSONWebKeySet | null> {
    const app = await m.findOne(ApplicationEntity, { where: { id: applicationId }, select: { id: true, clientJwks: true } });
    return app?.clientJwks ? (JSON.parse(app.clientJwks) as JSONWebKeySet) : null;
  }

  async get(ctx: RequestContext, id: number): Promise<ApplicationEntity> {
    const app = await ctx.db.primary.getRepository(ApplicationEntity).findOneBy({ id });
    if (!app) throw notFound(`No application with id ${id}.`);
    return app;
  }

  /** The organisation must be active with an MoU in force for any step that leads towards access. */
  async assertOrgActive(ctx: RequestContext, organizationId: number, step: string): Promise<OrganizationEntity> {
    const org = await ctx.db.primary.getRepository(OrganizationEntity).findOneByOrFail({ id: organizationId });
    if (org.status !== OrganizationStatus.ACTIVE) {
      const first = org.status === OrganizationStatus.APPROVED ? 'NIC must activate it first (activateOrganization)'
        : 'DEPwD must approve it (approveOrganization) and NIC activate it (activateOrganization) first';
      throw conflict(`Cannot ${step}: organisation ${org.id} is ${org.status.toLowerCase()}; ${first}.`, { requiredStep: org.status === OrganizationStatus.APPROVED ? 'activateOrganization' : 'approveOrganization' });
    }
    const mous = await ctx.db.primary.getRepository(MouEntity).findBy({ organizationId });
    if (!mous.some((m) => isInForce(m, ctx.clock.today()))) {
      throw conflict(`Cannot ${step}: no MoU with DEPwD is in force for organisation ${org.id}; a new MoU must be signed and recorded (recordMou).`, { requiredStep: 'recordMou' });
    }
    return org;
  }

  async create(ctx: RequestContext, input: CreateApplicationInput): Promise<ApplicationType> {
    const orgId = partnerOrgOf(ctx);
    await this.assertOrgActive(ctx, orgId, 'create an application');
    const f = input.form;
    const now = ctx.clock.now();
    const fields = {
      name: f.name.trim(), description: f.description.trim(), contactPerson: f.contactPerson.trim(), email: f.email.trim().toLowerCase(),
      purpose: f.accessRequiredFor.trim(), requestedIps: f.publicIps.map((ip) => ip.trim()),
      requestedScopes: (f.requestedScopes ?? []).map(scopeFromName), status: ApplicationStatus.CREATED, createdAt: now, updatedAt: now,
    };
    if (input.applicationId) {
      const app = await this.get(ctx, parseId(input.applicationId, 'applicationId'));
      if (app.organizationId !== orgId) throw notFound('No application with this id in your organisation.');
      if (app.status !== ApplicationStatus.REQUESTED) throw conflict(`Application ${app.id} is already ${app.status.toLowerCase()}; only a REQUESTED application is confirmed with createApplication.`);
      await ctx.db.primary.transaction(async (m) => {
        await guardedUpdate(m, ApplicationEntity, app.id, app.version, fields, `Application ${app.id}`);
        await recordAdminAudit(m, ctx, { action: 'CREATE_APPLICATION', targetType: 'APPLICATION', targetId: app.id, before: app.status, after: ApplicationStatus.CREATED });
      });
      this.gate.invalidateApplication(app.id);
      return toApplication(await this.get(ctx, app.id));
    }
    const saved = await ctx.db.primary.transaction(async (m) => {
      const app = await m.save(m.create(ApplicationEntity, {
        ...fields, organizationId: orgId, clientId: newClientId(), approvedScopes: null, dailyRecordQuota: 0, costBudget: 2000,
        costRestoreRate: 100, requestedAt: now, approvedAt: null, disabledAt: null, disabledReason: null, sharingSuspendedAt: null,
        sharingSuspensionKind: null, sharingSuspensionReason: null, firstRecordAccessAt: null, lastBenefitReportAt: null,
      }));
      await recordAdminAudit(m, ctx, { action: 'CREATE_APPLICATION', targetType: 'APPLICATION', targetId: app.id, after: app.status, details: { requestedIps: app.requestedIps } });
      return app;
    });
    return toApplication(saved);
  }

  /** DEPwD grants scopes (among those requested, if any were) and the daily distinct-record quota; again later to change them. */
  async approve(ctx: RequestContext, input: ApproveApplicationInput): Promise<ApplicationType> {
    const app = await this.get(ctx, parseId(input.applicationId, 'applicationId'));
    if (app.status === ApplicationStatus.REQUESTED) {
      throw conflict(`Application ${app.id} is only requested: the partner admin must first create (confirm) it with createApplication.`, { requiredStep: 'createApplication' });
    }
    if (app.status === ApplicationStatus.DISABLED) throw conflict(`Application ${app.id} is disabled; NIC must enable it (enableApplication) before it is approved again.`, { requiredStep: 'enableApplication' });
    await this.assertOrgActive(ctx, app.organizationId, 'approve the application');
    const scopes = input.scopes.map(scopeFromName);
    const requested = app.requestedScopes ?? [];
    const extra = requested.length ? scopes.filter((s) => !requested.includes(s)) : [];
    if (extra.length) throw badInput(`Not requested by the application, so cannot be approved: ${extra.join(', ')}. Requested: ${requested.join(', ')}.`);
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, ApplicationEntity, app.id, app.version, {
        status: ApplicationStatus.APPROVED, approvedScopes: scopes, dailyRecordQuota: input.dailyRecordQuota,
        costBudget: input.costBudget ?? app.costBudget, costRestoreRate: input.costRestoreRate ?? app.costRestoreRate, approvedAt: now, updatedAt: now,
      }, `Application ${app.id}`);
      const purposeIds = input.purposeIds ? [...new Set(input.purposeIds.map((id) => parseId(id, 'purposeIds')))] : null;
      const granted = this.purposes ? await this.purposes.approveApplication(m, ctx, app, scopes, input.dailyRecordQuota, purposeIds) : [];
      await recordAdminAudit(m, ctx, { action: 'APPROVE_APPLICATION', targetType: 'APPLICATION', targetId: app.id, before: app.status, after: ApplicationStatus.APPROVED, details: { scopes, dailyRecordQuota: input.dailyRecordQuota, purposeIds: granted } });
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.get(ctx, app.id));
  }

  async disable(ctx: RequestContext, input: ReasonInput): Promise<ApplicationType> {
    const app = await this.get(ctx, parseId(input.applicationId, 'applicationId'));
    if (app.status === ApplicationStatus.DISABLED) throw conflict(`Application ${app.id} is already disabled (since ${app.disabledAt?.toISOString()}).`);
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, ApplicationEntity, app.id, app.version, { status: ApplicationStatus.DISABLED, disabledAt: now, disabledReason: input.reason.trim(), updatedAt: now }, `Application ${app.id}`);
      await recordAdminAudit(m, ctx, { action: 'DISABLE_APPLICATION', targetType: 'APPLICATION', targetId: app.id, before: app.status, after: ApplicationStatus.DISABLED, details: { reason: input.reason } });
      await this.steps.applicationDisabled(m, ctx, app.id);
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.get(ctx, app.id));
  }

  /** Back to the state it had reached before it was disabled. */
  async enable(ctx: RequestContext, input: ReasonInput): Promise<ApplicationType> {
    const app = await this.get(ctx, parseId(input.applicationId, 'applicationId'));
    if (app.status !== ApplicationStatus.DISABLED) throw conflict(`Application ${app.id} is ${app.status.toLowerCase()}, not disabled; nothing to enable.`);
    const to = app.approvedAt ? ApplicationStatus.APPROVED : app.createdAt ? ApplicationStatus.CREATED : ApplicationStatus.REQUESTED;
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, ApplicationEntity, app.id, app.version, { status: to, disabledAt: null, disabledReason: null, updatedAt: now }, `Application ${app.id}`);
      await recordAdminAudit(m, ctx, { action: 'ENABLE_APPLICATION', targetType: 'APPLICATION', targetId: app.id, before: app.status, after: to, details: { reason: input.reason } });
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.get(ctx, app.id));
  }

  async suspendSharing(ctx: RequestContext, input: ReasonInput): Promise<ApplicationType> {
    const app = await this.get(ctx, parseId(input.applicationId, 'applicationId'));
    if (app.sharingSuspendedAt) throw conflict(`Sharing with application ${app.id} is already suspended (${app.sharingSuspensionKind}: ${app.sharingSuspensionReason}).`);
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      const done = await SharingSuspension.suspend(m, app.id, { kind: 'MANUAL', reason: input.reason.trim(), actor: actorOf(ctx), at: now, details: { reason: input.reason } });
      if (!done) throw conflict(`Sharing with application ${app.id} was suspended by someone else at the same moment.`);
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.get(ctx, app.id));
  }

  async resumeSharing(ctx: RequestContext, input: ReasonInput): Promise<ApplicationType> {
    const app = await this.get(ctx, parseId(input.applicationId, 'applicationId'));
    if (!app.sharingSuspendedAt) throw conflict(`Sharing with application ${app.id} is not suspended; nothing to resume.`);
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      const done = await SharingSuspension.resume(m, app.id, { actor: actorOf(ctx), at: now, details: { previousKind: app.sharingSuspensionKind, previousReason: app.sharingSuspensionReason, reason: input.reason } });
      if (!done) throw conflict(`Sharing with application ${app.id} was resumed by someone else at the same moment.`);
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.get(ctx, app.id));
  }

  async list(ctx: RequestContext, filter: ApplicationFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<ApplicationConnection> {
    const n = pageSize(first);
    const qb = ctx.db.primary.getRepository(ApplicationEntity).createQueryBuilder('a').orderBy('a.id', 'ASC').take(n + 1);
    const own = visibleOrg(ctx);
    if (own !== null) qb.andWhere('a.organization_id = :own', { own });
    if (filter?.organizationId) qb.andWhere('a.organization_id = :org', { org: parseId(filter.organizationId, 'organizationId') });
    const cursor = decodeIdCursor('app', after);
    if (cursor !== null) qb.andWhere('a.id > :cursor', { cursor });
    if (filter?.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter?.sharingSuspended === true) qb.andWhere('a.sharing_suspended_at IS NOT NULL');
    if (filter?.sharingSuspended === false) qb.andWhere('a.sharing_suspended_at IS NULL');
    return toConnection('app', await ctx.db.read().getMany(qb), n, toApplication) as ApplicationConnection;
  }

  async byId(ctx: RequestContext, id: string): Promise<ApplicationType | null> {
    const app = await ctx.db.primary.getRepository(ApplicationEntity).findOneBy({ id: parseId(id, 'id') });
    if (!app) return null;
    try { assertVisible(ctx, app.organizationId, 'application'); } catch { return null; }
    return toApplication(app);
  }
}
