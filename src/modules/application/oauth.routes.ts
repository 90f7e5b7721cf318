import { Router, urlencoded, json, Request, Response } from 'express';
import type { BlockList } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import { TOKEN_ISSUER, TokenService } from '../../core/auth/tokens';
import type { ClientAuthLimiter } from './oauth.limiter';
import { verifySecret } from '../../core/auth/secrets';
import { CLIENT_ASSERTION_TYPE, ProofError, Replay, verifyClientAssertion, verifyDpopProof } from '../../core/auth/proofs';
import { decodeJwt } from 'jose';
import { isScope, Scope } from '../../core/authz/scopes';
import { fromDbBool, toDbDateTime } from '../../core/db/columns';
import { clientIp, requestUrl } from '../../core/http/client-ip';

function oauthError(res: Response, status: number, error: string, description: string, basic = false) {
  if (basic && status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="udid-exchange"');
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).json({ error, error_description: description });
}

/** Percent-decoding of a Basic user or password part; null when it is not valid percent-encoding. */
const formDecode = (s: string): string | null => {
  try { return decodeURIComponent(s); } catch { return null; }
};

/** Client id and secret from HTTP Basic (RFC 6749 §2.3.1) or from the form body. */
function clientCredentials(req: Request): { id: string; secret: string; basic: boolean } | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return null;
    const id = formDecode(decoded.slice(0, i));
    const secret = formDecode(decoded.slice(i + 1));
    return id === null || secret === null ? null : { id, secret, basic: true };
  }
  const b = (req.body ?? {}) as Record<string, unknown>;
  if (typeof b.client_id === 'string' && typeof b.client_secret === 'string') return { id: b.client_id, secret: b.client_secret, basic: false };
  return null;
}

/** A client assertion (RFC 7523 §2.2): the type, the JWT, and the client it names (client_id, or its sub). */
function clientAssertion(req: Request): { clientId: string; assertion: string } | { error: string } {
  const b = (req.body ?? {}) as Record<string, unknown>;
  if (req.headers.authorization) return { error: 'Authenticate the client one way only: a client assertion or HTTP Basic, not both.' };
  if (b.client_assertion_type !== CLIENT_ASSERTION_TYPE) return { error: `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.` };
  if (typeof b.client_assertion !== 'string' || !b.client_assertion || b.client_assertion.length > 8192) return { error: 'client_assertion must be a signed JWT.' };
  let sub: unknown;
  try { sub = decodeJwt(b.client_assertion).sub; } catch { return { error: 'client_assertion is not a JWT.' }; }
  const clientId = typeof b.client_id === 'string' ? b.client_id : sub;
  if (typeof clientId !== 'string' || !clientId) return { error: 'Name the client: client_id, or the assertion\'s sub.' };
  return { clientId, assertion: b.client_assertion };
}

export interface OauthDeps { ds: DataSource; clock: Clock; tokens: TokenService; clientAuthLimiter: ClientAuthLimiter; replay: Replay }

