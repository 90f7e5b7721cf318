import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/request/context';
import { DateScalar, UdidScalar } from '../../core/scalars';
import { AccessLogFilter } from './oversight.inputs';
import { AlertStatus, ScrapingAlertKind } from '../access/access.entity';
import { AccessEventConnection, RecordAccessSummary, ScrapingAlert, ScrapingAlertConnection, UsageDay } from './oversight.types';
import type { OversightService } from './oversight.service';

/**
 * Oversight rows carry no PwD fields beyond the UDID and are read by staff, not partners: a page
 * costs one point per row plus a tenth of its fields, so an analyst can read 100 rows in one query.
 */
const pageCost = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }) => {
  const first = Math.max(1, Math.min(Number(args.first ?? 50), 100));
  return first + Math.ceil((first * childComplexity) / 10);
};

@Resolver()
export class OversightResolver {
  constructor(private readonly service: OversightService) {}

  @Query(() => AccessEventConnection, { description: 'The access log, newest first (ANALYST, DEPWD_ADMIN). Keyset pages of at most 100.', complexity: pageCost })
  accessLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AccessLogFilter, { defaultValue: {} }) filter: AccessLogFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.accessLog(ctx, filter, first, after);
  }

  @Query(() => RecordAccessSummary, { description: "Who accessed this person's record, when, and how many times (ANALYST, DEPWD_ADMIN).", complexity: 10 })
  recordAccessSummary(@Ctx() ctx: RequestContext, @Arg('udid', () => UdidScalar) udid: string) {
    return this.service.recordAccessSummary(ctx, udid);
  }

  @Query(() => [UsageDay], { description: 'Per application and IST day: requests, records, distinct records, cost, errors, unknown lookups.', complexity: 10 })
  usageByApplication(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('applicationId', () => Int, { nullable: true }) applicationId: number | null,
  ) {
    return this.service.usageByApplication(ctx, from, to, applicationId);
  }

  @Query(() => ScrapingAlertConnection, { description: 'Scraping alerts, newest first. A PARTNER_ADMIN sees its own organisation\'s.', complexity: pageCost })
  scrapingAlerts(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => AlertStatus, { nullable: true }) status: AlertStatus | null,
    @Arg('applicationId', () => Int, { nullable: true }) applicationId: number | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kind', () => ScrapingAlertKind, { nullable: true }) kind: ScrapingAlertKind | null,
  ) {
    return this.service.scrapingAlerts(ctx, status, applicationId, first, after, kind ?? null);
  }

  @Mutation(() => ScrapingAlert, { description: 'A DEPwD admin is looking into the alert (OPEN → ACKNOWLEDGED); the note, if given, is audited.' })
  acknowledgeScrapingAlert(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true, description: 'Why (at most 500 characters), kept in the admin audit trail' }) note: string | null) {
    return this.service.acknowledgeScrapingAlert(ctx, Number(id), note ?? null);
  }

  @Mutation(() => ScrapingAlert, { description: 'A DEPwD admin closes the alert with what was found and done (→ RESOLVED); the resolution is audited.' })
  resolveScrapingAlert(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('resolution', () => String) resolution: string) {
    return this.service.resolveScrapingAlert(ctx, Number(id), resolution);
  }
}
