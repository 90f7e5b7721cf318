import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { DomainError } from '../errors/errors';
import type { Logger } from '../logger';

type Compiled = CompiledQuery<Record<string, unknown>, Record<string, unknown>>;
type Compile = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined) => Compiled | ExecutionResult;

/** graphql-jit keeps the generated source here when compiled with `debug` (read for its length, then dropped). */
const GENERATED = '__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation';

const compile: Compile = (schema, document, operationName) =>
  // No stack is captured for each field error (a page of FORBIDDEN fields would capture hundreds): errors
  // are masked for partners, and an unexpected one is logged with its own original error's stack.
  compileQuery<Record<string, unknown>, Record<string, unknown>>(schema, document, operationName, {
    disablingCapturingStackErrors: true, debug: true,
  } as Parameters<typeof compileQuery>[3]);

/**
 * What a compiled query holds, in bytes, roughly: twice the length of the JavaScript graphql-jit
 * generated for it (V8 keeps each function's source, bytecode and closures; measured on the fuzz
 * suite's documents, dropping the cache frees 1.5–2 bytes per generated character), plus a few KiB of
 * AST. The generated text grows with the document once fragments are expanded, so a short text can
 * compile to a lot of code; when it is not available, 300 bytes per character of text stand in.
 */
function footprint(compiled: Compiled, source: string): number {
  const generated = (compiled as unknown as Record<string, unknown>)[GENERATED];
  delete (compiled as unknown as Record<string, unknown>)[GENERATED];
  return 4096 + 2 * (typeof generated === 'string' ? generated.length : source.length * 150);
}

/** A map that keeps the most recently used entries within a count and a total size. */
class BoundedLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private bytes = 0;

  constructor(readonly maxEntries: number, readonly maxBytes: number) {}

  get size(): number { return this.entries.size; }

  /** Total size of what is held. */
  get footprint(): number { return this.bytes; }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key); // to the back of the line: most recently used
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, size: number): void {
    if (size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.size;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old) { this.bytes -= old.size; this.entries.delete(key); }
  }
}

/**
 * Compiled queries keyed by document text and operation name, least recently used out first, bounded
 * both by entries and by their footprint (16 MiB by default), whatever a flood of distinct documents (a
 * fuzzer, a scraper varying its text) sends. Partners send few distinct documents: a lookup of 14
 * fields compiles to about 30 KB of code (about 64 KB of footprint), so some 250 such documents fit.
 */
export class CompiledQueryCache extends BoundedLru<Compiled> {
  constructor(maxEntries = 500, maxBytes = 16 * 1024 * 1024) { super(maxEntries, maxBytes); }
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
  /**
   * Executions of a document on graphql-js before it is compiled (GRAPHQL_JIT_AFTER; default 1, 0:
   * compile at first sight). Compiling costs milliseconds of CPU, and V8 keeps the code it compiled
   * from generated source in its own cache for a while (tens of MB after thousands of distinct
   * documents), so documents sent once (a fuzzer, a scraper varying its text) are not worth it;
   * partners' jobs send the same few documents again and again.
   */
  compileAfter?: number;
  /** Tests: a compiler that fails, to check that a document which cannot be compiled is refused. */
  compile?: Compile;
  /**
   * Authorization decided once per request (core/authz/plan.ts): when `plan` grants every statically
   * decidable rule of the document for this context, the request runs on `schema`, which carries no
   * per-field authorization for those fields; otherwise on the schema shield guards field by field.
   */
  decided?: { schema: GraphQLSchema; plan: { grantsAll(document: DocumentNode, context: unknown): boolean } };
}

/** How requests were authorized: decided before execution, or field by field by shield. */
export interface AuthorizationStats { decided: number; perField: number }

