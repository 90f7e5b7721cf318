import { Router, json } from 'express';
import type { BlockList } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import type { TokenService } from '../../core/auth/tokens';
import type { LoginLimiter } from './login.limiter';
import { verifySecret } from '../../core/auth/secrets';
import { Role } from '../../core/authz/scopes';
import { DomainError } from '../../core/errors/errors';
import { toDbDateTime } from '../../core/db/columns';
import { clientIp } from '../../core/http/client-ip';

export interface LoginDeps { ds: DataSource; clock: Clock; tokens: TokenService; loginLimiter: LoginLimiter }

/** POST /auth/login: staff and partner users sign in with email and password (rate-limited per email + IP). */
export function loginRouter(deps: LoginDeps, trusted: BlockList | null = null): Router {
  const router = Router();
  router.post('/auth/login', json({ limit: '4kb' }), async (req, res, next) => {
    const fail = (e: DomainError) => {
      if (e.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
      if (e.extensions.retryAfterSeconds) res.setHeader('Retry-After', String(e.extensions.retryAfterSeconds));
      res.setHeader('Cache-Control', 'no-store');
      return res.status(e.httpStatus).json(e.toJSON());
    };
    try {
      const { email: rawEmail, password } = (req.body ?? {}) as Record<string, unknown>;
      if (typeof rawEmail !== 'string' || typeof password !== 'string' || !rawEmail || !password || rawEmail.length > 160 || password.length > 200) {
        return fail(new DomainError('BAD_USER_INPUT', 'Send JSON {"email": "...", "password": "..."}.'));
      }
      const email = rawEmail.trim().toLowerCase();
      const ip = clientIp(req, trusted);
      const wait = await deps.loginLimiter.attempt(email, ip);
      if (wait > 0) {
        return fail(new DomainError('THROTTLED', `Too many failed sign-ins for this account from ${ip}; try again in ${Math.ceil(wait / 60)} minutes.`, { retryAfterSeconds: wait }));
      }
      const users: Record<string, unknown>[] = await deps.ds.query(
        'SELECT id, email, role, organization_id, password_hash, status FROM user_account WHERE email = ?', [email],
      );
      const user = users[0];
      const ok = await verifySecret(password, user?.password_hash as string | undefined);
      if (!user || !ok) {
        return fail(new DomainError('UNAUTHENTICATED', 'Wrong email or password. A partner admin who has not activated the account yet must use the activation link first.'));
      }
      // The password was right, so saying why the account cannot sign in reveals nothing to a guesser.
      if (user.status !== 'ACTIVE') {
        return fail(new DomainError('UNAUTHENTICATED', user.status === 'DISABLED'
          ? 'This account is disabled. Contact the NIC operator (or DEPwD) to have it enabled.'
          : 'This account is not activated yet; use the activation link sent to your email.'));
      }
      await deps.loginLimiter.succeeded(email, ip);
      const { token, expiresIn } = await deps.tokens.issue({
        typ: 'user', userId: Number(user.id), role: user.role as Role,
        organizationId: user.organization_id == null ? null : Number(user.organization_id), email: String(user.email),
      });
      void deps.ds.query('UPDATE user_account SET last_login_at = ? WHERE id = ?', [toDbDateTime(deps.clock.now()), user.id]).catch(() => undefined);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, role: user.role });
    } catch (err) {
      next(err);
    }
  });
  return router;
}
