import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole } from '../../core/authz/rules';
import { Role } from '../../core/authz/scopes';
import { onboardingReaders } from '../organization/organization.rules';

export const purposeRules: IRules = {
  Query: { purposes: onboardingReaders },
  Mutation: {
    registerPurpose: hasRole(Role.PARTNER_ADMIN),
    approvePurpose: hasRole(Role.DEPWD_ADMIN),
    rejectPurpose: hasRole(Role.DEPWD_ADMIN),
    suspendPurpose: hasRole(Role.DEPWD_ADMIN),
    resumePurpose: hasRole(Role.DEPWD_ADMIN),
  },
  Purpose: allow,
};
