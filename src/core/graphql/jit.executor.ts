import { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { DomainError } from '../errors/errors';
import type { Logger } from '../logger';

type Compiled = CompiledQuery<Record<string, unknown>, Record<string, unknown>>;
type Compile = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined) => Compiled | ExecutionResult;

const compile: Compile = (schema, document, operationName) =>
  // No stack is captured for each field error (a page of FORBIDDEN fields would capture hundreds): errors
  // are masked for partners, and an unexpected one is logged with its own original error's stack.
  compileQuery<Record<string, unknown>, Record<string, unknown>>(schema, document, operationName, { disablingCapturingStackErrors: true });

/**
 * Compiled queries keyed by document text and operation name, least recently used first out. Bounded
 * both by entries and by the total length of the texts kept (a flood of distinct documents, a fuzzer or
 * a scraper varying its text, must not hold more than a few MiB of compiled code).
 */
export class CompiledQueryCache {
  private readonly entries = new Map<string, { compiled: Compiled; size: number }>();
  private chars = 0;

  constructor(readonly maxEntries = 1000, readonly maxChars = 2 * 1024 * 1024) {}

  get size(): number { return this.entries.size; }

  get(key: string): Compiled | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key); // to the back of the line: most recently used
    this.entries.set(key, hit);
    return hit.compiled;
  }

  set(key: string, compiled: Compiled): void {
    const size = key.length;
    if (size > this.maxChars) return;
    const old = this.entries.get(key);
    if (old) { this.chars -= old.size; this.entries.delete(key); }
    this.entries.set(key, { compiled, size });
    this.chars += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= v.size;
    }
  }
}

/**
 * graphql-jit's errors carry no `extensions` when the thrown error had none, and no AST nodes; Apollo
 * reads `extensions.code` of every error (and would answer an opaque "Internal server error" past our
 * formatError). Each error becomes a graphql-js GraphQLError with the same message, locations, path and
 * original error, so formatError sees exactly what graphql-js execution would have given it.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
  if (e.locations) (out as { locations?: unknown }).locations = e.locations;
  return out;
}

/** The key of a compiled query: the document's text and the operation chosen in it. */
const cacheKey = (source: string, operationName: string | null) => `${operationName ?? ''}\n${source}`;

export interface JitExecutorOptions {
  log: Logger;
  cache?: CompiledQueryCache;
  /** Tests: a compiler that fails, to check that a document which cannot be compiled is refused. */
  compile?: Compile;
}

/**
 * Apollo Server's documented seam for another executor: a "gateway" that serves our own schema and
 * executes with graphql-jit. Apollo keeps everything else: HTTP, parsing and validation (and its
 * document store), the plugins (static limits' cost guard, cost, status, tracing), formatError.
 *
 * Fails closed: a document graphql-jit cannot compile is refused (500, masked, logged), never run
 * some other way. Variable coercion failures are answered with graphql-js's own errors for the same
 * variables (Apollo classifies those as BAD_USER_INPUT, 400), and nothing runs.
 */
export function jitGateway(schema: GraphQLSchema, opts: JitExecutorOptions): GatewayInterface {
  const cache = opts.cache ?? new CompiledQueryCache();
  const compileFn = opts.compile ?? compile;

  function compiled(source: string, document: DocumentNode, operationName: string | null, requestId: unknown): Compiled {
    const key = cacheKey(source, operationName);
    const hit = cache.get(key);
    if (hit) return hit;
    let result: ReturnType<Compile> | undefined;
    let thrown: unknown;
    try { result = compileFn(schema, document, operationName ?? undefined); } catch (err) { thrown = err; }
    if (!result || !isCompiledQuery(result)) {
      const problems = thrown ? [(thrown as Error)?.message ?? String(thrown)] : ((result as ExecutionResult | undefined)?.errors ?? []).map((e) => e.message);
      opts.log.error({ requestId, operationName, problems }, 'graphql-jit could not compile a validated document; it was refused, not run');
      throw new DomainError('INTERNAL_SERVER_ERROR', 'The query could not be compiled, so it was not run.').toGraphQLError();
    }
    cache.set(key, result as Compiled);
    return result as Compiled;
  }

  function variableErrors(operation: OperationDefinitionNode, variables: Record<string, unknown>, jitErrors: readonly GraphQLError[]): GraphQLError[] {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors?.length) return [...coerced.errors];
    // graphql-jit refused variables graphql-js accepts: still nothing ran; say so as a bad input.
    return jitErrors.map((e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } }));
  }

  const executor: GatewayExecutor = async (rc) => {
    const ctx = rc.context as { requestId?: unknown };
    const query = compiled(rc.source, rc.document, rc.operationName, ctx.requestId);
    const variables = (rc.request.variables ?? {}) as Record<string, unknown>;
    const result = await query.query(undefined, rc.context, variables);
    // No data at all: the variables were refused before anything ran.
    if (!('data' in result)) return { errors: variableErrors(rc.operation, variables, result.errors ?? []) };
    return result.errors?.length ? { data: result.data, errors: result.errors.map(asGraphQLError) } : { data: result.data };
  };

  return {
    async load() { return { executor }; },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() { /* nothing held */ },
  };
}
