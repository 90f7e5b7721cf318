import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, UdidScalar } from '../../core/scalars';
import { CardStatus, CertificateType, DisabilityType, Education, Employment, Gender, IncomeBand } from './pwd.enums';

/**
 * A PwD record as a partner sees it. Every field is nullable: a field outside the caller's scopes
 * resolves to null with a FORBIDDEN error naming the scope (rules in pwd.rules.ts).
 * `complexity` is the cost of the field (DESIGN.md §7): PII-heavy fields cost more.
 */
// simpleResolvers: plain properties get no resolver of type-graphql's (no middleware runs on them), so a
// compiled query reads them inline instead of calling a closure per field and record.
@ObjectType({ description: 'A Person with Disability behind a UDID card. Fields are served by scope (DESIGN.md §4).', simpleResolvers: true })
export class PwdRecord {
  /** Internal row id; never exposed, used by loaders and cursors. */
  id!: number;

  @Field(() => UdidScalar, { nullable: true, complexity: 1, description: 'Any pwd:* read scope' }) udid!: string;
  @Field(() => CardStatus, { nullable: true, complexity: 1, description: 'Any pwd:* read scope' }) cardStatus!: CardStatus;

  @Field(() => String, { nullable: true, complexity: 2, description: 'pwd:identity' }) name!: string;
  @Field(() => String, { nullable: true, complexity: 2, description: 'pwd:identity — name in the regional language' }) nameRegional!: string | null;
  @Field(() => String, { nullable: true, complexity: 2, description: "pwd:identity — father's/guardian's name" }) guardianName!: string;
  @Field(() => Gender, { nullable: true, complexity: 1, description: 'pwd:identity' }) gender!: Gender;
  @Field(() => DateScalar, { nullable: true, complexity: 2, description: 'pwd:identity' }) dateOfBirth!: string;

  @Field(() => String, { nullable: true, complexity: 3, description: 'pwd:contact — 10-digit mobile number' }) mobile!: string;
  @Field(() => String, { nullable: true, complexity: 3, description: 'pwd:contact' }) email!: string | null;
  @Field(() => String, { nullable: true, complexity: 3, description: 'pwd:contact' }) address!: string;
  @Field(() => String, { nullable: true, complexity: 1, description: 'pwd:contact — 6-digit PIN code' }) pincode!: string;
  @Field(() => String, { nullable: true, complexity: 1, description: 'pwd:contact' }) district!: string;
  @Field(() => String, { nullable: true, complexity: 1, description: 'pwd:contact' }) state!: string;

  @Field(() => [DisabilityType], { nullable: true, complexity: 1, description: 'pwd:disability — one or more of the 21 specified disabilities' }) disabilities?: DisabilityType[];
  @Field(() => Int, { nullable: true, complexity: 1, description: 'pwd:disability — 0 to 100; benchmark disability is 40 or more' }) disabilityPercentage!: number;
  @Field(() => CertificateType, { nullable: true, complexity: 1, description: 'pwd:disability' }) certificateType!: CertificateType;
  @Field(() => String, { nullable: true, complexity: 1, description: 'pwd:disability' }) certificateNumber!: string;
  @Field(() => DateScalar, { nullable: true, complexity: 1, description: 'pwd:disability' }) certificateIssuedOn!: string;
  @Field(() => DateScalar, { nullable: true, complexity: 1, description: 'pwd:disability — set for temporary certificates' }) validUntil!: string | null;
  @Field(() => String, { nullable: true, complexity: 1, description: 'pwd:disability' }) issuingAuthority!: string;

  @Field(() => Education, { nullable: true, complexity: 1, description: 'pwd:socioeconomic' }) education!: Education;
  @Field(() => Employment, { nullable: true, complexity: 1, description: 'pwd:socioeconomic' }) employment!: Employment;
  @Field(() => IncomeBand, { nullable: true, complexity: 1, description: 'pwd:socioeconomic' }) incomeBand!: IncomeBand;
  @Field(() => Boolean, { nullable: true, complexity: 1, description: 'pwd:socioeconomic — below poverty line' }) belowPovertyLine!: boolean;

  @Field(() => String, { nullable: true, complexity: 5, description: 'pwd:aadhaar — last four digits only; the full number is never held here' }) aadhaarLast4!: string;
}

/** Connection plumbing costs nothing: a page costs first × the record fields selected (DESIGN.md §7). */
/** An edge's node is null (with DAILY_RECORD_QUOTA_EXCEEDED) when the record was withheld for the daily quota. */
@ObjectType({ simpleResolvers: true })
export class PwdEdge {
  @Field(() => String, { complexity: 0 }) cursor!: string;
  /**
   * A withheld record is its error in place of the node: GraphQL (graphql-js and graphql-jit alike)
   * answers a field whose value is an Error with null and that error at the field's path
   * (edges[i].node), so the rest of the page stands and no resolver runs per edge.
   */
  @Field(() => PwdRecord, { nullable: true, complexity: 0, description: 'null when the record was withheld (DAILY_RECORD_QUOTA_EXCEEDED in errors)' }) node!: PwdRecord | Error | null;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { complexity: 0 }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, complexity: 0 }) endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PwdConnection {
  @Field(() => [PwdEdge], { complexity: 0 }) edges!: PwdEdge[];
  @Field(() => PageInfo, { complexity: 0 }) pageInfo!: PageInfo;
}

/** Minimal disclosure: whether a UDID is valid for a date of birth, and nothing that identifies the person. */
@ObjectType({ simpleResolvers: true })
export class UdidVerification {
  @Field(() => UdidScalar) udid!: string;
  @Field(() => Boolean, { description: 'True when the UDID exists, the date of birth matches and the card is ACTIVE' }) valid!: boolean;
  @Field(() => CardStatus, { nullable: true, description: 'null when the UDID is unknown or the date of birth does not match' }) cardStatus!: CardStatus | null;
  @Field(() => DateScalar, { nullable: true }) validUntil!: string | null;
  @Field(() => String, { nullable: true, description: 'BELOW_40, FROM_40_TO_79 or FROM_80 (benchmark disability is 40 % or more)' }) percentageBand!: string | null;
}
