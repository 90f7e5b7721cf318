import { registerEnumType } from 'type-graphql';

/** Scopes approved per application and requested per token (DESIGN.md §4). One enum, used everywhere. */
export enum Scope {
  PWD_VERIFY = 'pwd:verify',
  PWD_IDENTITY = 'pwd:identity',
  PWD_CONTACT = 'pwd:contact',
  PWD_DISABILITY = 'pwd:disability',
  PWD_SOCIOECONOMIC = 'pwd:socioeconomic',
  PWD_AADHAAR = 'pwd:aadhaar',
  PWD_SEARCH = 'pwd:search',
  BENEFIT_WRITE = 'benefit:write',
  BENEFIT_READ = 'benefit:read',
}

export const ALL_SCOPES = Object.values(Scope);
/**
 * The scopes that read PwD records: any of them opens `pwd(udid)` and `udid`/`cardStatus`. Not
 * pwd:verify: it unlocks verifyUdid and "nothing else" (DESIGN.md §4) — with it alone, `pwd(udid)`
 * would tell whether a UDID exists and its card status without knowing the date of birth.
 */
export const PWD_READ_SCOPES = [Scope.PWD_IDENTITY, Scope.PWD_CONTACT, Scope.PWD_DISABILITY, Scope.PWD_SOCIOECONOMIC, Scope.PWD_AADHAAR, Scope.PWD_SEARCH];

export function isScope(s: string): s is Scope {
  return (ALL_SCOPES as string[]).includes(s);
}

/** Staff and partner-user roles (DESIGN.md §3). */
export enum Role {
  PARTNER_ADMIN = 'PARTNER_ADMIN',
  DEPWD_ADMIN = 'DEPWD_ADMIN',
  NIC_OPERATOR = 'NIC_OPERATOR',
  INTEGRATION_ENGINEER = 'INTEGRATION_ENGINEER',
  ANALYST = 'ANALYST',
}
export const STAFF_ROLES = [Role.DEPWD_ADMIN, Role.NIC_OPERATOR, Role.INTEGRATION_ENGINEER, Role.ANALYST];

// GraphQL enum values must be names, so the scope enum is exposed by key (PWD_IDENTITY) while tokens carry 'pwd:identity'.
export enum ScopeName {
  PWD_VERIFY = 'PWD_VERIFY',
  PWD_IDENTITY = 'PWD_IDENTITY',
  PWD_CONTACT = 'PWD_CONTACT',
  PWD_DISABILITY = 'PWD_DISABILITY',
  PWD_SOCIOECONOMIC = 'PWD_SOCIOECONOMIC',
  PWD_AADHAAR = 'PWD_AADHAAR',
  PWD_SEARCH = 'PWD_SEARCH',
  BENEFIT_WRITE = 'BENEFIT_WRITE',
  BENEFIT_READ = 'BENEFIT_READ',
}
export const scopeFromName = (n: ScopeName): Scope => Scope[n];
export const scopeToName = (s: Scope): ScopeName => (Object.keys(Scope) as ScopeName[]).find((k) => Scope[k] === s)!;

registerEnumType(ScopeName, {
  name: 'Scope',
  description: 'Data-sharing scopes; in tokens and /oauth/token they are written pwd:identity, benefit:write, …',
  valuesConfig: Object.fromEntries(Object.keys(Scope).map((k) => [k, { description: Scope[k as ScopeName] }])),
});
registerEnumType(Role, { name: 'Role' });
