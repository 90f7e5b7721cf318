import type { DataSource } from 'typeorm';
import type { Logger } from '../../core/logger';
import { isMysql } from '../../core/db/database';

export interface UsageDelta {
  requests?: number;
  records?: number;
  cost?: number;
  errors?: number;
  unknownLookups?: number;
  /** Distinct records served today so far (a level, not an increment: the larger value wins). */
  distinctRecords?: number;
}

type Row = Required<UsageDelta>;
const COUNTERS = ['requests', 'records', 'cost', 'errors', 'unknown_lookups'] as const;

/**
 * usage_daily, maintained off the hot path: requests add to in-memory counters per application
 * and IST day, and a timer writes them as one upsert per row. close() writes what is left.
 */
export class UsageRecorder {
  private pending = new Map<string, Row>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly ds: DataSource, private readonly log: Logger, private readonly intervalMs = 1000) {}

  add(applicationId: number, day: string, d: UsageDelta): void {
    const key = `${applicationId}|${day}`;
    let row = this.pending.get(key);
    if (!row) { row = { requests: 0, records: 0, cost: 0, errors: 0, unknownLookups: 0, distinctRecords: 0 }; this.pending.set(key, row); }
    row.requests += d.requests ?? 0;
    row.records += d.records ?? 0;
    row.cost += d.cost ?? 0;
    row.errors += d.errors ?? 0;
    row.unknownLookups += d.unknownLookups ?? 0;
    row.distinctRecords = Math.max(row.distinctRecords, d.distinctRecords ?? 0);
    if (!this.timer && !this.stopped) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (!this.pending.size) return;
    const rows = [...this.pending.entries()];
    this.pending = new Map();
    const mysql = isMysql(this.ds);
    const upsert = mysql
      ? `ON DUPLICATE KEY UPDATE ${COUNTERS.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}, distinct_records = GREATEST(distinct_records, VALUES(distinct_records))`
      : `ON CONFLICT (application_id, day) DO UPDATE SET ${COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}, distinct_records = MAX(distinct_records, excluded.distinct_records)`;
    try {
      const values: unknown[] = [];
      for (const [key, r] of rows) {
        const [app, day] = key.split('|');
        values.push(Number(app), day, r.requests, r.records, r.cost, r.errors, r.unknownLookups, r.distinctRecords);
      }
      await this.ds.query(
        `INSERT INTO usage_daily (application_id, day, requests, records, cost, errors, unknown_lookups, distinct_records) VALUES ${rows.map(() => '(?,?,?,?,?,?,?,?)').join(',')} ${upsert}`,
        values,
      );
    } catch (err) {
      // Put the counts back; they are merged into the next write.
      for (const [key, r] of rows) {
        const [app, day] = key.split('|');
        this.add(Number(app), day, r);
      }
      this.log.error({ err: (err as Error).message }, 'usage_daily write failed; will retry');
      if (this.stopped) throw err;
    }
  }
}
