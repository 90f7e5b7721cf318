import { Field, InputType } from 'type-graphql';
import { IsEmail, IsEnum, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { OrganizationCategory, OrganizationStatus } from './organization.entity';
import { ApplicationFormInput } from '../application/application.inputs';

const TEXT = /^[^<>{}\u0000-\u001f]*$/;
const textMsg = 'must be plain text (no control characters or < > { })';

/** The SOP's Department form. */
@InputType()
export class DepartmentFormInput {
  @Field() @Length(3, 200) @Matches(TEXT, { message: `name ${textMsg}` }) name!: string;
  @Field() @Length(5, 300) @Matches(TEXT, { message: `address ${textMsg}` }) address!: string;
  @Field() @Length(2, 120) @Matches(TEXT, { message: `contactPerson ${textMsg}` }) contactPerson!: string;
  @Field() @Length(2, 120) @Matches(TEXT, { message: `designation ${textMsg}` }) designation!: string;
  @Field() @IsEmail({}, { message: 'email must be an email address such as director@welfare.gov.in' }) @Length(3, 160) email!: string;
  @Field({ description: '10-digit mobile number, e.g. 9876543210' })
  @Matches(/^[6-9]\d{9}$/, { message: 'mobile must be a 10-digit Indian mobile number starting 6–9, e.g. 9876543210' }) mobile!: string;
  @Field(() => String, { nullable: true, description: 'Landline with STD code, e.g. 020-26123456' })
  @IsOptional() @Matches(/^[0-9+ -]{6,20}$/, { message: 'phone must be digits, spaces, + or -, 6–20 characters' }) phone?: string | null;
  @Field() @Length(2, 80) @Matches(TEXT, { message: `city ${textMsg}` }) city!: string;
  @Field() @Length(2, 60) @Matches(TEXT, { message: `state ${textMsg}` }) state!: string;
  @Field({ description: '6-digit PIN code' })
  @Matches(/^[1-9]\d{5}$/, { message: 'pincode must be a 6-digit PIN code, e.g. 411001' }) pincode!: string;
  @Field(() => OrganizationCategory)
  @IsEnum(OrganizationCategory, { message: 'category must be GOVERNMENT, PSU or PRIVATE' }) category!: OrganizationCategory;
}

@InputType()
export class RegisterOrganizationInput {
  @Field(() => DepartmentFormInput) @ValidateNested() department!: DepartmentFormInput;
  @Field(() => ApplicationFormInput) @ValidateNested() application!: ApplicationFormInput;
}

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationStatus, { nullable: true }) @IsOptional() status?: OrganizationStatus;
  @Field(() => OrganizationCategory, { nullable: true }) @IsOptional() category?: OrganizationCategory;
  @Field(() => String, { nullable: true, description: 'Name contains (case-insensitive)' }) @IsOptional() @Length(1, 100) nameContains?: string;
}
