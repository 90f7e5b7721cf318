import type { DataSource } from 'typeorm';
import type { Logger } from '../../core/logger';
import { toDbDateTime } from '../../core/db/columns';

/** Alert kinds raised outside the window detector (DESIGN.md §11). */
export type AccessAlertKind = 'VERIFY_BRUTE_FORCE' | 'EXISTENCE_PROBING' | 'PURPOSE_LOAD_EXCEEDED';

/**
 * Stores one open scraping alert (visible to analysts in `scrapingAlerts`), off the request path.
 * The caller decides that it is due (once per application, kind and key per day).
 */
export function storeAlert(ds: DataSource, log: Logger, a: { applicationId: number; kind: AccessAlertKind; evidence: Record<string, unknown>; windowStart: Date; at: Date }): Promise<void> {
  log.warn({ applicationId: a.applicationId, kind: a.kind }, 'access alert raised');
  const at = toDbDateTime(a.at);
  return ds.query(
    `INSERT INTO scraping_alert (application_id, kind, evidence, window_start, window_end, status, auto_suspended, raised_at)
     VALUES (?, ?, ?, ?, ?, 'OPEN', 0, ?)`,
    [a.applicationId, a.kind, JSON.stringify(a.evidence), toDbDateTime(a.windowStart), at, at],
  ).then(() => undefined, (err: Error) => log.error({ err: err.message, applicationId: a.applicationId, kind: a.kind }, 'could not store an access alert'));
}
