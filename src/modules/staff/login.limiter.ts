import { CounterStore, makeLimiter, memoryCounters } from '../../core/throttle/limiter';

/** Failed sign-ins allowed per email and source IP before a lockout, and per IP across all emails. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 50;
export const LOGIN_LOCKOUT_S = 15 * 60;

/**
 * Brute-force guard for POST /auth/login: 5 wrong passwords for one email from one IP within 15
 * minutes lock that pair out for 15 minutes; 50 from one IP (password spraying) lock the IP.
 * A successful sign-in clears the pair's count. With Redis the counts are shared by every replica.
 */
export class LoginLimiter {
  private readonly pair;
  private readonly ip;

  constructor(store: CounterStore = memoryCounters) {
    this.pair = makeLimiter(store, { keyPrefix: 'login', points: LOGIN_FAILURES_PER_ACCOUNT, duration: LOGIN_LOCKOUT_S });
    this.ip = makeLimiter(store, { keyPrefix: 'login-ip', points: LOGIN_FAILURES_PER_IP, duration: LOGIN_LOCKOUT_S });
  }

  /** Seconds until the caller may try again, or 0 when not locked out. */
  async lockedFor(email: string, ip: string): Promise<number> {
    const [p, i] = await Promise.all([this.pair.get(`${email}|${ip}`), this.ip.get(ip)]);
    const wait = (r: typeof p, max: number) => (r && r.consumedPoints >= max ? Math.ceil(r.msBeforeNext / 1000) : 0);
    return Math.max(wait(p, LOGIN_FAILURES_PER_ACCOUNT), wait(i, LOGIN_FAILURES_PER_IP));
  }

  async failed(email: string, ip: string): Promise<void> {
    await Promise.all([this.pair.penalty(`${email}|${ip}`, 1), this.ip.penalty(ip, 1)]);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await this.pair.delete(`${email}|${ip}`);
  }
}
