/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** All given conditions must hold. */
export type AccessLogFilter = {
  applicationId?: number | null | undefined;
  /** At or after this instant */
  from?: string | null | undefined;
  /** Before this instant */
  to?: string | null | undefined;
  udid?: string | null | undefined;
};

export type ActivateAccountInput = {
  /** At least 12 characters with three of: lower case, upper case, digits, symbols */
  password: string;
  /** The token from the activation link */
  token: string;
};

/** OPEN → ACKNOWLEDGED (a DEPwD admin is looking) → RESOLVED */
export type AlertStatus =
  | 'ACKNOWLEDGED'
  | 'OPEN'
  | 'RESOLVED';

export type AllowedIpInput = {
  applicationId: string | number;
  /** IP or CIDR, e.g. 203.0.113.10 or 203.0.113.0/28 */
  cidr: string;
};

export type ApplicationFormInput = {
  /** "API access required for": the purpose the data will be used for */
  accessRequiredFor: string;
  contactPerson: string;
  description: string;
  email: string;
  name: string;
  /** Public IPs or CIDRs the application will call from */
  publicIps: Array<string>;
  /** Scopes asked for; DEPwD approves these or fewer */
  requestedScopes?: Array<Scope> | null | undefined;
};

/** REQUESTED (Application form) → CREATED (confirmed by the partner admin) → APPROVED (DEPwD); DISABLED by NIC */
export type ApplicationState =
  | 'APPROVED'
  | 'CREATED'
  | 'DISABLED'
  | 'REQUESTED';

export type ApproveApplicationInput = {
  applicationId: string | number;
  /** Cost-point bucket capacity (default 2000) */
  costBudget?: number | null | undefined;
  /** Cost points restored per second (default 100) */
  costRestoreRate?: number | null | undefined;
  /** Daily cap of distinct PwD records this application may read */
  dailyRecordQuota: number;
  /** The approved purposes of its organisation the application may use (their scopes must cover `scopes`); without it, the application's own purpose APP-<id> gets these scopes and this quota */
  purposeIds?: Array<string | number> | null | undefined;
  /** Scopes granted; must be among those requested when any were requested */
  scopes: Array<Scope>;
};

export type AuditTrailFilter = {
  /** e.g. APPROVE_ORGANIZATION */
  action?: string | null | undefined;
  targetId?: string | number | null | undefined;
  /** ORGANIZATION, MOU, APPLICATION or USER */
  targetType?: string | null | undefined;
};

/** API (mutations) or FILE (CSV/XLSX upload) */
export type BenefitChannel =
  | 'API'
  | 'FILE';

/** A grouping of benefitSummary. MONTH and WEEK are periods of benefitDate (the IST calendar day of the benefit) */
export type BenefitGroupBy =
  | 'APPLICATION'
  | 'BENEFIT_TYPE'
  /** Calendar month (IST); keyed by its first day */
  | 'MONTH'
  | 'SCHEME'
  | 'STATE'
  /** Monday-first week (IST); keyed by its Monday */
  | 'WEEK';

/** Outcome of one reported item */
export type BenefitItemStatus =
  | 'ACCEPTED'
  | 'DUPLICATE'
  | 'REJECTED';

/** All given conditions must hold. */
export type BenefitReportFilter = {
  /** Partner admins: one application of the organisation (default: all of them) */
  applicationId?: string | number | null | undefined;
  /** Benefit date on or after */
  benefitDateFrom?: string | null | undefined;
  /** Benefit date on or before */
  benefitDateTo?: string | null | undefined;
  benefitType?: BenefitType | null | undefined;
  clientReference?: string | null | undefined;
  schemeCode?: string | null | undefined;
  status?: BenefitReportStatus | null | undefined;
  udid?: string | null | undefined;
};

/** One benefit delivered to one PwD. clientReference is the idempotency key: a retry returns the original report. */
export type BenefitReportInput = {
  /** Amount in paise (₹1 = 100 paise): a whole number ≥ 0; omit for in-kind benefits */
  amountPaise?: number | null | undefined;
  /** Date the benefit was delivered, YYYY-MM-DD; not in the future, not before 2017-04-19 (RPwD Act 2016 in force) */
  benefitDate: string;
  benefitType: BenefitType;
  /** Your unique reference for this report (idempotency key per application): letters, digits and . _ : / # -; up to 100 */
  clientReference: string;
  /** Free text, up to 500 characters; no personal data beyond what the scheme needs */
  remarks?: string | null | undefined;
  /** Your scheme code, e.g. "IGNDPS" (letters, digits and . _ / -; up to 40) */
  schemeCode: string;
  /** Scheme name as known to beneficiaries (up to 200 characters) */
  schemeName: string;
  /** UDID of the beneficiary: 2 capital letters then 16 digits */
  udid: string;
};

