import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { responseKey } from '../../core/graphql/selection';
import type { RequestContext } from '../../core/request/context';
import { DateScalar } from '../../core/scalars';
import { BenefitChannel, BenefitGroupBy } from './benefit.enums';
import { BenefitReportFilter, BenefitReportInput, MAX_BATCH } from './benefit.inputs';
import {
  ApplicationReciprocity, BenefitBatchResult, BenefitReport, BenefitReportConnection, BenefitReportResult, BenefitSummary,
} from './benefit.types';
import type { BenefitService } from './benefit.service';
import type { BenefitAnalyticsService } from './benefit.analytics';
import { SUMMARY_LIMITS } from './benefit.grouping';

@Resolver()
export class BenefitResolver {
  constructor(private readonly service: BenefitService, private readonly analytics: BenefitAnalyticsService) {}

  // Items are validated one by one by the service (validate: false here), so one bad item never sinks the rest.
  @Mutation(() => BenefitReportResult, { description: 'Report one benefit delivered. Needs benefit:write. A retry with the same clientReference returns the original report (DUPLICATE).', complexity: 5 })
  reportBenefit(@Ctx() ctx: RequestContext, @Arg('input', () => BenefitReportInput, { validate: false }) input: BenefitReportInput, @Info() info: GraphQLResolveInfo) {
    return this.service.report(ctx, input, responseKey(info));
  }

  @Mutation(() => BenefitBatchResult, {
    description: `Report up to ${MAX_BATCH} benefits in one call and one transaction; one result per item, in input order. Needs benefit:write.`,
    complexity: ({ args, childComplexity }) => 5 + (Array.isArray(args.inputs) ? args.inputs.length : 1) + childComplexity, // each item's UDID check is a lookup
  })
  reportBenefits(@Ctx() ctx: RequestContext, @Arg('inputs', () => [BenefitReportInput], { validate: false }) inputs: BenefitReportInput[], @Info() info: GraphQLResolveInfo) {
    return this.service.reportMany(ctx, inputs, BenefitChannel.API, { at: responseKey(info) });
  }

  @Mutation(() => BenefitReport, { description: 'Reverse one of your own reports (the report stays, marked REVERSED). Needs benefit:write.', complexity: 5 })
  reverseBenefitReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return this.service.reverse(ctx, id, reason);
  }

  @Query(() => BenefitReportConnection, {
    description: 'Your own benefit reports, newest first, by keyset pages (first ≤ 100). Needs benefit:read (or a partner admin: the organisation\'s).',
    // The application's own reports, not PwD data: a twentieth of a PwD page's price per item.
    complexity: ({ args, childComplexity }) => 1 + Math.ceil((Math.max(1, Math.min(Number(args.first ?? 20), 100)) * childComplexity) / 20),
  })
  benefitReports(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => BenefitReportFilter, { nullable: true }) filter: BenefitReportFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.list(ctx, filter, first, after);
  }

  @Query(() => BenefitSummary, {
    description: `Benefits reported (active reports), grouped by up to ${SUMMARY_LIMITS.maxDimensions} keys, e.g. [STATE, SCHEME, MONTH]; `
      + 'one period at most (MONTH or WEEK of benefitDate, the IST calendar day), which needs both from and to. from and to are inclusive benefit dates. '
      + `At most ${SUMMARY_LIMITS.maxMonths} months, ${SUMMARY_LIMITS.maxWeeks} weeks and ${SUMMARY_LIMITS.maxGroups} groups; more is BAD_USER_INPUT. Analysts and DEPwD admins.`,
    complexity: 20,
  })
  benefitSummary(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [BenefitGroupBy], { description: 'One grouping, or a list of them (a single value is a list of one)' }) groupBy: BenefitGroupBy[],
    @Arg('from', () => DateScalar, { nullable: true, description: 'First benefit date counted (inclusive)' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last benefit date counted (inclusive)' }) to: string | null,
  ) {
    return this.analytics.summary(ctx, groupBy, from ?? null, to ?? null);
  }

  @Query(() => [ApplicationReciprocity], { description: 'Per application: records accessed vs. beneficiaries reported, and reporting standing. Analysts and DEPwD admins.', complexity: 20 })
  reciprocityByApplication(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
  ) {
    return this.analytics.reciprocityByApplication(ctx, from ?? null, to ?? null);
  }
}

@Resolver(() => BenefitReportResult)
export class BenefitReportResultResolver {
  constructor(private readonly service: BenefitService) {}

  @FieldResolver(() => BenefitReport, { nullable: true, description: 'The stored report: the new one (ACCEPTED) or the original (DUPLICATE); null when REJECTED', complexity: 2 })
  report(@Ctx() ctx: RequestContext, @Root() result: BenefitReportResult) {
    return this.service.reportOf(ctx, result);
  }
}
