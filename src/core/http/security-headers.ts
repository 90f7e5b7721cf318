import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { HelmetOptions } from 'helmet';

/**
 * helmet's headers, computed once. With static options (no per-request CSP nonces) helmet sets the same
 * headers on every response; running its dozen middlewares per request only re-derives them. This runs
 * helmet once against a recording response at start-up and then sets the recorded headers directly.
 * Falls back to helmet itself if it did not finish synchronously (options that depend on the request).
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const middleware = helmet(options);
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  let finished = false;
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => { set.push([name, value]); return recorder; },
    removeHeader: (name: string) => { removed.push(name); },
    getHeader: () => undefined,
  };
  middleware({ headers: {}, method: 'GET', url: '/' } as unknown as Request, recorder as unknown as Response, (err?: unknown) => { finished = !err; });
  if (!finished || !set.length) return middleware;
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
