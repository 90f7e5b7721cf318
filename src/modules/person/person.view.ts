import type { RequestContext } from '../../core/request/context';
import type { AccessRecords, PersonAccessEvent } from '../access/access.records';
import type { BenefitService, PersonBenefit } from '../benefit/benefit.service';
import type { ConsentService } from '../consent/consent.service';
import type { ConsentArtefactType } from '../consent/consent.types';

export type PersonConsent = ConsentArtefactType & { organizationName: string; applicationName: string; purposeDescription: string };

/** What the signed-in person sees: every read of their record, the benefits reported for them, their consents. */
export interface PersonRecordView { events: PersonAccessEvent[]; benefits: PersonBenefit[]; consents: PersonConsent[] }

/**
 * The PwD's own view (Estonia's Data Tracker), for the UDID of the session only: read through the owning
 * modules' services (access events, benefit reports, consents), never their tables.
 */
export class PersonRecordService {
  constructor(
    private readonly access: Pick<AccessRecords, 'ofPerson'>,
    private readonly benefits: Pick<BenefitService, 'ofPerson'>,
    private readonly consents: Pick<ConsentService, 'ofPersonNamed' | 'revoke'>,
    /** Writes what this process still holds of the access log, so the person sees their latest reads. */
    private readonly flushAccessLog: () => Promise<void>,
  ) {}

  async view(ctx: RequestContext, udid: string): Promise<PersonRecordView> {
    await this.flushAccessLog().catch(() => undefined);
    const [events, benefits, consents] = await Promise.all([
      this.access.ofPerson(ctx, udid), this.benefits.ofPerson(ctx, udid), this.consents.ofPersonNamed(udid, ctx.clock.today()),
    ]);
    return { events, benefits, consents };
  }

  /** Revokes one of this person's consents at once (NOT_FOUND for another's, CONFLICT when already revoked). */
  async revoke(ctx: RequestContext, udid: string, consentId: string): Promise<void> {
    await this.consents.revoke(null, consentId, { udid, now: ctx.clock.now(), today: ctx.clock.today() });
  }
}
