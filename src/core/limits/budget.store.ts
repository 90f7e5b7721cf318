/**
 * Where the per-application counters live (DESIGN.md §7, §11): leaky buckets of cost points (one for
 * reads, one for reporting), the set of distinct PwD records disclosed per IST day, and small daily
 * counters (failed verifications). One interface, three implementations: process memory (no
 * REDIS_URL), Redis (shared by every replica) and a resilient wrapper that falls back to memory while
 * Redis is unreachable. Every check-and-change is one atomic step in each implementation, so
 * concurrent requests (in one process or across replicas) never both spend the last point or record.
 */
export interface BucketSettings {
  /** Capacity (maximumAvailable). */
  capacity: number;
  /** Points restored per second. */
  restoreRate: number;
}

/** A bucket's key: the application id, with a suffix for its reporting bucket (`12:report`). */
export type BucketKey = string;

export interface BudgetStore {
  /** Points available now (may be negative after a request cost more than was left). */
  available(key: BucketKey, b: BucketSettings, nowMs: number): Promise<number>;
  /** Adds `cost` points to the charge (negative refunds, never above capacity); returns what is left. */
  charge(key: BucketKey, cost: number, b: BucketSettings, nowMs: number): Promise<number>;
  /** Takes `cost` points only if that many are available (atomically); returns whether it did and what is left. */
  take(key: BucketKey, cost: number, b: BucketSettings, nowMs: number): Promise<{ taken: boolean; left: number }>;
  /**
   * Reserves today's quota for each UDID, atomically: a UDID already disclosed today is admitted
   * again; a new one is admitted only while fewer than `quota` distinct records were disclosed
   * (quota 0: no cap). Returns which were admitted (in order) and the distinct count after.
   */
  reserveRecords(subject: string, day: string, udids: string[], quota: number): Promise<{ admitted: boolean[]; recordsToday: number }>;
  /** Distinct records disclosed today. */
  recordsToday(subject: string, day: string): Promise<number>;
  /** Adds `by` to a counter that lives until the end of `day`; returns the new value. */
  countDaily(key: string, day: string, by: number): Promise<number>;
  /** A once-only guard (replay caches): true the first time `key` is claimed within `ttlMs`, false after. */
  claimOnce(key: string, ttlMs: number, nowMs: number): Promise<boolean>;
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

/** Keeps only the entries of `day` in a map keyed `…:day`: older days are no longer consulted. */
function pruneOtherDays<V>(map: Map<string, V>, day: string): void {
  for (const k of map.keys()) if (!k.endsWith(`:${day}`)) map.delete(k);
}

export class MemoryBudgetStore implements BudgetStore {
  readonly status = 'memory' as const;
  private buckets = new Map<BucketKey, { level: number; at: number }>();
  private records = new Map<string, Set<string>>();
  private counters = new Map<string, number>();
  private claims = new Map<string, number>();

  private level(key: BucketKey, b: BucketSettings, nowMs: number): number {
    const s = this.buckets.get(key);
    return s ? restored(s.level, s.at, b, nowMs) : b.capacity;
  }

  async available(key: BucketKey, b: BucketSettings, nowMs: number): Promise<number> {
    return this.level(key, b, nowMs);
  }

  async charge(key: BucketKey, cost: number, b: BucketSettings, nowMs: number): Promise<number> {
    const level = Math.min(b.capacity, this.level(key, b, nowMs) - cost);
    this.buckets.set(key, { level, at: nowMs });
    return level;
  }

  async take(key: BucketKey, cost: number, b: BucketSettings, nowMs: number): Promise<{ taken: boolean; left: number }> {
    const level = this.level(key, b, nowMs);
    if (cost > level) return { taken: false, left: level };
    this.buckets.set(key, { level: level - cost, at: nowMs });
    return { taken: true, left: level - cost };
  }

  async reserveRecords(id: string, day: string, udids: string[], quota: number): Promise<{ admitted: boolean[]; recordsToday: number }> {
    const key = `${id}:${day}`;
    let set = this.records.get(key);
    if (!set) {
      pruneOtherDays(this.records, day);
      set = new Set();
      this.records.set(key, set);
    }
    const admitted = udids.map((u) => {
      if (set.has(u)) return true;
      if (quota > 0 && set.size >= quota) return false;
      set.add(u);
      return true;
    });
    return { admitted, recordsToday: set.size };
  }

  async recordsToday(id: string, day: string): Promise<number> {
    return this.records.get(`${id}:${day}`)?.size ?? 0;
  }

  async claimOnce(key: string, ttlMs: number, nowMs: number): Promise<boolean> {
    const until = this.claims.get(key);
    if (until !== undefined && until > nowMs) return false;
    if (this.claims.size > 100_000) for (const [k, u] of this.claims) if (u <= nowMs) this.claims.delete(k);
    this.claims.set(key, nowMs + ttlMs);
    return true;
  }

  async countDaily(key: string, day: string, by: number): Promise<number> {
    const k = `${key}:${day}`;
    if (!this.counters.has(k)) pruneOtherDays(this.counters, day);
    const v = (this.counters.get(k) ?? 0) + by;
    this.counters.set(k, v);
    return v;
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
