import { Field, ID, InputType, Int } from 'type-graphql';
import { IsEnum, IsOptional, IsInt, Length, Matches, Max, Min } from 'class-validator';
import { DateScalar } from '../../core/scalars';
import { MouTerminationType } from './mou.entity';
import { DestructionMethod } from './destruction.entity';
import { DestructionStatus } from './destruction.types';
import { MouStatus } from './mou.calendar';

const TEXT = /^[^<>{}\u0000-\u001f]*$/;

@InputType()
export class RecordMouInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'DEPwD file reference, unique, e.g. DEPWD/MOU/2026/0042' })
  @Length(3, 60) @Matches(/^[A-Za-z0-9/_.-]+$/, { message: 'reference must be letters, digits and / _ . -' }) reference!: string;
  @Field() @Length(2, 120) @Matches(TEXT, { message: 'depwdSignatory must be plain text' }) depwdSignatory!: string;
  @Field() @Length(2, 120) @Matches(TEXT, { message: 'partnerSignatory must be plain text' }) partnerSignatory!: string;
  @Field({ description: 'The approved purpose; data may be used for nothing else' }) @Length(10, 300) @Matches(TEXT, { message: 'purpose must be plain text' }) purpose!: string;
  @Field(() => DateScalar, { description: 'Date of execution; the MoU is valid 3 years from it' }) executedOn!: string;
}

@InputType()
export class TerminateMouInput {
  @Field(() => ID) mouId!: string;
  @Field(() => MouTerminationType) @IsEnum(MouTerminationType) type!: MouTerminationType;
  @Field() @Length(5, 500, { message: 'reason must say why, in 5–500 characters' }) @Matches(TEXT, { message: 'reason must be plain text' }) reason!: string;
}

@InputType()
export class AttestDataDestructionInput {
  @Field(() => ID) mouId!: string;
  @Field({ description: 'What was returned or destroyed, how and when' })
  @Length(20, 1000, { message: 'statement must describe what was returned or destroyed (20–1000 characters)' }) @Matches(TEXT, { message: 'statement must be plain text' }) statement!: string;
  @Field(() => DestructionMethod, { nullable: true, description: 'What was done; required when DEPwD issued an instruction' }) @IsOptional() @IsEnum(DestructionMethod) performedMethod?: DestructionMethod;
  @Field(() => DateScalar, { nullable: true, description: 'The day it was done (not in the future); required when DEPwD issued an instruction' }) @IsOptional() performedOn?: string;
  @Field(() => String, { nullable: true, description: 'Who did it: name and designation; required when DEPwD issued an instruction' })
  @IsOptional() @Length(3, 200) @Matches(TEXT, { message: 'performedBy must be plain text' }) performedBy?: string;
}

@InputType()
export class IssueDestructionInstructionInput {
  @Field(() => ID) mouId!: string;
  @Field(() => DestructionMethod) @IsEnum(DestructionMethod) method!: DestructionMethod;
  @Field(() => DateScalar, { description: 'Attest by this day; today or later' }) dueOn!: string;
  @Field({ description: 'What to return or destroy, and how' })
  @Length(10, 1000, { message: 'instructions must say what to return or destroy (10–1000 characters)' }) @Matches(TEXT, { message: 'instructions must be plain text' }) instructions!: string;
}

@InputType()
export class DestructionInstructionFilter {
  @Field(() => DestructionStatus, { nullable: true, description: 'Status today (OVERDUE: no attestation by the due date)' }) @IsOptional() status?: DestructionStatus;
  @Field(() => ID, { nullable: true }) @IsOptional() mouId?: string;
}

@InputType()
export class MouFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() organizationId?: string;
  @Field(() => MouStatus, { nullable: true, description: 'Status today' }) @IsOptional() status?: MouStatus;
  @Field(() => Boolean, { nullable: true, description: 'Only MoUs in force today that end within expiringWithinDays' }) @IsOptional() expiringSoon?: boolean;
  @Field(() => Int, { nullable: true, defaultValue: 60, description: 'Window for expiringSoon, in days (default 60)' })
  @IsOptional() @IsInt() @Min(1) @Max(3650) expiringWithinDays?: number;
}
