import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ScopeName } from '../../core/authz/scopes';
import { LegalBasis, PurposeStatus } from './purpose.entity';

const TEXT = /^[^<>{}\u0000-\u001f]*$/;

@InputType()
export class RegisterPurposeInput {
  @Field(() => ID, { description: 'The MoU (in force) the purpose is registered under' }) mouId!: string;
  @Field({ description: 'Short name, unique in the organisation: 2–40 of A–Z, 0–9, _ and - (e.g. PENSION_ELIGIBILITY)' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, { message: 'code must be 2–40 characters of A–Z, 0–9, _ and -, starting with a letter or digit' }) code!: string;
  @Field({ description: 'What the data is used for, in words' })
  @Length(10, 1000, { message: 'description must say what the data is used for (10–1000 characters)' }) @Matches(TEXT, { message: 'description must be plain text' }) description!: string;
  @Field(() => LegalBasis) @IsEnum(LegalBasis) legalBasis!: LegalBasis;
  @Field(() => [ScopeName], { description: 'The scopes the purpose needs' })
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' }) @ArrayUnique() @IsEnum(ScopeName, { each: true }) scopes!: ScopeName[];
  @Field(() => Int, { description: 'How many distinct persons a day the purpose needs' })
  @IsInt() @Min(1) @Max(10_000_000) estimatedDailyPersons!: number;
}

@InputType()
export class ApprovePurposeInput {
  @Field(() => ID) purposeId!: string;
  @Field(() => Int, { nullable: true, description: 'Daily cap of distinct records under this purpose (default: the estimated daily persons)' })
  @IsOptional() @IsInt() @Min(1) @Max(10_000_000) dailyRecordQuota?: number;
}

@InputType()
export class PurposeReasonInput {
  @Field(() => ID) purposeId!: string;
  @Field() @Length(5, 500, { message: 'reason must be 5–500 characters' }) @Matches(TEXT, { message: 'reason must be plain text' }) reason!: string;
}

@InputType()
export class PurposeFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() organizationId?: string;
  @Field(() => PurposeStatus, { nullable: true }) @IsOptional() status?: PurposeStatus;
}
