import { Field, Float, ID, InputType } from 'type-graphql';
import { IsEnum, IsOptional, Length, Matches, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';
import { DateScalar, UDID_PATTERN, UdidScalar } from '../../core/scalars';
import { BenefitReportStatus, BenefitType } from './benefit.enums';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). Arithmetic, not Date parsing: it runs per item. */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const y = Number(v.slice(0, 4)), m = Number(v.slice(5, 7)), d = Number(v.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
}
const IsCalendarDate = (opts?: ValidationOptions) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a calendar date written YYYY-MM-DD, e.g. 2026-04-17' } }, opts);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that both databases store as written: no control characters, no broken UTF-16. */
const IsPlainText = (opts?: ValidationOptions) =>
  ValidateBy({
    name: 'isPlainText',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && !/[\u0000-\u001F\u007F]/.test(v) && !LONE_SURROGATE.test(v),
      defaultMessage: () => '$property must be plain text without control characters (tabs, line breaks) or broken characters',
    },
  }, opts);

/**
 * A whole number of paise from 0 to 2^53 − 1, with one message for whatever is wrong: a file's
 * "100.5" or "1,000" is not a whole number, and not also "negative" and "too large" as three
 * separate checks would say.
 */
const IsPaise = (opts?: ValidationOptions) =>
  ValidateBy({
    name: 'isPaise',
    validator: {
      validate: (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER,
      defaultMessage: (args) => {
        const v = args?.value;
        if (typeof v !== 'number' || !Number.isInteger(v)) return 'amountPaise must be a whole number of paise (₹1 = 100 paise), without decimals';
        return v < 0 ? 'amountPaise must not be negative' : 'amountPaise is too large';
      },
    },
  }, opts);

/**
 * One benefit delivered to one PwD (DESIGN.md §5). The same class validates API items and uploaded
 * rows, item by item, so that one bad item never sinks the others. `udid` and `benefitDate` are
 * strings here (checked by class-validator, not by scalars) for the same reason: a malformed value
 * rejects that item, not the whole call. Checks that need the database or today's date (UDID
 * known, date not in the future nor before 2017-04-19) are made by the service.
 */
@InputType({ description: 'One benefit delivered to one PwD. clientReference is the idempotency key: a retry returns the original report.' })
export class BenefitReportInput {
  @Field(() => String, { description: 'UDID of the beneficiary: 2 capital letters then 16 digits' })
  @Matches(UDID_PATTERN, { message: 'udid must be 18 characters: 2 capital letters (state) then 16 digits, e.g. MH0110520010000012' })
  udid!: string;

  @Field(() => String, { description: 'Your scheme code, e.g. "IGNDPS" (letters, digits and . _ / -; up to 40)' })
  @Length(1, 40, { message: 'schemeCode must be 1 to 40 characters long' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, { message: 'schemeCode may contain only letters, digits and . _ / - and must start with a letter or digit' })
  schemeCode!: string;

  @Field(() => String, { description: 'Scheme name as known to beneficiaries (up to 200 characters)' })
  @Length(1, 200, { message: 'schemeName must be 1 to 200 characters long' }) @IsPlainText()
  schemeName!: string;

  @Field(() => BenefitType)
  @IsEnum(BenefitType, { message: `benefitType must be one of ${Object.values(BenefitType).join(', ')}` })
  benefitType!: BenefitType;

  @Field(() => Float, { nullable: true, description: 'Amount in paise (₹1 = 100 paise): a whole number ≥ 0; omit for in-kind benefits' })
  @IsOptional() @IsPaise()
  amountPaise?: number | null;

  @Field(() => String, { description: 'Date the benefit was delivered, YYYY-MM-DD; not in the future, not before 2017-04-19 (RPwD Act 2016 in force)' })
  @IsCalendarDate()
  benefitDate!: string;

  @Field(() => String, { description: 'Your unique reference for this report (idempotency key per application): letters, digits and . _ : / # -; up to 100' })
  @Length(1, 100, { message: 'clientReference must be 1 to 100 characters long' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/#-]*$/, { message: 'clientReference may contain only letters, digits and . _ : / # - and must start with a letter or digit' })
  clientReference!: string;

  @Field(() => String, { nullable: true, description: 'Free text, up to 500 characters; no personal data beyond what the scheme needs' })
  @IsOptional() @MaxLength(500, { message: 'remarks must be at most 500 characters long' }) @IsPlainText()
  remarks?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class BenefitReportFilter {
  @Field(() => UdidScalar, { nullable: true }) udid?: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @Length(1, 40)
  schemeCode?: string;

  @Field(() => BenefitType, { nullable: true }) benefitType?: BenefitType;
  @Field(() => BenefitReportStatus, { nullable: true }) status?: BenefitReportStatus;

  @Field(() => String, { nullable: true })
  @IsOptional() @Length(1, 100)
  clientReference?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Benefit date on or after' }) benefitDateFrom?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Benefit date on or before' }) benefitDateTo?: string;

  @Field(() => ID, { nullable: true, description: 'Partner admins: one application of the organisation (default: all of them)' })
  applicationId?: string;
}

export const MAX_BATCH = 500;
export const MAX_REPORT_PAGE = 100;
