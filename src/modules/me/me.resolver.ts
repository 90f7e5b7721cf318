import { Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/request/context';
import { ApplicationStatusView } from './me.types';
import type { ApplicationStatusService } from './me.service';

@Resolver(() => ApplicationStatusView)
export class ApplicationStatusResolver {
  constructor(private readonly service: ApplicationStatusService) {}

  @Query(() => ApplicationStatusView, {
    description: 'The calling application: organisation, scopes, MoU validity, cost budget, daily record quota and benefit-reporting status. Application tokens only.',
    complexity: 1,
  })
  me(@Ctx() ctx: RequestContext) {
    return this.service.status(ctx);
  }
}
