import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole } from '../../core/authz/rules';
import { Role, STAFF_ROLES } from '../../core/authz/scopes';

export const sopRules: IRules = {
  Query: { pendingActions: hasRole(...STAFF_ROLES) },
  Mutation: { completePendingAction: hasRole(Role.DEPWD_ADMIN, Role.NIC_OPERATOR, Role.INTEGRATION_ENGINEER) },
  PendingAction: allow,
  PendingActionEdge: allow,
  PendingActionConnection: allow,
};
