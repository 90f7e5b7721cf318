import type { RequestContext } from '../request/context';
import { Role } from '../authz/scopes';
import { forbidden, notFound, unauthenticated } from '../errors/errors';
import type { UserPrincipal } from './principal';

/** The signed-in user (the rule map has already checked the role; this narrows the type). */
export function userOf(ctx: RequestContext): UserPrincipal {
  if (ctx.principal.kind !== 'user') throw unauthenticated('Sign in first (POST /auth/login).');
  return ctx.principal;
}

/** The organisation of a signed-in partner admin. */
export function partnerOrgOf(ctx: RequestContext): number {
  const u = userOf(ctx);
  if (u.role !== Role.PARTNER_ADMIN || u.organizationId == null) throw forbidden('Only a PARTNER_ADMIN of an organisation may do this.');
  return u.organizationId;
}

/**
 * Which organisation's rows a reader may see: null = every organisation (staff), or the caller's own
 * (a partner admin, or an application). A partner never sees another organisation.
 */
export function visibleOrg(ctx: RequestContext): number | null {
  const p = ctx.principal;
  if (p.kind === 'application') return p.organizationId;
  if (p.kind === 'user') return p.role === Role.PARTNER_ADMIN ? (p.organizationId ?? -1) : null;
  throw unauthenticated();
}

/** NOT_FOUND (not FORBIDDEN) for another organisation's rows, so ids reveal nothing. */
export function assertVisible(ctx: RequestContext, organizationId: number, what: string): void {
  const own = visibleOrg(ctx);
  if (own !== null && own !== organizationId) throw notFound(`No ${what} with this id in your organisation.`);
}
