import { PWD_READ_SCOPES, Scope } from '../../core/authz/scopes';

/**
 * The scope each PwdRecord field needs (DESIGN.md §6), for the access log: a field selected but
 * outside the token's scopes resolves to null and is not recorded as accessed. The rule map
 * (pwd.rules.ts) enforces the same table; test/oversight/access-log.test.ts checks they agree.
 */
export const PWD_FIELD_SCOPE: Record<string, Scope | 'any'> = {
  udid: 'any', cardStatus: 'any',
  name: Scope.PWD_IDENTITY, nameRegional: Scope.PWD_IDENTITY, guardianName: Scope.PWD_IDENTITY, gender: Scope.PWD_IDENTITY, dateOfBirth: Scope.PWD_IDENTITY,
  mobile: Scope.PWD_CONTACT, email: Scope.PWD_CONTACT, address: Scope.PWD_CONTACT, pincode: Scope.PWD_CONTACT, district: Scope.PWD_CONTACT, state: Scope.PWD_CONTACT,
  disabilities: Scope.PWD_DISABILITY, disabilityPercentage: Scope.PWD_DISABILITY, certificateType: Scope.PWD_DISABILITY, certificateNumber: Scope.PWD_DISABILITY,
  certificateIssuedOn: Scope.PWD_DISABILITY, validUntil: Scope.PWD_DISABILITY, issuingAuthority: Scope.PWD_DISABILITY,
  education: Scope.PWD_SOCIOECONOMIC, employment: Scope.PWD_SOCIOECONOMIC, incomeBand: Scope.PWD_SOCIOECONOMIC, belowPovertyLine: Scope.PWD_SOCIOECONOMIC,
  aadhaarLast4: Scope.PWD_AADHAAR,
};

/** The selected fields this token may actually read. */
export function servedFields(fields: string[], scopes: ReadonlySet<Scope>): string[] {
  return fields.filter((f) => {
    const need = PWD_FIELD_SCOPE[f];
    if (need === 'any') return PWD_READ_SCOPES.some((s) => scopes.has(s));
    return need !== undefined && scopes.has(need);
  });
}
