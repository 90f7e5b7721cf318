import { Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min,
  registerDecorator, ValidationOptions,
} from 'class-validator';
import { isIpOrCidr } from '../../core/http/client-ip';
import { ScopeName } from '../../core/authz/scopes';
import { ApplicationStatus } from './application.entity';

const TEXT = /^[^<>{}\u0000-\u001f]*$/;

/** Each element is an IPv4/IPv6 address or CIDR (e.g. 203.0.113.10 or 203.0.113.0/28). */
export function IsIpOrCidrList(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIpOrCidrList', target: object.constructor, propertyName, options,
      validator: {
        validate: (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && isIpOrCidr(x.trim())),
        defaultMessage: () => `${propertyName} must list public IPs or CIDRs such as 203.0.113.10 or 203.0.113.0/28`,
      },
    });
}
export function IsIpOrCidr(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIpOrCidr', target: object.constructor, propertyName, options,
      validator: {
        validate: (v: unknown) => typeof v === 'string' && isIpOrCidr(v.trim()),
        defaultMessage: () => `${propertyName} must be an IP or CIDR such as 203.0.113.10 or 203.0.113.0/28`,
      },
    });
}

/** The SOP's Application form, sent with the registration (or later, for another application). */
@InputType()
export class ApplicationFormInput {
  @Field() @Length(3, 120) @Matches(TEXT, { message: 'name must be plain text' }) name!: string;
  @Field() @Length(10, 1000) @Matches(TEXT, { message: 'description must be plain text' }) description!: string;
  @Field() @Length(2, 120) @Matches(TEXT, { message: 'contactPerson must be plain text' }) contactPerson!: string;
  @Field() @IsEmail({}, { message: 'email must be an email address such as it.cell@welfare.gov.in' }) @Length(3, 160) email!: string;
  @Field({ description: '"API access required for": the purpose the data will be used for' })
  @Length(10, 500) @Matches(TEXT, { message: 'accessRequiredFor must be plain text' }) accessRequiredFor!: string;
  @Field(() => [String], { description: 'Public IPs or CIDRs the application will call from' })
  @ArrayMinSize(1, { message: 'publicIps must list at least one public IP or CIDR' }) @ArrayMaxSize(20) @ArrayUnique() @IsIpOrCidrList()
  publicIps!: string[];
  @Field(() => [ScopeName], { nullable: true, description: 'Scopes asked for; DEPwD approves these or fewer' })
  @IsOptional() @ArrayMaxSize(20) @ArrayUnique() @IsEnum(ScopeName, { each: true })
  requestedScopes?: ScopeName[] | null;
}

@InputType({ description: 'Confirm the application requested at registration (applicationId) or request a new one (no applicationId).' })
export class CreateApplicationInput {
  @Field(() => ID, { nullable: true, description: 'The REQUESTED application to confirm; omit to request a new application' })
  @IsOptional() applicationId?: string | null;
  @Field(() => ApplicationFormInput) form!: ApplicationFormInput;
}

@InputType()
export class ApproveApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => [ScopeName], { description: 'Scopes granted; must be among those requested when any were requested' })
  @ArrayMinSize(1, { message: 'scopes must grant at least one scope' }) @ArrayUnique() @IsEnum(ScopeName, { each: true }) scopes!: ScopeName[];
  @Field(() => Int, { description: 'Daily cap of distinct PwD records this application may read' })
  @IsInt() @Min(1) @Max(10_000_000) dailyRecordQuota!: number;
  @Field(() => [ID], { nullable: true, description: 'The approved purposes of its organisation the application may use (their scopes must cover `scopes`); without it, the application\'s own purpose APP-<id> gets these scopes and this quota' })
  @IsOptional() @ArrayMinSize(1, { message: 'purposeIds must name at least one purpose' }) @ArrayMaxSize(20) purposeIds?: string[];
  @Field(() => Int, { nullable: true, description: 'Cost-point bucket capacity (default 2000)' }) @IsOptional() @IsInt() @Min(100) @Max(100_000) costBudget?: number;
  @Field(() => Int, { nullable: true, description: 'Cost points restored per second (default 100)' }) @IsOptional() @IsInt() @Min(1) @Max(10_000) costRestoreRate?: number;
}

@InputType()
export class ApplicationFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() organizationId?: string;
  @Field(() => ApplicationStatus, { nullable: true }) @IsOptional() status?: ApplicationStatus;
  @Field(() => Boolean, { nullable: true, description: 'Only applications whose sharing is (true) or is not (false) suspended' })
  @IsOptional() sharingSuspended?: boolean;
}

@InputType('AllowedIpInput')
export class IpInput {
  @Field(() => ID) applicationId!: string;
  @Field({ description: 'IP or CIDR, e.g. 203.0.113.10 or 203.0.113.0/28' }) @IsIpOrCidr() cidr!: string;
}

@InputType('ApplicationReasonInput')
export class ReasonInput {
  @Field(() => ID) applicationId!: string;
  @Field() @Length(5, 500, { message: 'reason must say why, in 5–500 characters' }) @Matches(TEXT, { message: 'reason must be plain text' }) reason!: string;
}

@InputType()
export class RegisterClientKeysInput {
  @Field(() => ID) applicationId!: string;
  @Field({ description: 'A JSON Web Key Set of 1–5 public keys (EC P-256/P-384, Ed25519 or RSA), each with a kid: replaces the keys registered before' })
  @Length(20, 20_000, { message: 'jwks must be a JSON Web Key Set of at most 20,000 characters' }) jwks!: string;
  @Field({ nullable: true, description: 'true: switch the client secret off, so only client assertions authenticate (default: leave as is)' })
  @IsOptional() @IsBoolean() disableClientSecret?: boolean;
}

@InputType()
export class RequireDpopInput {
  @Field(() => ID) applicationId!: string;
  @Field({ description: 'true: tokens must be DPoP-bound and every call must carry a proof' }) @IsBoolean() required!: boolean;
}
