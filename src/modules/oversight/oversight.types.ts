import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar, UdidScalar } from '../../core/scalars';
import { PageInfo } from '../pwd/pwd.types';
import { AlertStatus, ScrapingAlertKind } from '../access/access.entity';
import type { AlertKind } from '../access/scraping.rules';
import type { AccessAlertKind } from '../access/alerts';

registerEnumType(AlertStatus, { name: 'AlertStatus', description: 'OPEN → ACKNOWLEDGED (a DEPwD admin is looking) → RESOLVED' });
registerEnumType(ScrapingAlertKind, {
  name: 'ScrapingAlertKind',
  description: 'The pattern an alert saw (DESIGN.md §7, §11)',
  valuesConfig: {
    UNKNOWN_UDID_RATIO: { description: 'A high share of lookups of unknown UDIDs in a 10-minute window' },
    SEQUENTIAL_UDIDS: { description: 'A run of consecutive running numbers under one UDID prefix' },
    DISTINCT_RATE_SPIKE: { description: 'Distinct records in a window far above the application\'s norm' },
    VERIFY_BRUTE_FORCE: { description: 'Repeated failed verifyUdid date-of-birth checks of one UDID in an IST day' },
    EXISTENCE_PROBING: { description: 'Many unknown UDIDs in benefit reports in an IST day' },
    PURPOSE_LOAD_EXCEEDED: { description: 'Distinct records under a purpose in an IST day above its estimated daily persons' },
  },
});

// Every kind a detector can store is in the enum, and nothing else (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsMatch: Same<`${ScrapingAlertKind}`, AlertKind | AccessAlertKind> = true;
void kindsMatch;

@ObjectType({ description: 'What an alert saw. Which fields are set depends on its kind; the others are null.' })
export class ScrapingAlertEvidence {
  @Field(() => Int, { nullable: true, description: 'UNKNOWN_UDID_RATIO: lookups in the window' }) lookups!: number | null;
  @Field(() => Int, { nullable: true, description: 'UNKNOWN_UDID_RATIO: lookups of unknown UDIDs' }) unknownLookups!: number | null;
  @Field(() => Float, { nullable: true, description: 'UNKNOWN_UDID_RATIO: unknownLookups / lookups' }) unknownShare!: number | null;
  @Field(() => Int, { nullable: true, description: 'UNKNOWN_UDID_RATIO: distinct UDIDs looked up' }) distinctLookups!: number | null;
  @Field(() => Int, { nullable: true, description: 'UNKNOWN_UDID_RATIO: distinct unknown UDIDs looked up' }) distinctUnknown!: number | null;
  @Field(() => Float, { nullable: true, description: 'UNKNOWN_UDID_RATIO: distinctUnknown / distinctLookups' }) distinctUnknownShare!: number | null;
  @Field(() => String, { nullable: true, description: 'SEQUENTIAL_UDIDS: the 11-character UDID prefix' }) prefix!: string | null;
  @Field(() => Int, { nullable: true, description: 'SEQUENTIAL_UDIDS: first running number of the run' }) runningFrom!: number | null;
  @Field(() => Int, { nullable: true, description: 'SEQUENTIAL_UDIDS: last running number of the run' }) runningTo!: number | null;
  @Field(() => Int, { nullable: true, description: 'SEQUENTIAL_UDIDS: length of the run' }) runLength!: number | null;
  @Field(() => Int, { nullable: true, description: 'DISTINCT_RATE_SPIKE: distinct records in the window' }) distinctRecords!: number | null;
  @Field(() => Int, { nullable: true, description: 'DISTINCT_RATE_SPIKE and EXISTENCE_PROBING: the threshold passed' }) threshold!: number | null;
  @Field(() => Int, { nullable: true, description: 'DISTINCT_RATE_SPIKE: the application\'s mean distinct records per window' }) normPerWindow!: number | null;
  @Field(() => Int, { nullable: true, description: 'DISTINCT_RATE_SPIKE: windows behind the norm' }) normWindows!: number | null;
  @Field(() => UdidScalar, { nullable: true, description: 'VERIFY_BRUTE_FORCE: the UDID tried' }) udid!: string | null;
  @Field(() => Int, { nullable: true, description: 'VERIFY_BRUTE_FORCE: failed checks' }) failedAttempts!: number | null;
  @Field(() => Int, { nullable: true, description: 'VERIFY_BRUTE_FORCE: checks allowed per UDID and IST day' }) attemptsPerDay!: number | null;
  @Field(() => Int, { nullable: true, description: 'EXISTENCE_PROBING: unknown UDIDs reported in the IST day' }) unknownUdidsToday!: number | null;
  @Field(() => String, { nullable: true, description: 'PURPOSE_LOAD_EXCEEDED: the purpose code' }) purpose!: string | null;
  @Field(() => Int, { nullable: true, description: 'PURPOSE_LOAD_EXCEEDED: the purpose id' }) purposeId!: number | null;
  @Field(() => Int, { nullable: true, description: 'PURPOSE_LOAD_EXCEEDED: distinct persons a day declared for the purpose' }) estimatedDailyPersons!: number | null;
  @Field(() => Int, { nullable: true, description: 'PURPOSE_LOAD_EXCEEDED: distinct records under it that IST day' }) distinctRecordsToday!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'PURPOSE_LOAD_EXCEEDED: the IST day' }) day!: string | null;
}

/** The typed evidence of a stored JSON document: known fields of the right type, the rest null. */
export function typedEvidence(raw: Record<string, unknown>): ScrapingAlertEvidence {
  const e = new ScrapingAlertEvidence();
  const num = (k: string) => (typeof raw[k] === 'number' && Number.isFinite(raw[k]) ? (raw[k] as number) : null);
  const int = (k: string) => { const v = num(k); return v !== null && Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1 ? v : null; };
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : null);
  Object.assign(e, {
    lookups: int('lookups'), unknownLookups: int('unknownLookups'), unknownShare: num('unknownShare'),
    distinctLookups: int('distinctLookups'), distinctUnknown: int('distinctUnknown'), distinctUnknownShare: num('distinctUnknownShare'),
    prefix: str('prefix'), runningFrom: int('runningFrom'), runningTo: int('runningTo'), runLength: int('runLength'),
    distinctRecords: int('distinctRecords'), threshold: int('threshold'), normPerWindow: int('normPerWindow'), normWindows: int('normWindows'),
    udid: str('udid') && /^[A-Z]{2}\d{16}$/.test(str('udid')!) ? str('udid') : null, failedAttempts: int('failedAttempts'), attemptsPerDay: int('attemptsPerDay'),
    unknownUdidsToday: int('unknownUdidsToday'),
    purpose: str('purpose'), purposeId: int('purposeId'), estimatedDailyPersons: int('estimatedDailyPersons'), distinctRecordsToday: int('distinctRecordsToday'),
    day: str('day') && /^\d{4}-\d{2}-\d{2}$/.test(str('day')!) ? str('day') : null,
  });
  return e;
}

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
  @Field(() => ScrapingAlertKind) kind!: ScrapingAlertKind;
  @Field(() => ScrapingAlertEvidence, { description: 'What the alert saw, typed by kind' }) evidence!: ScrapingAlertEvidence;
  @Field(() => GraphQLJSONObject, { description: 'The evidence as stored (a JSON object), for tools that read it whole' }) evidenceJson!: Record<string, unknown>;
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
