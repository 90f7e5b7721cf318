import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateScalar } from '../../core/scalars';
import { ScopeName } from '../../core/authz/scopes';
import { ApplicationStatus } from '../application/application.entity';
import { OrganizationStatus } from '../organization/organization.entity';
// The enums' GraphQL registration lives with their modules' types.
import '../application/application.types';
import '../organization/organization.types';

/** The calling application, as it sees itself. */
@ObjectType({ description: 'The calling application.' })
export class ApplicationSummary {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) clientId!: string;
  @Field(() => ApplicationStatus) status!: ApplicationStatus;
}

@ObjectType({ description: "The calling application's organisation." })
export class OrganizationSummary {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => OrganizationStatus) status!: OrganizationStatus;
}

@ObjectType({ description: 'The MoU with DEPwD in force today.' })
export class MouValidity {
  @Field(() => String) reference!: string;
  @Field(() => DateScalar) effectiveFrom!: string;
  @Field(() => DateScalar, { description: 'First day on which the MoU is no longer in force (expiry or termination, whichever comes first)' }) expiresOn!: string;
  @Field(() => Int, { description: 'Days from today (India) until expiresOn' }) daysLeft!: number;
}

/** Like GitHub's rateLimit / Shopify's throttleStatus: the leaky bucket of query-cost points (DESIGN.md §7). */
@ObjectType({ description: 'The cost budget: a leaky bucket of query-cost points.' })
export class CostBudget {
  @Field(() => Int, { description: 'Capacity of the bucket, in cost points' }) maximumAvailable!: number;
  @Field(() => Int, { description: 'Points available now' }) currentlyAvailable!: number;
  @Field(() => Int, { description: 'Points restored per second' }) restoreRate!: number;
}

@ObjectType({ description: 'The daily cap on distinct PwD records (India calendar day).' })
export class DailyRecordQuota {
  @Field(() => Int) limit!: number;
  @Field(() => Int, { description: 'Distinct records served today, as recorded in the access log' }) used!: number;
  @Field(() => Int) remaining!: number;
  @Field(() => GraphQLDateTime, { description: 'Next midnight in India, when the count starts again' }) resetsAt!: Date;
}

@ObjectType({ description: 'Two-way reporting (DESIGN.md §8): sharing is suspended when no benefit report is filed in time.' })
export class BenefitReportingDue {
  @Field(() => GraphQLDateTime, { nullable: true }) firstRecordAccessAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastBenefitReportAt!: Date | null;
  @Field(() => Int) graceDays!: number;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'File a benefit report before this instant (null until the first record is read)' }) dueBy!: Date | null;
  @Field(() => Boolean) overdue!: boolean;
}

@ObjectType('ApplicationStatus', { description: 'What an application token may do right now, and what it has used.' })
export class ApplicationStatusView {
  @Field(() => ApplicationSummary) application!: ApplicationSummary;
  @Field(() => OrganizationSummary) organization!: OrganizationSummary;
  @Field(() => [ScopeName], { description: 'Scopes on this token' }) grantedScopes!: ScopeName[];
  @Field({ description: 'The approved purpose this token was issued for (its scopes and daily quota apply)' }) purpose!: string;
  @Field(() => [ScopeName], { description: 'Scopes DEPwD approved for this application' }) approvedScopes!: ScopeName[];
  @Field(() => MouValidity, { nullable: true }) mou!: MouValidity | null;
  @Field(() => CostBudget) costBudget!: CostBudget;
  @Field(() => DailyRecordQuota) dailyRecordQuota!: DailyRecordQuota;
  @Field(() => BenefitReportingDue) benefitReporting!: BenefitReportingDue;
}
