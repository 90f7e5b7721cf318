import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole } from '../../core/authz/rules';
import { Role } from '../../core/authz/scopes';
import { onboardingReaders } from '../organization/organization.rules';

export const applicationRules: IRules = {
  Query: { applications: onboardingReaders, application: onboardingReaders },
  Mutation: {
    createApplication: hasRole(Role.PARTNER_ADMIN),
    approveApplication: hasRole(Role.DEPWD_ADMIN),
    allowIp: hasRole(Role.INTEGRATION_ENGINEER),
    revokeIp: hasRole(Role.INTEGRATION_ENGINEER),
    issueClientSecret: hasRole(Role.PARTNER_ADMIN),
    registerClientKeys: hasRole(Role.PARTNER_ADMIN),
    requireDpop: hasRole(Role.DEPWD_ADMIN),
    disableApplication: hasRole(Role.NIC_OPERATOR),
    enableApplication: hasRole(Role.NIC_OPERATOR),
    suspendSharing: hasRole(Role.DEPWD_ADMIN),
    resumeSharing: hasRole(Role.DEPWD_ADMIN),
  },
  // Also returned to an application about itself (its `me` status); never another organisation's.
  Application: allow,
  AllowedIp: allow,
  ClientSecretInfo: allow,
  IssuedClientSecret: allow,
  ApplicationEdge: allow,
  ApplicationConnection: allow,
};
