import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

/** Where the counters live: one Redis shared by every API process, or none (each process counts alone). */
export interface CounterStore {
  redis: Redis | null;
  /** REDIS_KEY_PREFIX: lets several deployments or test runs share one Redis. */
  prefix: string;
}

export const memoryCounters: CounterStore = { redis: null, prefix: '' };

/**
 * A fixed-window counter. With Redis, every replica counts into the same key; when Redis does not
 * answer, the insurance limiter counts in this process so the throttle degrades to per-replica
 * rather than failing open or failing the request.
 */
export function makeLimiter(store: CounterStore, opts: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  const memory = new RateLimiterMemory(opts);
  if (!store.redis) return memory;
  return new RateLimiterRedis({ ...opts, keyPrefix: `${store.prefix}rl:${opts.keyPrefix}`, storeClient: store.redis, insuranceLimiter: memory });
}

/**
 * Failed attempts by one key (an email, a client id) from one source IP, and by the IP across all
 * keys: either count at its limit locks the caller out for `lockoutS`. A success clears the pair.
 */
export class FailureLimiter {
  private readonly pair;
  private readonly ip;

  constructor(store: CounterStore, private readonly o: { prefix: string; perKey: number; perIp: number; lockoutS: number }) {
    this.pair = makeLimiter(store, { keyPrefix: o.prefix, points: o.perKey, duration: o.lockoutS });
    this.ip = makeLimiter(store, { keyPrefix: `${o.prefix}-ip`, points: o.perIp, duration: o.lockoutS });
  }

  /** Seconds until the caller may try again, or 0 when not locked out. */
  async lockedFor(key: string, ip: string): Promise<number> {
    const [p, i] = await Promise.all([this.pair.get(`${key}|${ip}`), this.ip.get(ip)]);
    const wait = (r: typeof p, max: number) => (r && r.consumedPoints >= max ? Math.ceil(r.msBeforeNext / 1000) : 0);
    return Math.max(wait(p, this.o.perKey), wait(i, this.o.perIp));
  }

  async failed(key: string, ip: string): Promise<void> {
    await Promise.all([this.pair.penalty(`${key}|${ip}`, 1), this.ip.penalty(ip, 1)]);
  }

  async succeeded(key: string, ip: string): Promise<void> {
    await this.pair.delete(`${key}|${ip}`);
  }
}
