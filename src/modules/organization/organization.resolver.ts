import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { ApplicationType, toApplication } from '../application/application.types';
import { MouType, toMou } from '../mou/mou.types';
import { isInForce } from '../mou/mou.calendar';
import { toUser, UserAccountType, ActivationResult } from '../staff/staff.types';
import { OrganizationFilter, RegisterOrganizationInput } from './organization.inputs';
import { OrganizationConnection, OrganizationType, RegistrationResult } from './organization.types';
import type { OrganizationService } from './organization.service';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Mutation(() => RegistrationResult, { description: 'Public, rate-limited: the Department and Application forms. Creates the organisation (REGISTERED) and its first application request.' })
  registerOrganization(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterOrganizationInput) input: RegisterOrganizationInput) {
    return this.service.register(ctx, input);
  }

  @Mutation(() => OrganizationType, { description: 'DEPWD_ADMIN, after recordMou: approves a REGISTERED (or DEACTIVATED) organisation.' })
  approveOrganization(@Ctx() ctx: RequestContext, @Arg('organizationId', () => ID) organizationId: string) {
    return this.service.approve(ctx, organizationId);
  }

  @Mutation(() => ActivationResult, { description: 'NIC_OPERATOR, after approval: activates the organisation and sends its partner admin a single-use activation link.' })
  activateOrganization(@Ctx() ctx: RequestContext, @Arg('organizationId', () => ID) organizationId: string) {
    return this.service.activate(ctx, organizationId);
  }

  @Query(() => OrganizationConnection, { description: 'Staff: every organisation. PARTNER_ADMIN: its own only.' })
  organizations(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.list(ctx, filter, first, after);
  }

  @Query(() => OrganizationType, { nullable: true })
  organization(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.byId(ctx, id);
  }

  @FieldResolver(() => [MouType], { description: 'Newest first' })
  async mous(@Ctx() ctx: RequestContext, @Root() org: OrganizationType) {
    const today = ctx.clock.today();
    return (await ctx.loaders.mousByOrgId.load(org.id)).map((m) => toMou(m, today));
  }

  @FieldResolver(() => MouType, { nullable: true, description: 'The MoU in force today, if any' })
  async mouInForce(@Ctx() ctx: RequestContext, @Root() org: OrganizationType) {
    const today = ctx.clock.today();
    const m = (await ctx.loaders.mousByOrgId.load(org.id)).find((x) => isInForce(x, today));
    return m ? toMou(m, today) : null;
  }

  @FieldResolver(() => [ApplicationType])
  async applications(@Ctx() ctx: RequestContext, @Root() org: OrganizationType) {
    return (await ctx.loaders.applicationsByOrgId.load(org.id)).map(toApplication);
  }

  @FieldResolver(() => [UserAccountType])
  async partnerAdmins(@Ctx() ctx: RequestContext, @Root() org: OrganizationType) {
    return (await ctx.loaders.partnerAdminsByOrgId.load(org.id)).map(toUser);
  }
}
