import type { NextFunction, Request, Response } from 'express';

/**
 * Explicit CORS: only the configured origins (CORS_ORIGINS) may call from a browser; none by default.
 * The analysts' explorer is same-origin and needs no CORS.
 */
export function corsPolicy(origins: string[]) {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Request-Id, Apollo-Require-Preflight, DPoP');
      res.setHeader('Access-Control-Max-Age', '600');
      // A browser client may read the response signature and what it covers (RFC 9421, RFC 9530).
      res.setHeader('Access-Control-Expose-Headers', 'Content-Digest, Signature, Signature-Input, X-Request-Id, Retry-After');
    }
    if (req.method === 'OPTIONS') return res.status(origin && allowed.has(origin) ? 204 : 403).end();
    next();
  };
}
