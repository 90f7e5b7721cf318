import { fromDbBool } from '../../core/db/columns';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { isScope, ScopeName, scopeToName } from '../../core/authz/scopes';
import { ApplicationEntity, ApplicationStatus } from './application.entity';
import { PageInfo } from '../pwd/pwd.types';

// GraphQL name ApplicationState: `ApplicationStatus` is the type of `me` (DESIGN.md §5).
registerEnumType(ApplicationStatus, {
  name: 'ApplicationState',
  description: 'REQUESTED (Application form) → CREATED (confirmed by the partner admin) → APPROVED (DEPwD); DISABLED by NIC',
});

/**
 * A partner application as staff and its own partner admin see it. `allowedIps`, `clientSecrets` and
 * `organization` are field resolvers backed by per-request loaders.
 */
@ObjectType('Application')
export class ApplicationType {
  @Field(() => ID) id!: number;
  @Field(() => ID) organizationId!: number;
  @Field({ description: 'OAuth2 client id (POST /oauth/token)' }) clientId!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field() contactPerson!: string;
  @Field() email!: string;
  @Field({ description: '"API access required for": the approved purpose' }) purpose!: string;
  @Field(() => ApplicationStatus) status!: ApplicationStatus;
  @Field(() => [String], { description: 'Public IPs given on the Application form (allowlisting is separate: allowedIps)' }) requestedIps!: string[];
  @Field(() => [ScopeName]) requestedScopes!: ScopeName[];
  @Field(() => [ScopeName], { description: 'Scopes approved by DEPwD; empty until approved' }) approvedScopes!: ScopeName[];
  @Field(() => Int, { description: 'Daily cap of distinct PwD records' }) dailyRecordQuota!: number;
  @Field(() => Int) costBudget!: number;
  @Field(() => Int) costRestoreRate!: number;
  @Field(() => GraphQLDateTime) requestedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) createdAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) approvedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) disabledAt!: Date | null;
  @Field(() => String, { nullable: true }) disabledReason!: string | null;
  @Field() sharingSuspended!: boolean;
  @Field(() => GraphQLDateTime, { nullable: true }) sharingSuspendedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'MANUAL (DEPwD), RECIPROCITY (no benefit reports) or SCRAPING' }) sharingSuspensionKind!: string | null;
  @Field(() => String, { nullable: true }) sharingSuspensionReason!: string | null;
  @Field(() => [String], { description: 'kids of the public keys registered for client assertions (private_key_jwt, RFC 7523)' }) clientKeyIds!: string[];
  @Field({ description: 'Whether the client secret still authenticates at /oauth/token' }) clientSecretEnabled!: boolean;
  @Field({ description: 'Set by DEPwD: tokens must be DPoP-bound (RFC 9449)' }) dpopRequired!: boolean;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}

@ObjectType('AllowedIp')
export class AllowedIpType {
  @Field(() => ID) id!: number;
  @Field() cidr!: string;
  @Field(() => GraphQLDateTime) addedAt!: Date;
}

/** A client secret as anyone may see it afterwards: its hint, never the secret. */
@ObjectType('ClientSecretInfo')
export class ClientSecretInfo {
  @Field(() => ID) id!: number;
  @Field({ description: 'First characters of the secret' }) hint!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType('IssuedClientSecret')
export class IssuedClientSecret {
  @Field(() => ApplicationType) application!: ApplicationType;
  @Field() clientId!: string;
  @Field({ description: 'Shown once, now. Store it in your secret manager; DEPwD keeps only a hash.' }) clientSecret!: string;
  @Field() hint!: string;
  @Field(() => Int, { description: 'How many earlier secrets this rotation revoked' }) revokedPrevious!: number;
}

@ObjectType('ApplicationEdge')
export class ApplicationEdge {
  @Field() cursor!: string;
  @Field(() => ApplicationType) node!: ApplicationType;
}

@ObjectType('ApplicationConnection')
export class ApplicationConnection {
  @Field(() => [ApplicationEdge]) edges!: ApplicationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

const names = (list: string[] | null | undefined): ScopeName[] =>
  (list ?? []).filter(isScope).map((s) => scopeToName(s));

export function toApplication(e: ApplicationEntity): ApplicationType {
  return Object.assign(new ApplicationType(), {
    id: e.id, organizationId: e.organizationId, clientId: e.clientId, name: e.name, description: e.description,
    contactPerson: e.contactPerson, email: e.email, purpose: e.purpose, status: e.status as ApplicationStatus,
    requestedIps: e.requestedIps ?? [], requestedScopes: names(e.requestedScopes), approvedScopes: names(e.approvedScopes),
    dailyRecordQuota: e.dailyRecordQuota, costBudget: e.costBudget, costRestoreRate: e.costRestoreRate,
    requestedAt: e.requestedAt, createdAt: e.createdAt, approvedAt: e.approvedAt, disabledAt: e.disabledAt,
    disabledReason: e.disabledReason, sharingSuspended: e.sharingSuspendedAt != null, sharingSuspendedAt: e.sharingSuspendedAt,
    sharingSuspensionKind: e.sharingSuspensionKind, sharingSuspensionReason: e.sharingSuspensionReason, updatedAt: e.updatedAt,
    clientKeyIds: e.clientJwks ? (JSON.parse(e.clientJwks).keys as { kid: string }[]).map((k) => k.kid) : [],
    // A row saved without them (created before the column defaults were read back) has the defaults: secret on, DPoP off.
    clientSecretEnabled: e.clientSecretEnabled == null || fromDbBool(e.clientSecretEnabled), dpopRequired: fromDbBool(e.dpopRequired),
  });
}
