import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import type { RequestGate } from '../access/admission.gate';
import { recordAdminAudit } from '../oversight/admin-audit';
import { hashSecret, randomSecret, sha256 } from '../../core/auth/secrets';
import { Role } from '../../core/authz/scopes';
import { conditionalUpdate } from '../../core/db/guarded';
import { toDbDateTime } from '../../core/db/columns';
import { badInput, conflict, notFound } from '../../core/errors/errors';
import { decodeIdCursor, pageSize, parseId, toConnection } from '../../core/graphql/keyset';
import { OrganizationEntity, OrganizationStatus } from '../organization/organization.entity';
import { AdminAuditEntity } from '../oversight/oversight.entity';
import { ActivationTokenEntity, OutboxMessageEntity, OutboxStatus, UserAccountEntity, UserStatus } from './staff.entity';
import type { OutboxDrainer } from './outbox.drainer';
import { ActivateAccountInput, AuditTrailFilter, UserStatusInput } from './staff.inputs';
import { AuditEntryConnection, toAuditEntry, toUser, UserAccountType } from './staff.types';

/** How long an activation link stays valid. */
export const ACTIVATION_TTL_MS = 72 * 3600 * 1000;

/** Password rule: 12+ characters, three of four character classes, not the email's name part. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < 12) return 'password must be at least 12 characters';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return 'password must mix at least three of: lower case, upper case, digits, symbols';
  const local = email.split('@')[0].toLowerCase();
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'password must not contain your email name';
  if (/^(.)\1+$/.test(password) || /(0123|1234|2345|3456|4567|5678|6789|abcd|qwer|pass)/i.test(password) && classes < 4) {
    return 'password is too easy to guess; avoid sequences and repeated characters';
  }
  return null;
}

/** Users: partner admins created at activation, the activation link, account state, the audit trail. */
export class StaffService {
  /** `outbox`: delivers what the steps below write to the outbox, once their transaction has committed. */
  constructor(private readonly gate: RequestGate, private readonly outbox: Pick<OutboxDrainer, 'wake'>) {}

  /**
   * The organisation's partner admin (its Department-form email): created PENDING_ACTIVATION with a
   * fresh link, or, when it already exists and is still pending, sent a fresh link. Runs in the
   * caller's transaction; returns outbox ids to deliver after commit.
   */
  async ensurePartnerAdmin(m: EntityManager, ctx: RequestContext, org: OrganizationEntity) {
    const now = ctx.clock.now();
    let user = await m.findOneBy(UserAccountEntity, { organizationId: org.id, role: Role.PARTNER_ADMIN });
    if (!user) {
      const clash = await m.findOneBy(UserAccountEntity, { email: org.email });
      if (clash) throw conflict(`The email ${org.email} already belongs to another account; the organisation's contact email must be unique to it.`);
      user = await m.save(m.create(UserAccountEntity, {
        email: org.email, name: org.contactPerson, role: Role.PARTNER_ADMIN, organizationId: org.id, passwordHash: null,
        status: UserStatus.PENDING_ACTIVATION, failedLogins: 0, lockedUntil: null, activatedAt: null, lastLoginAt: null, createdAt: now,
      }));
      await recordAdminAudit(m, ctx, { action: 'CREATE_PARTNER_ADMIN', targetType: 'USER', targetId: user.id, after: user.status, details: { organizationId: org.id } });
    }
    if (user.status !== UserStatus.PENDING_ACTIVATION) return { user: toUser(user), expiresAt: null, messageIds: [] as number[] };
    const { expiresAt, messageId } = await this.issueActivationLink(m, ctx, user);
    return { user: toUser(user), expiresAt, messageIds: [messageId] };
  }

