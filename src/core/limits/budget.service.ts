import type { Clock } from '../clock';
import { DomainError } from '../errors/errors';
import { BucketSettings, BudgetStore } from './budget.store';

/** An application's budget settings (application.cost_budget, cost_restore_rate, daily_record_quota). */
export interface AppBudget extends BucketSettings {
  /** Distinct PwD records per IST day; 0 means no cap was set. */
  dailyRecordQuota: number;
}

/** DESIGN.md §7: the Shopify-style cost report on every response. */
export interface CostReport {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

export const DEFAULT_BUDGET: AppBudget = { capacity: 2000, restoreRate: 100, dailyRecordQuota: 0 };

/** Seconds from `now` to the next midnight in India (the daily quota's reset). */
export function secondsToIstMidnight(now: Date): number {
  const ist = now.getTime() + 5.5 * 3600_000;
  const next = Math.floor(ist / 86_400_000 + 1) * 86_400_000;
  return Math.max(1, Math.ceil((next - ist) / 1000));
}

/**
 * Per-application budgets: the requested cost is checked before execution against the points
 * available now; the actual cost is charged after execution.
 */
export class BudgetService {
  constructor(readonly store: BudgetStore, private readonly clock: Clock) {}

  /** Throws THROTTLED or DAILY_RECORD_QUOTA_EXCEEDED (HTTP 429, with retryAfterSeconds) when the request may not run. */
  async admit(applicationId: number, b: AppBudget, requested: number): Promise<number> {
    const now = this.clock.now();
    const [available, recordsToday] = await Promise.all([
      this.store.available(applicationId, b, now.getTime()),
      b.dailyRecordQuota > 0 ? this.store.recordsToday(applicationId, this.clock.today()) : Promise.resolve(0),
    ]);
    if (b.dailyRecordQuota > 0 && recordsToday >= b.dailyRecordQuota) {
      const retryAfterSeconds = secondsToIstMidnight(now);
      throw new DomainError('DAILY_RECORD_QUOTA_EXCEEDED',
        `This application has received its daily quota of ${b.dailyRecordQuota} distinct PwD records; the quota resets at midnight IST (in ${retryAfterSeconds} s). Ask DEPwD to review the quota if your approved purpose needs more.`,
        { dailyRecordQuota: b.dailyRecordQuota, recordsToday, retryAfterSeconds });
    }
    if (requested > available) {
      if (requested > b.capacity) {
        throw new DomainError('THROTTLED', `This query costs ${requested} points, more than this application's whole budget of ${b.capacity}; ask for fewer records per page.`,
          { requestedQueryCost: requested, maximumAvailable: b.capacity, retryAfterSeconds: 60 });
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((requested - available) / b.restoreRate));
      throw new DomainError('THROTTLED',
        `Cost budget exhausted: this query costs ${requested} points and ${Math.max(0, Math.floor(available))} are available (restoring ${b.restoreRate}/s). Retry after ${retryAfterSeconds} s, or ask for fewer fields or records.`,
        { requestedQueryCost: requested, currentlyAvailable: Math.max(0, Math.floor(available)), restoreRate: b.restoreRate, retryAfterSeconds });
    }
    return available;
  }

  /** Charges the actual cost and counts the records served; returns the cost report and today's distinct records. */
  async settle(applicationId: number, b: AppBudget, requested: number, actual: number, udids: Iterable<string>): Promise<{ report: CostReport; recordsToday: number }> {
    const now = this.clock.now();
    const list = [...udids];
    const [left, recordsToday] = await Promise.all([
      this.store.charge(applicationId, actual, b, now.getTime()),
      list.length ? this.store.addRecords(applicationId, this.clock.today(), list) : Promise.resolve(-1),
    ]);
    return { report: costReport(requested, actual, b, left), recordsToday };
  }

  /** The budget as it stands (for `me` and for rejected requests). */
  async status(applicationId: number, b: AppBudget): Promise<{ currentlyAvailable: number; recordsToday: number }> {
    const [available, recordsToday] = await Promise.all([
      this.store.available(applicationId, b, this.clock.nowMs()),
      this.store.recordsToday(applicationId, this.clock.today()),
    ]);
    return { currentlyAvailable: Math.max(0, Math.floor(available)), recordsToday };
  }
}

export function costReport(requested: number, actual: number, b: AppBudget | null, available: number | null): CostReport {
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: b ? { maximumAvailable: b.capacity, currentlyAvailable: Math.max(0, Math.floor(available ?? b.capacity)), restoreRate: b.restoreRate } : null,
  };
}
