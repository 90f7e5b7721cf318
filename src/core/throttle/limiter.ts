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
 * Attempts by one key (an email, a client id) from one source IP, and by the IP across all keys:
 * either count past its limit locks the caller out for `lockoutS`. An attempt is counted BEFORE the
 * secret is checked (atomically, in Redis when shared), so parallel guesses — on one replica or
 * spread over several — get no more checks than the limit; a success gives its attempt back.
 */
export class FailureLimiter {
  private readonly pair: RateLimiterAbstract;
  private readonly ip: RateLimiterAbstract;

  constructor(store: CounterStore, private readonly o: { prefix: string; perKey: number; perIp: number; lockoutS: number }) {
    this.pair = makeLimiter(store, { keyPrefix: o.prefix, points: o.perKey, duration: o.lockoutS });
    this.ip = makeLimiter(store, { keyPrefix: `${o.prefix}-ip`, points: o.perIp, duration: o.lockoutS });
  }

  /** Counts one attempt; returns 0 when it may go ahead, else the seconds until the lockout ends. */
  async attempt(key: string, ip: string): Promise<number> {
    const take = (l: RateLimiterAbstract, k: string) => l.consume(k, 1).then(() => 0, (r: unknown) => {
      if (r instanceof Error) throw r;
      return Math.max(1, Math.ceil((r as { msBeforeNext: number }).msBeforeNext / 1000));
    });
    const [p, i] = await Promise.all([take(this.pair, `${key}|${ip}`), take(this.ip, ip)]);
    return Math.max(p, i);
  }

  /** The secret was right: the pair's count is cleared and the IP's attempt given back. */
  async succeeded(key: string, ip: string): Promise<void> {
    await Promise.all([this.pair.delete(`${key}|${ip}`), this.ip.reward(ip, 1)]);
  }
}
