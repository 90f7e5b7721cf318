import { createHash } from 'node:crypto';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { STATIC_LIMITS as L } from '../../src/core/limits/limits.config';

/** Each static limit at the limit (accepted) and one over (rejected with its code); fragments and variables do not help. */
describe('static limits (DESIGN.md §7)', () => {
  let t: TestServer;
  let token: string;
  let udid: string;

  beforeAll(async () => {
    t = await startTestServer({ records: 120 });
    const partner = await createActivePartner(t.ds);
    token = await t.appToken(partner);
    [{ udid }] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
  });
  afterAll(() => t.close());
  // Budgets are not what is tested here: give every request a full bucket.
  beforeEach(() => t.clock.advance(60_000));

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
    const dirs = (n: number) => Array.from({ length: n }, () => '__typename @include(if: true)').join(' ');
    const at = await t.gql(`{ ${dirs(L.maxDirectives)} }`, undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.errors).toBeUndefined();
    const over = await t.gql(`{ ${dirs(L.maxDirectives + 1)} }`, undefined, token);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', actual: 51 });
    const frag = await t.gql(`{ ...F ...F } fragment F on Query { ${dirs(26)} }`, undefined, token);
    expect(frag.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', actual: 52 });
  });

  it('tokens: 2,000 accepted, 2,001 rejected', async () => {
    // 10 tokens around 331 inline fragments of 6 tokens each, then __typename fields: 10 + 1986 + 4 = 2000.
    const doc = (typenames: number) => `{ pwd(udid: "${udid}") { ${'... on PwdRecord { udid } '.repeat(331)}${'__typename '.repeat(typenames)}} }`;
    const at = await t.gql(doc(4), undefined, token);
    expect(at.status).toBe(200);
    expect(at.body.errors).toBeUndefined();
    const over = await t.gql(doc(5), undefined, token);
    expect(over.status).toBe(400);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: 2000 });
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
});
