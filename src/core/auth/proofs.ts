import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, decodeProtectedHeader, EmbeddedJWK, errors as joseErrors, JSONWebKeySet, JWK, jwtVerify } from 'jose';

/**
 * Client assertions (RFC 7523, private_key_jwt) and DPoP proofs (RFC 9449), verified with jose.
 * Asymmetric algorithms only; every assertion and proof is single-use (`replay` is the shared
 * once-only guard: true the first time a key is seen).
 */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const ASYMMETRIC_ALGS = ['ES256', 'ES384', 'EdDSA', 'RS256', 'PS256'];
const MAX_KEYS = 5;
/** A client assertion lives at most this long (exp − now); a DPoP proof's iat is accepted within ±this. */
const ASSERTION_MAX_S = 300;
const PROOF_WINDOW_S = 60;

export type Replay = (key: string, until: Date) => Promise<boolean>;

export class ProofError extends Error {}

/** A partner's public keys (a JWKS as JSON text): 1–5 public keys with distinct kids and asymmetric algs. */
export function parseClientJwks(text: string): JSONWebKeySet {
  let jwks: unknown;
  try { jwks = JSON.parse(text); } catch { throw new ProofError('jwks must be a JSON Web Key Set: {"keys": [ … ]}.'); }
  const keys = (jwks as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length < 1 || keys.length > MAX_KEYS) throw new ProofError(`jwks must hold 1 to ${MAX_KEYS} keys in "keys".`);
  const kids = new Set<string>();
  const out: JWK[] = [];
  for (const k of keys as Record<string, unknown>[]) {
    if (!k || typeof k !== 'object') throw new ProofError('Each key must be a JWK object.');
    if (typeof k.kid !== 'string' || !/^[\w.-]{1,64}$/.test(k.kid)) throw new ProofError('Each key needs a kid (1–64 of letters, digits, _ . -).');
    if (kids.has(k.kid)) throw new ProofError(`Two keys have kid ${k.kid}.`);
    kids.add(k.kid);
    if (!['EC', 'OKP', 'RSA'].includes(String(k.kty))) throw new ProofError(`Key ${k.kid}: kty must be EC, OKP or RSA.`);
    if (['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].some((f) => f in k)) throw new ProofError(`Key ${k.kid} holds private material; register public keys only.`);
    if (k.alg !== undefined && !ASYMMETRIC_ALGS.includes(String(k.alg))) throw new ProofError(`Key ${k.kid}: alg must be one of ${ASYMMETRIC_ALGS.join(', ')}.`);
    out.push({ kty: k.kty, kid: k.kid, ...(k.alg ? { alg: k.alg } : {}), ...pick(k, ['crv', 'x', 'y', 'n', 'e', 'use']) } as JWK);
  }
  return { keys: out };
}

function pick(o: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => o[f] !== undefined).map((f) => [f, o[f]]));
}

/**
 * RFC 7523 §3: iss = sub = the client id, aud names the token endpoint (or the issuer), exp within
 * five minutes, a jti never seen before; signed by one of the client's registered keys.
 */
export async function verifyClientAssertion(assertion: string, o: { clientId: string; jwks: JSONWebKeySet; audiences: string[]; now: Date; replay: Replay }): Promise<void> {
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(o.jwks), {
      issuer: o.clientId, subject: o.clientId, audience: o.audiences, algorithms: ASYMMETRIC_ALGS, currentDate: o.now, requiredClaims: ['exp', 'jti'],
    }));
  } catch (e) {
    throw new ProofError(e instanceof joseErrors.JWTExpired ? 'The client assertion has expired.' : 'The client assertion is not valid for this client (signature, iss, sub, aud, exp or jti).');
  }
  const nowS = Math.floor(o.now.getTime() / 1000);
  if (payload.exp! - nowS > ASSERTION_MAX_S) throw new ProofError(`A client assertion may live at most ${ASSERTION_MAX_S} s (exp too far ahead).`);
  if (typeof payload.jti !== 'string' || payload.jti.length < 8 || payload.jti.length > 128) throw new ProofError('The client assertion needs a jti of 8–128 characters.');
  if (!(await o.replay(`assertion:${o.clientId}:${payload.jti}`, new Date(payload.exp! * 1000)))) throw new ProofError('This client assertion was used before (jti replay).');
}

/** base64url(SHA-256(access token)): the DPoP proof's `ath`. */
export const accessTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * RFC 9449 §4.3: a DPoP proof JWT (typ dpop+jwt, an asymmetric alg, the public key in its header)
 * for this method and URL (htm, htu without query), issued within ±60 s, a jti never seen before, and
 * `ath` when it goes with an access token. Returns the key's thumbprint (RFC 7638), the token's `jkt`.
 */
export async function verifyDpopProof(proof: string, o: { method: string; url: string; accessToken?: string; now: Date; replay: Replay }): Promise<string> {
  let header;
  try { header = decodeProtectedHeader(proof); } catch { throw new ProofError('The DPoP header is not a JWT.'); }
  if (header.typ !== 'dpop+jwt') throw new ProofError('A DPoP proof has typ dpop+jwt.');
  if (!header.jwk || typeof header.jwk !== 'object') throw new ProofError('A DPoP proof carries its public key as jwk in its header.');
  if (['d', 'p', 'q', 'k'].some((f) => f in (header.jwk as object))) throw new ProofError('The DPoP proof\'s jwk must be a public key.');
  let payload;
  try {
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ASYMMETRIC_ALGS, currentDate: o.now, requiredClaims: ['iat', 'jti'] }));
  } catch {
    throw new ProofError('The DPoP proof\'s signature is not valid.');
  }
  const nowS = Math.floor(o.now.getTime() / 1000);
  if (Math.abs(nowS - payload.iat!) > PROOF_WINDOW_S) throw new ProofError(`The DPoP proof's iat is more than ${PROOF_WINDOW_S} s away from now.`);
  if (payload.htm !== o.method) throw new ProofError(`The DPoP proof is for ${String(payload.htm)}, not ${o.method}.`);
  if (typeof payload.htu !== 'string' || !sameUrl(payload.htu, o.url)) throw new ProofError('The DPoP proof is for another URL (htu).');
  if (o.accessToken !== undefined && payload.ath !== accessTokenHash(o.accessToken)) throw new ProofError('The DPoP proof does not name this access token (ath).');
  if (typeof payload.jti !== 'string' || payload.jti.length < 8 || payload.jti.length > 128) throw new ProofError('The DPoP proof needs a jti of 8–128 characters.');
  const jkt = await calculateJwkThumbprint(header.jwk as JWK, 'sha256');
  if (!(await o.replay(`dpop:${jkt}:${payload.jti}`, new Date((payload.iat! + PROOF_WINDOW_S) * 1000)))) throw new ProofError('This DPoP proof was used before (jti replay).');
  return jkt;
}

/** htu against the request URL: same host, port and path (no query or fragment); http and https alike behind a TLS proxy. */
function sameUrl(htu: string, url: string): boolean {
  try {
    const a = new URL(htu);
    const b = new URL(url);
    return a.host === b.host && a.pathname === b.pathname && (a.protocol === 'https:' || a.protocol === 'http:');
  } catch {
    return false;
  }
}
