import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar, UdidScalar } from '../../core/scalars';
import { PageInfo } from '../pwd/pwd.types';
import { AlertStatus } from '../access/access.entity';

registerEnumType(AlertStatus, { name: 'AlertStatus', description: 'OPEN → ACKNOWLEDGED (an analyst is looking) → RESOLVED' });

@ObjectType({ description: 'One PwD record returned to a partner application (the access log, hash-chained).' })
export class AccessEvent {
  @Field(() => ID) id!: string;
  @Field(() => Int) applicationId!: number;
  @Field(() => Int) organizationId!: number;
  @Field(() => UdidScalar) udid!: string;
  @Field(() => String, { description: 'pwd, pwds or verifyUdid' }) source!: string;
  @Field(() => [String], { description: 'Scopes held by the token that read it' }) scopes!: string[];
  @Field(() => [String], { description: 'Fields of the record that were selected' }) fields!: string[];
  @Field(() => String, { nullable: true }) operationName!: string | null;
  @Field(() => String) requestId!: string;
  @Field(() => String) sourceIp!: string;
  @Field(() => GraphQLDateTime) occurredAt!: Date;
  @Field(() => String, { nullable: true, description: 'The purpose of the token that read it (null on events from before purposes)' }) purpose!: string | null;
  @Field(() => String, { nullable: true, description: 'The consent artefact that covered it (CONSENT purposes)' }) consentId!: string | null;
}

@ObjectType()
export class AccessEventEdge {
  @Field(() => String, { complexity: 0 }) cursor!: string;
  @Field(() => AccessEvent, { complexity: 0 }) node!: AccessEvent;
}

@ObjectType()
export class AccessEventConnection {
  @Field(() => [AccessEventEdge], { complexity: 0 }) edges!: AccessEventEdge[];
  @Field(() => PageInfo, { complexity: 0 }) pageInfo!: PageInfo;
}

@ObjectType({ description: 'How one application accessed one PwD record.' })
export class RecordAccessByApplication {
  @Field(() => Int) applicationId!: number;
  @Field(() => String) applicationName!: string;
  @Field(() => Int) organizationId!: number;
  @Field(() => String) organizationName!: string;
  @Field(() => String, { nullable: true, description: 'The purpose it was read for (one entry per application and purpose)' }) purpose!: string | null;
  @Field(() => Int) accessCount!: number;
  @Field(() => GraphQLDateTime) firstAccessAt!: Date;
  @Field(() => GraphQLDateTime) lastAccessAt!: Date;
}

@ObjectType({ description: "Who accessed this person's record, when and how many times." })
export class RecordAccessSummary {
  @Field(() => UdidScalar) udid!: string;
  @Field(() => Int) totalAccesses!: number;
  @Field(() => [RecordAccessByApplication]) applications!: RecordAccessByApplication[];
}

@ObjectType({ description: "One application's use of the API on one day (IST)." })
export class UsageDay {
  @Field(() => Int) applicationId!: number;
  @Field(() => String) applicationName!: string;
  @Field(() => DateScalar) day!: string;
  @Field(() => Int) requests!: number;
  @Field(() => Int, { description: 'Records returned' }) records!: number;
  @Field(() => Int, { description: 'Distinct PwD records returned that day (the daily quota counts these)' }) distinctRecords!: number;
  @Field(() => Int, { description: 'Cost points charged (actual cost)' }) cost!: number;
  @Field(() => Int, { description: 'Requests that ended with an error (including throttled ones)' }) errors!: number;
  @Field(() => Int, { description: 'Lookups of UDIDs that do not exist' }) unknownLookups!: number;
  @Field(() => [PurposeUsage], { description: 'The day\'s access events per purpose, from the access log (written in batches: the last second may be missing)' }) byPurpose!: PurposeUsage[];
}

@ObjectType({ description: 'One purpose\'s share of an application\'s day.' })
export class PurposeUsage {
  @Field(() => String, { nullable: true, description: 'The purpose code (null: events from before purposes)' }) purpose!: string | null;
  @Field(() => Int, { description: 'Access events (records disclosed)' }) accesses!: number;
  @Field(() => Int, { description: 'Distinct PwD records' }) distinctRecords!: number;
}

@ObjectType({ description: 'A pattern of automated enumeration seen in an application\'s traffic.' })
export class ScrapingAlert {
  @Field(() => ID) id!: string;
  @Field(() => Int) applicationId!: number;
  @Field(() => String) applicationName!: string;
  @Field(() => Int) organizationId!: number;
  @Field(() => String, { description: 'UNKNOWN_UDID_RATIO, SEQUENTIAL_UDIDS or DISTINCT_RATE_SPIKE' }) kind!: string;
  @Field(() => GraphQLJSONObject) evidence!: Record<string, unknown>;
  @Field(() => GraphQLDateTime) windowStart!: Date;
  @Field(() => GraphQLDateTime) windowEnd!: Date;
  @Field(() => AlertStatus) status!: AlertStatus;
  @Field(() => Boolean, { description: 'Whether sharing was suspended automatically when it was raised' }) autoSuspended!: boolean;
  @Field(() => GraphQLDateTime) raisedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => Int, { nullable: true }) acknowledgedBy!: number | null;
  @Field(() => GraphQLDateTime, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Int, { nullable: true }) resolvedBy!: number | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
}

@ObjectType()
export class ScrapingAlertEdge {
  @Field(() => String, { complexity: 0 }) cursor!: string;
  @Field(() => ScrapingAlert, { complexity: 0 }) node!: ScrapingAlert;
}

@ObjectType()
export class ScrapingAlertConnection {
  @Field(() => [ScrapingAlertEdge], { complexity: 0 }) edges!: ScrapingAlertEdge[];
  @Field(() => PageInfo, { complexity: 0 }) pageInfo!: PageInfo;
}
