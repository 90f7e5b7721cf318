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
