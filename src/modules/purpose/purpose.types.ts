import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ScopeName, scopeToName } from '../../core/authz/scopes';
import { LegalBasis, PurposeEntity, PurposeStatus } from './purpose.entity';

registerEnumType(PurposeStatus, { name: 'PurposeStatus', description: 'REQUESTED (by the partner), APPROVED (by DEPwD), SUSPENDED (by DEPwD; tokens for it are refused), REJECTED' });
registerEnumType(LegalBasis, { name: 'LegalBasis', description: 'DPDP Act 2023: STATE_BENEFIT_S7B (a State benefit, s7(b)) or CONSENT (the person\'s consent, s6)' });

@ObjectType('Purpose', { description: 'A purpose the data may be used for, registered under an MoU; a token names one, and its scopes and daily quota come from it.' })
export class PurposeType {
  @Field(() => ID) id!: number;
  @Field(() => ID) organizationId!: number;
  @Field(() => ID) mouId!: number;
  @Field({ description: 'Unique in the organisation; `purpose=` at /oauth/token' }) code!: string;
  @Field() description!: string;
  @Field(() => LegalBasis) legalBasis!: LegalBasis;
  @Field(() => [ScopeName]) scopes!: ScopeName[];
  @Field(() => Int, { description: 'Declared by the partner: distinct persons a day the purpose needs (above it, a PURPOSE_LOAD_EXCEEDED alert)' }) estimatedDailyPersons!: number;
  @Field(() => Int, { description: 'Set by DEPwD at approval: distinct records a day under this purpose (0 until approved)' }) dailyRecordQuota!: number;
  @Field(() => PurposeStatus) status!: PurposeStatus;
  @Field(() => GraphQLDateTime) requestedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Approval or rejection' }) decidedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) suspendedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or suspended' }) statusReason!: string | null;
}

export function toPurpose(e: PurposeEntity): PurposeType {
  return Object.assign(new PurposeType(), {
    id: e.id, organizationId: e.organizationId, mouId: e.mouId, code: e.code, description: e.description,
    legalBasis: e.legalBasis as LegalBasis, scopes: e.scopes.map(scopeToName), estimatedDailyPersons: e.estimatedDailyPersons,
    dailyRecordQuota: e.dailyRecordQuota, status: e.status as PurposeStatus, requestedAt: e.requestedAt, decidedAt: e.decidedAt,
    suspendedAt: e.suspendedAt, statusReason: e.statusReason,
  });
}
