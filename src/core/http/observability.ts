import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../logger';

/** Prometheus metrics of one process (GET /metrics). Labels are bounded: root field names and §9 codes, never ids. */
export function createMetrics(opts: { accessLogBacklog: () => number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'udx_process_' });
  const requests = new Counter({
    name: 'udx_http_requests_total', help: 'HTTP requests by route, GraphQL operation (root fields) and result code',
    labelNames: ['route', 'operation', 'code'] as const, registers: [registry],
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

const routeOf = (req: Request) => {
  const p = req.originalUrl.split('?')[0];
  if (p === '/graphql' || p.startsWith('/graphiql') || p.startsWith('/health') || p === '/metrics' || p === '/oauth/token' || p === '/auth/login' || p.startsWith('/benefit-reports')) {
    return p.startsWith('/graphiql') ? '/graphiql' : p.startsWith('/health') ? '/health' : p;
  }
  return 'other';
};

/**
 * One structured log line and one metrics observation per request. The line carries ids, route,
 * operation, status and duration — never bodies, tokens, names or other personal data.
 */
export function requestObserver(log: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const route = routeOf(req);
      const outcome = res.locals.ctx?.outcome as RequestOutcome | undefined;
      const operation = outcome?.operation ?? '-';
      const code = outcome?.code ?? (res.statusCode < 400 ? 'OK' : String(res.statusCode));
      metrics.requests.inc({ route, operation, code });
      metrics.duration.observe({ route, operation }, seconds);
      const p = res.locals.ctx?.principal;
      log.info({
        requestId: res.locals.requestId, method: req.method, route, operation, status: res.statusCode, code,
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

/** Records the operation (its root field names) and the first error code for the request line and metrics. */
export function observabilityPlugin(): ApolloServerPlugin<{ outcome?: RequestOutcome }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const out = rc.contextValue?.outcome;
          if (!out) return;
          const op = rc.operation;
          if (op) {
            const fields = op.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])).sort();
            out.operation = `${op.operation}:${fields.join(',').slice(0, 100) || '-'}`;
          }
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          if (errors?.length) out.code = String(errors[0].extensions?.code ?? 'ERROR');
        },
      };
    },
  };
}
