import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/request/context';
import { UdidScalar } from '../../core/scalars';
import { RecordConsentInput } from './consent.inputs';
import { ConsentArtefactType, ConsentStatus } from './consent.types';
import type { ConsentService } from './consent.service';

@Resolver(() => ConsentArtefactType)
export class ConsentResolver {
  constructor(private readonly service: ConsentService) {}

  @Mutation(() => ConsentArtefactType, { description: 'An application under a CONSENT purpose records the consent a person gave it (fields, validity, frequency); returns the artefact.' })
  recordConsent(@Ctx() ctx: RequestContext, @Arg('input', () => RecordConsentInput) input: RecordConsentInput) {
    return this.service.record(ctx, input);
  }

  @Mutation(() => ConsentArtefactType, { description: 'The consent\'s organisation (its application or PARTNER_ADMIN), or DEPWD_ADMIN: revokes a consent at once (the person can also revoke it on /me/record).' })
  revokeConsent(@Ctx() ctx: RequestContext, @Arg('consentId', () => ID) consentId: string) {
    return this.service.revoke(ctx, consentId);
  }

  @Query(() => [ConsentArtefactType], {
    description: 'Consents, newest first (at most 200): an application or partner admin sees its organisation\'s, staff every one.',
    complexity: ({ childComplexity }) => 1 + 10 * childComplexity,
  })
  consents(
    @Ctx() ctx: RequestContext,
    @Arg('udid', () => UdidScalar, { nullable: true }) udid: string | null,
    @Arg('status', () => ConsentStatus, { nullable: true }) status: ConsentStatus | null,
  ) {
    return this.service.list(ctx, udid, status);
  }
}
