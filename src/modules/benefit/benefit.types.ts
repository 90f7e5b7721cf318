import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLSafeInt } from 'graphql-scalars';
import { DateScalar, UdidScalar } from '../../core/scalars';
import { PageInfo } from '../pwd/pwd.types';
import { BenefitChannel, BenefitGroupBy, BenefitItemStatus, BenefitReportStatus, BenefitType, ReportingStatus } from './benefit.enums';

@ObjectType({ description: 'A benefit the application reported as delivered. Corrections reverse it; nothing is deleted.' })
export class BenefitReport {
  @Field(() => ID) id!: string;
  @Field(() => UdidScalar) udid!: string;
  @Field(() => String) schemeCode!: string;
  @Field(() => String) schemeName!: string;
  @Field(() => BenefitType) benefitType!: BenefitType;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Amount in paise; null for in-kind benefits' }) amountPaise!: number | null;
  @Field(() => DateScalar) benefitDate!: string;
  @Field(() => String) clientReference!: string;
  @Field(() => String, { nullable: true }) remarks!: string | null;
  @Field(() => BenefitChannel) channel!: BenefitChannel;
  @Field(() => BenefitReportStatus) status!: BenefitReportStatus;
  @Field(() => GraphQLDateTime) reportedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) reversedAt!: Date | null;
  @Field(() => String, { nullable: true }) reversalReason!: string | null;
  /** Not exposed: whose report it is. */
  applicationId!: number;
}

@ObjectType({ description: 'Why one item was rejected' })
export class BenefitItemError {
  @Field(() => String, { nullable: true, description: 'The input field at fault, when there is one' }) field!: string | null;
  @Field(() => String, { description: 'BAD_USER_INPUT, or UNKNOWN_UDID when no UDID card has this number' }) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'Outcome of one reported item' })
export class BenefitReportResult {
  @Field(() => Int, { description: 'Position of the item in the call (0-based)' }) index!: number;
  @Field(() => String, { nullable: true }) clientReference!: string | null;
  @Field(() => BenefitItemStatus) status!: BenefitItemStatus;
  // `report` (the stored report) is a field resolver: read only when selected (benefit.resolver.ts).
  @Field(() => ID, { nullable: true, description: 'DUPLICATE: id of the original report' }) duplicateOf!: string | null;
  @Field(() => [BenefitItemError], { description: 'REJECTED: every problem of the item' }) errors!: BenefitItemError[];
  /** Not exposed: whose result it is, and the stored report's id when it was read back. */
  applicationId!: number;
  reportId!: string | null;
}

@ObjectType({ description: 'Per-item outcomes of reportBenefits, in input order, and totals' })
export class BenefitBatchResult {
  @Field(() => Int) accepted!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [BenefitReportResult]) results!: BenefitReportResult[];
}

@ObjectType()
export class BenefitReportEdge {
  @Field(() => String) cursor!: string;
  @Field(() => BenefitReport) node!: BenefitReport;
}

@ObjectType()
export class BenefitReportConnection {
  @Field(() => [BenefitReportEdge]) edges!: BenefitReportEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'One group of benefitSummary: active (not reversed) reports only' })
export class BenefitSummaryRow {
  @Field(() => String, { description: 'State code, scheme code, benefit type, application id or period start; with several groupings, their keys in groupBy order joined by "/"' }) key!: string;
  @Field(() => String, { nullable: true, description: 'State name, scheme name or application name (several: joined by " · ")' }) label!: string | null;
  @Field(() => String, { nullable: true, description: 'With STATE: the state code' }) stateCode!: string | null;
  @Field(() => String, { nullable: true, description: 'With SCHEME: the scheme code' }) schemeCode!: string | null;
  @Field(() => BenefitType, { nullable: true, description: 'With BENEFIT_TYPE' }) benefitType!: BenefitType | null;
  @Field(() => ID, { nullable: true, description: 'With APPLICATION: the application id' }) applicationId!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'With MONTH or WEEK: the first day of the period (a week may start before from)' }) periodStart!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'With MONTH or WEEK: the last day of the period (a week may end after to)' }) periodEnd!: string | null;
  @Field(() => Int, { description: 'Number of reports' }) reports!: number;
  @Field(() => Int, { description: 'Distinct UDIDs reported' }) beneficiaries!: number;
  @Field(() => GraphQLSafeInt, { description: 'Sum of amountPaise (in-kind reports count as 0)' }) totalAmountPaise!: number;
}

@ObjectType({ description: 'Benefits reported (active reports only), grouped, with the overall total' })
export class BenefitSummary {
  @Field(() => [BenefitGroupBy], { description: 'The groupings, in the order asked' }) groupBy!: BenefitGroupBy[];
  @Field(() => DateScalar, { nullable: true, description: 'First benefit date counted (inclusive)' }) from!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last benefit date counted (inclusive)' }) to!: string | null;
  @Field(() => [DateScalar], { description: 'With MONTH or WEEK: the first day of every period from–to meets, empty ones too (to draw a gap as zero); else empty' }) periods!: string[];
  @Field(() => [BenefitSummaryRow]) groups!: BenefitSummaryRow[];
  @Field(() => BenefitSummaryRow, { description: 'All groups together (beneficiaries counted once)' }) total!: BenefitSummaryRow;
}

@ObjectType({ description: "An application's benefit-reporting standing (reciprocity, DESIGN.md §8)" })
export class BenefitReportingStatus {
  @Field(() => ReportingStatus) status!: ReportingStatus;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the application last filed an accepted benefit report' }) lastReportAt!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day (IST) by which a report must be filed to keep data sharing on; null when nothing is due' }) dueBy!: string | null;
  @Field(() => Int, { description: 'BENEFIT_REPORTING_GRACE_DAYS' }) graceDays!: number;
  @Field(() => String, { description: 'What this means and what to do' }) message!: string;
}

@ObjectType({ description: 'Records accessed vs. beneficiaries reported, per application' })
export class ApplicationReciprocity {
  @Field(() => ID) applicationId!: string;
  @Field(() => String) applicationName!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => String) organizationName!: string;
  @Field(() => Int, { description: 'Access events: records returned to the application' }) recordsAccessed!: number;
  @Field(() => Int, { description: 'Distinct PwDs whose records were returned' }) distinctPwdsAccessed!: number;
  @Field(() => Int, { description: 'Distinct PwDs in active benefit reports of the application' }) pwdsReportedBenefited!: number;
  @Field(() => Int, { description: 'Active benefit reports' }) benefitReports!: number;
  @Field(() => Float, { nullable: true, description: 'pwdsReportedBenefited / distinctPwdsAccessed; null when nothing was accessed' }) coverageRatio!: number | null;
  @Field(() => BenefitReportingStatus) reporting!: BenefitReportingStatus;
}
