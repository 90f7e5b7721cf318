import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { PageInfo } from '../pwd/pwd.types';
import { PendingActionEntity, PendingActionKind, PendingActionResolution, SopCause } from './sop.entity';

export enum PendingActionFilterStatus { OPEN = 'OPEN', DONE = 'DONE', ALL = 'ALL' }

registerEnumType(PendingActionKind, { name: 'PendingActionKind', description: 'DISABLE_APPLICATION (NIC_OPERATOR), REMOVE_IPS (INTEGRATION_ENGINEER)' });
registerEnumType(PendingActionResolution, { name: 'PendingActionResolution', description: 'How the task was closed: by the real step, or by hand (MANUAL, with a note)' });
registerEnumType(SopCause, { name: 'SopCause', description: 'Why access ended' });
registerEnumType(PendingActionFilterStatus, { name: 'PendingActionStatus', description: 'OPEN (not done yet), DONE, ALL' });

@ObjectType('PendingAction', { description: 'A step the SOP asks of a staff role after an MoU ended: disable an application, remove its IPs.' })
export class PendingActionType {
  @Field(() => ID) id!: number;
  @Field(() => PendingActionKind) kind!: PendingActionKind;
  @Field({ description: 'The role that does it' }) role!: string;
  @Field({ description: 'What to do, in words: "Disable application 7 (Pension Portal)"' }) title!: string;
  @Field(() => ID) mouId!: number;
  @Field(() => ID) organizationId!: number;
  @Field(() => ID) applicationId!: number;
  @Field() applicationName!: string;
  @Field(() => SopCause) cause!: SopCause;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) doneAt!: Date | null;
  @Field(() => PendingActionResolution, { nullable: true }) resolution!: PendingActionResolution | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('PendingActionEdge')
export class PendingActionEdge {
  @Field() cursor!: string;
  @Field(() => PendingActionType) node!: PendingActionType;
}

@ObjectType('PendingActionConnection')
export class PendingActionConnection {
  @Field(() => [PendingActionEdge]) edges!: PendingActionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export function toPendingAction(e: PendingActionEntity): PendingActionType {
  const kind = e.kind as PendingActionKind;
  const title = kind === PendingActionKind.DISABLE_APPLICATION
    ? `Disable application ${e.applicationId} (${e.applicationName})` : `Remove the allowlisted IPs of application ${e.applicationId} (${e.applicationName})`;
  return Object.assign(new PendingActionType(), {
    id: e.id, kind, role: e.role, title, mouId: e.mouId, organizationId: e.organizationId, applicationId: e.applicationId,
    applicationName: e.applicationName, cause: e.cause as SopCause, createdAt: e.createdAt, doneAt: e.doneAt,
    resolution: e.resolution as PendingActionResolution | null, note: e.note,
  });
}
