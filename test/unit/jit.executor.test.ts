import { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { CompiledQueryCache, jitGateway } from '../../src/core/graphql/jit.executor';
import { formatError } from '../../src/core/errors/format';
import { DomainError } from '../../src/core/errors/errors';
import { createLogger } from '../../src/core/logger';

function tinySchema(calls: string[]) {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        hello: { type: GraphQLString, resolve: () => { calls.push('hello'); return 'world'; } },
        refused: { type: GraphQLString, resolve: () => { throw new DomainError('FORBIDDEN', 'No.', { requiredScope: 'pwd:identity' }); } },
        broken: { type: GraphQLString, resolve: () => { throw new Error('SELECT secret FROM t'); } },
        strict: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
      },
    }),
  });
}

async function apolloWith(schema: GraphQLSchema, compile?: Parameters<typeof jitGateway>[1]['compile']) {
  const unexpected: unknown[] = [];
  const server = new ApolloServer({
    gateway: jitGateway(schema, { log: createLogger('silent'), compile, compileAfter: 0 }),
    includeStacktraceInErrorResponses: false,
    formatError: (f, e) => formatError(f, e, { development: false, onUnexpected: (err) => unexpected.push(err) }),
  });
  await server.start();
  return { server, unexpected };
}

const single = (r: { body: { kind: string } }) => (r.body as unknown as { singleResult: { data?: unknown; errors?: any[] } }).singleResult;

describe('graphql-jit behind Apollo (the gateway executor)', () => {
  it('fails closed: a document that cannot be compiled is refused with INTERNAL_SERVER_ERROR (masked) and nothing runs', async () => {
    for (const fails of [
      () => { throw new Error('compiler bug'); },
      () => ({ errors: [new GraphQLError('cannot compile this')] }),
    ]) {
      const calls: string[] = [];
      let attempts = 0;
      const { server } = await apolloWith(tinySchema(calls), () => { attempts++; return fails(); });
      for (let i = 0; i < 2; i++) {
        const res = await server.executeOperation({ query: '{ hello }' });
        expect(res.http.status).toBe(500);
        const r = single(res);
        expect(r.data).toBeUndefined();
        expect(r.errors).toEqual([{ message: 'Internal error. Quote the x-request-id response header when you report it.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      }
      expect(calls).toEqual([]);
      expect(attempts).toBe(1); // refused again without recompiling
      await server.stop();
    }
  });

  it('keeps domain codes, masks unexpected errors (logged, no SQL or stack) and propagates nulls exactly as graphql-js does', async () => {
    const jit = await apolloWith(tinySchema([]));
    const unexpected: unknown[] = [];
    const js = new ApolloServer({
      schema: tinySchema([]),
      includeStacktraceInErrorResponses: false,
      formatError: (f, e) => formatError(f, e, { development: false, onUnexpected: (err) => unexpected.push(err) }),
    });
    await js.start();
    const r = single(await jit.server.executeOperation({ query: '{ hello refused broken }' }));
    expect(r.data).toEqual({ hello: 'world', refused: null, broken: null });
    expect(r.errors).toEqual([
      { message: 'No.', locations: [{ line: 1, column: 9 }], path: ['refused'], extensions: { requiredScope: 'pwd:identity', code: 'FORBIDDEN' } },
      { message: 'Internal error. Quote the x-request-id response header when you report it.', locations: [{ line: 1, column: 17 }], path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    for (const query of ['{ hello refused broken }', '{ hello strict }', '{ __typename hello }', '{ refused strict }']) {
      const [a, b] = [await jit.server.executeOperation({ query }), await js.executeOperation({ query })];
      expect([a.http.status, single(a)]).toEqual([b.http.status, single(b)]);
    }
    // One difference, in the errors only: when a non-null root field fails, graphql-js stops at it among
    // *synchronous* siblings (it reports all of them once resolvers are async, as ours are behind shield),
    // graphql-jit reports each. The answer is null on both, so nothing is disclosed.
    const [a, b] = [single(await jit.server.executeOperation({ query: '{ strict refused }' })), single(await js.executeOperation({ query: '{ strict refused }' }))];
    expect([a.data, b.data]).toEqual([null, null]);
    expect(a.errors?.map((e) => e.path)).toEqual([['refused'], ['strict']]);
    expect(b.errors?.map((e) => e.path)).toEqual([['strict']]);
    expect(single(await jit.server.executeOperation({ query: '{ hello strict }' })).data).toBeNull();
    expect(jit.unexpected.length).toBeGreaterThan(0); // unexpected errors reach formatError's log on both
    expect(unexpected.length).toBeGreaterThan(0);
    await jit.server.stop();
    await js.stop();
  });

  it('bounds the cache of compiled queries by entries and by footprint, least recently used out first', () => {
    const c = new CompiledQueryCache(2, 100);
    const q = {} as never;
    c.set('a', q, 1); c.set('b', q, 1);
    c.get('a');
    c.set('c', q, 1);
    expect([c.get('a'), c.get('b'), c.get('c')].map(Boolean)).toEqual([true, false, true]);
    c.set('x', q, 99); // 101 bytes in all: the least recently used ('a') goes
    expect([c.get('a'), c.get('c'), c.get('x')].map(Boolean)).toEqual([false, true, true]);
    expect(c.footprint).toBe(100);
    c.set('y', q, 101); // larger than the whole cache: not kept, nothing evicted for it
    expect(c.size).toBe(2);
  });

  it('runs a document on graphql-js until it has been seen compileAfter times, then compiled', async () => {
    const cache = new CompiledQueryCache();
    let compiles = 0;
    const { compileQuery } = jest.requireActual('graphql-jit');
    const s = new ApolloServer({
      gateway: jitGateway(tinySchema([]), { log: createLogger('silent'), cache, compileAfter: 2, compile: (...a) => { compiles++; return compileQuery(...a); } }),
      includeStacktraceInErrorResponses: false,
      formatError: (f, e) => formatError(f, e, { development: false, onUnexpected: () => undefined }),
    });
    await s.start();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(single(await s.executeOperation({ query: '{ hello refused }' })));
    expect(compiles).toBe(1);
    expect(cache.size).toBe(1);
    for (const a of answers) expect(a).toEqual(answers[0]); // the same answer before and after
    await s.stop();
  });

  it('measures a compiled query by the code graphql-jit generated for it', async () => {
    const cache = new CompiledQueryCache();
    const { server } = await (async () => {
      const s = new ApolloServer({ gateway: jitGateway(tinySchema([]), { log: createLogger('silent'), cache, compileAfter: 0 }) });
      await s.start();
      return { server: s };
    })();
    await server.executeOperation({ query: '{ hello }' });
    const one = cache.footprint;
    await server.executeOperation({ query: '{ hello a: hello b: hello c: hello refused }' });
    expect(cache.size).toBe(2);
    expect(one).toBeGreaterThan(4096);
    expect(cache.footprint - one).toBeGreaterThan(one - 4096); // more fields, more code
    await server.stop();
  });
});
