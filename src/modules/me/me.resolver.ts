import { Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/request/context';
import { ApplicationStatusView } from './me.types';

@Resolver(() => ApplicationStatusView)
export class ApplicationStatusResolver {
  @Query(() => ApplicationStatusView, {
    description: 'The calling application: organisation, scopes, MoU validity, cost budget, daily record quota and benefit-reporting status. Application tokens only.',
    complexity: 1,
  })
  me(@Ctx() ctx: RequestContext) {
    return ctx.services.applicationStatus.status(ctx);
  }
}
