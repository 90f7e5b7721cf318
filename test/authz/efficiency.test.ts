import { execute, GraphQLObjectType, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { startTestServer, TestServer, createActivePartner, countQueries } from '../helpers/server';
import { PwdFullPageDocument } from '../generated/graphql';
import { buildTypeSchema } from '../../src/app/schema';
import { permissions } from '../../src/app/permissions';
import { hasScope, isApplication } from '../../src/core/authz/rules';
import { Scope } from '../../src/core/authz/scopes';
import { formatError } from '../../src/core/errors/format';

/** SQL on the request path: the access log's batched writes happen off it, on a timer. */
const onRequestPath = (q: string[]) => q.filter((s) => !/access_event|access_log_head|usage_daily|scraping_alert|^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)/i.test(s));

describe('authorization cost', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer({ records: 150 });
    token = await t.appToken(await createActivePartner(t.ds));
    await t.op(PwdFullPageDocument, { filter: {}, first: 1 }, token); // warms the gate's per-application cache
  });
  afterAll(() => t.close());

  // Every field costs 39 points per record: 25 records is the largest such page under the 1,000-point limit.
  it('serves a pwds(first: 25) page with every field and scope in a constant number of SQL queries', async () => {
    const small = await countQueries(t.ds, () => t.op(PwdFullPageDocument, { filter: {}, first: 5 }, token));
    const large = await countQueries(t.ds, () => t.op(PwdFullPageDocument, { filter: {}, first: 25 }, token));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?.pwds.edges).toHaveLength(25);
    expect(large.result.data?.pwds.edges[24].node!.aadhaarLast4).toMatch(/^\d{4}$/);
    expect(onRequestPath(large.queries)).toHaveLength(onRequestPath(small.queries).length);
    expect(onRequestPath(large.queries).length).toBeLessThanOrEqual(2); // the page, and its disability types
  });

  it('runs each rule once per request however many records and fields it guards', async () => {
    const identity = hasScope(Scope.PWD_IDENTITY) as unknown as { func: (...a: unknown[]) => unknown };
    const original = identity.func;
    let calls = 0;
    identity.func = (...a: unknown[]) => { calls++; return original(...a); };
    t.clock.advance(60_000); // a full cost bucket
    try {
      await t.op(PwdFullPageDocument, { filter: {}, first: 25 }, token); // 25 records × 5 identity fields
    } finally {
      identity.func = original;
    }
    expect(calls).toBe(1);
  });

  it('leaves fields whose rule is allow unwrapped: they resolve synchronously, guarded fields through shield', () => {
    const resolve = (type: string, field: string, parent: object) => {
      const f = (t.server.schema.getType(type) as GraphQLObjectType).getFields()[field];
      const ctx = { principal: { kind: 'anonymous' } };
      return f.resolve ? f.resolve(parent, {}, ctx, { parentType: { name: type }, fieldName: field } as never) : (parent as Record<string, unknown>)[field];
    };
    const plain: [string, string, object][] = [
      ['PwdEdge', 'cursor', { cursor: 'c' }], ['PwdEdge', 'node', { node: 'n' }], ['PwdConnection', 'edges', { edges: 'e' }],
      ['PageInfo', 'hasNextPage', { hasNextPage: true }], ['UdidVerification', 'valid', { valid: true }], ['CostBudget', 'restoreRate', { restoreRate: 1 }],
    ];
    for (const [type, field, parent] of plain) expect(`${type}.${field} → ${String(resolve(type, field, parent))}`).toBe(`${type}.${field} → ${Object.values(parent)[0]}`);
    expect(resolve('PwdRecord', 'name', { name: 'x' })).toBeInstanceOf(Promise);
  });

  it('resolves a guarded field synchronously once shield granted its rule in this request, and only then', async () => {
    const name = (t.server.schema.getType('PwdRecord') as GraphQLObjectType).getFields().name.resolve!;
    const info = { parentType: { name: 'PwdRecord' }, fieldName: 'name' } as never;
    const app = { kind: 'application', applicationId: 1, organizationId: 1, clientId: 'c', scopes: new Set([Scope.PWD_IDENTITY]) };
    const granted = { principal: app, _shield: { cache: { 'scope:pwd:identity': true } } };
    expect(name({ name: 'Asha' }, {}, granted, info)).toBe('Asha');
    // Undecided: shield's path (which then caches the grant); a denial stays on shield's path and is refused.
    const fresh: Record<string, any> = { principal: app };
    await expect(name({ name: 'Asha' }, {}, fresh, info)).resolves.toBe('Asha');
    expect(fresh._shield.cache['scope:pwd:identity']).toBe(true);
    expect(name({ name: 'Asha' }, {}, fresh, info)).toBe('Asha');
    const denied: Record<string, any> = { principal: { ...app, scopes: new Set([Scope.PWD_CONTACT]) } };
    await expect(name({ name: 'Asha' }, {}, denied, info)).resolves.toMatchObject({ code: 'FORBIDDEN', extensions: { requiredScope: 'pwd:identity' } });
    await expect(name({ name: 'Asha' }, {}, denied, info)).resolves.toBeInstanceOf(Error);
  });
});

describe('shield errors', () => {
  it('answers a field without a rule with FORBIDDEN naming it, never "Not Authorised!" or INTERNAL_SERVER_ERROR', async () => {
    const schema = applyMiddleware(await buildTypeSchema(), permissions({ Query: { me: isApplication } }));
    const principal = { kind: 'application', applicationId: 1, organizationId: 1, clientId: 'c', scopes: new Set(Object.values(Scope)) };
    const res = await execute({ schema, document: parse('{ pwd(udid: "MH0000000000000000") { udid } }'), contextValue: { principal } });
    expect(res.data).toEqual({ pwd: null });
    const formatted = formatError({ message: res.errors![0].message, path: res.errors![0].path }, res.errors![0], { development: false, onUnexpected: () => undefined });
    expect(formatted).toEqual({ message: 'You may not read Query.pwd.', path: ['pwd'], locations: undefined, extensions: { code: 'FORBIDDEN' } });
  });
});