/** POST /oauth/token: OAuth2 client credentials grant (RFC 6749 §4.4). */
export function oauthRouter(deps: OauthDeps, trusted: BlockList | null = null): Router {
  const router = Router();
  router.post('/oauth/token', urlencoded({ extended: false, limit: '8kb' }), json({ limit: '8kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (body.grant_type !== 'client_credentials') {
        return oauthError(res, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
      }
      // private_key_jwt (RFC 7523 §2.2) or a client secret (RFC 6749 §2.3.1), never both.
      const assertion = body.client_assertion_type !== undefined || body.client_assertion !== undefined ? clientAssertion(req) : null;
      if (assertion && 'error' in assertion) return oauthError(res, 400, 'invalid_request', assertion.error);
      const creds = assertion ? { id: assertion.clientId, secret: '', basic: false } : clientCredentials(req);
      if (!creds) return oauthError(res, 401, 'invalid_client', 'Send the client id and secret with HTTP Basic authentication or as client_id and client_secret (percent-encoded in Basic), or a client assertion (private_key_jwt).', true);
      const ip = clientIp(req, trusted);
      const clientKey = creds.id.slice(0, 40);
      const wait = await deps.clientAuthLimiter.attempt(clientKey, ip);
      if (wait > 0) {
        // RFC 8628's slow_down is the registered OAuth error for "too many requests, back off".
        res.setHeader('Retry-After', String(wait));
        return oauthError(res, 429, 'slow_down', `Too many failed client authentications from ${ip}; try again in ${Math.ceil(wait / 60)} minutes.`);
      }
      const apps: Record<string, unknown>[] = await deps.ds.query(
        'SELECT id, organization_id, status, approved_scopes, client_jwks, client_secret_enabled, dpop_required FROM application WHERE client_id = ?', [creds.id.slice(0, 40)],
      );
      const app = apps[0];
      let secretId: number | null = null;
      if (assertion) {
        const jwks = app?.client_jwks ? JSON.parse(String(app.client_jwks)) : null;
        const tokenUrl = new URL('/oauth/token', requestUrl(req)).toString();
        const problem = !app || !jwks ? 'Unknown client, or no public keys are registered for it (registerClientKeys).'
          : await verifyClientAssertion(assertion.assertion, {
            clientId: creds.id, jwks, audiences: [tokenUrl, tokenUrl.replace(/^http:/, 'https:'), TOKEN_ISSUER], now: deps.clock.now(), replay: deps.replay,
          }).then(() => null, (e: Error) => (e instanceof ProofError ? e.message : 'The client assertion is not valid.'));
        if (problem) return oauthError(res, 401, 'invalid_client', problem);
      } else {
        const secrets: { id: number; secret_hash: string }[] = app
          ? await deps.ds.query('SELECT id, secret_hash FROM client_credential WHERE application_id = ? AND revoked_at IS NULL ORDER BY id DESC LIMIT 1', [app.id])
          : [];
        const ok = await verifySecret(creds.secret, secrets[0]?.secret_hash);
        if (!app || !ok) {
          return oauthError(res, 401, 'invalid_client', 'Unknown client or wrong secret.', creds.basic);
        }
        if (!fromDbBool(app.client_secret_enabled)) {
          return oauthError(res, 401, 'invalid_client', 'The client secret of this application is switched off; authenticate with a client assertion (private_key_jwt, RFC 7523).', creds.basic);
        }
        secretId = secrets[0].id;
      }
      await deps.clientAuthLimiter.succeeded(clientKey, ip);
      if (app.status !== 'APPROVED') {
        return oauthError(res, 400, 'unauthorized_client', app.status === 'DISABLED'
          ? 'This application has been disabled by NIC.' : 'This application is not approved yet; DEPwD must approve its scopes first.');
      }
      // The token names one approved purpose (DESIGN.md §11); its scopes bound the token's.
      const purposes: { id: number; code: string; status: string; scopes: string }[] = await deps.ds.query(
        `SELECT p.id, p.code, p.status, p.scopes FROM application_purpose ap JOIN purpose p ON p.id = ap.purpose_id
          WHERE ap.application_id = ? AND ap.revoked_at IS NULL ORDER BY p.id`, [app.id]);
      const usable = purposes.filter((p) => p.status === 'APPROVED');
      let purpose: (typeof purposes)[number] | undefined;
      if (body.purpose !== undefined) {
        if (typeof body.purpose !== 'string' || !body.purpose.trim()) return oauthError(res, 400, 'invalid_request', 'purpose must be the code of one of the application\'s approved purposes.');
        const code = body.purpose.trim().slice(0, 40);
        purpose = purposes.find((p) => p.code === code);
        if (!purpose) return oauthError(res, 400, 'invalid_scope', `This application is not approved for a purpose ${code}. Approved: ${usable.map((p) => p.code).join(' ') || 'none'}.`);
        if (purpose.status !== 'APPROVED') return oauthError(res, 400, 'invalid_scope', `Purpose ${code} is ${purpose.status.toLowerCase()}; tokens are issued only for approved purposes.`);
      } else if (usable.length === 1) {
        purpose = usable[0];
      } else {
        return oauthError(res, 400, usable.length ? 'invalid_request' : 'invalid_scope', usable.length
          ? `Name the purpose of this token: purpose=<code>, one of ${usable.map((p) => p.code).join(' ')}.`
          : 'This application is approved for no purpose that is approved now; DEPwD must approve one first.');
      }
      const purposeScopes = new Set(JSON.parse(String(purpose.scopes)) as Scope[]);
      const approved: Scope[] = (app.approved_scopes ? JSON.parse(String(app.approved_scopes)) as Scope[] : []).filter((s) => purposeScopes.has(s));
      let scopes = approved;
      if (typeof body.scope === 'string' && body.scope.trim()) {
        const asked = body.scope.trim().split(/\s+/);
        const bad = asked.filter((s) => !isScope(s) || !approved.includes(s as Scope));
        if (bad.length) return oauthError(res, 400, 'invalid_scope', `Not approved for this application and purpose ${purpose.code}: ${bad.join(' ')}. Approved: ${approved.join(' ')}.`);
        scopes = [...new Set(asked as Scope[])];
      }
      // DPoP (RFC 9449 §5): a proof for this request binds the token to the client's key.
      let jkt: string | undefined;
      const proof = req.headers.dpop;
      if (proof !== undefined) {
        if (typeof proof !== 'string' || proof.length > 8192) return oauthError(res, 400, 'invalid_dpop_proof', 'Send one DPoP proof JWT in the DPoP header.');
        try {
          jkt = await verifyDpopProof(proof, { method: 'POST', url: requestUrl(req), now: deps.clock.now(), replay: deps.replay });
        } catch (e) {
          return oauthError(res, 400, 'invalid_dpop_proof', e instanceof ProofError ? e.message : 'The DPoP proof is not valid.');
        }
      } else if (fromDbBool(app.dpop_required)) {
        return oauthError(res, 400, 'invalid_dpop_proof', 'DEPwD requires DPoP-bound tokens for this application: send a DPoP proof header (RFC 9449).');
      }
      const { token, expiresIn } = await deps.tokens.issue({
        typ: 'app', applicationId: Number(app.id), organizationId: Number(app.organization_id), clientId: creds.id, scopes, purposeId: Number(purpose.id), ...(jkt ? { jkt } : {}),
      });
      if (secretId !== null) void deps.ds.query('UPDATE client_credential SET last_used_at = ? WHERE id = ?', [toDbDateTime(deps.clock.now()), secretId]).catch(() => undefined);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ access_token: token, token_type: jkt ? 'DPoP' : 'Bearer', expires_in: expiresIn, scope: scopes.join(' '), purpose: purpose.code });
    } catch (err) {
      next(err);
    }
  });
  return router;
}