/**
 * Apollo Server's documented seam for another executor: a "gateway" that serves our own schema and
 * executes with graphql-jit. Apollo keeps everything else: HTTP, parsing and validation (and its
 * document store), the plugins (static limits' cost guard, cost, status, tracing), formatError.
 *
 * A document runs on graphql-js until it has been seen `compileAfter` times (the two give the same
 * answers: test/executor.test.ts), then compiled once and kept. Fails closed: a document graphql-jit
 * cannot compile is refused (500, masked, logged), never run some other way. Variable coercion
 * failures are answered with graphql-js's own errors for the same variables (Apollo classifies those
 * as BAD_USER_INPUT, 400), and nothing runs.
 */
export function jitGateway(schema: GraphQLSchema, opts: JitExecutorOptions): GatewayInterface & { authorization: AuthorizationStats } {
  const cache = opts.cache ?? new CompiledQueryCache();
  const compileFn = opts.compile ?? compile;
  const compileAfter = opts.compileAfter ?? 1;
  /** How many times each not yet compiled document ran (keys only: 10,000 of them, 4 MiB of text at most). */
  const runs = new BoundedLru<number>(10_000, 4 * 1024 * 1024);
  /** Documents graphql-jit could not compile: refused again at once, not recompiled (and logged) per request. */
  const refused = new BoundedLru<true>(1_000, 1024 * 1024);
  const refusal = () => new DomainError('INTERNAL_SERVER_ERROR', 'The query could not be compiled, so it was not run.').toGraphQLError();

  const authorization: AuthorizationStats = { decided: 0, perField: 0 };

  function compiled(target: GraphQLSchema, key: string, document: DocumentNode, operationName: string | null, requestId: unknown): Compiled {
    if (refused.get(key)) throw refusal();
    let result: ReturnType<Compile> | undefined;
    let thrown: unknown;
    try { result = compileFn(target, document, operationName ?? undefined); } catch (err) { thrown = err; }
    if (!result || !isCompiledQuery(result)) {
      const problems = thrown ? [(thrown as Error)?.message ?? String(thrown)] : ((result as ExecutionResult | undefined)?.errors ?? []).map((e) => e.message);
      opts.log.error({ requestId, operationName, problems }, 'graphql-jit could not compile a validated document; it was refused, not run');
      refused.set(key, true, key.length);
      runs.delete(key);
      throw refusal();
    }
    const query = result as Compiled;
    cache.set(key, query, footprint(query, key) + key.length);
    runs.delete(key);
    return query;
  }

  function variableErrors(operation: OperationDefinitionNode, variables: Record<string, unknown>, jitErrors: readonly GraphQLError[]): GraphQLError[] {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors?.length) return [...coerced.errors];
    // graphql-jit refused variables graphql-js accepts: still nothing ran; say so as a bad input.
    return jitErrors.map((e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } }));
  }

  const executor: GatewayExecutor = async (rc) => {
    const decided = opts.decided?.plan.grantsAll(rc.document, rc.context) === true;
    if (decided) authorization.decided++; else authorization.perField++;
    const target = decided ? opts.decided!.schema : schema;
    // The two schemas compile to different code: each has its own entries.
    const key = (decided ? 'D' : 'F') + cacheKey(rc.source, rc.operationName);
    let query = cache.get(key);
    if (!query) {
      const seen = runs.get(key) ?? 0;
      if (seen < compileAfter) {
        runs.set(key, seen + 1, key.length);
        // Exactly what Apollo's own execution would do with this request (on the schema chosen above).
        return execute({ schema: target, document: rc.document, contextValue: rc.context, variableValues: rc.request.variables, operationName: rc.request.operationName });
      }
      query = compiled(target, key, rc.document, rc.operationName, (rc.context as { requestId?: unknown }).requestId);
    }
    const variables = (rc.request.variables ?? {}) as Record<string, unknown>;
    const result = await query.query(undefined, rc.context, variables);
    // No data at all: the variables were refused before anything ran.
    if (!('data' in result)) return { errors: variableErrors(rc.operation, variables, result.errors ?? []) };
    return result.errors?.length ? { data: result.data, errors: result.errors.map(asGraphQLError) } : { data: result.data };
  };

  return {
    authorization,
    async load() { return { executor }; },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() { /* nothing held */ },
  };
}
