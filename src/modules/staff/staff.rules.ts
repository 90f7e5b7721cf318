import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole, isPublic } from '../../core/authz/rules';
import { Role, STAFF_ROLES } from '../../core/authz/scopes';

export const staffRules: IRules = {
  Query: {
    auditTrail: hasRole(...STAFF_ROLES),
    outboxMessages: hasRole(Role.DEPWD_ADMIN, Role.NIC_OPERATOR),
  },
  Mutation: {
    activateAccount: isPublic,
    resendActivationLink: hasRole(Role.NIC_OPERATOR),
    disableUser: hasRole(Role.NIC_OPERATOR),
    enableUser: hasRole(Role.NIC_OPERATOR),
    retryOutboxMessage: hasRole(Role.DEPWD_ADMIN, Role.NIC_OPERATOR),
  },
  UserAccount: allow,
  OrganizationActivation: allow,
  AuditEntry: allow,
  AuditEntryEdge: allow,
  AuditEntryConnection: allow,
  OutboxMessage: allow,
  OutboxMessageEdge: allow,
  OutboxMessageConnection: allow,
};
