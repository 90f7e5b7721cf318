import { parse } from 'graphql';
import { allow, and, deny, not, or, rule } from 'graphql-shield';
import { AuthorizationPlan, grants, isStatic, runtimeTree } from '../../src/core/authz/plan';
import { RULE_TREE, ruleFor, schemaFields } from '../../src/app/permissions';
import { buildTypeSchema } from '../../src/app/schema';
import { Scope } from '../../src/core/authz/scopes';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import type { PartnerFixture } from '../../src/modules/staff/demo.seed';
import type { GraphQLSchema } from 'graphql';

const app = (...scopes: Scope[]) => ({ principal: { kind: 'application', applicationId: 1, scopes: new Set(scopes) } });

/**
 * Authorization decided once per (document, principal): the plan's rules, and over HTTP, that the
 * decided path answers exactly what shield's field-by-field path answers, for seeded random documents
 * and scope sets, and that anything the plan cannot decide takes shield's path.
 */
describe('authorization plan', () => {
  let schema: GraphQLSchema;
  let plan: AuthorizationPlan;
  beforeAll(async () => {
    schema = await buildTypeSchema();
    plan = new AuthorizationPlan(schema, RULE_TREE);
  });

  it('decides every field statically except those whose rules read arguments (the pwds filters)', () => {
    const runtime = schemaFields(schema).filter(({ type, field }) => !isStatic(ruleFor(RULE_TREE, type, field))).map(({ type, field }) => `${type}.${field}`);
    expect(runtime).toEqual(['Query.pwds']);
    // In the decided schema's tree, static fields are allowed and the rest keep their rule.
    const tree = runtimeTree(schema, RULE_TREE);
    expect(ruleFor(tree, 'PwdRecord', 'mobile')).toBe(allow);
    expect(ruleFor(tree, 'Query', 'pwds')).toBe(ruleFor(RULE_TREE, 'Query', 'pwds'));
  });

  it('classifies and evaluates rules, failing closed', () => {
    const yes = rule('t:yes', { cache: 'contextual' })(() => true);
    const no = rule('t:no', { cache: 'contextual' })(() => new Error('no'));
    const throws = rule('t:throws', { cache: 'contextual' })(() => { throw new Error('boom'); });
    const later = rule('t:async', { cache: 'contextual' })(async () => true);
    const strict = rule('t:strict', { cache: 'strict' })(() => true);
    expect([allow, deny, null, yes, and(yes, no), or(no, yes)].every(isStatic)).toBe(true);
    expect([strict, not(yes), and(yes, strict)].some(isStatic)).toBe(false);
    expect(grants(yes, {})).toBe(true);
    expect(grants(and(yes, yes), {})).toBe(true);
    expect(grants(or(no, yes), {})).toBe(true);
    for (const r of [no, throws, later, deny, null, and(yes, no)]) expect(grants(r, {})).toBe(false);
  });

  it('collects the rules of every field the document names: aliases, fragments, inline fragments, @skip/@include branches', () => {
    const doc = parse(`query Q($no: Boolean!) { a: pwd(udid: "MH0000000000000001") { udid ...F ... on PwdRecord { district } incomeBand @skip(if: true) aadhaarLast4 @include(if: $no) } }
      fragment F on PwdRecord { name }`);
    expect(plan.grantsAll(doc, app(Scope.PWD_IDENTITY, Scope.PWD_CONTACT, Scope.PWD_SOCIOECONOMIC, Scope.PWD_AADHAAR))).toBe(true);
    // Missing any one of the scopes the document names, even behind @skip(if: true), is not decided.
    for (const drop of [Scope.PWD_IDENTITY, Scope.PWD_CONTACT, Scope.PWD_SOCIOECONOMIC, Scope.PWD_AADHAAR]) {
      const scopes = [Scope.PWD_IDENTITY, Scope.PWD_CONTACT, Scope.PWD_SOCIOECONOMIC, Scope.PWD_AADHAAR].filter((s) => s !== drop);
      expect(plan.grantsAll(doc, app(...scopes))).toBe(false);
    }
    expect(plan.grantsAll(doc, { principal: { kind: 'anonymous' } })).toBe(false);
    expect(plan.grantsAll(doc, { principal: { kind: 'user', userId: 1, role: 'DEPWD_ADMIN' } })).toBe(false);
    // A field outside the schema is never decided here.
    expect(plan.grantsAll(parse('{ pwd(udid: "x") { nope } }'), app(Scope.PWD_IDENTITY))).toBe(false);
    // The rules of a document are collected once.
    expect(plan.rules(doc)).toBe(plan.rules(doc));
  });
});

