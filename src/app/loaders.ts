import type { DataSource } from 'typeorm';
import { benefitReportByRefLoader } from '../modules/benefit/benefit.loaders';
import { applicationLoaders } from '../modules/application/application.loaders';
import { organizationLoaders } from '../modules/organization/organization.loaders';

/**
 * Per-request DataLoaders (STYLE.md habit 8): a field resolver never queries one row per parent.
 * The loader registry: each module contributes its loaders here.
 */
export function createLoaders(ds: DataSource) {
  return {
    ...organizationLoaders(ds),
    ...applicationLoaders(ds),
    /** Benefit reports by `${applicationId}:${clientReference}` (results of reportBenefit/reportBenefits). */
    benefitReportByRef: benefitReportByRefLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

declare module '../core/request/context' {
  // The registry the request context carries (declared in the kernel, filled here).
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface LoaderRegistry extends Loaders {}
}
