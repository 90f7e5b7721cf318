import Redis from 'ioredis';
import type { Logger } from '../logger';
import { BucketSettings, BudgetStore, MemoryBudgetStore } from './budget.store';

/** Restore, then take ARGV[4] points, atomically: two replicas never both spend the same points. */
const BUCKET_LUA = `
local cap = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local now = tonumber(ARGV[3]); local cost = tonumber(ARGV[4])
local v = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(v[1]) or cap
local at = tonumber(v[2]) or now
local elapsed = now - at
if elapsed < 0 then elapsed = 0 end
level = math.min(cap, level + elapsed * rate / 1000)
if cost > 0 then
  level = level - cost
  redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((cap - level) * 1000 / math.max(rate, 1)) + 60000)
end
return tostring(level)`;

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
  }

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  private bucket(id: number, b: BucketSettings, nowMs: number, cost: number): Promise<number> {
    return (this.redis as unknown as { udxBucket(...a: unknown[]): Promise<string> })
      .udxBucket(`${this.prefix}bucket:${id}`, b.capacity, b.restoreRate, Math.floor(nowMs), cost)
      .then(Number);
  }

  available(id: number, b: BucketSettings, nowMs: number): Promise<number> {
    return this.bucket(id, b, nowMs, 0);
  }

  charge(id: number, cost: number, b: BucketSettings, nowMs: number): Promise<number> {
    return this.bucket(id, b, nowMs, cost);
  }

  async addRecords(id: number, day: string, udids: string[]): Promise<number> {
    const key = `${this.prefix}records:${id}:${day}`;
    const m = this.redis.multi();
    if (udids.length) m.sadd(key, ...udids);
    m.scard(key).expire(key, 2 * 86_400);
    const res = await m.exec();
    const card = res?.[udids.length ? 1 : 0];
    if (!card || card[0]) throw card?.[0] ?? new Error('redis transaction failed');
    return Number(card[1]);
  }

  async recordsToday(id: number, day: string): Promise<number> {
    return this.redis.scard(`${this.prefix}records:${id}:${day}`);
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
      return op(this.local);
    }
  }

  available(id: number, b: BucketSettings, nowMs: number) { return this.run((s) => s.available(id, b, nowMs)); }
  charge(id: number, cost: number, b: BucketSettings, nowMs: number) { return this.run((s) => s.charge(id, cost, b, nowMs)); }
  addRecords(id: number, day: string, udids: string[]) { return this.run((s) => s.addRecords(id, day, udids)); }
  recordsToday(id: number, day: string) { return this.run((s) => s.recordsToday(id, day)); }
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
