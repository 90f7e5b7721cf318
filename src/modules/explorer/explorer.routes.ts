import { Router, Request, RequestHandler, Response, NextFunction } from 'express';
import type { GraphQLSchema } from 'graphql';
import { join } from 'node:path';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { RequestContext } from '../../core/request/context';
import { addDays } from '../../core/clock';
import { STAFF_ROLES } from '../../core/authz/scopes';
import { DomainError } from '../../core/errors/errors';
import { projectRoot } from './explorer.bundle';
import { mountStaffPage, noStore } from './staff-page';
import { fillPlaceholders, loadExamples } from './explorer.examples';

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
  mountStaffPage(router, {
    path: '/graphiql', bundle: 'explorer', title: 'GraphiQL explorer',
    mount: { id: 'explorer', data: { endpoint: '/graphql', login: '/auth/login', examples: '/graphiql/examples' } },
  }, deps.log);

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