  /** A single-use, expiring token (stored as SHA-256), sent through the outbox. Earlier unused links stop working. */
  private async issueActivationLink(m: EntityManager, ctx: RequestContext, user: UserAccountEntity) {
    const now = ctx.clock.now();
    const token = randomSecret(32);
    const expiresAt = new Date(now.getTime() + ACTIVATION_TTL_MS);
    await m.createQueryBuilder().update(ActivationTokenEntity).set({ expiresAt: now })
      .where('user_id = :uid AND used_at IS NULL AND expires_at > :now', { uid: user.id, now: toDbDateTime(now) }).execute();
    await m.insert(ActivationTokenEntity, { userId: user.id, tokenHash: sha256(token), expiresAt, usedAt: null, createdAt: now });
    const body = [
      `Dear ${user.name},`,
      '',
      'Your organisation has been activated on UDID Exchange. Activate your partner admin account by choosing a password:',
      '',
      `  activation token: ${token}`,
      '',
      'POST /graphql  mutation { activateAccount(input: { token: "<activation token>", password: "<new password>" }) { email status } }',
      '',
      `The link is single-use and expires at ${expiresAt.toISOString()}.`,
    ].join('\n');
    const r = await m.insert(OutboxMessageEntity, {
      channel: 'EMAIL', recipient: user.email, subject: 'Activate your UDID Exchange account', body, createdAt: now, sentAt: null,
      status: OutboxStatus.PENDING, attempts: 0,
    });
    await recordAdminAudit(m, ctx, { action: 'ISSUE_ACTIVATION_LINK', targetType: 'USER', targetId: user.id, details: { expiresAt: expiresAt.toISOString() } });
    return { expiresAt, messageId: Number(r.identifiers[0].id) };
  }

