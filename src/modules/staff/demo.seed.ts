import type { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { hashSecret, randomSecret } from '../../core/auth/secrets';
import { ALL_SCOPES, Role, Scope } from '../../core/authz/scopes';
import { addDays, addYears, istDate } from '../../core/clock';
import { nowMs } from '../../core/db/columns';
import { ApplicationEntity, ApplicationIpEntity, ApplicationStatus, ClientCredentialEntity } from '../application/application.entity';
import { MouEntity } from '../mou/mou.entity';
import { OrganizationEntity, OrganizationStatus } from '../organization/organization.entity';
import { ApplicationPurposeEntity, defaultPurposeCode, LegalBasis, PurposeEntity, PurposeStatus } from '../purpose/purpose.entity';
import { UserAccountEntity, UserStatus } from './staff.entity';

export interface PartnerFixture {
  organizationId: number;
  applicationId: number;
  clientId: string;
  clientSecret: string;
  scopes: Scope[];
  /** The application's one approved purpose (APP-<id>). */
  purposeId: number;
  purposeCode: string;
  partnerAdmin: { email: string; password: string };
}

let fixtureCounter = 0;

/**
 * An organisation that has gone through every SOP step: MoU in force, approved, activated, an
 * approved application with allowlisted IPs and a client secret. Used by the embedded default's
 * demo partner and by tests that need a ready partner.
 */
export async function createActivePartner(
  ds: DataSource,
  opts: { name?: string; email?: string; scopes?: Scope[]; ips?: string[]; dailyRecordQuota?: number; now?: Date; mouExecutedOn?: string } = {},
): Promise<PartnerFixture> {
  const now = opts.now ?? nowMs();
  const tag = `${Date.now().toString(36)}${(fixtureCounter++).toString(36)}${randomBytes(2).toString('hex')}`;
  const scopes = opts.scopes ?? [...ALL_SCOPES];
  const clientSecret = randomSecret();
  const adminPassword = randomSecret(12);
  const adminEmail = (opts.email ?? `partner.admin+${tag}@welfare.example.gov.in`).toLowerCase();
  return ds.transaction(async (m) => {
    const org = await m.save(m.create(OrganizationEntity, {
      name: opts.name ?? `Demo State Welfare Department ${tag}`, address: 'Samaj Kalyan Bhavan, Sector 10', contactPerson: 'Demo Contact',
      designation: 'Deputy Director', email: `dept+${tag}@welfare.example.gov.in`, mobile: '9000000001', phone: null, city: 'Pune',
      state: 'Maharashtra', pincode: '411001', category: 'GOVERNMENT', status: OrganizationStatus.ACTIVE,
      registeredAt: now, approvedAt: now, activatedAt: now, deactivatedAt: null, deactivationReason: null, updatedAt: now,
    }));
    const executedOn = opts.mouExecutedOn ?? addDays(istDate(now), -30);
    const mou = await m.save(m.create(MouEntity, {
      organizationId: org.id, reference: `DEPWD/MOU/${tag.toUpperCase()}`, depwdSignatory: 'Joint Secretary, DEPwD',
      partnerSignatory: 'Secretary, Social Welfare', purpose: 'Delivery of disability pension and scholarships', executedOn,
      effectiveFrom: executedOn, expiresOn: addYears(executedOn, 3), terminationType: null, terminationNoticeOn: null,
      terminatedOn: null, terminationReason: null, destructionAttestedAt: null, destructionAttestedBy: null, destructionAttestation: null,
      recordedBy: null, createdAt: now,
    }));
    const app = await m.save(m.create(ApplicationEntity, {
      organizationId: org.id, clientId: `udx_${tag}`, name: 'Disability Pension Portal', description: 'Verifies applicants and reports pensions paid',
      contactPerson: 'Demo Contact', email: `it+${tag}@welfare.example.gov.in`, purpose: 'Disability pension eligibility and disbursement',
      requestedIps: opts.ips ?? ['127.0.0.1/32', '::1/128'], requestedScopes: scopes, approvedScopes: scopes,
      dailyRecordQuota: opts.dailyRecordQuota ?? 100_000, costBudget: 2000, costRestoreRate: 100, status: ApplicationStatus.APPROVED,
      requestedAt: now, createdAt: now, approvedAt: now, disabledAt: null, disabledReason: null, sharingSuspendedAt: null,
      sharingSuspensionKind: null, sharingSuspensionReason: null, firstRecordAccessAt: null, lastBenefitReportAt: null, updatedAt: now,
    }));
    // Approved for one purpose, its own (as approveApplication without purposeIds makes it).
    const purpose = await m.save(m.create(PurposeEntity, {
      organizationId: org.id, mouId: mou.id, code: defaultPurposeCode(app.id), description: app.purpose, legalBasis: LegalBasis.STATE_BENEFIT_S7B,
      scopes, estimatedDailyPersons: app.dailyRecordQuota, dailyRecordQuota: app.dailyRecordQuota, status: PurposeStatus.APPROVED,
      requestedAt: now, requestedBy: null, decidedAt: now, decidedBy: null, suspendedAt: null, statusReason: null, updatedAt: now,
    }));
    await m.save(m.create(ApplicationPurposeEntity, { applicationId: app.id, purposeId: purpose.id, grantedAt: now, grantedBy: null, revokedAt: null }));
    for (const cidr of opts.ips ?? ['127.0.0.1/32', '::1/128']) {
      await m.save(m.create(ApplicationIpEntity, { applicationId: app.id, cidr, addedAt: now, addedBy: null, revokedAt: null, revokedBy: null }));
    }
    await m.save(m.create(ClientCredentialEntity, {
      applicationId: app.id, secretHash: await hashSecret(clientSecret), secretHint: clientSecret.slice(0, 6), createdAt: now,
      createdBy: null, revokedAt: null, lastUsedAt: null,
    }));
    await m.save(m.create(UserAccountEntity, {
      email: adminEmail, name: 'Demo Partner Admin', role: Role.PARTNER_ADMIN, organizationId: org.id,
      passwordHash: await hashSecret(adminPassword), status: UserStatus.ACTIVE, failedLogins: 0, lockedUntil: null,
      activatedAt: now, lastLoginAt: null, createdAt: now,
    }));
    return {
      organizationId: org.id, applicationId: app.id, clientId: app.clientId, clientSecret, scopes, purposeId: purpose.id, purposeCode: purpose.code,
      partnerAdmin: { email: adminEmail, password: adminPassword },
    };
  });
}

export const DEMO_STAFF: { role: Role; email: string; name: string }[] = [
  { role: Role.DEPWD_ADMIN, email: 'depwd.admin@udid.example.gov.in', name: 'DEPwD Administrator' },
  { role: Role.NIC_OPERATOR, email: 'nic.operator@udid.example.gov.in', name: 'NIC Operator' },
  { role: Role.INTEGRATION_ENGINEER, email: 'integration.engineer@udid.example.gov.in', name: 'Integration Engineer' },
  { role: Role.ANALYST, email: 'analyst@udid.example.gov.in', name: 'DEPwD Analyst' },
];

/** Creates one active staff user; returns the generated password (shown once, stored hashed). */
export async function createStaffUser(ds: DataSource, role: Role, email: string, name: string, password = randomSecret(12)): Promise<string> {
  const now = nowMs();
  await ds.getRepository(UserAccountEntity).save({
    email: email.toLowerCase(), name, role, organizationId: null, passwordHash: await hashSecret(password), status: UserStatus.ACTIVE,
    failedLogins: 0, lockedUntil: null, activatedAt: now, lastLoginAt: null, createdAt: now,
  });
  return password;
}