/** ACTIVE, or REVERSED by the reporting application (the row is kept) */
export type BenefitReportStatus =
  | 'ACTIVE'
  | 'REVERSED';

/** Kind of benefit delivered to the PwD */
export type BenefitType =
  | 'ASSISTIVE_DEVICE'
  | 'CASH_TRANSFER'
  | 'CONCESSION'
  | 'EMPLOYMENT'
  | 'HEALTH_SERVICE'
  | 'OTHER'
  | 'PENSION'
  | 'SCHOLARSHIP'
  | 'SKILL_TRAINING';

export type CardStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'SURRENDERED';

export type CertificateType =
  | 'PERMANENT'
  | 'TEMPORARY';

/** Confirm the application requested at registration (applicationId) or request a new one (no applicationId). */
export type CreateApplicationInput = {
  /** The REQUESTED application to confirm; omit to request a new application */
  applicationId?: string | number | null | undefined;
  form: ApplicationFormInput;
};

export type DepartmentFormInput = {
  address: string;
  category: OrganizationCategory;
  city: string;
  contactPerson: string;
  designation: string;
  email: string;
  /** 10-digit mobile number, e.g. 9876543210 */
  mobile: string;
  name: string;
  /** Landline with STD code, e.g. 020-26123456 */
  phone?: string | null | undefined;
  /** 6-digit PIN code */
  pincode: string;
  state: string;
};

/** The 21 specified disabilities of the RPwD Act 2016 */
export type DisabilityType =
  | 'ACID_ATTACK_VICTIM'
  | 'AUTISM_SPECTRUM_DISORDER'
  | 'BLINDNESS'
  | 'CEREBRAL_PALSY'
  | 'CHRONIC_NEUROLOGICAL_CONDITIONS'
  | 'DWARFISM'
  | 'HEARING_IMPAIRMENT'
  | 'HEMOPHILIA'
  | 'INTELLECTUAL_DISABILITY'
  | 'LEPROSY_CURED'
  | 'LOCOMOTOR_DISABILITY'
  | 'LOW_VISION'
  | 'MENTAL_ILLNESS'
  | 'MULTIPLE_DISABILITIES'
  | 'MULTIPLE_SCLEROSIS'
  | 'MUSCULAR_DYSTROPHY'
  | 'PARKINSONS_DISEASE'
  | 'SICKLE_CELL_DISEASE'
  | 'SPECIFIC_LEARNING_DISABILITIES'
  | 'SPEECH_AND_LANGUAGE_DISABILITY'
  | 'THALASSEMIA';

export type Education =
  | 'DIPLOMA'
  | 'GRADUATE'
  | 'HIGHER_SECONDARY'
  | 'NONE'
  | 'POST_GRADUATE'
  | 'PRIMARY'
  | 'SECONDARY';

export type Employment =
  | 'CASUAL_LABOUR'
  | 'HOMEMAKER'
  | 'RETIRED'
  | 'SALARIED_GOVERNMENT'
  | 'SALARIED_PRIVATE'
  | 'SELF_EMPLOYED'
  | 'STUDENT'
  | 'UNEMPLOYED';

export type Gender =
  | 'FEMALE'
  | 'MALE'
  | 'TRANSGENDER';

/** Annual household income band (INR) */
export type IncomeBand =
  | 'ABOVE_10_LAKH'
  | 'BELOW_1_LAKH'
  | 'FROM_1_TO_2_5_LAKH'
  | 'FROM_2_5_TO_5_LAKH'
  | 'FROM_5_TO_10_LAKH';

export type MouFilter = {
  /** Only MoUs in force today that end within expiringWithinDays */
  expiringSoon?: boolean | null | undefined;
  /** Window for expiringSoon, in days (default 60) */
  expiringWithinDays?: number | null | undefined;
  organizationId?: string | number | null | undefined;
  /** Status today */
  status?: MouStatus | null | undefined;
};

