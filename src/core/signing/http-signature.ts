import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SigningKeys } from './signing-keys';

/** The signature's label in Signature-Input and Signature (RFC 9421 §4). */
export const SIGNATURE_LABEL = 'sig1';
/** What each response signature covers, in this order (RFC 9421 §2: field names lowercased, derived components start with @). */
export const COVERED_COMPONENTS = ['content-digest', '@status', 'x-request-id'] as const;

/** RFC 9530 Content-Digest of a body: a Structured Field Dictionary with one byte sequence, `sha-256=:<base64>:`. */
export function contentDigest(body: Buffer): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/**
 * The RFC 9421 signature of one response: `@signature-params` is the inner list of the covered
 * components with `created`, `keyid` and `alg`; the signature base (§2.5) is one line per component,
 * `"<name>": <value>`, then the `"@signature-params"` line, joined by LF with no trailing LF; the
 * Ed25519 signature (§3.3.6) of its bytes goes in `Signature` as a byte sequence.
 */
export function signResponse(keys: SigningKeys, fields: { status: number; contentDigest: string; requestId: string; created: number }) {
  const params = `(${COVERED_COMPONENTS.map((c) => `"${c}"`).join(' ')});created=${fields.created};keyid="${keys.kid}";alg="ed25519"`;
  const values: Record<(typeof COVERED_COMPONENTS)[number], string> = {
    'content-digest': fields.contentDigest, '@status': String(fields.status), 'x-request-id': fields.requestId,
  };
  const base = [...COVERED_COMPONENTS.map((c) => `"${c}": ${values[c]}`), `"@signature-params": ${params}`].join('\n');
  return {
    signatureInput: `${SIGNATURE_LABEL}=${params}`,
    signature: `${SIGNATURE_LABEL}=:${keys.sign(Buffer.from(base, 'ascii')).toString('base64')}:`,
  };
}

type Chunk = string | Buffer | Uint8Array;
const toBuffer = (c: Chunk, enc?: BufferEncoding) => (Buffer.isBuffer(c) ? c : typeof c === 'string' ? Buffer.from(c, enc ?? 'utf8') : Buffer.from(c));

/**
 * Signs every response of the routes it is mounted on: the body is held until `end()`, then
 * Content-Digest, Signature-Input and Signature are set and the body goes out in one piece. The
 * request id is the `x-request-id` response header, set for every request before this runs. A body
 * that cannot be signed is not sent unsigned: the response becomes a 500 (fail closed).
 */
export function signedResponses(keys: SigningKeys, now: () => Date): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const chunks: Buffer[] = [];
    const end = res.end.bind(res) as (body?: Buffer, cb?: () => void) => Response;
    // Express and Apollo write through write()/end(); both are held here (the responses are small JSON documents).
    res.write = ((chunk: Chunk, enc?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void) => {
      chunks.push(toBuffer(chunk, typeof enc === 'string' ? enc : undefined));
      const done = typeof enc === 'function' ? enc : cb;
      if (done) process.nextTick(done);
      return true;
    }) as Response['write'];
    res.end = ((chunk?: Chunk | (() => void), enc?: BufferEncoding | (() => void), cb?: () => void) => {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (typeof enc === 'function') { cb = enc; enc = undefined; }
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, enc));
      let body = Buffer.concat(chunks);
      if (!res.headersSent) {
        try {
          const requestId = String(res.getHeader('x-request-id') ?? '');
          if (!requestId) throw new Error('no x-request-id on the response');
          const digest = contentDigest(body);
          const sig = signResponse(keys, { status: res.statusCode, contentDigest: digest, requestId, created: Math.floor(now().getTime() / 1000) });
          res.setHeader('Content-Digest', digest);
          res.setHeader('Signature-Input', sig.signatureInput);
          res.setHeader('Signature', sig.signature);
        } catch {
          res.statusCode = 500;
          body = Buffer.from(JSON.stringify({ errors: [{ message: 'Internal error: the response could not be signed. Quote the x-request-id response header when you report it.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          for (const h of ['Content-Digest', 'Signature-Input', 'Signature']) res.removeHeader(h);
        }
        res.setHeader('Content-Length', String(body.length));
      }
      return end(body, cb);
    }) as Response['end'];
    next();
  };
}

/** GET /.well-known/jwks.json: every public key, current and retired (RFC 7517 JWK Set). */
export function jwksRoute(keys: SigningKeys): RequestHandler {
  const body = JSON.stringify(keys.jwks());
  return (_req: Request, res: Response) => {
    res.setHeader('Content-Type', 'application/jwk-set+json');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.send(body);
  };
}
