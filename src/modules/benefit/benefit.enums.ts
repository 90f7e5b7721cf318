import { registerEnumType } from 'type-graphql';

/** What kind of benefit was delivered (DESIGN.md §5). */
export enum BenefitType {
  CASH_TRANSFER = 'CASH_TRANSFER',
  PENSION = 'PENSION',
  SCHOLARSHIP = 'SCHOLARSHIP',
  ASSISTIVE_DEVICE = 'ASSISTIVE_DEVICE',
  SKILL_TRAINING = 'SKILL_TRAINING',
  EMPLOYMENT = 'EMPLOYMENT',
  HEALTH_SERVICE = 'HEALTH_SERVICE',
  CONCESSION = 'CONCESSION',
  OTHER = 'OTHER',
}
export const BENEFIT_TYPES = Object.values(BenefitType);

/** A stored report is ACTIVE until the partner reverses it; a reversal keeps the row. */
export enum BenefitReportStatus {
  ACTIVE = 'ACTIVE',
  REVERSED = 'REVERSED',
}

/** The outcome of one item of a report call or upload. */
export enum BenefitItemStatus {
  /** Stored now. */
  ACCEPTED = 'ACCEPTED',
  /** This clientReference was already reported by the application: the original report is returned. */
  DUPLICATE = 'DUPLICATE',
  /** Not stored; `errors` says why. */
  REJECTED = 'REJECTED',
}

export enum BenefitChannel {
  API = 'API',
  FILE = 'FILE',
}

export enum BenefitGroupBy {
  STATE = 'STATE',
  SCHEME = 'SCHEME',
  BENEFIT_TYPE = 'BENEFIT_TYPE',
  APPLICATION = 'APPLICATION',
}

/** Where an application stands with the reciprocity rule (DESIGN.md §8). */
export enum ReportingStatus {
  /** It has read no records yet, so nothing is due. */
  NOT_REQUIRED = 'NOT_REQUIRED',
  /** A report was filed (or access began) within the grace period. */
  CURRENT = 'CURRENT',
  /** Less than a week of the grace period is left. */
  DUE_SOON = 'DUE_SOON',
  /** The grace period passed with no report: data sharing is suspended until it reports again. */
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(BenefitType, { name: 'BenefitType', description: 'Kind of benefit delivered to the PwD' });
registerEnumType(BenefitReportStatus, { name: 'BenefitReportStatus', description: 'ACTIVE, or REVERSED by the reporting application (the row is kept)' });
registerEnumType(BenefitItemStatus, { name: 'BenefitItemStatus', description: 'Outcome of one reported item' });
registerEnumType(BenefitChannel, { name: 'BenefitChannel', description: 'API (mutations) or FILE (CSV/XLSX upload)' });
registerEnumType(BenefitGroupBy, { name: 'BenefitGroupBy' });
registerEnumType(ReportingStatus, { name: 'ReportingStatus', description: 'Benefit-reporting standing of an application (reciprocity, DESIGN.md §8)' });
