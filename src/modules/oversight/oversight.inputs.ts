import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, IsInt, Min } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { UdidScalar } from '../../core/scalars';

export const MAX_OVERSIGHT_PAGE = 100;

@InputType({ description: 'All given conditions must hold.' })
export class AccessLogFilter {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) applicationId?: number;
  @Field(() => UdidScalar, { nullable: true }) @IsOptional() udid?: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'At or after this instant' }) @IsOptional() from?: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Before this instant' }) @IsOptional() to?: Date;
}

