import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';

/**
 * Optional OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT). Spans: the HTTP request (continuing an
 * incoming W3C `traceparent`), the GraphQL operation, and each SQL statement. Attributes are ids,
 * routes, operation names, codes and statement text with placeholders: never variables, parameter
 * values, bodies, tokens or personal data.
 */
export interface Tracing {
  /** First middleware: the HTTP server span, active for everything the request does. */
  http: RequestHandler;
  /** Just before Apollo on /graphql: the operation's span (named by `plugin` once the operation is known). */
  graphql: RequestHandler;
  plugin: ApolloServerPlugin;
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Loads the SDK (only now: with tracing off nothing of OpenTelemetry is loaded) and starts exporting
 * to `endpoint` (OTLP/HTTP, `<endpoint>/v1/traces`); SQL statements of `ds` become spans.
 */
export async function startTracing(endpoint: string, deps: { ds: DataSource; log: Logger; serviceName?: string }): Promise<Tracing> {
  const { createTracing } = await import('./otel.tracing');
  return createTracing(endpoint, deps);
}
