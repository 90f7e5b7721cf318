import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { randomUUID } from 'node:crypto';
import { Role, Scope, isScope } from '../authz/scopes';
import { unauthenticated } from '../errors/errors';

export const APP_TOKEN_TTL_S = 15 * 60;
export const USER_TOKEN_TTL_S = 15 * 60;
/** The `iss` of this server's tokens; also accepted as a client assertion's audience. */
export const TOKEN_ISSUER = 'udid-exchange';

export type TokenClaims =
  | { typ: 'app'; applicationId: number; organizationId: number; clientId: string; scopes: Scope[]; /** The purpose the token was issued for (absent on tokens from before purposes). */ purposeId?: number; /** DPoP-bound (RFC 9449): the client key's thumbprint (`cnf.jkt`). */ jkt?: string }
  | { typ: 'user'; userId: number; role: Role; organizationId: number | null; email: string };

/** Verified tokens kept (LRU by insertion): a partner reuses one token for up to 15 minutes. */
const VERIFIED_CACHE_SIZE = 10_000;
const MAX_TOKEN_AGE_S = 16 * 60;

/**
 * Signs and verifies the short-lived Bearer JWTs (HS256, ≤ 15 minutes). A token whose signature was
 * verified once is remembered by its exact text, so later requests skip the HMAC and the JSON decoding;
 * its expiry and age are still checked against the clock on every request, and whether its application
 * or user may still call is the gate's decision, made afresh (within the gate's cache bound) each time.
 */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, { claims: TokenClaims; iat: number; exp: number }>();
  constructor(secret: string, private readonly now: () => Date) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresIn: number }> {
    const ttl = claims.typ === 'app' ? APP_TOKEN_TTL_S : USER_TOKEN_TTL_S;
    const iat = Math.floor(this.now().getTime() / 1000);
    const payload =
      claims.typ === 'app'
        ? { typ: 'app', org: claims.organizationId, cid: claims.clientId, scope: claims.scopes.join(' '), ...(claims.purposeId ? { pur: claims.purposeId } : {}), ...(claims.jkt ? { cnf: { jkt: claims.jkt } } : {}) }
        : { typ: 'user', role: claims.role, org: claims.organizationId, email: claims.email };
    const sub = String(claims.typ === 'app' ? claims.applicationId : claims.userId);
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresIn: ttl };
  }

  async verify(token: string): Promise<TokenClaims> {
    const hit = this.verified.get(token);
    if (hit) {
      const now = Math.floor(this.now().getTime() / 1000);
      // The same checks jose makes on exp/iat (no clock tolerance), against the same clock.
      if (now >= hit.exp) throw unauthenticated('The access token has expired; request a new one (POST /oauth/token or POST /auth/login).');
      if (now - hit.iat > MAX_TOKEN_AGE_S || hit.iat > now) { this.verified.delete(token); return this.verifyFully(token); }
      return hit.claims;
    }
    return this.verifyFully(token);
  }

  private async verifyFully(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: TOKEN_ISSUER,
        algorithms: ['HS256'],
        currentDate: this.now(),
        maxTokenAge: '16m',
      });
      const sub = Number(payload.sub);
      if (!Number.isInteger(sub)) throw new Error('bad sub');
      let claims: TokenClaims;
      if (payload.typ === 'app') {
        const scopes = String(payload.scope ?? '').split(' ').filter(isScope);
        claims = { typ: 'app', applicationId: sub, organizationId: Number(payload.org), clientId: String(payload.cid), scopes };
        if (payload.pur !== undefined) {
          if (!Number.isInteger(payload.pur) || Number(payload.pur) < 1) throw new Error('bad pur');
          claims.purposeId = Number(payload.pur);
        }
        if (payload.cnf !== undefined) {
          const jkt = (payload.cnf as { jkt?: unknown })?.jkt;
          if (typeof jkt !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(jkt)) throw new Error('bad cnf');
          claims.jkt = jkt;
        }
      } else if (payload.typ === 'user') {
        claims = { typ: 'user', userId: sub, role: payload.role as Role, organizationId: payload.org == null ? null : Number(payload.org), email: String(payload.email) };
      } else {
        throw new Error('bad typ');
      }
      if (typeof payload.exp === 'number' && typeof payload.iat === 'number') {
        if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
        if (claims.typ === 'app') Object.freeze(claims.scopes);
        this.verified.set(token, { claims: Object.freeze(claims), iat: payload.iat, exp: payload.exp });
      }
      return claims;
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) {
        throw unauthenticated('The access token has expired; request a new one (POST /oauth/token or POST /auth/login).');
      }
      throw unauthenticated('The access token is not valid; request a new one (POST /oauth/token or POST /auth/login).');
    }
  }
}
