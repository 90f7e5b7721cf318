import { Router } from 'express';
import type { Logger } from '../../core/logger';
import { mountStaffPage } from '../explorer/staff-page';

/**
 * GET /dashboard (+ its assets): the DEPwD staff dashboard. A page and its bundle only — every number
 * on it comes from POST /graphql with the signed-in user's token, under the API's own rules.
 * The same headers as the explorer: strict CSP (own scripts and styles only), no framing, no cache.
 */
export function dashboardRouter(deps: { log: Logger }): Router {
  const router = Router();
  mountStaffPage(router, {
    path: '/dashboard', bundle: 'dashboard', title: 'dashboard',
    mount: { id: 'dashboard', data: { endpoint: '/graphql', login: '/auth/login', explorer: '/graphiql' } },
  }, deps.log);
  return router;
}
