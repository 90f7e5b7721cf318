import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole } from '../../core/authz/rules';
import { Role } from '../../core/authz/scopes';
import { onboardingReaders } from '../organization/organization.rules';

export const mouRules: IRules = {
  Query: { mous: onboardingReaders, mou: onboardingReaders, destructionInstructions: hasRole(Role.DEPWD_ADMIN, Role.ANALYST, Role.PARTNER_ADMIN) },
  Mutation: {
    recordMou: hasRole(Role.DEPWD_ADMIN),
    terminateMou: hasRole(Role.DEPWD_ADMIN),
    attestDataDestruction: hasRole(Role.PARTNER_ADMIN),
    issueDestructionInstruction: hasRole(Role.DEPWD_ADMIN),
  },
  Mou: allow,
  MouEdge: allow,
  MouConnection: allow,
  DestructionInstruction: allow,
  DestructionInstructionEdge: allow,
  DestructionInstructionConnection: allow,
};
