import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import { DocumentNode, GraphQLSchema } from 'graphql';
import { Config } from '../core/config/config';
import { Clock } from '../core/clock';
import { createLogger, Logger } from '../core/logger';
import { DomainError, isUnavailable } from '../core/errors/errors';
import { ASYMMETRIC_ALGS, ProofError, verifyDpopProof } from '../core/auth/proofs';
import { formatError } from '../core/errors/format';
import { errorStatusPlugin } from '../core/errors/status.plugin';
import { buildBlockList, clientIp, requestUrl } from '../core/http/client-ip';
import { observabilityPlugin, requestObserver } from '../core/http/observability';
import { metricsListener, metricsRoute, observeRuntime } from '../core/http/metrics';
import { corsPolicy } from '../core/http/cors';
import { HttpDrainer } from '../core/http/drain';
import { securityHeaders } from '../core/http/security-headers';
import { jwksRoute, signedResponses } from '../core/signing/http-signature';
import { startTracing } from '../core/tracing/tracing';
import { dbHandle } from '../core/db/db.handle';
import { ANONYMOUS, Principal } from '../core/auth/principal';
import { buildAppSchemas } from './schema';
import { AuthorizationStats, CompiledQueryCache, jitGateway } from '../core/graphql/jit.executor';
import { resolverContainer } from './resolvers';
import { introspectionGatePlugin } from '../core/authz/schema-privacy.plugin';
import { buildContext, RequestContext } from './context';
import { DisclosureLedger } from '../modules/access/disclosure.ledger';
import { createServices, Services } from './services';
import { oauthRouter } from '../modules/application/oauth.routes';
import { loginRouter } from '../modules/staff/login.routes';
import { explorerRouter } from '../modules/explorer/explorer.routes';
import { dashboardRouter } from '../modules/dashboard/dashboard.routes';
import { BudgetDeps, budgetGate, costGuardPlugin, costPlugin, staticLimits } from '../core/limits/limits.middleware';
import { createBudgetStore, redisClientOf, ResilientBudgetStore } from '../core/limits/budget.redis';
import { benefitUploadRouter } from '../modules/benefit/benefit-upload.routes';
import { personRouter } from '../modules/person/person.routes';
import { REPORTING_ROOT_FIELDS, reportingOnlyRequest } from '../modules/access/reciprocity.access';

export interface AppServer {
  app: express.Express;
  httpServer: http.Server;
  services: Services;
  schema: GraphQLSchema;
  clock: Clock;
  /** What executes operations (GRAPHQL_EXECUTOR), and graphql-jit's compiled queries (null under graphql-js). */
  executor: { kind: Config['graphqlExecutor']; compiled: CompiledQueryCache | null; authorization: AuthorizationStats | null };
  /** The METRICS_PORT listener, started by listen() (null: /metrics is on the main port, for METRICS_ALLOW peers). */
  metricsServer: http.Server | null;
  /** Starts listening; resolves with the bound port (0 picks a free one). */
  listen(port?: number, host?: string): Promise<number>;
  /**
   * Graceful stop (HttpDrainer): accept what is queued, stop listening, answer every request clients have
   * sent (with Connection: close; sockets that sent nothing get `graceMs`), flush the access log and close
   * the database if owned.
   */
  close(graceMs?: number): Promise<void>;
}

export interface ServerOptions {
  config: Config;
  ds: DataSource;
  clock?: Clock;
  log?: Logger;
  /** Close the DataSource on close() (the process owns it). */
  ownsDataSource?: boolean;
  /** false: no graphql-shield middleware (benchmarks' baseline only; never in production). */
  authorization?: boolean;
}

/** Express middlewares run one after another as one middleware (one router layer instead of several). */
function inSequence(steps: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let i = 0;
    const step = (err?: unknown) => {
      if (err) return next(err);
      const mw = steps[i++];
      if (!mw) return next();
      try { mw(req, res, step); } catch (e) { next(e); }
    };
    step();
  };
}

/** Listens on `port` (0: a free one); resolves with the bound port. */
function listenOn(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}

