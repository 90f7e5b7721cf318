import { Router, Request, RequestHandler, Response, NextFunction } from 'express';
import helmet from 'helmet';
import type { GraphQLSchema } from 'graphql';
import { join } from 'node:path';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { RequestContext } from '../../core/request/context';
import { addDays } from '../../core/clock';
import { STAFF_ROLES } from '../../core/authz/scopes';
import { DomainError } from '../../core/errors/errors';
import { explorerBundle, projectRoot } from './explorer.bundle';
import { fillPlaceholders, loadExamples } from './explorer.examples';

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

function page(version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>UDID Exchange · GraphiQL explorer</title>
<link rel="stylesheet" href="/graphiql/assets/explorer.css?v=${version}">
<script defer src="/graphiql/assets/explorer.js?v=${version}"></script>
</head>
<body>
<div id="explorer" data-endpoint="/graphql" data-login="/auth/login" data-examples="/graphiql/examples"></div>
<noscript>The explorer needs JavaScript. The API itself is POST /graphql.</noscript>
</body>
</html>
`;
}

export interface ExplorerDeps {
  clock: Clock; log: Logger;
  /** A real UDID for the examples' variables (the one most recently served to a partner, else any), read through the owning services. */
  sampleUdid: (ctx: RequestContext) => Promise<string | null>;
  /** The request gate of /graphql (token, account status, application admission): it sets res.locals.ctx or answers the refusal. */
  admit: RequestHandler;
}

/** GET /graphiql (+ its assets and saved examples): the DEPwD analysts' explorer. Mounted only when GRAPHIQL=on. */
export function explorerRouter(deps: ExplorerDeps, schema: GraphQLSchema): Router {
  const router = Router();
  const examples = loadExamples(join(projectRoot(), 'schema/examples'), schema);
  const fail = (res: Response, err: unknown) => {
    deps.log.error({ err }, 'the GraphiQL explorer bundle could not be built');
    res.status(503).json(new DomainError('SERVICE_UNAVAILABLE', 'The explorer is not built; run `npm run build` and restart.').toJSON());
  };

  router.use('/graphiql', adminPageHeaders);

  router.get('/graphiql', noStore, async (_req, res) => {
    try {
      const { version } = await explorerBundle();
      res.type('html').send(page(version));
    } catch (err) { fail(res, err); }
  });

  router.get('/graphiql/assets/:file', async (req, res, next) => {
    const kind = req.params.file === 'explorer.js' ? 'js' : req.params.file === 'explorer.css' ? 'css' : null;
    if (!kind) return next();
    try {
      const bundle = await explorerBundle();
      // Versioned URLs never change content, so browsers may keep them; an unversioned one is revalidated.
      res.setHeader('Cache-Control', req.query.v === bundle.version ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.type(kind === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8').send(bundle[kind]);
    } catch (err) { fail(res, err); }
  });

  // Examples carry a real UDID from the database in their variables, so only signed-in staff get them,
  // admitted exactly as on /graphql (a disabled account's token is refused there and here alike).
  router.get('/graphiql/examples', noStore, deps.admit, async (_req, res, next) => {
    try {
      const ctx = res.locals.ctx as RequestContext;
      const principal = ctx.principal;
      if (principal.kind === 'anonymous') {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return res.status(401).json(new DomainError('UNAUTHENTICATED', 'Sign in as DEPwD staff (POST /auth/login) and send the token as "Authorization: Bearer <token>".').toJSON());
      }
      if (principal.kind !== 'user' || !STAFF_ROLES.includes(principal.role)) {
        return res.status(403).json(new DomainError('FORBIDDEN', 'The explorer examples are for DEPwD staff.').toJSON());
      }
      const udid = await deps.sampleUdid(ctx);
      const today = deps.clock.today();
      res.json({
        examples: examples.map((ex) => ({ ...ex, variables: fillPlaceholders(ex.variables, { today, udid, addDays }) })),
      });
    } catch (err) { next(err); }
  });

  return router;
}
