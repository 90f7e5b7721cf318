import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { OrganizationType, toOrganization } from '../organization/organization.types';
import { ApplicationFilter, ApproveApplicationInput, CreateApplicationInput, IpInput, ReasonInput, RegisterClientKeysInput, RequireDpopInput } from './application.inputs';
import { AllowedIpType, ApplicationConnection, ApplicationType, ClientSecretInfo, IssuedClientSecret } from './application.types';
import type { ApplicationService } from './application.service';
import type { ApplicationAccessService } from './application-access.service';

@Resolver(() => ApplicationType)
export class ApplicationResolver {
  constructor(private readonly service: ApplicationService, private readonly access: ApplicationAccessService) {}

  @Mutation(() => ApplicationType, { description: 'PARTNER_ADMIN of an active organisation: confirms the requested application (applicationId) or requests a new one.' })
  createApplication(@Ctx() ctx: RequestContext, @Arg('input', () => CreateApplicationInput) input: CreateApplicationInput) {
    return this.service.create(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'DEPWD_ADMIN, after createApplication: grants scopes and the daily distinct-record quota.' })
  approveApplication(@Ctx() ctx: RequestContext, @Arg('input', () => ApproveApplicationInput) input: ApproveApplicationInput) {
    return this.service.approve(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'INTEGRATION_ENGINEER, after NIC activation: allowlists an IP or CIDR.' })
  allowIp(@Ctx() ctx: RequestContext, @Arg('input', () => IpInput) input: IpInput) {
    return this.access.allowIp(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'INTEGRATION_ENGINEER: removes an IP or CIDR from the allowlist.' })
  revokeIp(@Ctx() ctx: RequestContext, @Arg('input', () => IpInput) input: IpInput) {
    return this.access.revokeIp(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'PARTNER_ADMIN: registers the application\'s public keys (JWKS) for client assertions at /oauth/token (private_key_jwt, RFC 7523), replacing earlier ones; disableClientSecret switches the secret off.' })
  registerClientKeys(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterClientKeysInput) input: RegisterClientKeysInput) {
    return this.access.registerClientKeys(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'DEPWD_ADMIN: requires (or stops requiring) DPoP-bound tokens (RFC 9449) for the application.' })
  requireDpop(@Ctx() ctx: RequestContext, @Arg('input', () => RequireDpopInput) input: RequireDpopInput) {
    return this.access.requireDpop(ctx, input);
  }

  @Mutation(() => IssuedClientSecret, { description: 'PARTNER_ADMIN: a new client secret, shown once; the previous one stops working.' })
  issueClientSecret(@Ctx() ctx: RequestContext, @Arg('applicationId', () => ID) applicationId: string) {
    return this.access.issueClientSecret(ctx, applicationId);
  }

  @Mutation(() => ApplicationType, { description: 'NIC_OPERATOR' })
  disableApplication(@Ctx() ctx: RequestContext, @Arg('input', () => ReasonInput) input: ReasonInput) {
    return this.service.disable(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'NIC_OPERATOR' })
  enableApplication(@Ctx() ctx: RequestContext, @Arg('input', () => ReasonInput) input: ReasonInput) {
    return this.service.enable(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'DEPWD_ADMIN: stops data sharing with the application (MANUAL suspension).' })
  suspendSharing(@Ctx() ctx: RequestContext, @Arg('input', () => ReasonInput) input: ReasonInput) {
    return this.service.suspendSharing(ctx, input);
  }

  @Mutation(() => ApplicationType, { description: 'DEPWD_ADMIN: lifts any suspension (manual, reciprocity or scraping).' })
  resumeSharing(@Ctx() ctx: RequestContext, @Arg('input', () => ReasonInput) input: ReasonInput) {
    return this.service.resumeSharing(ctx, input);
  }

  @Query(() => ApplicationConnection, { description: 'Staff: every application. PARTNER_ADMIN: its organisation\'s only.' })
  applications(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.list(ctx, filter, first, after);
  }

  @Query(() => ApplicationType, { nullable: true })
  application(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.byId(ctx, id);
  }

  @FieldResolver(() => OrganizationType)
  async organization(@Ctx() ctx: RequestContext, @Root() app: ApplicationType) {
    return toOrganization((await ctx.loaders.organizationById.load(app.organizationId))!);
  }

  @FieldResolver(() => [AllowedIpType], { description: 'IPs/CIDRs allowlisted now' })
  async allowedIps(@Ctx() ctx: RequestContext, @Root() app: ApplicationType) {
    return (await ctx.loaders.allowedIpsByAppId.load(app.id)).map((r) => ({ id: r.id, cidr: r.cidr, addedAt: r.addedAt }));
  }

  @FieldResolver(() => [ClientSecretInfo], { description: 'Secrets ever issued, newest first: hints only' })
  async clientSecrets(@Ctx() ctx: RequestContext, @Root() app: ApplicationType) {
    return (await ctx.loaders.secretsByAppId.load(app.id))
      .map((c) => ({ id: c.id, hint: c.secretHint, createdAt: c.createdAt, revokedAt: c.revokedAt, lastUsedAt: c.lastUsedAt }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Hint of the secret in use now' })
  async activeSecretHint(@Ctx() ctx: RequestContext, @Root() app: ApplicationType) {
    return (await ctx.loaders.secretsByAppId.load(app.id)).find((c) => !c.revokedAt)?.secretHint ?? null;
  }
}
