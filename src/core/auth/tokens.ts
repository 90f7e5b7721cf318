import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { randomUUID } from 'node:crypto';
import { Role, Scope, isScope } from '../authz/scopes';
import { unauthenticated } from '../errors/errors';

export const APP_TOKEN_TTL_S = 15 * 60;
export const USER_TOKEN_TTL_S = 15 * 60;
const ISSUER = 'udid-exchange';

export type TokenClaims =
  | { typ: 'app'; applicationId: number; organizationId: number; clientId: string; scopes: Scope[] }
  | { typ: 'user'; userId: number; role: Role; organizationId: number | null; email: string };

/** Signs and verifies the short-lived Bearer JWTs (HS256, ≤ 15 minutes). */
export class TokenService {
  private readonly key: Uint8Array;
  constructor(secret: string, private readonly now: () => Date) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresIn: number }> {
    const ttl = claims.typ === 'app' ? APP_TOKEN_TTL_S : USER_TOKEN_TTL_S;
    const iat = Math.floor(this.now().getTime() / 1000);
    const payload =
      claims.typ === 'app'
        ? { typ: 'app', org: claims.organizationId, cid: claims.clientId, scope: claims.scopes.join(' ') }
        : { typ: 'user', role: claims.role, org: claims.organizationId, email: claims.email };
    const sub = String(claims.typ === 'app' ? claims.applicationId : claims.userId);
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresIn: ttl };
  }

  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: this.now(),
        maxTokenAge: '16m',
      });
      const sub = Number(payload.sub);
      if (!Number.isInteger(sub)) throw new Error('bad sub');
      if (payload.typ === 'app') {
        const scopes = String(payload.scope ?? '').split(' ').filter(isScope);
        return { typ: 'app', applicationId: sub, organizationId: Number(payload.org), clientId: String(payload.cid), scopes };
      }
      if (payload.typ === 'user') {
        return { typ: 'user', userId: sub, role: payload.role as Role, organizationId: payload.org == null ? null : Number(payload.org), email: String(payload.email) };
      }
      throw new Error('bad typ');
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) {
        throw unauthenticated('The access token has expired; request a new one (POST /oauth/token or POST /auth/login).');
      }
      throw unauthenticated('The access token is not valid; request a new one (POST /oauth/token or POST /auth/login).');
    }
  }
}
