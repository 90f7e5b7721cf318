import Redis from 'ioredis';
import type { Logger } from '../logger';
import { BucketKey, BucketSettings, BudgetStore, MemoryBudgetStore } from './budget.store';

/**
 * Restore, then change the level by ARGV[4] points, atomically: two replicas never both spend the same
 * points. ARGV[5] = 'take' changes it only when that many points are available; 'charge' always does
 * (a negative cost refunds, never above capacity). Returns { taken (0/1), level }.
 */
const BUCKET_LUA = `
local cap = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local now = tonumber(ARGV[3]); local cost = tonumber(ARGV[4])
local v = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(v[1]) or cap
local at = tonumber(v[2]) or now
local elapsed = now - at
if elapsed < 0 then elapsed = 0 end
level = math.min(cap, level + elapsed * rate / 1000)
if ARGV[5] == 'take' and cost > level then return {0, tostring(level)} end
if cost ~= 0 then
  level = math.min(cap, level - cost)
  redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((cap - level) * 1000 / math.max(rate, 1)) + 60000)
end
return {1, tostring(level)}`;

/**
 * The daily distinct-record quota, per record and atomically (DESIGN.md §11): a UDID already in
 * today's set is admitted; a new one only while the set holds fewer than ARGV[1] (0: no cap).
 * Returns one 0/1 per UDID, then the set's size.
 */
const RESERVE_LUA = `
local quota = tonumber(ARGV[1]); local out = {}
local n = redis.call('SCARD', KEYS[1])
for i = 2, #ARGV do
  if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 1 then out[#out + 1] = 1
  elseif quota == 0 or n < quota then redis.call('SADD', KEYS[1], ARGV[i]); n = n + 1; out[#out + 1] = 1
  else out[#out + 1] = 0 end
end
redis.call('EXPIRE', KEYS[1], 172800)
out[#out + 1] = n
return out`;

type Scripted = {
  udxBucket(key: string, cap: number, rate: number, now: number, cost: number, mode: string): Promise<[number, string]>;
  udxReserve(key: string, quota: number, ...udids: string[]): Promise<number[]>;
};

/** Budgets in Redis, shared by every API process. */
export class RedisBudgetStore implements BudgetStore {
  readonly status = 'ok' as const;
  readonly redis: Redis;