/** Where an MoU stands today (Indian calendar date) */
export type MouStatus =
  | 'EXPIRED'
  | 'IN_FORCE'
  | 'NOTICE_GIVEN'
  | 'NOT_YET_EFFECTIVE'
  | 'TERMINATED';

/** Government, PSU or Private (the Department form) */
export type OrganizationCategory =
  | 'GOVERNMENT'
  | 'PRIVATE'
  | 'PSU';

export type OrganizationFilter = {
  category?: OrganizationCategory | null | undefined;
  /** Name contains (case-insensitive) */
  nameContains?: string | null | undefined;
  status?: OrganizationStatus | null | undefined;
};

/** REGISTERED → APPROVED (DEPwD) → ACTIVE (NIC). DEACTIVATED: a new MoU was recorded after a lapse; it needs approval and activation again. */
export type OrganizationStatus =
  | 'ACTIVE'
  | 'APPROVED'
  | 'DEACTIVATED'
  | 'REGISTERED';

/** All given conditions must hold. At least the state is usually given. */
export type PwdFilter = {
  disabilityType?: DisabilityType | null | undefined;
  /** District name as on the record, e.g. "Pune" */
  district?: string | null | undefined;
  /** Highest disability percentage, 0–100 */
  percentageMax?: number | null | undefined;
  /** Lowest disability percentage, 0–100 */
  percentageMin?: number | null | undefined;
  /** Two-letter state code of the UDID, e.g. "MH" */
  state?: string | null | undefined;
  /** Only records updated at or after this instant */
  updatedSince?: string | null | undefined;
};

export type RecordMouInput = {
  depwdSignatory: string;
  /** Date of execution; the MoU is valid 3 years from it */
  executedOn: string;
  organizationId: string | number;
  partnerSignatory: string;
  /** The approved purpose; data may be used for nothing else */
  purpose: string;
  /** DEPwD file reference, unique, e.g. DEPWD/MOU/2026/0042 */
  reference: string;
};

export type RegisterOrganizationInput = {
  application: ApplicationFormInput;
  department: DepartmentFormInput;
};

/** Benefit-reporting standing of an application (reciprocity, DESIGN.md §8) */
export type ReportingStatus =
  | 'CURRENT'
  | 'DUE_SOON'
  | 'NOT_REQUIRED'
  | 'SUSPENDED';

export type Role =
  | 'ANALYST'
  | 'DEPWD_ADMIN'
  | 'INTEGRATION_ENGINEER'
  | 'NIC_OPERATOR'
  | 'PARTNER_ADMIN';

/** Data-sharing scopes; in tokens and /oauth/token they are written pwd:identity, benefit:write, … */
export type Scope =
  /** benefit:read */
  | 'BENEFIT_READ'
  /** benefit:write */
  | 'BENEFIT_WRITE'
  /** pwd:aadhaar */
  | 'PWD_AADHAAR'
  /** pwd:contact */
  | 'PWD_CONTACT'
  /** pwd:disability */
  | 'PWD_DISABILITY'
  /** pwd:identity */
  | 'PWD_IDENTITY'
  /** pwd:search */
  | 'PWD_SEARCH'
  /** pwd:socioeconomic */
  | 'PWD_SOCIOECONOMIC'
  /** pwd:verify */
  | 'PWD_VERIFY';

/** The pattern an alert saw (DESIGN.md §7, §11) */
export type ScrapingAlertKind =
  /** Distinct records in a window far above the application's norm */
  | 'DISTINCT_RATE_SPIKE'
  /** Many unknown UDIDs in benefit reports in an IST day */
  | 'EXISTENCE_PROBING'
  /** Distinct records under a purpose in an IST day above its estimated daily persons */
  | 'PURPOSE_LOAD_EXCEEDED'
  /** A run of consecutive running numbers under one UDID prefix */
  | 'SEQUENTIAL_UDIDS'
  /** A high share of lookups of unknown UDIDs in a 10-minute window */
  | 'UNKNOWN_UDID_RATIO'
  /** Repeated failed verifyUdid date-of-birth checks of one UDID in an IST day */
  | 'VERIFY_BRUTE_FORCE';

