import { Router, Response } from 'express';
import type { Logger } from '../../core/logger';
import { DomainError } from '../../core/errors/errors';
import { clientBundle } from '../explorer/explorer.bundle';
import { adminPageHeaders, noStore } from '../explorer/explorer.routes';

function page(version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>UDID Exchange · dashboard</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css?v=${version}">
<script defer src="/dashboard/assets/dashboard.js?v=${version}"></script>
</head>
<body>
<div id="dashboard" data-endpoint="/graphql" data-login="/auth/login" data-explorer="/graphiql"></div>
<noscript>The dashboard needs JavaScript. The API itself is POST /graphql.</noscript>
</body>
</html>
`;
}

/**
 * GET /dashboard (+ its assets): the DEPwD staff dashboard. A page and its bundle only — every number
 * on it comes from POST /graphql with the signed-in user's token, under the API's own rules.
 * The same headers as the explorer: strict CSP (own scripts and styles only), no framing, no cache.
 */
export function dashboardRouter(deps: { log: Logger }): Router {
  const router = Router();
  const fail = (res: Response, err: unknown) => {
    deps.log.error({ err }, 'the dashboard bundle could not be built');
    res.status(503).json(new DomainError('SERVICE_UNAVAILABLE', 'The dashboard is not built; run `npm run build` and restart.').toJSON());
  };

  router.use('/dashboard', adminPageHeaders);

  router.get('/dashboard', noStore, async (_req, res) => {
    try {
      res.type('html').send(page((await clientBundle('dashboard')).version));
    } catch (err) { fail(res, err); }
  });

  router.get('/dashboard/assets/:file', async (req, res, next) => {
    const kind = req.params.file === 'dashboard.js' ? 'js' : req.params.file === 'dashboard.css' ? 'css' : null;
    if (!kind) return next();
    try {
      const bundle = await clientBundle('dashboard');
      res.setHeader('Cache-Control', req.query.v === bundle.version ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.type(kind === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8').send(bundle[kind]);
    } catch (err) { fail(res, err); }
  });

  return router;
}
