import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { PageInfo } from '../pwd/pwd.types';
import { OutboxChannel, OutboxMessageEntity, OutboxStatus } from './staff.entity';

registerEnumType(OutboxStatus, { name: 'OutboxStatus', description: 'PENDING (to send or retry), SENT, DEAD_LETTER (every attempt failed)' });

/** A message of the outbox as staff see it: delivery state, never the body (it carries activation tokens). */
@ObjectType('OutboxMessage')
export class OutboxMessageType {
  @Field(() => ID) id!: number;
  @Field({ description: 'EMAIL or SMS' }) channel!: string;
  @Field({ description: 'The email address; for SMS only the last two digits of the mobile number' }) recipient!: string;
  @Field() subject!: string;
  @Field(() => OutboxStatus) status!: OutboxStatus;
  @Field(() => Int, { description: 'Delivery attempts so far' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (SMTP reply code and text)' }) lastError!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Next attempt not before (PENDING after a failure)' }) nextAttemptAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) sentAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) deadLetteredAt!: Date | null;
}

@ObjectType('OutboxMessageEdge')
export class OutboxMessageEdge {
  @Field() cursor!: string;
  @Field(() => OutboxMessageType) node!: OutboxMessageType;
}

@ObjectType('OutboxMessageConnection')
export class OutboxMessageConnection {
  @Field(() => [OutboxMessageEdge]) edges!: OutboxMessageEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export function toOutboxMessage(e: OutboxMessageEntity): OutboxMessageType {
  return Object.assign(new OutboxMessageType(), {
    id: e.id, channel: e.channel, recipient: e.channel === OutboxChannel.SMS ? `********${e.recipient.slice(-2)}` : e.recipient, subject: e.subject, status: e.status as OutboxStatus, attempts: e.attempts,
    lastError: e.lastError, createdAt: e.createdAt, nextAttemptAt: e.nextAttemptAt, sentAt: e.sentAt, deadLetteredAt: e.deadLetteredAt,
  });
}
