/**
 * Where the per-application counters live (DESIGN.md §7): a leaky bucket of cost points and the set
 * of distinct PwD records served per IST day. One interface, three implementations: process memory
 * (no REDIS_URL), Redis (shared by every replica) and a resilient wrapper that falls back to memory
 * while Redis is unreachable.
 */
export interface BucketSettings {
  /** Capacity (maximumAvailable). */
  capacity: number;
  /** Points restored per second. */
  restoreRate: number;
}

export interface BudgetStore {
  /** Points available now (may be negative after a request cost more than was left). */
  available(applicationId: number, b: BucketSettings, nowMs: number): Promise<number>;
  /** Takes `cost` points; returns what is left. */
  charge(applicationId: number, cost: number, b: BucketSettings, nowMs: number): Promise<number>;
  /** Adds the UDIDs served today (IST day) and returns the number of distinct records served today. */
  addRecords(applicationId: number, day: string, udids: string[]): Promise<number>;
  /** Distinct records served today. */
  recordsToday(applicationId: number, day: string): Promise<number>;
  /** 'memory', 'ok' (Redis) or 'degraded' (Redis configured but unreachable: local counters in use). */
  readonly status: 'memory' | 'ok' | 'degraded';
  /** Re-checks the shared store (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Bucket level after restoring for the time since the last update. */
export function restored(level: number, lastMs: number, b: BucketSettings, nowMs: number): number {
  return Math.min(b.capacity, level + Math.max(0, nowMs - lastMs) * b.restoreRate / 1000);
}

export class MemoryBudgetStore implements BudgetStore {
  readonly status = 'memory' as const;
  private buckets = new Map<number, { level: number; at: number }>();
  private records = new Map<string, Set<string>>();

  async available(id: number, b: BucketSettings, nowMs: number): Promise<number> {
    const s = this.buckets.get(id);
    return s ? restored(s.level, s.at, b, nowMs) : b.capacity;
  }

  async charge(id: number, cost: number, b: BucketSettings, nowMs: number): Promise<number> {
    const level = (await this.available(id, b, nowMs)) - cost;
    this.buckets.set(id, { level, at: nowMs });
    return level;
  }

  async addRecords(id: number, day: string, udids: string[]): Promise<number> {
    const key = `${id}:${day}`;
    let set = this.records.get(key);
    if (!set) {
      // Keep only today's sets: yesterday's are no longer consulted.
      for (const k of this.records.keys()) if (!k.endsWith(`:${day}`)) this.records.delete(k);
      set = new Set();
      this.records.set(key, set);
    }
    for (const u of udids) set.add(u);
    return set.size;
  }

  async recordsToday(id: number, day: string): Promise<number> {
    return this.records.get(`${id}:${day}`)?.size ?? 0;
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