  constructor(url: string, private readonly prefix: string) {
    this.redis = new Redis(url, {
      // Fail fast instead of queueing: the caller falls back to local counters.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 1000,
      lazyConnect: true,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined); // reported by the resilient wrapper
    this.redis.defineCommand('udxBucket', { numberOfKeys: 1, lua: BUCKET_LUA });
    this.redis.defineCommand('udxReserve', { numberOfKeys: 1, lua: RESERVE_LUA });
  }

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  private get scripts(): Scripted {
    return this.redis as unknown as Scripted;
  }

  private async bucket(key: BucketKey, b: BucketSettings, nowMs: number, cost: number, mode: 'take' | 'charge'): Promise<{ taken: boolean; left: number }> {
    const [taken, level] = await this.scripts.udxBucket(`${this.prefix}bucket:${key}`, b.capacity, b.restoreRate, Math.floor(nowMs), cost, mode);
    return { taken: Number(taken) === 1, left: Number(level) };
  }

  async available(key: BucketKey, b: BucketSettings, nowMs: number): Promise<number> {
    return (await this.bucket(key, b, nowMs, 0, 'charge')).left;
  }

  async charge(key: BucketKey, cost: number, b: BucketSettings, nowMs: number): Promise<number> {
    return (await this.bucket(key, b, nowMs, cost, 'charge')).left;
  }

  take(key: BucketKey, cost: number, b: BucketSettings, nowMs: number): Promise<{ taken: boolean; left: number }> {
    return this.bucket(key, b, nowMs, cost, 'take');
  }

  async reserveRecords(id: string, day: string, udids: string[], quota: number): Promise<{ admitted: boolean[]; recordsToday: number }> {
    const out = await this.scripts.udxReserve(`${this.prefix}records:${id}:${day}`, quota, ...udids);
    return { admitted: out.slice(0, udids.length).map((v) => Number(v) === 1), recordsToday: Number(out[udids.length]) };
  }

  async recordsToday(id: string, day: string): Promise<number> {
    return this.redis.scard(`${this.prefix}records:${id}:${day}`);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}once:${key}`, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
  }

  async countDaily(key: string, day: string, by: number): Promise<number> {
    const k = `${this.prefix}count:${key}:${day}`;
    const res = await this.redis.multi().incrby(k, by).expire(k, 2 * 86_400).exec();
    const v = res?.[0];
    if (!v || v[0]) throw v?.[0] ?? new Error('redis transaction failed');
    return Number(v[1]);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/**
 * Redis when it answers, process memory when it does not: the API keeps serving (each replica then
 * enforces the budget on its own), logs the outage loudly and shows it in /health/ready.
 */
export class ResilientBudgetStore implements BudgetStore {
  private degraded = false;
  /** Operations answered from process memory because Redis did not (udx_redis_fallbacks_total). */
  fallbacks = 0;
  private readonly local = new MemoryBudgetStore();
  private lastLoud = 0;

  constructor(private readonly primary: RedisBudgetStore, private readonly log: Logger) {}

  get status(): 'ok' | 'degraded' {
    return this.degraded ? 'degraded' : 'ok';
  }

  private async run<T>(op: (s: BudgetStore) => Promise<T>): Promise<T> {
    try {
      const r = await op(this.primary);
      if (this.degraded) {
        this.degraded = false;
        this.log.warn('Redis is reachable again: budgets and quotas are shared across replicas once more');
      }
      return r;
    } catch (err) {
      const now = Date.now();
      if (!this.degraded || now - this.lastLoud > 60_000) {
        this.lastLoud = now;
        this.log.error({ err: (err as Error).message }, 'REDIS UNREACHABLE: budgets and daily quotas fall back to this process\'s memory and are NOT shared across replicas');
      }
      this.degraded = true;
      this.fallbacks++;
      return op(this.local);
    }
  }

  available(key: BucketKey, b: BucketSettings, nowMs: number) { return this.run((s) => s.available(key, b, nowMs)); }
  charge(key: BucketKey, cost: number, b: BucketSettings, nowMs: number) { return this.run((s) => s.charge(key, cost, b, nowMs)); }
  take(key: BucketKey, cost: number, b: BucketSettings, nowMs: number) { return this.run((s) => s.take(key, cost, b, nowMs)); }
  reserveRecords(id: string, day: string, udids: string[], quota: number) { return this.run((s) => s.reserveRecords(id, day, udids, quota)); }
  recordsToday(id: string, day: string) { return this.run((s) => s.recordsToday(id, day)); }
  countDaily(key: string, day: string, by: number) { return this.run((s) => s.countDaily(key, day, by)); }
  claimOnce(key: string, ttlMs: number, nowMs: number) { return this.run((s) => s.claimOnce(key, ttlMs, nowMs)); }
  async ping(): Promise<void> { await this.run((s) => s.ping()); }
  close(): Promise<void> { return this.primary.close(); }
}

/** The store for this configuration; connects to Redis if configured (without failing start-up when it is down). */
export async function createBudgetStore(opts: { redisUrl?: string; prefix: string; log: Logger }): Promise<BudgetStore> {
  if (!opts.redisUrl) return new MemoryBudgetStore();
  const redis = new RedisBudgetStore(opts.redisUrl, opts.prefix);
  const store = new ResilientBudgetStore(redis, opts.log);
  try {
    await redis.connect();
  } catch {
    await store.ping().catch(() => undefined); // logs loudly and marks degraded; ioredis keeps reconnecting
  }
  return store;
}

/** The ioredis client behind a budget store, or null without Redis; other shared counters reuse it. */
export function redisClientOf(store: BudgetStore): Redis | null {
  if (store instanceof RedisBudgetStore) return store.redis;
  if (store instanceof ResilientBudgetStore) return (store as unknown as { primary: RedisBudgetStore }).primary.redis;
  return null;
}
