import type { Request, Response } from 'express';
import type { RequestCost } from '../../core/limits/limits.middleware';

/**
 * Root fields an application suspended for RECIPROCITY may still call: reporting is how it lifts the
 * suspension, and `me` tells it so. Everything else (every PwD read) stays refused.
 */
export const REPORTING_ROOT_FIELDS = new Set([
  'reportBenefit', 'reportBenefits', 'reverseBenefitReport', 'benefitReports', 'me', '__typename',
]);

/**
 * True when the request only reports benefits: the upload route, or a GraphQL operation whose root
 * fields (through fragments, @skip/@include ignored) are all in REPORTING_ROOT_FIELDS. The static
 * limits, which run before the gate on /graphql, found those root fields when they priced the
 * operation (res.locals.cost); a document they did not price is not reporting-only.
 */
export function reportingOnlyRequest(req: Request, res: Response): boolean {
  if (req.originalUrl.startsWith('/benefit-reports/')) return true;
  const fields = (res.locals.cost as Pick<RequestCost, 'rootFields'> | undefined)?.rootFields;
  return !!fields?.length && fields.every((f) => REPORTING_ROOT_FIELDS.has(f));
}