export async function createServer(opts: ServerOptions): Promise<AppServer> {
  const { config, ds } = opts;
  const clock = opts.clock ?? new Clock();
  const log = opts.log ?? createLogger(config.logLevel);
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; only then is the OpenTelemetry SDK loaded.
  const tracing = config.otelEndpoint ? await startTracing(config.otelEndpoint, { ds, log }) : null;
  const budgetStore = await createBudgetStore({ redisUrl: config.redisUrl, prefix: config.redisKeyPrefix, log });
  const services = createServices({ ds, config, clock, log, budgetStore, redis: redisClientOf(budgetStore) });
  // Under graphql-jit, authorization is decided once per request where the rules allow it (core/authz/plan.ts),
  // on a second schema from the same build.
  const { schema, decided } = await buildAppSchemas({
    authorization: opts.authorization !== false, decided: config.graphqlExecutor === 'jit', container: resolverContainer(services),
  });
  const trusted = config.trustProxy.length ? buildBlockList(config.trustProxy) : null;
  const budgetDeps: BudgetDeps = {
    budget: services.budget,
    budgetOf: (id, purposeId) => services.gate.budgetOf(id, purposeId),
    reportingFields: REPORTING_ROOT_FIELDS,
    countRequest: (id, day, d) => services.usage.add(id, day, d),
    rejected: (code) => { if (code === 'THROTTLED' || code === 'DAILY_RECORD_QUOTA_EXCEEDED') services.metrics.budgetRejections.inc({ code }); },
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const httpServer = http.createServer(app);
  // Slow or stuck clients cannot hold sockets for ever. Idle keep-alive sockets stay open longer than
  // clients' and load balancers' own idle timeouts, so a client never reuses a socket the server just closed.
  httpServer.requestTimeout = 30_000;
  httpServer.headersTimeout = 15_000;
  httpServer.keepAliveTimeout = 65_000;
  const drainer = new HttpDrainer(httpServer);
  if (tracing) app.use(tracing.http);

  // Every request, in this order: request id, log line + metrics, security headers, CORS (one router layer).
  app.use(inSequence([
    (req: Request, res: Response, next: NextFunction) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,40}$/.test(incoming) ? incoming : randomUUID();
      res.locals.requestId = id;
      res.setHeader('x-request-id', id);
      next();
    },
    requestObserver(log, services.metrics),
    securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }),
    corsPolicy(config.corsOrigins),
  ]));

  // graphql-jit executes through Apollo's gateway seam (the gateway serves this same schema); graphql-js otherwise.
  const compiled = config.graphqlExecutor === 'jit' ? new CompiledQueryCache() : null;
  const gateway = compiled ? jitGateway(schema, { log, cache: compiled, compileAfter: config.graphqlJitAfter, decided }) : null;
  const apollo = new ApolloServer<RequestContext>({
    ...(gateway ? { gateway } : { schema }),
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would stop executing operations before the drain.
    stopOnTerminationSignals: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: false,
    // Every request carries its query text: a hash-only (APQ) request would skip the static limits and cost checks.
    persistedQueries: false,
    // Parsed and validated documents, bounded: partners send few distinct documents, and a flood of
    // distinct ones (a fuzzer, a scraper varying its text) must not hold more than a few MiB.
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: 4 * 1024 * 1024, sizeCalculation: InMemoryLRUCache.sizeCalculation }),
    // No HTTP caching of answers that carry personal data: Cache-Control: no-store is set on /graphql
    // below, and Apollo's cache-control plugin (which wraps every field resolver to compute a policy) is off.
    plugins: [ApolloServerPluginCacheControlDisabled(), observabilityPlugin(), errorStatusPlugin(), introspectionGatePlugin(), costGuardPlugin(), costPlugin(schema, budgetDeps, log),
      ...(tracing ? [tracing.plugin as ApolloServerPlugin<RequestContext>] : [])],
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        development: config.nodeEnv === 'development',
        onUnexpected: (err) => log.error({ err }, 'unexpected error in resolver'),
      }),
  });
  await apollo.start();

  /** The request gate: who is calling and whether they may call at all, before any GraphQL work. */
  async function gate(req: Request, res: Response, next: NextFunction) {
    const requestId = res.locals.requestId as string;
    const ip = clientIp(req, trusted);
    try {
      let principal: Principal = ANONYMOUS;
      const auth = req.headers.authorization;
      if (auth) {
        const m = /^(Bearer|DPoP)\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(auth);
        if (!m) throw new DomainError('UNAUTHENTICATED', 'Send the token as "Authorization: Bearer <token>" (or "DPoP <token>" with a DPoP proof).');
        const claims = await services.tokens.verify(m[2]);
        const dpop = m[1].toLowerCase() === 'dpop';
        if (claims.typ === 'app' && (claims.jkt || dpop)) {
          // A sender-constrained token (RFC 9449 §7): the DPoP scheme and a fresh proof of the bound key, for this call.
          res.locals.dpopChallenge = true;
          if (!claims.jkt) throw new DomainError('UNAUTHENTICATED', 'This token is not DPoP-bound; send it as "Authorization: Bearer <token>".');
          if (!dpop) throw new DomainError('UNAUTHENTICATED', 'This token is DPoP-bound: send it as "Authorization: DPoP <token>" with a DPoP proof header.');
          const proof = req.headers.dpop;
          if (typeof proof !== 'string' || proof.length > 8192) throw new DomainError('UNAUTHENTICATED', 'A DPoP-bound token needs a DPoP proof header on every call (RFC 9449).');
          const jkt = await verifyDpopProof(proof, {
            method: req.method, url: requestUrl(req), accessToken: m[2], now: clock.now(), replay: services.replay,
          }).catch((e: Error) => { throw new DomainError('UNAUTHENTICATED', e instanceof ProofError ? e.message : 'The DPoP proof is not valid.'); });
          if (jkt !== claims.jkt) throw new DomainError('UNAUTHENTICATED', 'The DPoP proof is signed by another key than the one this token is bound to.');
        }
        principal = claims.typ === 'app'
          ? await services.gate.admitApplication(claims, ip, () => reportingOnlyRequest(req, res))
          : await services.gate.admitUser(claims);
      }
      res.locals.ctx = buildContext({
        requestId, principal, ip, now: clock.now(), log, clock, db: dbHandle(ds),
        operationName: typeof req.body?.operationName === 'string' ? req.body.operationName : null,
      }, (ctx) => new DisclosureLedger(services.budget.store, clock, services.accessLog, services.disclosureSubscribers, {
        principal, requestId, ip, now: ctx.now, operationName: () => ctx.operationName,
      }, services.consents));
      next();
    } catch (err) {
      const e = err instanceof DomainError ? err
        : isUnavailable(err) ? new DomainError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable (database unreachable); retry shortly.')
        : null;
      if (!e) return next(err);
      if (e.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', res.locals.dpopChallenge ? `DPoP algs="${ASYMMETRIC_ALGS.join(' ')}", error="invalid_dpop_proof"` : 'Bearer');
      if (e.code === 'SERVICE_UNAVAILABLE') res.setHeader('Retry-After', '5');
      res.status(e.httpStatus).json(e.toJSON());
    }
  }

  // Every response of the partners' routes (/graphql and the benefit-report upload) is signed (RFC 9421 over
  // Content-Digest, status and request id): what a partner received, and what DEPwD sent, can be proved later
  // with the keys at /.well-known/jwks.json.
  const signed = signedResponses(config.signingKeys, () => clock.now());
  app.use('/graphql', signed);
  app.use('/benefit-reports/upload', signed);
  // GraphQL over HTTP: POST with a JSON body only (GET would let queries leak into logs and caches).
  app.all('/graphql', (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') return next();
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return res.status(405).json(new DomainError('BAD_USER_INPUT', 'Use POST /graphql with a JSON body {"query": "...", "variables": {...}}.').toJSON());
    }
    if (!req.is('application/json')) {
      return res.status(415).json(new DomainError('BAD_USER_INPUT', 'Send the request with "Content-Type: application/json".').toJSON());
    }
    next();
  });
  // Bodies up to 1 MB (413 above), because a reportBenefits batch of 500 items travels in the variables;
  // the GraphQL document itself is bounded by the static limits (STATIC_LIMITS.maxDocumentBytes, 400 QUERY_TOO_COMPLEX).
  app.use('/graphql', express.json({ limit: '1mb' }), staticLimits(schema), gate, budgetGate(budgetDeps), ...(tracing ? [tracing.graphql] : []), expressMiddleware(apollo, {
    context: async ({ res }) => res.locals.ctx as RequestContext,
  }));
  // After /graphql, so the API's requests do not walk these routes first.
  app.get('/.well-known/jwks.json', jwksRoute(config.signingKeys));
  app.get('/health/live', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/health/ready', async (_req, res) => {
    const checks: Record<string, unknown> = {};
    let ok = true;
    try { await ds.query('SELECT 1'); checks.database = 'ok'; } catch { checks.database = 'unreachable'; ok = false; }
    // A replica down is degraded, not unavailable: stale reads go to the primary meanwhile.
    const replicas = dbHandle(ds);
    if (replicas.replicated) checks.replica = await replicas.replicaStatus();
    checks.accessLogBacklog = services.accessLog.backlog;
    // Redis down is degraded, not unavailable: budgets fall back to this process's counters.
    if (config.redisUrl) await budgetStore.ping().catch(() => undefined);
    checks.redis = config.redisUrl ? budgetStore.status : 'off';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks });
  });

  // /metrics for METRICS_ALLOW peers on this port, or only on METRICS_PORT when that is set (core/http/metrics.ts).
  observeRuntime(services.metrics.registry, {
    ds, redis: redisClientOf(budgetStore), accessLog: services.accessLog, checkpoints: services.checkpoints,
    redisFallbacks: () => (budgetStore instanceof ResilientBudgetStore ? budgetStore.fallbacks : 0),
    authorization: gateway?.authorization,
  });
  const metricsOwnPort = config.metricsPort !== undefined;
  app.get('/metrics', metricsRoute(services.metrics.registry, { allow: buildBlockList(config.metricsAllow), trusted, enabled: !metricsOwnPort }));
  const metricsServer = metricsOwnPort ? metricsListener(services.metrics.registry) : null;

  app.use(oauthRouter({ ds, clock, tokens: services.tokens, clientAuthLimiter: services.clientAuthLimiter, replay: services.replay }, trusted));
  app.use(loginRouter({ ds, clock, tokens: services.tokens, loginLimiter: services.loginLimiter }, trusted));
  if (config.graphiql) app.use(explorerRouter({
    clock, log, admit: gate,
    sampleUdid: async (ctx) => (await services.accessRecords.lastServedUdid(ctx)) ?? services.pwd.firstUdid(ctx),
  }, schema));
  // The PwD's own view: a person, not an API principal, so an anonymous context (their session is the router's).
  app.use(personRouter({
    signIn: services.personSignIn, record: services.personRecord, log, secureCookies: config.nodeEnv === 'production',
    contextOf: (req, res) => buildContext({
      requestId: res.locals.requestId as string, principal: ANONYMOUS, ip: clientIp(req, trusted), now: clock.now(), log, clock, db: dbHandle(ds),
    }, (ctx) => new DisclosureLedger(services.budget.store, clock, services.accessLog, services.disclosureSubscribers, {
      principal: ANONYMOUS, requestId: ctx.requestId, ip: ctx.ip, now: ctx.now, operationName: () => null,
    }, services.consents)),
  }));
  // The staff pages share one switch (GRAPHIQL): both are browser front ends of POST /graphql.
  if (config.graphiql) app.use(dashboardRouter({ log }));
  app.use(benefitUploadRouter(gate, { budget: services.budget, budgetOf: (id) => services.gate.budgetOf(id), benefit: services.benefit }));

  app.use((_req: Request, res: Response) => {
    res.status(404).json(new DomainError('NOT_FOUND', 'No such endpoint. The API is POST /graphql; tokens come from POST /oauth/token and POST /auth/login.').toJSON());
  });
  // Last resort: malformed bodies and anything unexpected, never a stack trace.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large') return res.status(413).json(new DomainError('BAD_USER_INPUT', 'The request body is too large.').toJSON());
    if (err.type === 'entity.parse.failed' || err.status === 400) return res.status(400).json(new DomainError('BAD_USER_INPUT', 'The request body is not valid JSON.').toJSON());
    if (isUnavailable(err)) return res.status(503).json(new DomainError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable (database unreachable); retry shortly.').toJSON());
    log.error({ err, requestId: res.locals.requestId }, 'unhandled error');
    res.status(500).json(new DomainError('INTERNAL_SERVER_ERROR', 'Internal error. Quote the x-request-id response header when you report it.').toJSON());
  });

  let closed = false;
  return {
    app, httpServer, services, schema, clock, metricsServer,
    executor: { kind: config.graphqlExecutor, compiled, authorization: gateway?.authorization ?? null },
    listen: async (port = config.port, host = '0.0.0.0') => {
      if (metricsServer) await listenOn(metricsServer, config.metricsPort ?? 0, host);
      const bound = await listenOn(httpServer, port, host);
      services.outbox.start();
      services.sopSweep.start();
      services.checkpoints.start();
      return bound;
    },
    close: async (graceMs = 0) => {
      if (closed) return;
      closed = true;
      // Every request a client has sent is answered (see HttpDrainer), then Apollo stops with no socket left.
      const { destroyed } = await drainer.drain(graceMs);
      if (destroyed) log.warn({ destroyed }, 'shutdown grace ran out; connections closed');
      await apollo.stop();
      if (metricsServer?.listening) { metricsServer.closeAllConnections(); await new Promise((r) => metricsServer.close(r)); }
      await services.sopSweep.stop();
      await services.outbox.stop();
      await services.accessLog.close();
      // After the last batch: a checkpoint covering everything written, signed before the database closes.
      await services.checkpoints.close();
      await services.scraping.idle();
      await services.usage.close();
      await budgetStore.close();
      if (opts.ownsDataSource) await ds.destroy();
      await tracing?.shutdown();
    },
  };
}
