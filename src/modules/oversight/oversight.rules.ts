import { allow } from 'graphql-shield';
import { IRules } from 'graphql-shield/typings/types';
import { hasRole } from '../../core/authz/rules';
import { Role } from '../../core/authz/scopes';

const oversight = hasRole(Role.ANALYST, Role.DEPWD_ADMIN);

/** Oversight is for DEPwD analysts and admins; a partner admin may see its own organisation's alerts and usage. */
export const oversightRules: IRules = {
  Query: {
    accessLog: oversight,
    recordAccessSummary: oversight,
    usageByApplication: hasRole(Role.ANALYST, Role.DEPWD_ADMIN, Role.PARTNER_ADMIN),
    scrapingAlerts: hasRole(Role.ANALYST, Role.DEPWD_ADMIN, Role.PARTNER_ADMIN),
  },
  // Acting on an alert is a write: DEPwD admins only (DESIGN.md §3: analysts read, no writes).
  Mutation: {
    acknowledgeScrapingAlert: hasRole(Role.DEPWD_ADMIN),
    resolveScrapingAlert: hasRole(Role.DEPWD_ADMIN),
  },
  AccessEvent: allow,
  AccessEventEdge: allow,
  AccessEventConnection: allow,
  RecordAccessSummary: allow,
  RecordAccessByApplication: allow,
  UsageDay: allow,
  PurposeUsage: allow,
  ScrapingAlert: allow,
  ScrapingAlertEvidence: allow,
  ScrapingAlertEdge: allow,
  ScrapingAlertConnection: allow,
};
