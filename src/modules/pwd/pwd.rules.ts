import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { accessRule, ANY_PWD_READ, FieldAccess, rulesByScope } from '../../core/authz/rules';
import { PWD_READ_SCOPES, Scope } from '../../core/authz/scopes';
import type { PwdRecord } from './pwd.types';

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

/** Which scope opens each PwD query. */
export const PWD_QUERY_ACCESS = { pwd: ANY_PWD_READ, pwds: Scope.PWD_SEARCH, verifyUdid: Scope.PWD_VERIFY } as const satisfies Record<string, FieldAccess>;

/** Who may reach the PwD data. Connection and verification types are guarded by the query that returns them. */
export const pwdRules: IRules = {
  Query: {
    pwd: accessRule(PWD_QUERY_ACCESS.pwd),
    pwds: accessRule(PWD_QUERY_ACCESS.pwds),
    verifyUdid: accessRule(PWD_QUERY_ACCESS.verifyUdid),
  },
  PwdRecord: rulesByScope(PWD_RECORD_FIELDS_BY_SCOPE),
  PwdConnection: allow,
  PwdEdge: allow,
  PageInfo: allow,
  UdidVerification: allow,
};
