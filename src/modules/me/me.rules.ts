import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { isApplication } from '../../core/authz/rules';

/** `me` is for application tokens of any scope; what it returns is the caller's own status. */
export const applicationStatusRules: IRules = {
  Query: { me: isApplication },
  ApplicationStatus: allow,
  ApplicationSummary: allow,
  OrganizationSummary: allow,
  MouValidity: allow,
  CostBudget: allow,
  DailyRecordQuota: allow,
  BenefitReportingDue: allow,
};
