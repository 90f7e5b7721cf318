import { registerEnumType } from 'type-graphql';
import { ReportingStatus } from '../access/reciprocity.service';

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
  /** The IST calendar month of benefitDate (a period: needs from and to). */
  MONTH = 'MONTH',
  /** The Monday-first week of benefitDate (a period: needs from and to). */
  WEEK = 'WEEK',
}

/** Where an application stands with the reciprocity rule: decided by the access module, published here. */
export { ReportingStatus };

registerEnumType(BenefitType, { name: 'BenefitType', description: 'Kind of benefit delivered to the PwD' });
registerEnumType(BenefitReportStatus, { name: 'BenefitReportStatus', description: 'ACTIVE, or REVERSED by the reporting application (the row is kept)' });
registerEnumType(BenefitItemStatus, { name: 'BenefitItemStatus', description: 'Outcome of one reported item' });
registerEnumType(BenefitChannel, { name: 'BenefitChannel', description: 'API (mutations) or FILE (CSV/XLSX upload)' });
registerEnumType(BenefitGroupBy, {
  name: 'BenefitGroupBy',
  description: 'A grouping of benefitSummary. MONTH and WEEK are periods of benefitDate (the IST calendar day of the benefit)',
  valuesConfig: {
    MONTH: { description: 'Calendar month (IST); keyed by its first day' },
    WEEK: { description: 'Monday-first week (IST); keyed by its Monday' },
  },
});
registerEnumType(ReportingStatus, { name: 'ReportingStatus', description: 'Benefit-reporting standing of an application (reciprocity, DESIGN.md §8)' });
