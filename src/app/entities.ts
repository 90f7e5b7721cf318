import { PwdDisabilityEntity, PwdRecordEntity } from '../modules/pwd/pwd.entity';
import { OrganizationEntity } from '../modules/organization/organization.entity';
import { MouEntity } from '../modules/mou/mou.entity';
import { DestructionInstructionEntity } from '../modules/mou/destruction.entity';
import { ApplicationEntity, ApplicationIpEntity, ClientCredentialEntity } from '../modules/application/application.entity';
import { ActivationTokenEntity, OutboxMessageEntity, UserAccountEntity } from '../modules/staff/staff.entity';
import { BenefitReportEntity } from '../modules/benefit/benefit.entity';
import { AccessCheckpointEntity, AccessEventEntity, AccessLogHeadEntity, ScrapingAlertEntity, UsageDailyEntity } from '../modules/access/access.entity';
import { AdminAuditEntity } from '../modules/oversight/oversight.entity';
import { PendingActionEntity, SopNoticeEntity } from '../modules/sop/sop.entity';
import { ApplicationPurposeEntity, PurposeEntity } from '../modules/purpose/purpose.entity';
import { ConsentEntity } from '../modules/consent/consent.entity';
import { PersonSessionEntity, PersonSignInEntity } from '../modules/person/person.entity';

/** Every entity of the domain; the one list the DataSource, the tests and the CLI share. */
export const ENTITIES = [
  PwdRecordEntity, PwdDisabilityEntity,
  OrganizationEntity, MouEntity,
  ApplicationEntity, ApplicationIpEntity, ClientCredentialEntity,
  UserAccountEntity, ActivationTokenEntity, OutboxMessageEntity,
  BenefitReportEntity,
  AccessEventEntity, AccessLogHeadEntity, AccessCheckpointEntity, ScrapingAlertEntity, UsageDailyEntity, AdminAuditEntity,
  DestructionInstructionEntity, SopNoticeEntity, PendingActionEntity, PurposeEntity, ApplicationPurposeEntity, ConsentEntity,
  PersonSignInEntity, PersonSessionEntity,
];
