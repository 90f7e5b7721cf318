import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { AttestDataDestructionInput, DestructionInstructionFilter, IssueDestructionInstructionInput, MouFilter, RecordMouInput, TerminateMouInput } from './mou.inputs';
import { DestructionInstructionConnection, DestructionInstructionType } from './destruction.types';
import type { DestructionService } from './destruction.service';
import { MouConnection, MouType } from './mou.types';
import type { MouService } from './mou.service';

@Resolver(() => MouType)
export class MouResolver {
  constructor(private readonly service: MouService, private readonly destruction: DestructionService) {}

  @Mutation(() => MouType, { description: 'DEPWD_ADMIN: records a signed MoU (valid 3 years from execution). After a lapse the organisation must be approved and activated again.' })
  recordMou(@Ctx() ctx: RequestContext, @Arg('input', () => RecordMouInput) input: RecordMouInput) {
    return this.service.record(ctx, input);
  }

  @Mutation(() => MouType, { description: 'DEPWD_ADMIN: MUTUAL ends access today; NOTICE ends it 30 days from today.' })
  terminateMou(@Ctx() ctx: RequestContext, @Arg('input', () => TerminateMouInput) input: TerminateMouInput) {
    return this.service.terminate(ctx, input);
  }

  @Mutation(() => MouType, { description: 'PARTNER_ADMIN, after termination or expiry: attests that copies were returned or destroyed; answers DEPwD\'s instruction, if any (what, when, by whom).' })
  attestDataDestruction(@Ctx() ctx: RequestContext, @Arg('input', () => AttestDataDestructionInput) input: AttestDataDestructionInput) {
    return this.service.attestDestruction(ctx, input);
  }

  @Mutation(() => DestructionInstructionType, { description: 'DEPWD_ADMIN, on termination or expiry (MoU 6.2): instructs the partner to RETURN or DESTROY its copies by dueOn; its partner admins are sent the instruction by mail (what, by when, how to attest).' })
  issueDestructionInstruction(@Ctx() ctx: RequestContext, @Arg('input', () => IssueDestructionInstructionInput) input: IssueDestructionInstructionInput) {
    return this.destruction.issue(ctx, input);
  }

  @Query(() => DestructionInstructionConnection, {
    description: 'DEPWD_ADMIN, ANALYST: return-or-destroy instructions (status OVERDUE: not attested by the due date). PARTNER_ADMIN: its own.',
    complexity: ({ args, childComplexity }) => 1 + Math.ceil((Math.max(1, Math.min(Number(args.first ?? 20), 100)) * childComplexity) / 20),
  })
  destructionInstructions(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DestructionInstructionFilter, { nullable: true }) filter: DestructionInstructionFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.destruction.list(ctx, filter, first, after);
  }

  @Query(() => MouConnection, { description: 'Staff: every MoU (filter expiringSoon for those ending within 60 days). PARTNER_ADMIN: its own.' })
  mous(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MouFilter, { nullable: true }) filter: MouFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.list(ctx, filter, first, after);
  }

  @Query(() => MouType, { nullable: true })
  mou(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.byId(ctx, id);
  }
}
