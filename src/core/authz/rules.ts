import { allow, rule } from 'graphql-shield';
import type { Rule } from 'graphql-shield/typings/rules';
import type { RequestContext } from '../request/context';
import { DomainError, forbidden, unauthenticated } from '../errors/errors';
import { PWD_READ_SCOPES, Role, Scope } from './scopes';

/**
 * The building blocks of the rule map. Every rule is cached per request ('contextual'): it runs
 * once per request, whatever the number of fields or records it guards.
 *
 * Conventions (checked at start-up and by test/authz): a rule has a unique name (the name keys the
 * cache); a denial is RETURNED as a DomainError (UNAUTHENTICATED or FORBIDDEN with requiredScope /
 * requiredRole), never thrown — shield turns a thrown error into a bare FORBIDDEN. A rule that
 * looks at the parent or the arguments (object-level checks) must not use 'contextual'.
 */

export const isPublic = allow;

export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_p, _a, ctx: RequestContext) => ctx.principal.kind !== 'anonymous' || unauthenticated(),
);

export const isApplication = rule('isApplication', { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
  if (ctx.principal.kind === 'anonymous') return unauthenticated();
  return ctx.principal.kind === 'application' || forbidden('Only partner applications (client-credentials tokens) may call this.');
});

const scopeRules = new Map<Scope, Rule>();
/** Served exactly when the token holds `scope`; otherwise FORBIDDEN naming the scope. */
export function hasScope(scope: Scope): Rule {
  let r = scopeRules.get(scope);
  if (!r) {
    r = rule(`scope:${scope}`, { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
      const p = ctx.principal;
      if (p.kind === 'anonymous') return unauthenticated();
      if (p.kind !== 'application') return forbidden('Only partner applications (client-credentials tokens) may read this field.', { requiredScope: scope });
      return p.scopes.has(scope) || forbidden(`This field needs the ${scope} scope, which this token does not hold.`, { requiredScope: scope });
    });
    scopeRules.set(scope, r);
  }
  return r;
}

/** `udid` and `cardStatus` need any pwd:* read scope (PWD_READ_SCOPES: not pwd:verify). */
export const hasAnyPwdReadScope = rule('scope:pwd:*', { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
  const p = ctx.principal;
  if (p.kind === 'anonymous') return unauthenticated();
  if (p.kind !== 'application') return forbidden('Only partner applications may read PwD records.', { requiredScope: 'pwd:*' });
  return PWD_READ_SCOPES.some((s) => p.scopes.has(s)) || forbidden('This field needs a pwd:* read scope (pwd:identity, pwd:contact, pwd:disability, pwd:socioeconomic, pwd:aadhaar or pwd:search); pwd:verify gives verifyUdid only.', { requiredScope: 'pwd:*' });
});

/** Marks fields any pwd:* read scope may see in a scope → fields map. */
export const ANY_PWD_READ = 'pwd:*' as const;
export type FieldAccess = Scope | typeof ANY_PWD_READ;

export const accessRule = (access: FieldAccess): Rule => (access === ANY_PWD_READ ? hasAnyPwdReadScope : hasScope(access));

/**
 * Builds a type's field rules from a scope → fields map (the one declaration the README, the
 * rules and the authorization matrix test all read). A field listed under two scopes is a mistake.
 */
export function rulesByScope<F extends string>(byScope: Partial<Record<FieldAccess, readonly F[]>>): Record<F, Rule> {
  const out = {} as Record<F, Rule>;
  for (const [access, fields] of Object.entries(byScope) as [FieldAccess, F[]][]) {
    for (const f of fields) {
      if (out[f]) throw new Error(`Field ${f} is listed under two scopes.`);
      out[f] = accessRule(access);
    }
  }
  return out;
}

const roleRules = new Map<string, Rule>();
/** Staff or partner users with one of `roles`. */
export function hasRole(...roles: Role[]): Rule {
  const key = [...roles].sort().join('|');
  let r = roleRules.get(key);
  if (!r) {
    r = rule(`role:${key}`, { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
      const p = ctx.principal;
      if (p.kind === 'anonymous') return unauthenticated();
      if (p.kind !== 'user' || !roles.includes(p.role)) return forbidden(`Only ${roles.join(' or ')} may do this.`, { requiredRole: roles });
      return true;
    });
    roleRules.set(key, r);
  }
  return r;
}

export type RuleError = DomainError;
