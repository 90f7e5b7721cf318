import { CounterStore, FailureLimiter, memoryCounters } from '../../core/throttle/limiter';

/** Failed client authentications at /oauth/token allowed per client id and source IP, and per IP. */
export const TOKEN_FAILURES_PER_CLIENT = 10;
export const TOKEN_FAILURES_PER_IP = 100;
export const TOKEN_LOCKOUT_S = 15 * 60;

/**
 * Guesses at a client secret: 10 wrong secrets for one client id from one IP within 15 minutes lock
 * that pair out; 100 failures from one IP (any client ids) lock the IP. A successful token request
 * clears the pair. With Redis every replica counts into the same keys.
 */
export class ClientAuthLimiter extends FailureLimiter {
  constructor(store: CounterStore = memoryCounters) {
    super(store, { prefix: 'token', perKey: TOKEN_FAILURES_PER_CLIENT, perIp: TOKEN_FAILURES_PER_IP, lockoutS: TOKEN_LOCKOUT_S });
  }
}
