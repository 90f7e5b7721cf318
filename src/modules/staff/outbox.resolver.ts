import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { OutboxStatus } from './staff.entity';
import { OutboxMessageConnection, OutboxMessageType } from './outbox.types';
import type { OutboxService } from './outbox.service';

@Resolver()
export class OutboxResolver {
  constructor(private readonly service: OutboxService) {}

  @Query(() => OutboxMessageConnection, {
    description: 'DEPWD_ADMIN, NIC_OPERATOR: outbox messages (activation links, notices) by delivery status, newest first; DEAD_LETTER by default.',
    complexity: ({ args, childComplexity }) => 1 + Math.ceil((Math.max(1, Math.min(Number(args.first ?? 20), 100)) * childComplexity) / 20),
  })
  outboxMessages(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => OutboxStatus, { defaultValue: OutboxStatus.DEAD_LETTER }) status: OutboxStatus,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.list(ctx, status, first, after);
  }

  @Mutation(() => OutboxMessageType, { description: 'DEPWD_ADMIN, NIC_OPERATOR: sends a dead letter again (back to PENDING with a fresh set of attempts). Not an activation link, whose token is redacted once undeliverable: CONFLICT, use resendActivationLink.' })
  retryOutboxMessage(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.retry(ctx, id);
  }
}
