import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLSchema, Kind, OperationDefinitionNode, OperationTypeNode, SelectionSetNode } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../logger';
import { ERROR_STATUS } from '../errors/errors';

/**
 * Prometheus metrics of one process (GET /metrics). Every label takes values from a fixed set, whatever
 * callers send: `operation` is one root field of the schema, `code` a §9 code, `status` an HTTP status.
 * Node's default metrics keep their stock names (`process_*`, `nodejs_*`, unprefixed) so stock Node.js
 * dashboards match them; the application's own metrics are `udx_*`.
 */
export function createMetrics(opts: { accessLogBacklog: () => number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'udx_http_requests_total', help: 'HTTP requests by route, GraphQL operation (root field), §9 result code and HTTP status',
    labelNames: ['route', 'operation', 'code', 'status'] as const, registers: [registry],
  });
  const duration = new Histogram({
    name: 'udx_http_request_duration_seconds', help: 'Request latency by route and GraphQL operation',
    labelNames: ['route', 'operation'] as const, buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const budgetRejections = new Counter({
    name: 'udx_budget_rejections_total', help: 'Requests refused for budget (THROTTLED, DAILY_RECORD_QUOTA_EXCEEDED)',
    labelNames: ['code'] as const, registers: [registry],
  });
  const alertsRaised = new Counter({
    name: 'udx_scraping_alerts_raised_total', help: 'Scraping alerts raised, by kind', labelNames: ['kind'] as const, registers: [registry],
  });
  new Gauge({
    name: 'udx_access_log_queue_depth', help: 'Access events buffered and not yet written', registers: [registry],
    collect() { this.set(opts.accessLogBacklog()); },
  });
  return { registry, requests, duration, budgetRejections, alertsRaised };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The `route` label: one of a fixed set of paths, whatever the URL. */
export const routeOf = (req: Request) => {
  const p = req.originalUrl.split('?')[0];
  if (p === '/graphql' || p.startsWith('/graphiql') || p.startsWith('/health') || p === '/metrics' || p === '/oauth/token' || p === '/auth/login' || p.startsWith('/benefit-reports')) {
    return p.startsWith('/graphiql') ? '/graphiql' : p.startsWith('/health') ? '/health' : p.startsWith('/benefit-reports') ? '/benefit-reports' : p;
  }
  return 'other';
};

/** The codes the `code` label may take: DESIGN.md §9 and §11, and OK. */
const CODES: ReadonlySet<string> = new Set([
  ...Object.keys(ERROR_STATUS), 'GRAPHQL_PARSE_FAILED', 'CONSENT_REQUIRED', 'PURPOSE_NOT_APPROVED', 'OK',
]);

/** The §9 code an answer without one of its own stands for (e.g. OAuth's `invalid_client` is a 401). */
function codeOfStatus(status: number): string {
  if (status < 400) return 'OK';
  const byStatus: Record<number, string> = {
    400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'BAD_USER_INPUT', 409: 'CONFLICT',
    413: 'BAD_USER_INPUT', 415: 'BAD_USER_INPUT', 422: 'BAD_USER_INPUT', 429: 'THROTTLED', 503: 'SERVICE_UNAVAILABLE',
  };
  return byStatus[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'OTHER');
}

/** `code` label: the answer's own code when it is a §9 code, else what its status stands for. */
export function codeLabel(code: string | undefined, status: number): string {
  if (code !== undefined) return CODES.has(code) ? code : 'OTHER';
  return codeOfStatus(status);
}

/** The first error code in a JSON body the API sent outside GraphQL execution (DomainError.toJSON). */
function bodyCode(body: unknown): string | undefined {
  const code = (body as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * One structured log line and one metrics observation per request. The line carries ids, route,
 * operation, status and duration — never bodies, tokens, names or other personal data.
 */
export function requestObserver(log: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    // The code of answers sent before GraphQL runs (gate, budget, token endpoint, upload): read as they are sent.
    const json = res.json;
    res.json = function (body: unknown) {
      res.locals.sentCode ??= bodyCode(body);
      return json.call(this, body);
    };
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const route = routeOf(req);
      const outcome = res.locals.ctx?.outcome as RequestOutcome | undefined;
      const operation = outcome?.operation ?? '-';
      const status = res.statusCode;
      const code = codeLabel(outcome?.code ?? res.locals.sentCode, status);
      metrics.requests.inc({ route, operation, code, status: status >= 100 && status < 600 ? String(status) : 'other' });
      metrics.duration.observe({ route, operation }, seconds);
      const p = res.locals.ctx?.principal;
      log.info({
        requestId: res.locals.requestId, method: req.method, route, operation, status, code,
        ms: Math.round(seconds * 1000 * 10) / 10,
        principal: p ? (p.kind === 'application' ? `app:${p.applicationId}` : p.kind === 'user' ? `user:${p.userId}` : 'anonymous') : undefined,
      }, 'request');
    });
    next();
  };
}

/** What the request log line and metrics say of a GraphQL request, filled in by observabilityPlugin. */
export interface RequestOutcome {
  operation?: string;
  code?: string;
}

/** Root field names per operation type, per schema: the only values the `operation` label takes. */
const rootFields = new WeakMap<GraphQLSchema, Record<OperationTypeNode, ReadonlySet<string>>>();

function rootFieldsOf(schema: GraphQLSchema): Record<OperationTypeNode, ReadonlySet<string>> {
  let known = rootFields.get(schema);
  if (!known) {
    const names = (t: { getFields(): object } | null | undefined) => Object.keys(t?.getFields() ?? {});
    known = {
      query: new Set([...names(schema.getQueryType()), '__schema', '__type']),
      mutation: new Set(names(schema.getMutationType())),
      subscription: new Set(names(schema.getSubscriptionType())),
    } as Record<OperationTypeNode, ReadonlySet<string>>;
    rootFields.set(schema, known);
  }
  return known;
}

/**
 * The `operation` label: `query:pwd` when the operation selects one root field of the schema (aliases,
 * repeats, fragments and `__typename` aside), `query:multiple` for several, `other` for anything else.
 * So the label has at most (root fields + 4) values, whatever names and aliases callers choose.
 */
export function operationLabel(schema: GraphQLSchema, op: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string {
  const allowed = rootFieldsOf(schema)[op.operation];
  if (!allowed) return 'other';
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  walk(op.selectionSet);
  if (names.size > 1) names.delete('__typename');
  if (names.size === 1) {
    const [name] = names;
    return allowed.has(name) || name === '__typename' ? `${op.operation}:${name}` : 'other';
  }
  if (names.size === 0) return 'other';
  return [...names].every((n) => allowed.has(n)) ? `${op.operation}:multiple` : 'other';
}

/** Records the operation (its root field) and the first error code for the request line and metrics. */
export function observabilityPlugin(): ApolloServerPlugin<{ outcome?: RequestOutcome }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const out = rc.contextValue?.outcome;
          if (!out) return;
          if (rc.operation) {
            const fragments = new Map<string, FragmentDefinitionNode>();
            for (const d of rc.document?.definitions ?? []) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
            out.operation = operationLabel(rc.schema, rc.operation, fragments);
          }
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          if (errors?.length) {
            const code = errors[0].extensions?.code;
            out.code = typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
          }
        },
      };
    },
  };
}
