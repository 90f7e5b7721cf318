import { IsNull } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import type { RequestGate } from '../access/admission.gate';
import type { ApplicationService } from './application.service';
import { recordAdminAudit } from '../oversight/admin-audit';
import { partnerOrgOf } from '../../core/auth/actor';
import { hashSecret, randomSecret } from '../../core/auth/secrets';
import { guardedUpdate } from '../../core/db/guarded';
import { badInput, conflict, notFound } from '../../core/errors/errors';
import { parseClientJwks, ProofError } from '../../core/auth/proofs';
import { parseId } from '../../core/graphql/keyset';
import { ApplicationEntity, ApplicationIpEntity, ApplicationStatus, ClientCredentialEntity } from './application.entity';
import { IpInput, RegisterClientKeysInput, RequireDpopInput } from './application.inputs';
import { ApplicationType, IssuedClientSecret, toApplication } from './application.types';

/** Canonical text of an IP or CIDR, so that "203.0.113.10 " and "203.0.113.10" are one entry. */
const canonical = (cidr: string) => cidr.trim().toLowerCase();

/** Who may call from where (integration engineer) and with which secret (partner admin). */
export class ApplicationAccessService {
  constructor(private readonly applications: ApplicationService, private readonly gate: RequestGate) {}

  async allowIp(ctx: RequestContext, input: IpInput): Promise<ApplicationType> {
    const app = await this.applications.get(ctx, parseId(input.applicationId, 'applicationId'));
    if (app.status === ApplicationStatus.DISABLED) throw conflict(`Application ${app.id} is disabled; NIC must enable it before IPs are allowlisted.`, { requiredStep: 'enableApplication' });
    await this.applications.assertOrgActive(ctx, app.organizationId, 'allowlist an IP');
    const cidr = canonical(input.cidr);
    const now = ctx.clock.now();
    const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    await ctx.db.primary.transaction(async (m) => {
      // Serialises concurrent allowIp calls on one application, so a CIDR is never active twice.
      await guardedUpdate(m, ApplicationEntity, app.id, app.version, { updatedAt: now }, `Application ${app.id}`);
      const dup = await m.findOneBy(ApplicationIpEntity, { applicationId: app.id, cidr, revokedAt: IsNull() });
      if (dup) throw conflict(`${cidr} is already allowlisted for application ${app.id}.`);
      const r = await m.insert(ApplicationIpEntity, { applicationId: app.id, cidr, addedAt: now, addedBy: userId, revokedAt: null, revokedBy: null });
      await recordAdminAudit(m, ctx, { action: 'ALLOW_IP', targetType: 'APPLICATION', targetId: app.id, details: { cidr, ipId: r.identifiers[0].id } });
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.applications.get(ctx, app.id));
  }

  async revokeIp(ctx: RequestContext, input: IpInput): Promise<ApplicationType> {
    const app = await this.applications.get(ctx, parseId(input.applicationId, 'applicationId'));
    const cidr = canonical(input.cidr);
    const now = ctx.clock.now();
    const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    await ctx.db.primary.transaction(async (m) => {
      const r = await m.createQueryBuilder().update(ApplicationIpEntity).set({ revokedAt: now, revokedBy: userId })
        .where('application_id = :id AND cidr = :cidr AND revoked_at IS NULL', { id: app.id, cidr }).execute();
      if (!r.affected) throw notFound(`${cidr} is not on the allowlist of application ${app.id}.`);
      await recordAdminAudit(m, ctx, { action: 'REVOKE_IP', targetType: 'APPLICATION', targetId: app.id, details: { cidr } });
      await this.applications.ipRevoked(m, ctx, app.id);
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.applications.get(ctx, app.id));
  }

  /** A new client secret, shown once; every earlier secret of the application stops working now. */
  async issueClientSecret(ctx: RequestContext, applicationId: string): Promise<IssuedClientSecret> {
    const orgId = partnerOrgOf(ctx);
    const app = await this.applications.get(ctx, parseId(applicationId, 'applicationId'));
    if (app.organizationId !== orgId) throw notFound('No application with this id in your organisation.');
    if (app.status === ApplicationStatus.REQUESTED) {
      throw conflict(`Application ${app.id} is only requested: create (confirm) it first with createApplication, then draw its secret.`, { requiredStep: 'createApplication' });
    }
    if (app.status === ApplicationStatus.DISABLED) throw conflict(`Application ${app.id} is disabled by NIC; no secret can be issued until it is enabled.`);
    await this.applications.assertOrgActive(ctx, app.organizationId, 'issue a client secret');
    const secret = randomSecret(32);
    const secretHash = await hashSecret(secret);
    const now = ctx.clock.now();
    const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    const revoked = await ctx.db.primary.transaction(async (m) => {
      // The version check makes two concurrent rotations conflict instead of leaving two live secrets.
      await guardedUpdate(m, ApplicationEntity, app.id, app.version, { updatedAt: now }, `Application ${app.id}`);
      const r = await m.createQueryBuilder().update(ClientCredentialEntity).set({ revokedAt: now })
        .where('application_id = :id AND revoked_at IS NULL', { id: app.id }).execute();
      await m.insert(ClientCredentialEntity, { applicationId: app.id, secretHash, secretHint: secret.slice(0, 6), createdAt: now, createdBy: userId, revokedAt: null, lastUsedAt: null });
      await recordAdminAudit(m, ctx, { action: 'ISSUE_CLIENT_SECRET', targetType: 'APPLICATION', targetId: app.id, details: { hint: secret.slice(0, 6), revokedPrevious: r.affected ?? 0 } });
      return r.affected ?? 0;
    });
    this.gate.invalidateApplication(app.id);
    return Object.assign(new IssuedClientSecret(), {
      application: toApplication(await this.applications.get(ctx, app.id)),
      clientId: app.clientId, clientSecret: secret, hint: secret.slice(0, 6), revokedPrevious: revoked,
    });
  }

  /** PARTNER_ADMIN: the application's public keys for private_key_jwt (replacing earlier ones); optionally the secret switched off. Audited. */
  async registerClientKeys(ctx: RequestContext, input: RegisterClientKeysInput): Promise<ApplicationType> {
    const orgId = partnerOrgOf(ctx);
    const app = await this.applications.get(ctx, parseId(input.applicationId, 'applicationId'));
    if (app.organizationId !== orgId) throw notFound('No application with this id in your organisation.');
    let jwks;
    try { jwks = parseClientJwks(input.jwks); } catch (e) { throw badInput(e instanceof ProofError ? e.message : 'jwks is not a valid JSON Web Key Set.'); }
    const now = ctx.clock.now();
    const kids = jwks.keys.map((k) => String(k.kid));
    await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, ApplicationEntity, app.id, app.version, {
        clientJwks: JSON.stringify(jwks), ...(input.disableClientSecret ? { clientSecretEnabled: false } : {}), updatedAt: now,
      }, `Application ${app.id}`);
      await recordAdminAudit(m, ctx, { action: 'REGISTER_CLIENT_KEYS', targetType: 'APPLICATION', targetId: app.id, details: { kids, clientSecretDisabled: !!input.disableClientSecret } });
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.applications.get(ctx, app.id));
  }

  /** DEPWD_ADMIN: require (or stop requiring) DPoP-bound tokens; takes effect on the next call. Audited. */
  async requireDpop(ctx: RequestContext, input: RequireDpopInput): Promise<ApplicationType> {
    const app = await this.applications.get(ctx, parseId(input.applicationId, 'applicationId'));
    const now = ctx.clock.now();
    await ctx.db.primary.transaction(async (m) => {
      await guardedUpdate(m, ApplicationEntity, app.id, app.version, { dpopRequired: input.required, updatedAt: now }, `Application ${app.id}`);
      await recordAdminAudit(m, ctx, { action: input.required ? 'REQUIRE_DPOP' : 'RELEASE_DPOP', targetType: 'APPLICATION', targetId: app.id, details: {} });
    });
    this.gate.invalidateApplication(app.id);
    return toApplication(await this.applications.get(ctx, app.id));
  }
}
