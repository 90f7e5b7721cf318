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

/** Which bucket pays for a request: PwD reads, or reporting (never blocked by reads, DESIGN.md §11). */
export type BudgetKind = 'read' | 'report';
export const bucketKey = (applicationId: number, kind: BudgetKind) => (kind === 'read' ? String(applicationId) : `${applicationId}:report`);

/**
 * The reporting bucket is REPORTING_BUDGET_FACTOR times the read bucket (capacity and restore rate):
 * the MoU asks partners to report in real time, and a 5,000-row upload (1 point a row) must fit.
 */
export const REPORTING_BUDGET_FACTOR = 5;
const settingsOf = (b: AppBudget, kind: BudgetKind): AppBudget =>
  (kind === 'read' ? b : { ...b, capacity: b.capacity * REPORTING_BUDGET_FACTOR, restoreRate: b.restoreRate * REPORTING_BUDGET_FACTOR });

/**
 * Per-application budgets. The requested cost (priced at its worst case) is taken from the bucket
 * before execution, atomically, or the request is refused; after execution the difference to the
 * actual cost is refunded. So a request never runs on points another request is spending, and
 * nothing that fails after admission leaves the request uncharged.
 */
export class BudgetService {
  constructor(readonly store: BudgetStore, private readonly clock: Clock) {}

  /** Takes the requested cost or throws THROTTLED (HTTP 429, with retryAfterSeconds). Returns what is left. */
  async reserve(applicationId: number, kind: BudgetKind, budget: AppBudget, requested: number): Promise<number> {
    const b = settingsOf(budget, kind);
    if (requested > b.capacity) {
      throw new DomainError('THROTTLED', `This query costs ${requested} points, more than this application's whole budget of ${b.capacity}; ask for fewer records per page.`,
        { requestedQueryCost: requested, maximumAvailable: b.capacity, retryAfterSeconds: 60 });
    }
    const { taken, left } = await this.store.take(bucketKey(applicationId, kind), requested, b, this.clock.nowMs());
    if (taken) return left;
    const retryAfterSeconds = Math.max(1, Math.ceil((requested - left) / b.restoreRate));
    throw new DomainError('THROTTLED',
      `Cost budget exhausted: this query costs ${requested} points and ${Math.max(0, Math.floor(left))} are available (restoring ${b.restoreRate}/s). Retry after ${retryAfterSeconds} s, or ask for fewer fields or records.`,
      { requestedQueryCost: requested, currentlyAvailable: Math.max(0, Math.floor(left)), restoreRate: b.restoreRate, retryAfterSeconds });
  }

  /** After execution: the bucket is left charged with the actual cost (refunding what was reserved above it). */
  async settle(applicationId: number, kind: BudgetKind, budget: AppBudget, reserved: number, actual: number): Promise<CostReport> {
    const b = settingsOf(budget, kind);
    const left = await this.store.charge(bucketKey(applicationId, kind), actual - reserved, b, this.clock.nowMs());
    return costReport(reserved, actual, b, left);
  }

  /** The read budget as it stands (for `me` and for rejected requests); records counted under the purpose's quota. */
  async status(applicationId: number, b: AppBudget, purposeId?: number): Promise<{ currentlyAvailable: number; recordsToday: number }> {
    const [available, recordsToday] = await Promise.all([
      this.store.available(bucketKey(applicationId, 'read'), b, this.clock.nowMs()),
      this.store.recordsToday(quotaSubject(applicationId, purposeId), this.clock.today()),
    ]);
    return { currentlyAvailable: Math.max(0, Math.floor(available)), recordsToday };
  }
}

/** What the daily distinct-record quota counts: an application's records under one purpose (or, for tokens without one, the application's). */
export const quotaSubject = (applicationId: number, purposeId?: number): string => (purposeId ? `${applicationId}/${purposeId}` : String(applicationId));

/** The error of a record withheld because the daily distinct-record quota is used up. */
export function quotaExceeded(now: Date, dailyRecordQuota: number, recordsToday: number): DomainError {
  const retryAfterSeconds = secondsToIstMidnight(now);
  return new DomainError('DAILY_RECORD_QUOTA_EXCEEDED',
    `This application has received its daily quota of ${dailyRecordQuota} distinct PwD records; this record was withheld. The quota resets at midnight IST (in ${retryAfterSeconds} s). Ask DEPwD to review the quota if your approved purpose needs more.`,
    { dailyRecordQuota, recordsToday, retryAfterSeconds });
}

export function costReport(requested: number, actual: number, b: AppBudget | null, available: number | null): CostReport {
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: b ? { maximumAvailable: b.capacity, currentlyAvailable: Math.max(0, Math.floor(available ?? b.capacity)), restoreRate: b.restoreRate } : null,
  };
}