export type UserStatus =
  | 'ACTIVE'
  | 'DISABLED'
  | 'PENDING_ACTIVATION';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { grantedScopes: Array<Scope>, approvedScopes: Array<Scope>, application: { id: string, name: string, clientId: string, status: ApplicationState }, organization: { id: string, name: string, status: OrganizationStatus }, mou: { reference: string, effectiveFrom: string, expiresOn: string, daysLeft: number } | null, costBudget: { maximumAvailable: number, currentlyAvailable: number, restoreRate: number }, dailyRecordQuota: { limit: number, used: number, remaining: number, resetsAt: string }, benefitReporting: { firstRecordAccessAt: string | null, lastBenefitReportAt: string | null, graceDays: number, dueBy: string | null, overdue: boolean } } };

export type PwdAcrossScopesQueryVariables = Exact<{
  udid: string;
}>;


export type PwdAcrossScopesQuery = { pwd: { udid: string | null, cardStatus: CardStatus | null, name: string | null, mobile: string | null, disabilities: Array<DisabilityType> | null, aadhaarLast4: string | null } | null };

export type PwdFullPageQueryVariables = Exact<{
  filter: PwdFilter;
  first?: number | null | undefined;
}>;


export type PwdFullPageQuery = { pwds: { edges: Array<{ cursor: string, node: { udid: string | null, cardStatus: CardStatus | null, name: string | null, nameRegional: string | null, guardianName: string | null, gender: Gender | null, dateOfBirth: string | null, mobile: string | null, email: string | null, address: string | null, pincode: string | null, district: string | null, state: string | null, disabilities: Array<DisabilityType> | null, disabilityPercentage: number | null, certificateType: CertificateType | null, certificateNumber: string | null, certificateIssuedOn: string | null, validUntil: string | null, issuingAuthority: string | null, education: Education | null, employment: Employment | null, incomeBand: IncomeBand | null, belowPovertyLine: boolean | null, aadhaarLast4: string | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BenefitReportFieldsFragment = { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null };

export type ReportBenefitMutationVariables = Exact<{
  input: BenefitReportInput;
}>;


export type ReportBenefitMutation = { reportBenefit: { index: number, clientReference: string | null, status: BenefitItemStatus, duplicateOf: string | null, report: { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null } | null, errors: Array<{ field: string | null, code: string, message: string }> } };

export type ReportBenefitsMutationVariables = Exact<{
  inputs: Array<BenefitReportInput> | BenefitReportInput;
}>;


export type ReportBenefitsMutation = { reportBenefits: { accepted: number, duplicates: number, rejected: number, results: Array<{ index: number, clientReference: string | null, status: BenefitItemStatus, duplicateOf: string | null, report: { id: string, clientReference: string, udid: string } | null, errors: Array<{ field: string | null, code: string, message: string }> }> } };

export type ReverseBenefitReportMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReverseBenefitReportMutation = { reverseBenefitReport: { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null } };

export type BenefitReportsQueryVariables = Exact<{
  filter?: BenefitReportFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BenefitReportsQuery = { benefitReports: { edges: Array<{ cursor: string, node: { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BenefitSummaryQueryVariables = Exact<{
  groupBy: Array<BenefitGroupBy> | BenefitGroupBy;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type BenefitSummaryQuery = { benefitSummary: { groupBy: Array<BenefitGroupBy>, from: string | null, to: string | null, periods: Array<string>, groups: Array<{ key: string, label: string | null, stateCode: string | null, schemeCode: string | null, benefitType: BenefitType | null, applicationId: string | null, periodStart: string | null, periodEnd: string | null, reports: number, beneficiaries: number, totalAmountPaise: number }>, total: { key: string, reports: number, beneficiaries: number, totalAmountPaise: number } } };

export type ReciprocityByApplicationQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ReciprocityByApplicationQuery = { reciprocityByApplication: Array<{ applicationId: string, applicationName: string, organizationName: string, recordsAccessed: number, distinctPwdsAccessed: number, pwdsReportedBenefited: number, benefitReports: number, coverageRatio: number | null, reporting: { status: ReportingStatus, lastReportAt: string | null, dueBy: string | null, graceDays: number, message: string } }> };

export type RegisterOrganizationMutationVariables = Exact<{
  input: RegisterOrganizationInput;
}>;


export type RegisterOrganizationMutation = { registerOrganization: { nextSteps: string, organization: { id: string, status: OrganizationStatus, email: string }, application: { id: string, status: ApplicationState, clientId: string, requestedIps: Array<string>, requestedScopes: Array<Scope> } } };

export type RecordMouMutationVariables = Exact<{
  input: RecordMouInput;
}>;


export type RecordMouMutation = { recordMou: { id: string, reference: string, executedOn: string, expiresOn: string, status: MouStatus, daysLeft: number | null } };

export type ApproveOrganizationMutationVariables = Exact<{
  organizationId: string | number;
}>;


export type ApproveOrganizationMutation = { approveOrganization: { id: string, status: OrganizationStatus, approvedAt: string | null } };

export type ActivateOrganizationMutationVariables = Exact<{
  organizationId: string | number;
}>;


export type ActivateOrganizationMutation = { activateOrganization: { activationLinkExpiresAt: string | null, organization: { id: string, status: OrganizationStatus, activatedAt: string | null }, partnerAdmin: { id: string, email: string, status: UserStatus, role: Role } } };

export type ActivateAccountMutationVariables = Exact<{
  input: ActivateAccountInput;
}>;


export type ActivateAccountMutation = { activateAccount: { id: string, email: string, status: UserStatus, role: Role, organizationId: string | null } };

export type CreateApplicationMutationVariables = Exact<{
  input: CreateApplicationInput;
}>;


export type CreateApplicationMutation = { createApplication: { id: string, status: ApplicationState, name: string, clientId: string } };

export type ApproveApplicationMutationVariables = Exact<{
  input: ApproveApplicationInput;
}>;


export type ApproveApplicationMutation = { approveApplication: { id: string, status: ApplicationState, approvedScopes: Array<Scope>, dailyRecordQuota: number } };

export type AllowIpMutationVariables = Exact<{
  input: AllowedIpInput;
}>;


export type AllowIpMutation = { allowIp: { id: string, allowedIps: Array<{ cidr: string }> } };

export type IssueClientSecretMutationVariables = Exact<{
  applicationId: string | number;
}>;


export type IssueClientSecretMutation = { issueClientSecret: { clientId: string, clientSecret: string, hint: string, revokedPrevious: number, application: { activeSecretHint: string | null } } };

export type OrganizationsQueryVariables = Exact<{
  filter?: OrganizationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationsQuery = { organizations: { edges: Array<{ cursor: string, node: { id: string, name: string, status: OrganizationStatus, mouInForce: { reference: string, daysLeft: number | null } | null, applications: Array<{ id: string, status: ApplicationState, clientId: string, activeSecretHint: string | null, allowedIps: Array<{ cidr: string }> }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MousQueryVariables = Exact<{
  filter?: MouFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MousQuery = { mous: { edges: Array<{ cursor: string, node: { id: string, organizationId: string, reference: string, status: MouStatus, daysLeft: number | null, expiresOn: string, terminatedOn: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditTrailQueryVariables = Exact<{
  filter?: AuditTrailFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type AuditTrailQuery = { auditTrail: { edges: Array<{ node: { action: string, actorType: string, actorRole: string | null, actorId: string | null, targetType: string, targetId: string, beforeStatus: string | null, afterStatus: string | null, details: unknown, requestId: string | null, occurredAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AccessLogQueryVariables = Exact<{
  filter?: AccessLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccessLogQuery = { accessLog: { edges: Array<{ cursor: string, node: { id: string, applicationId: number, organizationId: number, udid: string, source: string, scopes: Array<string>, fields: Array<string>, operationName: string | null, requestId: string, sourceIp: string, occurredAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RecordAccessSummaryQueryVariables = Exact<{
  udid: string;
}>;


export type RecordAccessSummaryQuery = { recordAccessSummary: { udid: string, totalAccesses: number, applications: Array<{ applicationId: number, applicationName: string, organizationId: number, organizationName: string, accessCount: number, firstAccessAt: string, lastAccessAt: string }> } };

export type UsageByApplicationQueryVariables = Exact<{
  from: string;
  to: string;
  applicationId?: number | null | undefined;
}>;


export type UsageByApplicationQuery = { usageByApplication: Array<{ applicationId: number, applicationName: string, day: string, requests: number, records: number, distinctRecords: number, cost: number, errors: number, unknownLookups: number }> };

export type ScrapingAlertsQueryVariables = Exact<{
  status?: AlertStatus | null | undefined;
  kind?: ScrapingAlertKind | null | undefined;
  applicationId?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ScrapingAlertsQuery = { scrapingAlerts: { edges: Array<{ cursor: string, node: { id: string, applicationId: number, applicationName: string, organizationId: number, kind: ScrapingAlertKind, evidenceJson: unknown, status: AlertStatus, autoSuspended: boolean, raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: number | null, resolvedAt: string | null, resolvedBy: number | null, resolution: string | null, windowStart: string, windowEnd: string, evidence: { lookups: number | null, unknownLookups: number | null, unknownShare: number | null, prefix: string | null, runLength: number | null, threshold: number | null, udid: string | null, purpose: string | null, day: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AcknowledgeScrapingAlertMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcknowledgeScrapingAlertMutation = { acknowledgeScrapingAlert: { id: string, status: AlertStatus, acknowledgedAt: string | null, acknowledgedBy: number | null } };

export type ResolveScrapingAlertMutationVariables = Exact<{
  id: string | number;
  resolution: string;
}>;


export type ResolveScrapingAlertMutation = { resolveScrapingAlert: { id: string, status: AlertStatus, resolvedAt: string | null, resolvedBy: number | null, resolution: string | null } };

export type PwdByUdidQueryVariables = Exact<{
  udid: string;
}>;


export type PwdByUdidQuery = { pwd: { udid: string | null, cardStatus: CardStatus | null, name: string | null, dateOfBirth: string | null, disabilities: Array<DisabilityType> | null, disabilityPercentage: number | null } | null };

export type PwdPageQueryVariables = Exact<{
  filter: PwdFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PwdPageQuery = { pwds: { edges: Array<{ cursor: string, node: { udid: string | null, name: string | null, state: string | null, district: string | null, disabilities: Array<DisabilityType> | null, disabilityPercentage: number | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyUdidQueryVariables = Exact<{
  udid: string;
  dateOfBirth: string;
}>;


export type VerifyUdidQuery = { verifyUdid: { udid: string, valid: boolean, cardStatus: CardStatus | null, validUntil: string | null, percentageBand: string | null } };

export const BenefitReportFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<BenefitReportFieldsFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"approvedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"mou"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maximumAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"currentlyAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"restoreRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailyRecordQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefitReporting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstRecordAccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastBenefitReportAt"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const PwdAcrossScopesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdAcrossScopes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"aadhaarLast4"}}]}}]}}]} as unknown as DocumentNode<PwdAcrossScopesQuery, PwdAcrossScopesQueryVariables>;
export const PwdFullPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdFullPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PwdFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameRegional"}},{"kind":"Field","name":{"kind":"Name","value":"guardianName"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"pincode"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"certificateIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"issuingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"education"}},{"kind":"Field","name":{"kind":"Name","value":"employment"}},{"kind":"Field","name":{"kind":"Name","value":"incomeBand"}},{"kind":"Field","name":{"kind":"Name","value":"belowPovertyLine"}},{"kind":"Field","name":{"kind":"Name","value":"aadhaarLast4"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PwdFullPageQuery, PwdFullPageQueryVariables>;
export const ReportBenefitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportBenefit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportBenefit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateOf"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BenefitReportFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<ReportBenefitMutation, ReportBenefitMutationVariables>;
export const ReportBenefitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportBenefits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReportInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportBenefits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateOf"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportBenefitsMutation, ReportBenefitsMutationVariables>;
export const ReverseBenefitReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReverseBenefitReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reverseBenefitReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BenefitReportFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<ReverseBenefitReportMutation, ReverseBenefitReportMutationVariables>;
export const BenefitReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BenefitReports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReportFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefitReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BenefitReportFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<BenefitReportsQuery, BenefitReportsQueryVariables>;
export const BenefitSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BenefitSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitGroupBy"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefitSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupBy"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"periods"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"stateCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"reports"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmountPaise"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reports"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmountPaise"}}]}}]}}]}}]} as unknown as DocumentNode<BenefitSummaryQuery, BenefitSummaryQueryVariables>;
export const ReciprocityByApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReciprocityByApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reciprocityByApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recordsAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"distinctPwdsAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"pwdsReportedBenefited"}},{"kind":"Field","name":{"kind":"Name","value":"benefitReports"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRatio"}},{"kind":"Field","name":{"kind":"Name","value":"reporting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastReportAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReciprocityByApplicationQuery, ReciprocityByApplicationQueryVariables>;
export const RegisterOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedIps"}},{"kind":"Field","name":{"kind":"Name","value":"requestedScopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextSteps"}}]}}]}}]} as unknown as DocumentNode<RegisterOrganizationMutation, RegisterOrganizationMutationVariables>;
export const RecordMouDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMou"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordMouInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordMou"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"executedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}}]}}]} as unknown as DocumentNode<RecordMouMutation, RecordMouMutationVariables>;
export const ApproveOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}}]}}]}}]} as unknown as DocumentNode<ApproveOrganizationMutation, ApproveOrganizationMutationVariables>;
export const ActivateOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerAdmin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activationLinkExpiresAt"}}]}}]}}]} as unknown as DocumentNode<ActivateOrganizationMutation, ActivateOrganizationMutationVariables>;
export const ActivateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivateAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}}]}}]}}]} as unknown as DocumentNode<ActivateAccountMutation, ActivateAccountMutationVariables>;
export const CreateApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]} as unknown as DocumentNode<CreateApplicationMutation, CreateApplicationMutationVariables>;
export const ApproveApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"approvedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"dailyRecordQuota"}}]}}]}}]} as unknown as DocumentNode<ApproveApplicationMutation, ApproveApplicationMutationVariables>;
export const AllowIpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AllowIp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AllowedIpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowIp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"allowedIps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cidr"}}]}}]}}]}}]} as unknown as DocumentNode<AllowIpMutation, AllowIpMutationVariables>;
export const IssueClientSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueClientSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueClientSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"revokedPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activeSecretHint"}}]}}]}}]}}]} as unknown as DocumentNode<IssueClientSecretMutation, IssueClientSecretMutationVariables>;
export const OrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Organizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mouInForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"activeSecretHint"}},{"kind":"Field","name":{"kind":"Name","value":"allowedIps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cidr"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsQuery, OrganizationsQueryVariables>;
export const MousDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Mous"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MouFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mous"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"terminatedOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MousQuery, MousQueryVariables>;
export const AuditTrailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditTrailFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"beforeStatus"}},{"kind":"Field","name":{"kind":"Name","value":"afterStatus"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditTrailQuery, AuditTrailQueryVariables>;
export const AccessLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIp"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AccessLogQuery, AccessLogQueryVariables>;
export const RecordAccessSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecordAccessSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordAccessSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"totalAccesses"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"accessCount"}},{"kind":"Field","name":{"kind":"Name","value":"firstAccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccessAt"}}]}}]}}]}}]} as unknown as DocumentNode<RecordAccessSummaryQuery, RecordAccessSummaryQueryVariables>;
export const UsageByApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsageByApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usageByApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationName"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"records"}},{"kind":"Field","name":{"kind":"Name","value":"distinctRecords"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"unknownLookups"}}]}}]}}]} as unknown as DocumentNode<UsageByApplicationQuery, UsageByApplicationQueryVariables>;
export const ScrapingAlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScrapingAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AlertStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScrapingAlertKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scrapingAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lookups"}},{"kind":"Field","name":{"kind":"Name","value":"unknownLookups"}},{"kind":"Field","name":{"kind":"Name","value":"unknownShare"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"runLength"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"day"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidenceJson"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"autoSuspended"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ScrapingAlertsQuery, ScrapingAlertsQueryVariables>;
export const AcknowledgeScrapingAlertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeScrapingAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeScrapingAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}}]}}]}}]} as unknown as DocumentNode<AcknowledgeScrapingAlertMutation, AcknowledgeScrapingAlertMutationVariables>;
export const ResolveScrapingAlertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveScrapingAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveScrapingAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}}]}}]}}]} as unknown as DocumentNode<ResolveScrapingAlertMutation, ResolveScrapingAlertMutationVariables>;
export const PwdByUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdByUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}}]} as unknown as DocumentNode<PwdByUdidQuery, PwdByUdidQueryVariables>;
export const PwdPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PwdFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PwdPageQuery, PwdPageQueryVariables>;
export const VerifyUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyUdid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateOfBirth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"percentageBand"}}]}}]}}]} as unknown as DocumentNode<VerifyUdidQuery, VerifyUdidQueryVariables>;