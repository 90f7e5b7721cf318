import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { AttestDataDestructionInput, MouFilter, RecordMouInput, TerminateMouInput } from './mou.inputs';
import { MouConnection, MouType } from './mou.types';
import type { MouService } from './mou.service';

@Resolver(() => MouType)
export class MouResolver {
  constructor(private readonly service: MouService) {}

  @Mutation(() => MouType, { description: 'DEPWD_ADMIN: records a signed MoU (valid 3 years from execution). After a lapse the organisation must be approved and activated again.' })
  recordMou(@Ctx() ctx: RequestContext, @Arg('input', () => RecordMouInput) input: RecordMouInput) {
    return this.service.record(ctx, input);
  }

  @Mutation(() => MouType, { description: 'DEPWD_ADMIN: MUTUAL ends access today; NOTICE ends it 30 days from today.' })
  terminateMou(@Ctx() ctx: RequestContext, @Arg('input', () => TerminateMouInput) input: TerminateMouInput) {
    return this.service.terminate(ctx, input);
  }

  @Mutation(() => MouType, { description: 'PARTNER_ADMIN, after termination or expiry: attests that copies were returned or destroyed.' })
  attestDataDestruction(@Ctx() ctx: RequestContext, @Arg('input', () => AttestDataDestructionInput) input: AttestDataDestructionInput) {
    return this.service.attestDestruction(ctx, input);
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
