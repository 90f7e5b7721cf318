import { allow, or } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole, hasScope } from '../../core/authz/rules';
import { Role, Scope } from '../../core/authz/scopes';

const write = hasScope(Scope.BENEFIT_WRITE);
const analyst = hasRole(Role.ANALYST, Role.DEPWD_ADMIN);

/** Who may report benefits and read them (DESIGN.md §3–§5, §8). Result types are reachable only through these. */
export const benefitRules: IRules = {
  Query: {
    benefitReports: or(hasScope(Scope.BENEFIT_READ), hasRole(Role.PARTNER_ADMIN)),
    benefitSummary: analyst,
    reciprocityByApplication: analyst,
  },
  Mutation: {
    reportBenefit: write,
    reportBenefits: write,
    reverseBenefitReport: write,
  },
  BenefitReport: allow,
  BenefitReportResult: allow,
  BenefitItemError: allow,
  BenefitBatchResult: allow,
  BenefitReportConnection: allow,
  BenefitReportEdge: allow,
  BenefitSummary: allow,
  BenefitSummaryRow: allow,
  BenefitReportingStatus: allow,
  ApplicationReciprocity: allow,
};
