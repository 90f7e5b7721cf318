import { CounterStore, FailureLimiter, memoryCounters } from '../../core/throttle/limiter';

/** Failed sign-ins allowed per email and source IP before a lockout, and per IP across all emails. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 50;
export const LOGIN_LOCKOUT_S = 15 * 60;

/**
 * Brute-force guard for POST /auth/login: 5 wrong passwords for one email from one IP within 15
 * minutes lock that pair out for 15 minutes; 50 from one IP (password spraying) lock the IP.
 * A successful sign-in clears the pair's count. With Redis the counts are shared by every replica.
 */
export class LoginLimiter extends FailureLimiter {
  constructor(store: CounterStore = memoryCounters) {
    super(store, { prefix: 'login', perKey: LOGIN_FAILURES_PER_ACCOUNT, perIp: LOGIN_FAILURES_PER_IP, lockoutS: LOGIN_LOCKOUT_S });
  }
}