describe('authorization plan over HTTP: the decided path answers what shield answers', () => {
  const servers: Record<'plan' | 'shield', { t: TestServer; partner: PartnerFixture }> = {} as never;
  let udids: string[];

  beforeAll(async () => {
    for (const [key, executor] of [['plan', 'jit'], ['shield', 'graphql-js']] as const) {
      const t = await startTestServer({ records: 30, env: { GRAPHQL_EXECUTOR: executor, GRAPHQL_JIT_AFTER: '0' } });
      servers[key] = { t, partner: await createActivePartner(t.ds, { dailyRecordQuota: 100_000 }) };
    }
    udids = (await servers.plan.t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 10')).map((r: { udid: string }) => r.udid);
  });
  afterAll(async () => { await Promise.all(Object.values(servers).map((s) => s.t.close())); });

  const comparable = (r: { status: number; body: any }) => {
    const body = JSON.parse(JSON.stringify(r.body));
    if (body.extensions?.cost?.throttleStatus) delete body.extensions.cost.throttleStatus.currentlyAvailable;
    // A non-null root refused nulls the whole answer. graphql-js stops collecting errors there; graphql-jit
    // also reports the other roots' refused fields (on either path). Both answer no data; the root errors compare.
    if (body.data === null) body.errors = body.errors.filter((e: { path?: unknown[] }) => e.path?.length === 1);
    // Two roots resolve concurrently: on MariaDB, which one's errors come first depends on the database's timing.
    body.errors?.sort((a: { path?: unknown[] }, b: { path?: unknown[] }) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
    return { status: r.status, body };
  };

  it('a document within the token\'s scopes is decided once; one field outside them takes shield\'s path with its FORBIDDEN', async () => {
    const s = servers.plan;
    const stats = s.t.server.executor.authorization!;
    const token = await s.t.appToken(s.partner, `${Scope.PWD_IDENTITY} ${Scope.PWD_SEARCH}`);
    const before = { ...stats };
    const ok = await s.t.gql('query Q($u: UDID!) { pwd(udid: $u) { udid name gender } }', { u: udids[0] }, token);
    expect(ok.body.errors).toBeUndefined();
    expect(stats.decided).toBe(before.decided + 1);
    const refused = await s.t.gql('query Q($u: UDID!) { pwd(udid: $u) { udid name mobile } }', { u: udids[0] }, token);
    expect(stats.perField).toBe(before.perField + 1);
    expect(refused.body.data.pwd).toMatchObject({ udid: udids[0], mobile: null });
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: ['pwd', 'mobile'], extensions: expect.objectContaining({ code: 'FORBIDDEN', requiredScope: Scope.PWD_CONTACT }) })]);
    // On the decided path the rules on arguments still run: a filter on a field out of scope is refused.
    const filtered = await s.t.gql('{ pwds(filter: { district: "Pune" }, first: 2) { edges { node { udid name } } } }', {}, token);
    expect(stats.decided).toBe(before.decided + 2);
    expect(filtered.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: Scope.PWD_CONTACT });
    // Operators see both counts at /metrics (test servers allow 127.0.0.1).
    const metrics = await (await fetch(`${s.t.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(metrics)?.[1] ?? NaN);
    expect(value('udx_authorization_decided_total')).toBe(stats.decided);
    expect(value('udx_authorization_per_field_total')).toBe(stats.perField);
  });

  it('seeded random documents and scope sets: the same answers, statuses and errors on both paths', async () => {
    let seed = 20261203;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const fields = ['udid', 'cardStatus', 'name', 'gender', 'dateOfBirth', 'mobile', 'district', 'disabilities', 'disabilityPercentage', 'incomeBand', 'aadhaarLast4'];
    const scopes = [Scope.PWD_IDENTITY, Scope.PWD_CONTACT, Scope.PWD_DISABILITY, Scope.PWD_SOCIOECONOMIC, Scope.PWD_AADHAAR, Scope.PWD_SEARCH, Scope.PWD_VERIFY];
    const selection = () => {
      const chosen = fields.filter(() => random() < 0.35);
      const parts = (chosen.length ? chosen : ['udid']).map((f) => {
        const r = random();
        if (r < 0.15) return `${f} @skip(if: ${random() < 0.5})`;
        if (r < 0.3) return `x${f}: ${f}`;
        if (r < 0.45) return `... on PwdRecord { ${f} }`;
        return f;
      });
      return parts.join(' ');
    };
    let decided = 0, perField = 0;
    for (let i = 0; i < 40; i++) {
      const held = scopes.filter(() => random() < 0.5);
      const scope = (held.length ? held : [Scope.PWD_IDENTITY]).join(' ');
      const query = random() < 0.5
        ? `query R${i}($u: UDID!) { pwd(udid: $u) { ${selection()} } }`
        : `query R${i}($u: UDID!) { pwds(filter: {}, first: 3) { edges { node { ${selection()} } } } other: pwd(udid: $u) { ...F } } fragment F on PwdRecord { ${selection()} }`;
      const vars = { u: pick(udids) };
      const stats = servers.plan.t.server.executor.authorization!;
      const before = stats.decided;
      const answers = [];
      for (const s of [servers.plan, servers.shield]) answers.push(comparable(await s.t.gql(query, vars, await s.t.appToken(s.partner, scope))));
      if (stats.decided > before) decided++; else perField++;
      expect({ i, scope, query, answer: answers[0] }).toEqual({ i, scope, query, answer: answers[1] });
    }
    // Both paths were exercised.
    expect(decided).toBeGreaterThan(3);
    expect(perField).toBeGreaterThan(3);
  });
});
