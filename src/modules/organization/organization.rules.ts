import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole, isPublic } from '../../core/authz/rules';
import { Role, STAFF_ROLES } from '../../core/authz/scopes';

/** Readers of onboarding data: every staff role, and a partner admin (services narrow it to its own organisation). */
export const onboardingReaders = hasRole(...STAFF_ROLES, Role.PARTNER_ADMIN);

export const organizationRules: IRules = {
  Query: { organizations: onboardingReaders, organization: onboardingReaders },
  Mutation: {
    registerOrganization: isPublic,
    approveOrganization: hasRole(Role.DEPWD_ADMIN),
    activateOrganization: hasRole(Role.NIC_OPERATOR),
  },
  // Reached only through guarded queries/mutations, which already restrict whose rows are returned.
  Organization: allow,
  OrganizationEdge: allow,
  OrganizationConnection: allow,
  Registration: allow,
};
