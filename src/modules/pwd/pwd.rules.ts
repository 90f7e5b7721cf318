import { allow, and, rule } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { accessRule, ANY_PWD_READ, FieldAccess, rulesByScope } from '../../core/authz/rules';
import { PWD_READ_SCOPES, Scope } from '../../core/authz/scopes';
import type { PwdRecord } from './pwd.types';
import type { PwdFilter } from './pwd.inputs';
import type { RequestContext } from '../../core/request/context';
import { forbidden } from '../../core/errors/errors';

type PwdField = Exclude<keyof PwdRecord, 'id'>;

/**
 * Which scope unlocks which PwdRecord field (DESIGN.md §4, §6). The single declaration: the rules
 * below are built from it, the README table mirrors it and test/authz checks the running server against it.
 */
export const PWD_RECORD_FIELDS_BY_SCOPE: Record<FieldAccess, readonly PwdField[]> = {
  [ANY_PWD_READ]: ['udid', 'cardStatus'],
  [Scope.PWD_IDENTITY]: ['name', 'nameRegional', 'guardianName', 'gender', 'dateOfBirth'],
  [Scope.PWD_CONTACT]: ['mobile', 'email', 'address', 'pincode', 'district', 'state'],
  [Scope.PWD_DISABILITY]: ['disabilities', 'disabilityPercentage', 'certificateType', 'certificateNumber', 'certificateIssuedOn', 'validUntil', 'issuingAuthority'],
  [Scope.PWD_SOCIOECONOMIC]: ['education', 'employment', 'incomeBand', 'belowPovertyLine'],
  [Scope.PWD_AADHAAR]: ['aadhaarLast4'],
  [Scope.PWD_SEARCH]: [],
  [Scope.PWD_VERIFY]: [],
  [Scope.BENEFIT_WRITE]: [],
  [Scope.BENEFIT_READ]: [],
};

/** The selected PwdRecord fields the scopes unlock: what the access log records as served (refused fields are not). */
export function fieldsInScope(fields: string[], scopes: ReadonlySet<Scope>): string[] {
  const anyRead = PWD_READ_SCOPES.some((s) => scopes.has(s));
  const allowed = new Set((Object.entries(PWD_RECORD_FIELDS_BY_SCOPE) as [FieldAccess, readonly string[]][])
    .filter(([access]) => (access === ANY_PWD_READ ? anyRead : scopes.has(access)))
    .flatMap(([, fs]) => fs));
  return fields.filter((f) => allowed.has(f));
}

/**
 * The record field each `pwds` filter reads (you may filter only on what you may read, DESIGN.md
 * §11): a filter is an oracle for its field. `state` filters by the UDID's state code (its first two
 * letters), which every pwd:* reader sees in `udid`; `updatedSince` reads no field of the person.
 */
export const PWD_FILTER_FIELDS: Record<keyof PwdFilter, PwdField | null> = {
  state: 'udid', district: 'district', disabilityType: 'disabilities', percentageMin: 'disabilityPercentage', percentageMax: 'disabilityPercentage', updatedSince: null,
};

const accessOfField = new Map<string, FieldAccess>(
  (Object.entries(PWD_RECORD_FIELDS_BY_SCOPE) as [FieldAccess, readonly string[]][]).flatMap(([access, fs]) => fs.map((f) => [f, access] as [string, FieldAccess])),
);

/** The scope each filter given needs, or null when the caller holds them all. */
export function filterScopeError(filter: Partial<PwdFilter> | null | undefined, scopes: ReadonlySet<Scope>) {
  for (const [key, field] of Object.entries(PWD_FILTER_FIELDS) as [keyof PwdFilter, PwdField | null][]) {
    if (!field || filter?.[key] === undefined || filter[key] === null) continue;
    const access = accessOfField.get(field)!;
    const ok = access === ANY_PWD_READ ? PWD_READ_SCOPES.some((s) => scopes.has(s)) : scopes.has(access);
    if (!ok) return forbidden(`Filtering on ${key} reveals ${field}, which needs the ${access} scope; this token does not hold it. Remove the filter or ask DEPwD for the scope.`, { requiredScope: access, filter: key });
  }
  return null;
}

/** Every filter of `pwds` needs the scope that reads its field (not cached per request: it looks at the arguments). */
const filtersInScope = rule('pwds:filtersInScope', { cache: 'strict' })((_p, args: { filter?: Partial<PwdFilter> }, ctx: RequestContext) => {
  const p = ctx.principal;
  if (p.kind !== 'application') return true; // hasScope(pwd:search) already refused everyone else
  return filterScopeError(args.filter, p.scopes) ?? true;
});

/** Which scope opens each PwD query. */
export const PWD_QUERY_ACCESS = { pwd: ANY_PWD_READ, pwds: Scope.PWD_SEARCH, verifyUdid: Scope.PWD_VERIFY } as const satisfies Record<string, FieldAccess>;

/** Who may reach the PwD data. Connection and verification types are guarded by the query that returns them. */
export const pwdRules: IRules = {
  Query: {
    pwd: accessRule(PWD_QUERY_ACCESS.pwd),
    pwds: and(accessRule(PWD_QUERY_ACCESS.pwds), filtersInScope),
    verifyUdid: accessRule(PWD_QUERY_ACCESS.verifyUdid),
  },
  PwdRecord: rulesByScope(PWD_RECORD_FIELDS_BY_SCOPE),
  PwdConnection: allow,
  PwdEdge: allow,
  PageInfo: allow,
  UdidVerification: allow,
};
