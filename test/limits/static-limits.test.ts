import { createHash } from 'node:crypto';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { STATIC_LIMITS as L } from '../../src/core/limits/limits.config';
import { createLogger } from '../../src/core/logger';

/** Each static limit at the limit (accepted) and one over (rejected with its code); fragments and variables do not help. */
describe('static limits (DESIGN.md §7)', () => {
  let t: TestServer;
  let token: string;
  let udid: string;
  let partner: Awaited<ReturnType<typeof createActivePartner>>;

  beforeAll(async () => {
    t = await startTestServer({ records: 120 });
    partner = await createActivePartner(t.ds);
    token = await t.appToken(partner);
    [{ udid }] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
  });
  afterAll(() => t.close());
  // Budgets are not what is tested here: give every request a full bucket (and a token that has not expired).
  beforeEach(async () => { t.clock.advance(60_000); token = await t.appToken(partner); });

  const code = (r: { body: any }) => r.body.errors?.[0]?.extensions?.code;
  const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: pwd(udid: "${udid}") { udid }`).join(' ');

  it('rejects a JSON array body (one operation per request) with a clear 400', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/one operation per HTTP request/);
  });

  it('refuses hash-only (automatic persisted query) requests, which would skip the limits', async () => {
    const query = 'query P($n: Int) { pwds(filter: {}, first: $n) { edges { node { udid name guardianName nameRegional } } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const post = (body: unknown) => fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<any>);
    await post({ query, variables: { n: 1 }, extensions: { persistedQuery: { version: 1, sha256Hash } } }); // would register it
    const replay = await post({ variables: { n: 100 }, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(replay.data).toBeUndefined();
    expect(replay.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('depth: 6 levels pass the depth limit, 7 are QUERY_TOO_DEEP, also through fragments', async () => {
    const nest = (n: number) => Array.from({ length: n }, (_, i) => `f${i} {`).join(' ') + ' leaf ' + '}'.repeat(n);
    // The schema is shallower than 6, so a document at the limit fails validation, not the depth limit.
    const at = await t.gql(`{ ${nest(L.maxDepth)} }`, undefined, token);
    expect(code(at)).toBe('GRAPHQL_VALIDATION_FAILED');
    const over = await t.gql(`{ ${nest(L.maxDepth + 1)} }`, undefined, token);
    expect(over.status).toBe(400);
    expect(code(over)).toBe('QUERY_TOO_DEEP');
    expect(over.body.errors[0].extensions).toMatchObject({ maximum: 6, actual: 7 });
    const viaFragment = await t.gql(`{ f0 { f1 { f2 { ...F } } } } fragment F on X { f3 { f4 { ... on Y { f5 { f6 { leaf } } } } } }`, undefined, token);
    expect(code(viaFragment)).toBe('QUERY_TOO_DEEP');
  });

  it('aliases: 15 accepted, 16 rejected; a fragment spread twice counts twice', async () => {
    const at = await t.gql(`{ ${aliases(L.maxAliases)} }`, undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.errors).toBeUndefined();
    expect(at.body.data.a14.udid).toBe(udid);
    const over = await t.gql(`{ ${aliases(L.maxAliases + 1)} }`, undefined, token);
    expect(over.status).toBe(400);
    expect(code(over)).toBe('QUERY_TOO_COMPLEX');
    expect(over.body.errors[0].extensions).toMatchObject({ limit: 'aliases', maximum: 15, actual: 16 });
    const frag = `fragment F on PwdRecord { ${Array.from({ length: 8 }, (_, i) => `u${i}: udid`).join(' ')} }`;
    const twice = await t.gql(`{ pwd(udid: "${udid}") { ...F ... on PwdRecord { ...F } } } ${frag}`, undefined, token);
    expect(twice.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', actual: 16 });
  });

  it('directives: 50 accepted, 51 rejected, also when hidden in a fragment', async () => {
    // Two directives per field, so that no field is selected more often than maxSameResponseName allows.
    const dirs = (n: number) => Array.from({ length: Math.ceil(n / 2) }, (_, i) => (2 * i + 1 < n ? '__typename @include(if: true) @skip(if: false)' : '__typename @include(if: true)')).join(' ');
    const at = await t.gql(`{ ${dirs(L.maxDirectives)} }`, undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.errors).toBeUndefined();
    const over = await t.gql(`{ ${dirs(L.maxDirectives + 1)} }`, undefined, token);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', actual: 51 });
    const frag = await t.gql(`{ ...F ...F } fragment F on Query { ${dirs(26)} }`, undefined, token);
    expect(frag.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', actual: 52 });
  });

  it('tokens: 2,000 accepted, 2,001 rejected', async () => {
    // 10 tokens around 397 nested inline fragments of 5 tokens each, udid, then __typename fields: 10 + 1985 + 1 + 4 = 2000.
    const doc = (typenames: number) => `{ pwd(udid: "${udid}") { ${'... on PwdRecord { '.repeat(397)}udid ${'__typename '.repeat(typenames)}${'} '.repeat(397)}} }`;
    const at = await t.gql(doc(4), undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.errors).toBeUndefined();
    const over = await t.gql(doc(5), undefined, token);
    expect(over.status).toBe(400);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: 2000 });
  });

  it(`fragments: ${L.maxFragments} definitions accepted, ${L.maxFragments + 1} rejected`, async () => {
    const doc = (n: number) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ${i + 1 < n ? `...F${i + 1}` : '__typename'} }`).join(' ')}`;
    const at = await t.gql(doc(L.maxFragments), undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.data.__typename).toBe('Query');
    const over = await t.gql(doc(L.maxFragments + 1), undefined, token);
    expect(over.status).toBe(400);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'fragments', maximum: L.maxFragments, actual: L.maxFragments + 1 });
  });

  it(`one response name: ${L.maxSameResponseName} times in a selection set accepted, more rejected, also merged from fragments`, async () => {
    const at = await t.gql(`{ pwd(udid: "${udid}") { ${'udid '.repeat(L.maxSameResponseName)} } }`, undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.data.pwd.udid).toBe(udid);
    const over = await t.gql(`{ pwd(udid: "${udid}") { ${'udid '.repeat(L.maxSameResponseName + 1)} } }`, undefined, token);
    expect(over.status).toBe(400);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'sameResponseName', actual: L.maxSameResponseName + 1 });
    // 13 + 13 through a fragment spread and an inline fragment merge into one set of 26.
    const merged = await t.gql(`{ pwd(udid: "${udid}") { ...F ... on PwdRecord { ${'udid '.repeat(13)} } } } fragment F on PwdRecord { ${'udid '.repeat(13)} }`, undefined, token);
    expect(merged.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'sameResponseName', actual: 26 });
    expect(merged.body.data).toBeUndefined();
  });

  it('document size: 15 KiB accepted, one byte more rejected', async () => {
    const base = '{ __typename }\n#';
    const doc = (bytes: number) => base + 'x'.repeat(bytes - base.length);
    const at = await t.gql(doc(L.maxDocumentBytes), undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.data.__typename).toBe('Query');
    const over = await t.gql(doc(L.maxDocumentBytes + 1), undefined, token);
    expect(over.status).toBe(400);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'documentSize', maximum: L.maxDocumentBytes });
  });

  describe('cost: 1,000 accepted, 1,001 rejected with the requested cost', () => {
    // Per record: udid 1 + cardStatus 1 + name 2 + nameRegional 2 + guardianName 2 = 8; mobile 3 → 11 … we aim for exactly 10.
    const fields = 'udid cardStatus name nameRegional guardianName gender pincode';  // 1+1+2+2+2+1+1 = 10
    const page = (first: string, extra = '') => `query P${first === '$n' ? '($n: Int)' : ''} { ${extra} pwds(filter: {}, first: ${first}) { edges { cursor node { ${fields} } } pageInfo { hasNextPage } } }`;

    it('with a literal first', async () => {
      const at = await t.gql(page('100'), undefined, token);
      expect(at.status).toBe(200);
      expect(at.body.errors).toBeUndefined();
      expect(at.body.extensions.cost.requestedQueryCost).toBe(1000);
      const over = await t.gql(page('100', '__typename'), undefined, token);
      expect(over.status).toBe(400);
      expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 1000, requestedQueryCost: 1001 });
      expect(over.body.extensions.cost).toMatchObject({ requestedQueryCost: 1001, actualQueryCost: 0 });
    });

    it('with first in a variable ($n = 100 counts 100)', async () => {
      const at = await t.gql(page('$n'), { n: 100 }, token);
      expect(at.body.extensions.cost.requestedQueryCost).toBe(1000);
      const small = await t.gql(page('$n', '__typename'), { n: 10 }, token);
      expect(small.body.extensions.cost.requestedQueryCost).toBe(101);
      const over = await t.gql(page('$n', '__typename'), { n: 100 }, token);
      expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', requestedQueryCost: 1001 });
    });

    it('through a named fragment and an inline fragment', async () => {
      const q = `query { __typename pwds(filter: {}, first: 100) { edges { node { ...R } } } } fragment R on PwdRecord { udid cardStatus ... on PwdRecord { name nameRegional guardianName } gender pincode }`;
      const over = await t.gql(q, undefined, token);
      expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', requestedQueryCost: 1001 });
    });

    it('aliases cannot multiply pages under the limit', async () => {
      const q = `{ a: pwds(filter: {}, first: 100) { edges { node { udid name guardianName nameRegional } } } b: pwds(filter: {}, first: 100) { edges { node { udid name guardianName nameRegional } } } }`;
      const over = await t.gql(q, undefined, token);
      expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', requestedQueryCost: 1400 });
    });
  });

  it('introspection needs a token; field suggestions are not shown', async () => {
    const anon = await t.gql('{ __schema { queryType { name } } }');
    expect(anon.status).toBe(401);
    expect(code(anon)).toBe('UNAUTHENTICATED');
    const hidden = await t.gql('{ __type(name: "PwdRecord") { name } }');
    expect(code(hidden)).toBe('UNAUTHENTICATED');
    const authed = await t.gql('{ __schema { queryType { name } } }', undefined, token);
    expect(authed.body.data.__schema.queryType.name).toBe('Query');
    const typo = await t.gql(`{ pwd(udid: "${udid}") { nam } }`, undefined, token);
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('the same document with other variables is priced the same; an unknown UDID costs 1 actual point', async () => {
    const q = `query One($u: UDID!) { pwd(udid: $u) { udid name } }`;
    const r1 = await t.gql(q, { u: udid }, token);
    const r2 = await t.gql(q, { u: 'MH0110119900000011' }, token);
    expect(r1.body.extensions.cost.requestedQueryCost).toBe(4);
    expect(r2.body.extensions.cost).toMatchObject({ requestedQueryCost: 4, actualQueryCost: 1 });
  });

  describe('GraphQL\'s own verdict, before execution, with its code and location (never INTERNAL_SERVER_ERROR)', () => {
    const anonymousAndPartner = () => [undefined, token];

    it('a syntax error is GRAPHQL_PARSE_FAILED with the parser\'s message and location', async () => {
      for (const tk of anonymousAndPartner()) {
        const r = await t.gql('{ pwd(udid: "x") { udid ', undefined, tk);
        expect(r.status).toBe(400);
        expect(r.body.errors).toEqual([{ message: 'Syntax Error: Expected Name, found <EOF>.', locations: [{ line: 1, column: 25 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]);
        const lex = await t.gql('{ pwd(udid: "unterminated) { udid } }', undefined, tk);
        expect(lex.status).toBe(400);
        expect(lex.body.errors[0]).toMatchObject({ message: 'Syntax Error: Unterminated string.', locations: [{ line: 1, column: 38 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      }
    });

    it('a subscription is GRAPHQL_VALIDATION_FAILED', async () => {
      for (const tk of anonymousAndPartner()) {
        const r = await t.gql('subscription { __typename }', undefined, tk);
        expect(r.status).toBe(400);
        expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(r.body.errors[0].message).toMatch(/Subscriptions are not supported/);
        expect(r.body.data).toBeUndefined();
      }
    });

    it('a bad literal argument names the argument and its location; several problems are all listed', async () => {
      const r = await t.gql('{\n  pwd(udid: "MH123") { udid }\n  pwds(filter: { state: 5 }, first: 2) { edges { cursor } } }', undefined, token);
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([
        { message: expect.stringMatching(/^Argument "udid": Expected value of type "UDID!", found "MH123"; A UDID is 18 characters/), locations: [{ line: 2, column: 13 }], extensions: { argument: 'udid', code: 'GRAPHQL_VALIDATION_FAILED' } },
        { message: 'Argument "filter": String cannot represent a non string value: 5', locations: [{ line: 3, column: 25 }], extensions: { argument: 'filter', code: 'GRAPHQL_VALIDATION_FAILED' } },
      ]);
    });

    it('an explicit null for a non-null variable is BAD_USER_INPUT naming the variable', async () => {
      const r = await t.gql('query($u: UDID!) { pwd(udid: $u) { udid } }', { u: null }, token);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors[0].message).toMatch(/"\$u"/);
      expect(r.body.data).toBeUndefined();
    });

    it('validation messages carry no "Did you mean" hint, for anonymous callers too', async () => {
      for (const tk of anonymousAndPartner()) {
        const r = await t.gql(`{ pwd(udid: "${udid}") { mobil aadhaarLast } }`, undefined, tk);
        expect(r.status).toBe(400);
        expect(r.body.errors.map((e: any) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
        expect(JSON.stringify(r.body)).not.toMatch(/Did you mean|mobile|aadhaarLast4/);
      }
    });

    it('an unknown fragment under a fan-out of spreads is answered at once, and the event loop stays free', async () => {
      // 2^30 selections if anything expanded it: each fragment spreads the next twice, the last one is unknown.
      const links = 30;
      const doc = `query { ...F1 } ${Array.from({ length: links - 1 }, (_, i) => `fragment F${i + 1} on Query { ...F${i + 2} ...F${i + 2} }`).join(' ')} fragment F${links} on Query { ...Missing }`;
      const started = Date.now();
      const [r, live] = await Promise.all([t.gql(doc), fetch(`${t.url}/health/live`)]);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(live.status).toBe(200);
      expect(r.status).toBe(400);
      expect(r.body.errors[0]).toMatchObject({ message: 'Unknown fragment "Missing".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(r.body.errors[0].locations[0].line).toBe(1);
    });
  });
});

describe('client errors are logged as such: info, no stack trace', () => {
  it('a syntax error, a subscription, a bad literal and a null variable log no error-level line and no stack', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = { write: (s: string) => { for (const l of s.split('\n').filter(Boolean)) lines.push(JSON.parse(l)); } };
    const t = await startTestServer({ records: 3, log: createLogger('info', sink) });
    try {
      const token = await t.appToken(await createActivePartner(t.ds));
      const answers = [
        await t.gql('{ pwd(udid: "x") { udid ', undefined, token),
        await t.gql('subscription { __typename }', undefined, token),
        await t.gql('{ pwd(udid: 5) { udid } }', undefined, token),
        await t.gql('query($u: UDID!) { pwd(udid: $u) { udid } }', { u: null }, token),
      ];
      expect(answers.map((a) => [a.status, a.body.errors[0].extensions.code])).toEqual([
        [400, 'GRAPHQL_PARSE_FAILED'], [400, 'GRAPHQL_VALIDATION_FAILED'], [400, 'GRAPHQL_VALIDATION_FAILED'], [400, 'BAD_USER_INPUT'],
      ]);
      const requests = lines.filter((l) => l.msg === 'request' || l.statusCode !== undefined || l.status !== undefined);
      expect(requests.length).toBeGreaterThanOrEqual(4);
      expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
      expect(JSON.stringify(lines)).not.toMatch(/"stack"|\bat \w+ \(/);
    } finally {
      await t.close();
    }
  });
});
