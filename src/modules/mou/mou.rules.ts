import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole } from '../../core/authz/rules';
import { Role } from '../../core/authz/scopes';
import { onboardingReaders } from '../organization/organization.rules';

export const mouRules: IRules = {
  Query: { mous: onboardingReaders, mou: onboardingReaders },
  Mutation: {
    recordMou: hasRole(Role.DEPWD_ADMIN),
    terminateMou: hasRole(Role.DEPWD_ADMIN),
    attestDataDestruction: hasRole(Role.PARTNER_ADMIN),
  },
  Mou: allow,
  MouEdge: allow,
  MouConnection: allow,
};
