import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/request/context';
import { responseKey, selectedFields } from '../../core/graphql/selection';
import { DateScalar, UdidScalar } from '../../core/scalars';
import { PwdFilter } from './pwd.inputs';
import { PwdConnection, PwdRecord, UdidVerification } from './pwd.types';
import type { PwdService } from './pwd.service';

@Resolver(() => PwdRecord)
export class PwdResolver {
  constructor(private readonly service: PwdService) {}

  @Query(() => PwdRecord, { nullable: true, description: 'One PwD record by UDID; null when unknown.' })
  pwd(@Ctx() ctx: RequestContext, @Arg('udid', () => UdidScalar) udid: string, @Info() info: GraphQLResolveInfo) {
    return this.service.lookup(ctx, udid, selectedFields(info), responseKey(info));
  }

  @Query(() => PwdConnection, {
    description: 'PwD records matching the filter, in a stable order, by keyset pages (first ≤ 100). Needs pwd:search.',
    // Each record on the page costs its selected fields, and at least 1 (the row is read even when only pageInfo is asked for).
    complexity: ({ args, childComplexity }) => Math.max(1, Math.min(Number(args.first ?? 20), 100)) * Math.max(1, childComplexity),
  })
  pwds(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => PwdFilter) filter: PwdFilter,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service.search(ctx, filter, first, after, selectedFields(info, ['edges', 'node']), responseKey(info));
  }

  @Query(() => UdidVerification, { description: 'Is this UDID valid for this date of birth? Minimal disclosure; needs pwd:verify.', complexity: 2 })
  verifyUdid(
    @Ctx() ctx: RequestContext,
    @Arg('udid', () => UdidScalar) udid: string,
    @Arg('dateOfBirth', () => DateScalar) dateOfBirth: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service.verifyUdid(ctx, udid, dateOfBirth, responseKey(info));
  }

}
