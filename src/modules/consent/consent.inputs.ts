import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DateScalar, UdidScalar } from '../../core/scalars';
import { ConsentFrequencyUnit } from './consent.entity';

@InputType()
export class ConsentFrequencyInput {
  @Field(() => ConsentFrequencyUnit) @IsEnum(ConsentFrequencyUnit) unit!: ConsentFrequencyUnit;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) value!: number;
}

@InputType()
export class RecordConsentInput {
  @Field(() => UdidScalar, { description: 'The person who consented' }) udid!: string;
  @Field(() => [String], { description: 'PwdRecord fields the person agreed to share (among those the purpose\'s scopes unlock)' })
  @ArrayMinSize(1) @ArrayMaxSize(30) @ArrayUnique() @Matches(/^[a-zA-Z0-9]{1,40}$/, { each: true, message: 'fields must be PwdRecord field names' }) fields!: string[];
  @Field(() => DateScalar, { description: 'First day covered' }) validFrom!: string;
  @Field(() => DateScalar, { description: 'Last day covered (inclusive); at most a year after validFrom' }) validTo!: string;
  @Field({ nullable: true, description: 'Required when the application has registered keys (registerClientKeys): a compact JWS, by one of those keys, of {"udid", "purpose", "fields", "validFrom", "validTo"} as given here' })
  @IsOptional() @Length(20, 8192) partnerSignature?: string;
  @Field(() => ConsentFrequencyInput, { nullable: true, description: 'Default: once a DAY' })
  @IsOptional() @ValidateNested() frequency?: ConsentFrequencyInput;
}
