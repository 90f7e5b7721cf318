import { Router, json } from 'express';
import type { Services } from '../../app/services';
import { verifySecret } from '../../core/auth/secrets';
import { Role } from '../../core/authz/scopes';
import { DomainError } from '../../core/errors/errors';
import { toDbDateTime } from '../../core/db/columns';

/** POST /auth/login: staff and partner users sign in with email and password. */
export function loginRouter(services: Services): Router {
  const router = Router();
  router.post('/auth/login', json({ limit: '4kb' }), async (req, res, next) => {
    try {
      const { email, password } = (req.body ?? {}) as Record<string, unknown>;
      if (typeof email !== 'string' || typeof password !== 'string' || !email || !password || email.length > 160 || password.length > 200) {
        const e = new DomainError('BAD_USER_INPUT', 'Send JSON {"email": "...", "password": "..."}.');
        return res.status(400).json(e.toJSON());
      }
      const users: Record<string, unknown>[] = await services.ds.query(
        'SELECT id, email, role, organization_id, password_hash, status FROM user_account WHERE email = ?', [email.trim().toLowerCase()],
      );
      const user = users[0];
      const ok = await verifySecret(password, user?.password_hash as string | undefined);
      if (!user || !ok || user.status !== 'ACTIVE') {
        const e = new DomainError('UNAUTHENTICATED', 'Wrong email or password, or the account is not activated yet.');
        return res.status(401).json(e.toJSON());
      }
      const { token, expiresIn } = await services.tokens.issue({
        typ: 'user', userId: Number(user.id), role: user.role as Role,
        organizationId: user.organization_id == null ? null : Number(user.organization_id), email: String(user.email),
      });
      void services.ds.query('UPDATE user_account SET last_login_at = ? WHERE id = ?', [toDbDateTime(services.clock.now()), user.id]).catch(() => undefined);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, role: user.role });
    } catch (err) {
      next(err);
    }
  });
  return router;
}
