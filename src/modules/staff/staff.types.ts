import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Role } from '../../core/authz/scopes';
import { PageInfo } from '../pwd/pwd.types';
import { UserAccountEntity, UserStatus } from './staff.entity';
import { AdminAuditEntity } from '../oversight/oversight.entity';
import { OrganizationType } from '../organization/organization.types';

registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType('UserAccount')
export class UserAccountType {
  @Field(() => ID) id!: number;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, { nullable: true }) organizationId!: number | null;
  @Field(() => UserStatus) status!: UserStatus;
  @Field(() => GraphQLDateTime, { nullable: true }) activatedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastLoginAt!: Date | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}

@ObjectType('OrganizationActivation')
export class ActivationResult {
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => UserAccountType, { description: 'The partner admin who must activate the account through the link' }) partnerAdmin!: UserAccountType;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the activation link expires; null when the account was already active' }) activationLinkExpiresAt!: Date | null;
}

@ObjectType('AuditEntry', { description: 'One step of the admin audit trail' })
export class AuditEntryType {
  @Field(() => ID) id!: number;
  @Field({ description: 'USER, APPLICATION, PUBLIC, SYSTEM or CLI (an operator command such as staff:create)' }) actorType!: string;
  @Field(() => ID, { nullable: true }) actorId!: number | null;
  @Field(() => String, { nullable: true }) actorRole!: string | null;
  @Field() action!: string;
  @Field() targetType!: string;
  @Field(() => ID) targetId!: number;
  @Field(() => String, { nullable: true }) beforeStatus!: string | null;
  @Field(() => String, { nullable: true }) afterStatus!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) details!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => GraphQLDateTime) occurredAt!: Date;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field() cursor!: string;
  @Field(() => AuditEntryType) node!: AuditEntryType;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges!: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export function toUser(e: UserAccountEntity): UserAccountType {
  return Object.assign(new UserAccountType(), {
    id: e.id, email: e.email, name: e.name, role: e.role as Role, organizationId: e.organizationId, status: e.status as UserStatus,
    activatedAt: e.activatedAt, lastLoginAt: e.lastLoginAt, createdAt: e.createdAt,
  });
}

export function toAuditEntry(e: AdminAuditEntity): AuditEntryType {
  return Object.assign(new AuditEntryType(), e);
}
