import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasAnyPwdReadScope, hasScope } from '../../core/authz/rules';
import { Scope } from '../../core/authz/scopes';

const identity = hasScope(Scope.PWD_IDENTITY);
const contact = hasScope(Scope.PWD_CONTACT);
const disability = hasScope(Scope.PWD_DISABILITY);
const socio = hasScope(Scope.PWD_SOCIOECONOMIC);

/** Who may reach the PwD data (DESIGN.md §4, §6). */
export const pwdRules: IRules = {
  Query: {
    pwd: hasAnyPwdReadScope,
    pwds: hasScope(Scope.PWD_SEARCH),
    verifyUdid: hasScope(Scope.PWD_VERIFY),
  },
  PwdRecord: {
    udid: hasAnyPwdReadScope,
    cardStatus: hasAnyPwdReadScope,
    name: identity, nameRegional: identity, guardianName: identity, gender: identity, dateOfBirth: identity,
    mobile: contact, email: contact, address: contact, pincode: contact, district: contact, state: contact,
    disabilities: disability, disabilityPercentage: disability, certificateType: disability, certificateNumber: disability,
    certificateIssuedOn: disability, validUntil: disability, issuingAuthority: disability,
    education: socio, employment: socio, incomeBand: socio, belowPovertyLine: socio,
    aadhaarLast4: hasScope(Scope.PWD_AADHAAR),
  },
  PwdConnection: allow,
  PwdEdge: allow,
  PageInfo: allow,
  UdidVerification: allow,
};
