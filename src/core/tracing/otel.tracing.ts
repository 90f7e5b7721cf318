import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { FragmentDefinitionNode, Kind } from 'graphql';
import { context, defaultTextMapGetter, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { Logger } from '../logger';
import { operationLabel, routeOf } from '../http/observability';
import { observeReadPath } from '../db/read-path';
import type { Tracing } from './tracing';

/** Statement text is kept up to this length (it has placeholders, never values). */
const MAX_STATEMENT = 2000;
const propagator = new W3CTraceContextPropagator();

/** Loaded only by startTracing(), when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
export function createTracing(endpoint: string, deps: { ds: DataSource; log: Logger; serviceName?: string }): Tracing {
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': deps.serviceName ?? 'udid-exchange' }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 2000 })],
  });
  // The AsyncLocalStorage context manager (process-wide, set by the first provider) carries the active span
  // through the request; spans are made with this provider's own tracer.
  provider.register();
  const tracer = provider.getTracer('udid-exchange');
  traceSql(tracer, deps.ds);
  deps.log.info({ endpoint: new URL(endpoint).origin }, 'tracing: exporting spans over OTLP/HTTP');

  return {
    http: (req: Request, res: Response, next: NextFunction) => {
      const parent = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
      const route = routeOf(req);
      const span = tracer.startSpan(`${req.method} ${route}`, {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method, 'http.route': route },
      }, parent);
      const active = trace.setSpan(parent, span);
      endWith(res, span, () => {
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.locals.requestId) span.setAttribute('udx.request_id', String(res.locals.requestId));
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      });
      // Body parsing and the rest run in callbacks of req's and res's events: bound so they keep the span.
      context.bind(active, req);
      context.bind(active, res);
      context.with(active, next);
    },
    graphql: (req: Request, res: Response, next: NextFunction) => {
      const span = tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }, context.active());
      endWith(res, span, () => {
        const code = (res.locals.ctx?.outcome as { code?: string } | undefined)?.code;
        if (code) span.setAttribute('udx.error_code', code);
      });
      context.with(trace.setSpan(context.active(), span), next);
    },
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation(rc) {
            const span = trace.getActiveSpan();
            const op = rc.operation;
            if (!span || !op) return;
            const fragments = new Map<string, FragmentDefinitionNode>();
            for (const d of rc.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
            // The operation's type and the name the client gave it (a GraphQL name), never its variables.
            const name = op.name?.value.slice(0, 64);
            span.updateName(name ? `${op.operation} ${name}` : op.operation);
            span.setAttributes({
              'graphql.operation.type': op.operation,
              ...(name ? { 'graphql.operation.name': name } : {}),
              'udx.graphql.root': operationLabel(rc.schema, op, fragments),
            });
          },
        };
      },
    },
    shutdown: () => provider.shutdown(),
  };
}

/** Ends `span` once, when the response is sent or the connection goes. */
function endWith(res: Response, span: Span, before: () => void): void {
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    before();
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
}

/** Every statement of `ds`: TypeORM's query events, and the read path that bypasses them. */
function traceSql(tracer: Tracer, ds: DataSource): void {
  const system = ds.options.type === 'mysql' ? 'mysql' : 'sqlite';
  const attributes = (sql: string) => ({
    'db.system': system,
    'db.operation': /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'UNKNOWN',
    'db.statement': sql.length > MAX_STATEMENT ? sql.slice(0, MAX_STATEMENT) + '…' : sql,
  });
  const name = (sql: string) => `${/^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL'} ${system}`;
  const failed = (span: Span, err: unknown) => {
    // The code only: a database's message can quote the values (e.g. a duplicate key's).
    const code = (err as { code?: unknown } | undefined)?.code;
    span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'error' });
  };
  ds.subscribers.push({
    afterQuery(event: AfterQueryEvent) {
      const now = Date.now();
      const span = tracer.startSpan(name(event.query), {
        kind: SpanKind.CLIENT, attributes: attributes(event.query), startTime: now - (event.executionTime ?? 0),
      }, context.active());
      if (!event.success) failed(span, event.error);
      span.end(now);
    },
  });
  observeReadPath(ds, (sql) => {
    const span = tracer.startSpan(name(sql), { kind: SpanKind.CLIENT, attributes: attributes(sql) }, context.active());
    return (err) => {
      if (err) failed(span, err);
      span.end();
    };
  });
}