  /** Active staff users with one of `roles` (who receive the SOP's notices), in the caller's transaction. */
  async activeStaff(m: EntityManager, roles: Role[]): Promise<{ id: number; email: string; name: string; role: Role }[]> {
    const rows = await m.createQueryBuilder(UserAccountEntity, 'u').where('u.role IN (:...roles) AND u.status = :active', { roles, active: UserStatus.ACTIVE })
      .orderBy('u.id', 'ASC').getMany();
    return rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role as Role }));
  }

  /**
   * The partner admins of an organisation who can still act (active, or yet to activate; not disabled), in
   * the caller's transaction: who receives DEPwD's instructions to the organisation.
   */
  async partnerAdmins(m: EntityManager, organizationId: number): Promise<{ id: number; email: string; name: string; status: UserStatus }[]> {
    const rows = await m.createQueryBuilder(UserAccountEntity, 'u')
      .where('u.organization_id = :org AND u.role = :role AND u.status IN (:...statuses)', { org: organizationId, role: Role.PARTNER_ADMIN, statuses: [UserStatus.ACTIVE, UserStatus.PENDING_ACTIVATION] })
      .orderBy('u.id', 'ASC').getMany();
    return rows.map((u) => ({ id: u.id, email: u.email, name: u.name, status: u.status as UserStatus }));
  }

  /**
   * After commit: the outbox drainer sends the messages now instead of at its next poll (SMTP; the log
   * in development; nothing without SMTP_URL, where they wait in outbox_message).
   */
  deliver(_ctx: RequestContext, messageIds: number[]): void {
    if (messageIds.length) this.outbox.wake();
  }

  async resendActivationLink(ctx: RequestContext, organizationId: string) {
    const orgId = parseId(organizationId, 'organizationId');
    const org = await ctx.db.primary.getRepository(OrganizationEntity).findOneBy({ id: orgId });
    if (!org) throw notFound(`No organisation with id ${orgId}.`);
    if (org.status !== OrganizationStatus.ACTIVE) throw conflict(`Organisation ${org.id} is ${org.status.toLowerCase()}: NIC must activate it first (activateOrganization), which sends the link.`);
    const result = await ctx.db.primary.transaction(async (m) => {
      const user = await m.findOneBy(UserAccountEntity, { organizationId: org.id, role: Role.PARTNER_ADMIN });
      if (!user || user.status !== UserStatus.PENDING_ACTIVATION) throw conflict(`The partner admin of organisation ${org.id} has already activated the account; they sign in at POST /auth/login.`);
      const r = await this.issueActivationLink(m, ctx, user);
      return { user: toUser(user), expiresAt: r.expiresAt, messageIds: [r.messageId] };
    });
    this.deliver(ctx, result.messageIds);
    return { organization: org, partnerAdmin: result.user, activationLinkExpiresAt: result.expiresAt };
  }

  /** The partner user sets a password through the link: the token works once, before it expires. */
  async activateAccount(ctx: RequestContext, input: ActivateAccountInput): Promise<UserAccountType> {
    const now = ctx.clock.now();
    const tok = await ctx.db.primary.getRepository(ActivationTokenEntity).findOneBy({ tokenHash: sha256(input.token) });
    if (!tok) throw badInput('This activation token is not valid. Use the token from the most recent activation email, or ask NIC to send a new link.');
    if (tok.usedAt) throw conflict('This activation link has already been used. Sign in at POST /auth/login, or ask NIC for a new link if you did not use it.');
    if (tok.expiresAt.getTime() <= now.getTime()) throw badInput(`This activation link expired at ${tok.expiresAt.toISOString()}. Ask the NIC operator to send a new one (resendActivationLink).`);
    const user = await ctx.db.primary.getRepository(UserAccountEntity).findOneBy({ id: tok.userId });
    if (!user || user.status !== UserStatus.PENDING_ACTIVATION) throw conflict('This account is not waiting for activation. Sign in at POST /auth/login.');
    const problem = passwordProblem(input.password, user.email);
    if (problem) throw badInput(`Choose a stronger password: ${problem}.`, { invalidFields: [{ field: 'password', problems: [problem] }] });
    const passwordHash = await hashSecret(input.password);
    await ctx.db.primary.transaction(async (m) => {
      // Both conditional: two concurrent uses of one token cannot both succeed.
      await conditionalUpdate(m, ActivationTokenEntity, { usedAt: now }, 'id = :id AND used_at IS NULL', { id: tok.id }, 'This activation link has already been used.');
      await conditionalUpdate(m, UserAccountEntity, { status: UserStatus.ACTIVE, passwordHash, activatedAt: now },
        'id = :id AND status = :pending', { id: user.id, pending: UserStatus.PENDING_ACTIVATION }, 'This account is not waiting for activation.');
      await recordAdminAudit(m, ctx, { action: 'ACTIVATE_ACCOUNT', targetType: 'USER', targetId: user.id, before: user.status, after: UserStatus.ACTIVE });
    });
    this.gate.invalidateUser(user.id);
    return toUser((await ctx.db.primary.getRepository(UserAccountEntity).findOneBy({ id: user.id }))!);
  }

  /** NIC disables a user (SOP de-activation); their tokens stop working within the gate's cache bound. */
  async setUserStatus(ctx: RequestContext, input: UserStatusInput, enable: boolean): Promise<UserAccountType> {
    const id = parseId(input.userId, 'userId');
    const user = await ctx.db.primary.getRepository(UserAccountEntity).findOneBy({ id });
    if (!user) throw notFound(`No user with id ${id}.`);
    const from = enable ? UserStatus.DISABLED : UserStatus.ACTIVE;
    const to = enable ? UserStatus.ACTIVE : UserStatus.DISABLED;
    if (user.status !== from) {
      throw conflict(enable ? `User ${id} is ${user.status.toLowerCase()}, not disabled; nothing to enable.` : `User ${id} is ${user.status.toLowerCase()}; only an active user can be disabled.`);
    }
    await ctx.db.primary.transaction(async (m) => {
      await conditionalUpdate(m, UserAccountEntity, { status: to }, 'id = :id AND status = :from', { id, from }, `User ${id} changed at the same moment; reload and retry.`);
      await recordAdminAudit(m, ctx, { action: enable ? 'ENABLE_USER' : 'DISABLE_USER', targetType: 'USER', targetId: id, before: from, after: to, details: { reason: input.reason } });
    });
    this.gate.invalidateUser(id);
    return toUser({ ...user, status: to });
  }

  async auditTrail(ctx: RequestContext, filter: AuditTrailFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<AuditEntryConnection> {
    const n = pageSize(first);
    // Newest first: the keyset runs downwards.
    const qb = ctx.db.primary.getRepository(AdminAuditEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(n + 1);
    const cursor = decodeIdCursor('audit', after);
    if (cursor !== null) qb.andWhere('a.id < :cursor', { cursor });
    if (filter?.targetType) qb.andWhere('a.target_type = :tt', { tt: filter.targetType });
    if (filter?.targetId) qb.andWhere('a.target_id = :tid', { tid: parseId(filter.targetId, 'targetId') });
    if (filter?.action) qb.andWhere('a.action = :action', { action: filter.action });
    return toConnection('audit', await ctx.db.read().getMany(qb), n, toAuditEntry) as AuditEntryConnection;
  }
}
