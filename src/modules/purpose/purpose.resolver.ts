import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { ApplicationType } from '../application/application.types';
import { ApprovePurposeInput, PurposeFilter, PurposeReasonInput, RegisterPurposeInput } from './purpose.inputs';
import { PurposeType } from './purpose.types';
import type { PurposeService } from './purpose.service';

@Resolver(() => PurposeType)
export class PurposeResolver {
  constructor(private readonly service: PurposeService) {}

  @Query(() => [PurposeType], {
    description: 'Purposes registered under MoUs (at most 200, oldest first): staff see every organisation, a partner admin its own.',
    complexity: ({ childComplexity }) => 1 + 10 * childComplexity,
  })
  purposes(@Ctx() ctx: RequestContext, @Arg('filter', () => PurposeFilter, { nullable: true }) filter: PurposeFilter | null) {
    return this.service.list(ctx, filter);
  }

  @Mutation(() => PurposeType, { description: 'PARTNER_ADMIN: registers a purpose under the MoU in force (code, description, legal basis, scopes, estimated daily persons); DEPwD approves it.' })
  registerPurpose(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterPurposeInput) input: RegisterPurposeInput) {
    return this.service.register(ctx, input);
  }

  @Mutation(() => PurposeType, { description: 'DEPWD_ADMIN: approves a requested purpose with its daily distinct-record quota (again later to change the quota); audited.' })
  approvePurpose(@Ctx() ctx: RequestContext, @Arg('input', () => ApprovePurposeInput) input: ApprovePurposeInput) {
    return this.service.approve(ctx, input);
  }

  @Mutation(() => PurposeType, { description: 'DEPWD_ADMIN: rejects a requested purpose, with the reason; audited.' })
  rejectPurpose(@Ctx() ctx: RequestContext, @Arg('input', () => PurposeReasonInput) input: PurposeReasonInput) {
    return this.service.reject(ctx, input);
  }

  @Mutation(() => PurposeType, { description: 'DEPWD_ADMIN: suspends an approved purpose on its own (tokens for it are refused with PURPOSE_NOT_APPROVED; benefit reporting goes on); audited.' })
  suspendPurpose(@Ctx() ctx: RequestContext, @Arg('input', () => PurposeReasonInput) input: PurposeReasonInput) {
    return this.service.suspend(ctx, input);
  }

  @Mutation(() => PurposeType, { description: 'DEPWD_ADMIN: resumes a suspended purpose; audited.' })
  resumePurpose(@Ctx() ctx: RequestContext, @Arg('purposeId', () => ID) purposeId: string) {
    return this.service.resume(ctx, purposeId);
  }
}

@Resolver(() => ApplicationType)
export class ApplicationPurposesResolver {
  constructor(private readonly service: PurposeService) {}

  @FieldResolver(() => [PurposeType], { description: 'The purposes the application is approved for (a token names one)' })
  purposes(@Ctx() ctx: RequestContext, @Root() app: ApplicationType) {
    return this.service.ofApplication(ctx, Number(app.id));
  }
}
