import { allow, or } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole, isApplication } from '../../core/authz/rules';
import { Role, STAFF_ROLES } from '../../core/authz/scopes';

export const consentRules: IRules = {
  Query: { consents: or(isApplication, hasRole(...STAFF_ROLES, Role.PARTNER_ADMIN)) },
  Mutation: { recordConsent: isApplication, revokeConsent: or(isApplication, hasRole(Role.DEPWD_ADMIN, Role.PARTNER_ADMIN)) },
  ConsentArtefact: allow,
  ConsentFrequency: allow,
};
