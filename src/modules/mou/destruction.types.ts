import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateScalar } from '../../core/scalars';
import { PageInfo } from '../pwd/pwd.types';
import { DestructionInstructionEntity, DestructionMethod } from './destruction.entity';

export enum DestructionStatus { PENDING = 'PENDING', OVERDUE = 'OVERDUE', ATTESTED = 'ATTESTED' }

registerEnumType(DestructionMethod, { name: 'DestructionMethod', description: 'RETURN the copies to DEPwD, or DESTROY them' });
registerEnumType(DestructionStatus, { name: 'DestructionStatus', description: 'PENDING (due date not passed), OVERDUE (no attestation by the due date), ATTESTED' });

@ObjectType('DestructionInstruction', { description: 'MoU 6.2: DEPwD\'s instruction to return or destroy copies by a date, and the partner\'s attestation.' })
export class DestructionInstructionType {
  @Field(() => ID) id!: number;
  @Field(() => ID) mouId!: number;
  @Field(() => ID) organizationId!: number;
  @Field(() => DestructionMethod) method!: DestructionMethod;
  @Field(() => DateScalar, { description: 'Attest by this day (inclusive)' }) dueOn!: string;
  @Field() instructions!: string;
  @Field(() => GraphQLDateTime) issuedAt!: Date;
  @Field(() => DestructionStatus, { description: 'Computed from the calendar today' }) status!: DestructionStatus;
  @Field(() => GraphQLDateTime, { nullable: true }) attestedAt!: Date | null;
  @Field(() => DestructionMethod, { nullable: true, description: 'What the partner attests it did' }) performedMethod!: DestructionMethod | null;
  @Field(() => DateScalar, { nullable: true }) performedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Who did it (name, designation)' }) performedBy!: string | null;
}

@ObjectType('DestructionInstructionEdge')
export class DestructionInstructionEdge {
  @Field() cursor!: string;
  @Field(() => DestructionInstructionType) node!: DestructionInstructionType;
}

@ObjectType('DestructionInstructionConnection')
export class DestructionInstructionConnection {
  @Field(() => [DestructionInstructionEdge]) edges!: DestructionInstructionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export const destructionStatus = (e: { attestedAt: Date | null; dueOn: string }, today: string) =>
  e.attestedAt ? DestructionStatus.ATTESTED : e.dueOn < today ? DestructionStatus.OVERDUE : DestructionStatus.PENDING;

export function toDestructionInstruction(e: DestructionInstructionEntity, today: string): DestructionInstructionType {
  return Object.assign(new DestructionInstructionType(), {
    id: e.id, mouId: e.mouId, organizationId: e.organizationId, method: e.method as DestructionMethod, dueOn: e.dueOn, instructions: e.instructions,
    issuedAt: e.issuedAt, status: destructionStatus(e, today), attestedAt: e.attestedAt, performedMethod: e.performedMethod as DestructionMethod | null,
    performedOn: e.performedOn, performedBy: e.performedBy,
  });
}
