import { Field, ID, InputType } from 'type-graphql';
import { IsIn, IsOptional, Length, Matches } from 'class-validator';

@InputType()
export class ActivateAccountInput {
  @Field({ description: 'The token from the activation link' }) @Length(20, 100) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token must be the token from the activation link' }) token!: string;
  @Field({ description: 'At least 12 characters with three of: lower case, upper case, digits, symbols' }) @Length(12, 200, { message: 'password must be 12–200 characters' }) password!: string;
}

@InputType()
export class AuditTrailFilter {
  @Field(() => String, { nullable: true, description: 'ORGANIZATION, MOU, APPLICATION or USER' })
  @IsOptional() @IsIn(['ORGANIZATION', 'MOU', 'APPLICATION', 'USER']) targetType?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() targetId?: string;
  @Field(() => String, { nullable: true, description: 'e.g. APPROVE_ORGANIZATION' }) @IsOptional() @Matches(/^[A-Z_]{3,40}$/) action?: string;
}

@InputType()
export class UserStatusInput {
  @Field(() => ID) userId!: string;
  @Field() @Length(5, 300, { message: 'reason must say why, in 5–300 characters' }) reason!: string;
}
