import { NextFunction, Request, Response, Router } from 'express';
import helmet from 'helmet';
import type { Logger } from '../../core/logger';
import { DomainError } from '../../core/errors/errors';
import { esc } from '../../core/http/html';
import { BundleName, clientBundle } from './explorer.bundle';

/**
 * A sensitive admin page: only the project's own scripts and styles, no inline script, no framing,
 * no referrer, nothing cached. Replaces the API's `default-src 'none'` on /graphiql and /dashboard only.
 */
export const adminPageHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      // GraphiQL's fonts are data: URIs inside its stylesheet; its icons are inline SVG.
      fontSrc: ["'self'", 'data:'],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
}

/** One of the staff pages: a shell that loads its own bundle (built by the project, no CDN) and talks to POST /graphql. */
export interface StaffPage {
  /** `/graphiql`, `/dashboard`: the page, and its assets under `<path>/assets/`. */
  path: string;
  bundle: BundleName;
  /** `GraphiQL explorer`, `dashboard`: the title after "UDID Exchange · ", and in messages. */
  title: string;
  /** The element the bundle mounts on, and its data-* attributes (endpoints it calls). */
  mount: { id: string; data: Record<string, string> };
}


function shell(p: StaffPage, version: string): string {
  const data = Object.entries(p.mount.data).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>UDID Exchange · ${esc(p.title)}</title>
<link rel="stylesheet" href="${p.path}/assets/${p.bundle}.css?v=${version}">
<script defer src="${p.path}/assets/${p.bundle}.js?v=${version}"></script>
</head>
<body>
<div id="${esc(p.mount.id)}"${data}></div>
<noscript>The ${esc(p.title)} needs JavaScript. The API itself is POST /graphql.</noscript>
</body>
</html>
`;
}

/**
 * Mounts a staff page on `router`: the admin page headers (strict CSP: own scripts and styles only, no
 * framing, no referrer), the shell (never cached) and its versioned assets (cached for good when the
 * version matches, revalidated otherwise). A bundle that cannot be built answers 503, logged.
 */
export function mountStaffPage(router: Router, p: StaffPage, log: Logger): void {
  const fail = (res: Response, err: unknown) => {
    log.error({ err }, `the ${p.title} bundle could not be built`);
    res.status(503).json(new DomainError('SERVICE_UNAVAILABLE', `The ${p.title} is not built; run \`npm run build\` and restart.`).toJSON());
  };
  router.use(p.path, adminPageHeaders);
  router.get(p.path, noStore, async (_req, res) => {
    try {
      res.type('html').send(shell(p, (await clientBundle(p.bundle)).version));
    } catch (err) { fail(res, err); }
  });
  router.get(`${p.path}/assets/:file`, async (req, res, next) => {
    const kind = req.params.file === `${p.bundle}.js` ? 'js' : req.params.file === `${p.bundle}.css` ? 'css' : null;
    if (!kind) return next();
    try {
      const bundle = await clientBundle(p.bundle);
      // Versioned URLs never change content, so browsers may keep them; an unversioned one is revalidated.
      res.setHeader('Cache-Control', req.query.v === bundle.version ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.type(kind === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8').send(bundle[kind]);
    } catch (err) { fail(res, err); }
  });
}
