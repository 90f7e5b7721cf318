import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { CompletePendingActionInput } from './sop.inputs';
import { PendingActionConnection, PendingActionFilterStatus, PendingActionType } from './sop.types';
import type { SopService } from './sop.service';

@Resolver()
export class SopResolver {
  constructor(private readonly service: SopService) {}

  @Query(() => PendingActionConnection, {
    description: 'Staff: the SOP\'s open tasks after an MoU ended. NIC_OPERATOR sees "disable application X", INTEGRATION_ENGINEER "remove the IPs of X"; DEPWD_ADMIN and ANALYST see all.',
    complexity: ({ args, childComplexity }) => 1 + Math.ceil((Math.max(1, Math.min(Number(args.first ?? 20), 100)) * childComplexity) / 20),
  })
  pendingActions(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => PendingActionFilterStatus, { defaultValue: PendingActionFilterStatus.OPEN }) status: PendingActionFilterStatus,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.list(ctx, status, first, after);
  }

  @Mutation(() => PendingActionType, { description: 'NIC_OPERATOR / INTEGRATION_ENGINEER (their own tasks), DEPWD_ADMIN: marks a task done by hand, with a note; audited. Disabling the application or revoking its last IP closes it by itself.' })
  completePendingAction(@Ctx() ctx: RequestContext, @Arg('input', () => CompletePendingActionInput) input: CompletePendingActionInput) {
    return this.service.complete(ctx, input.id, input.note);
  }
}
