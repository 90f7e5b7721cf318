import { CounterStore, makeLimiter, memoryCounters } from '../../core/throttle/limiter';

/** Failed client authentications at /oauth/token allowed per client id and source IP, and per IP. */
export const TOKEN_FAILURES_PER_CLIENT = 10;
export const TOKEN_FAILURES_PER_IP = 100;
export const TOKEN_LOCKOUT_S = 15 * 60;

/**
 * Guesses at a client secret: 10 wrong secrets for one client id from one IP within 15 minutes lock
 * that pair out; 100 failures from one IP (any client ids) lock the IP. A successful token request
 * clears the pair. With Redis every replica counts into the same keys.
 */
export class ClientAuthLimiter {
  private readonly pair;
  private readonly ip;

  constructor(store: CounterStore = memoryCounters) {
    this.pair = makeLimiter(store, { keyPrefix: 'token', points: TOKEN_FAILURES_PER_CLIENT, duration: TOKEN_LOCKOUT_S });
    this.ip = makeLimiter(store, { keyPrefix: 'token-ip', points: TOKEN_FAILURES_PER_IP, duration: TOKEN_LOCKOUT_S });
  }

  /** Seconds until the caller may try again, or 0 when not locked out. */
  async lockedFor(clientId: string, ip: string): Promise<number> {
    const [p, i] = await Promise.all([this.pair.get(`${clientId}|${ip}`), this.ip.get(ip)]);
    const wait = (r: typeof p, max: number) => (r && r.consumedPoints >= max ? Math.ceil(r.msBeforeNext / 1000) : 0);
    return Math.max(wait(p, TOKEN_FAILURES_PER_CLIENT), wait(i, TOKEN_FAILURES_PER_IP));
  }

  async failed(clientId: string, ip: string): Promise<void> {
    await Promise.all([this.pair.penalty(`${clientId}|${ip}`, 1), this.ip.penalty(ip, 1)]);
  }

  async succeeded(clientId: string, ip: string): Promise<void> {
    await this.pair.delete(`${clientId}|${ip}`);
  }
}
