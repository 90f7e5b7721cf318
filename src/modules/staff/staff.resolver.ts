import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { toOrganization } from '../organization/organization.types';
import { ActivateAccountInput, AuditTrailFilter, UserStatusInput } from './staff.inputs';
import { ActivationResult, AuditEntryConnection, UserAccountType } from './staff.types';
import type { StaffService } from './staff.service';

@Resolver()
export class StaffResolver {
  constructor(private readonly service: StaffService) {}

  @Mutation(() => UserAccountType, { description: 'Public: the partner admin sets a password with the token from the activation link (single-use, expiring).' })
  activateAccount(@Ctx() ctx: RequestContext, @Arg('input', () => ActivateAccountInput) input: ActivateAccountInput) {
    return this.service.activateAccount(ctx, input);
  }

  @Mutation(() => ActivationResult, { description: 'NIC_OPERATOR: a fresh activation link for a partner admin who has not activated yet; earlier links stop working.' })
  async resendActivationLink(@Ctx() ctx: RequestContext, @Arg('organizationId', () => ID) organizationId: string) {
    const r = await this.service.resendActivationLink(ctx, organizationId);
    return { ...r, organization: toOrganization(r.organization) };
  }

  @Mutation(() => UserAccountType, { description: 'NIC_OPERATOR: disables a user; their tokens stop working within seconds.' })
  disableUser(@Ctx() ctx: RequestContext, @Arg('input', () => UserStatusInput) input: UserStatusInput) {
    return this.service.setUserStatus(ctx, input, false);
  }

  @Mutation(() => UserAccountType, { description: 'NIC_OPERATOR' })
  enableUser(@Ctx() ctx: RequestContext, @Arg('input', () => UserStatusInput) input: UserStatusInput) {
    return this.service.setUserStatus(ctx, input, true);
  }

  @Query(() => AuditEntryConnection, { description: 'Staff: the admin audit trail, newest first.' })
  auditTrail(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditTrailFilter, { nullable: true }) filter: AuditTrailFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.service.auditTrail(ctx, filter, first, after);
  }
}
