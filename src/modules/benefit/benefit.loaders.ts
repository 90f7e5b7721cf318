import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { BenefitReport } from './benefit.types';
import { REPORT_COLUMNS, rowToReport } from './benefit.rows';

/** Key of a report by its idempotency key: `${applicationId}:${clientReference}`. */
export const refKey = (applicationId: number, clientReference: string) => `${applicationId}:${clientReference}`;

/**
 * Reports by (application, clientReference), one query per application and request whatever the
 * number of items: the `report` of each reportBenefits result is read only when the caller asks
 * for it.
 */
export function benefitReportByRefLoader(ds: DataSource) {
  return new DataLoader<string, BenefitReport | null>(async (keys) => {
    const byApp = new Map<number, string[]>();
    for (const k of keys) {
      const i = k.indexOf(':');
      const app = Number(k.slice(0, i));
      byApp.set(app, [...(byApp.get(app) ?? []), k.slice(i + 1)]);
    }
    const found = new Map<string, BenefitReport>();
    for (const [app, refs] of byApp) {
      const rows: Record<string, unknown>[] = await ds.query(
        `SELECT ${REPORT_COLUMNS} FROM benefit_report WHERE application_id = ? AND client_reference IN (${refs.map(() => '?').join(',')})`,
        [app, ...refs],
      );
      for (const r of rows) found.set(refKey(app, String(r.client_reference)), rowToReport(r));
    }
    return keys.map((k) => found.get(k) ?? null);
  }, { maxBatchSize: 1000 });
}
