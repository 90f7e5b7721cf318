import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateScalar } from '../../core/scalars';
import { PageInfo } from '../pwd/pwd.types';
import { MouEntity, MouTerminationType } from './mou.entity';
import { MouStatus, mouDaysLeft, mouStatus } from './mou.calendar';

registerEnumType(MouTerminationType, { name: 'MouTerminationType', description: 'MUTUAL: immediate. NOTICE: effective 30 days after the notice.' });

@ObjectType('Mou', { description: 'An MoU between DEPwD and an organisation; valid 3 years from execution unless terminated.' })
export class MouType {
  @Field(() => ID) id!: number;
  @Field(() => ID) organizationId!: number;
  @Field() reference!: string;
  @Field() depwdSignatory!: string;
  @Field() partnerSignatory!: string;
  @Field() purpose!: string;
  @Field(() => DateScalar) executedOn!: string;
  @Field(() => DateScalar) effectiveFrom!: string;
  @Field(() => DateScalar, { description: 'First day the MoU is no longer in force (execution + 3 years)' }) expiresOn!: string;
  @Field(() => MouStatus, { description: 'Computed from the calendar today' }) status!: MouStatus;
  @Field(() => Int, { nullable: true, description: 'Days of access left after today; null when not in force' }) daysLeft!: number | null;
  @Field(() => MouTerminationType, { nullable: true }) terminationType!: MouTerminationType | null;
  @Field(() => DateScalar, { nullable: true }) terminationNoticeOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day without access because of termination' }) terminatedOn!: string | null;
  @Field(() => String, { nullable: true }) terminationReason!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) destructionAttestedAt!: Date | null;
  @Field(() => String, { nullable: true }) destructionAttestation!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}

@ObjectType('MouEdge')
export class MouEdge {
  @Field() cursor!: string;
  @Field(() => MouType) node!: MouType;
}

@ObjectType('MouConnection')
export class MouConnection {
  @Field(() => [MouEdge]) edges!: MouEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export function toMou(e: MouEntity, today: string): MouType {
  return Object.assign(new MouType(), {
    id: e.id, organizationId: e.organizationId, reference: e.reference, depwdSignatory: e.depwdSignatory,
    partnerSignatory: e.partnerSignatory, purpose: e.purpose, executedOn: e.executedOn, effectiveFrom: e.effectiveFrom,
    expiresOn: e.expiresOn, status: mouStatus(e, today), daysLeft: mouDaysLeft(e, today),
    terminationType: e.terminationType as MouTerminationType | null, terminationNoticeOn: e.terminationNoticeOn,
    terminatedOn: e.terminatedOn, terminationReason: e.terminationReason, destructionAttestedAt: e.destructionAttestedAt,
    destructionAttestation: e.destructionAttestation, createdAt: e.createdAt,
  });
}
