import { Field, InputType, Int } from 'type-graphql';
import { IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { DisabilityType } from './pwd.enums';
import { STATE_CODES } from './pwd.geo';

@InputType({ description: 'All given conditions must hold. At least the state is usually given.' })
export class PwdFilter {
  @Field(() => String, { nullable: true, description: 'Two-letter state code of the UDID, e.g. "MH"' })
  @IsOptional() @IsIn(STATE_CODES, { message: 'state must be a two-letter state code such as MH, KA or UP' })
  state?: string;

  @Field(() => String, { nullable: true, description: 'District name as on the record, e.g. "Pune"' })
  @IsOptional() @Length(1, 60) @Matches(/^[A-Za-z .()-]+$/, { message: 'district must be a district name (letters, spaces, dots, hyphens)' })
  district?: string;

  @Field(() => DisabilityType, { nullable: true })
  @IsOptional()
  disabilityType?: DisabilityType;

  @Field(() => Int, { nullable: true, description: 'Lowest disability percentage, 0–100' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  percentageMin?: number;

  @Field(() => Int, { nullable: true, description: 'Highest disability percentage, 0–100' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  percentageMax?: number;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Only records updated at or after this instant' })
  @IsOptional()
  updatedSince?: Date;
}

export const MAX_PAGE = 100;
