import { startTestServer, TestServer, createActivePartner } from './helpers/server';
import type { PartnerFixture } from '../src/modules/staff/demo.seed';
import { Scope } from '../src/core/authz/scopes';

/**
 * The compiled path (graphql-jit, GRAPHQL_EXECUTOR=jit) answers exactly what graphql-js answers: the
 * same data, errors (messages, codes, requiredScope, locations, paths, order), null propagation, cost
 * extensions, HTTP statuses and access events, for the same documents on the same seeded records.
 */
describe('compiled execution (graphql-jit) against graphql-js', () => {
  const servers: Record<'jit' | 'js', { t: TestServer; partner: PartnerFixture; small: PartnerFixture }> = {} as never;
  let udids: string[];

  beforeAll(async () => {
    for (const [key, executor] of [['jit', 'jit'], ['js', 'graphql-js']] as const) {
      const t = await startTestServer({ records: 40, env: { GRAPHQL_EXECUTOR: executor } });
      servers[key] = {
        t,
        partner: await createActivePartner(t.ds, { dailyRecordQuota: 10_000 }),
        small: await createActivePartner(t.ds, { dailyRecordQuota: 5 }),
      };
    }
    udids = (await servers.jit.t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 10')).map((r: { udid: string }) => r.udid);
  });
  afterAll(async () => { await Promise.all(Object.values(servers).map((s) => s.t.close())); });

  it('runs on the executor the setting names', () => {
    expect(servers.jit.t.server.executor.kind).toBe('jit');
    expect(servers.jit.t.server.executor.compiled).not.toBeNull();
    expect(servers.js.t.server.executor).toEqual({ kind: 'graphql-js', compiled: null, authorization: null });
  });

  /** The bucket refills between requests: how much is left is the one figure that may differ. */
  const comparable = (r: { status: number; body: any }) => {
    const body = JSON.parse(JSON.stringify(r.body));
    if (body.extensions?.cost?.throttleStatus) delete body.extensions.cost.throttleStatus.currentlyAvailable;
    // …and the seconds to midnight IST, in a quota refusal.
    for (const e of body.errors ?? []) {
      if (e.extensions?.retryAfterSeconds !== undefined) e.extensions.retryAfterSeconds = 'N';
      e.message = e.message.replace(/\(in \d+ s\)/, '(in N s)');
    }
    return { status: r.status, body };
  };

  type Who = 'partner' | 'small' | 'anonymous';
  const cases: [string, Who, string | undefined, string, (u: string[]) => Record<string, unknown>][] = [
    ['fields out of scope are FORBIDDEN with requiredScope at their paths', 'partner', Scope.PWD_IDENTITY,
      'query Q($udid: UDID!) { pwd(udid: $udid) { udid cardStatus name mobile disabilities aadhaarLast4 } }', (u) => ({ udid: u[0] })],
    ['a page: every record\'s forbidden fields at edges[i].node', 'partner', `${Scope.PWD_SEARCH} ${Scope.PWD_IDENTITY}`,
      'query P($f: PwdFilter!) { pwds(filter: $f, first: 4) { edges { cursor node { udid name gender mobile incomeBand disabilities } } pageInfo { hasNextPage endCursor } } }', () => ({ f: {} })],
    ['a non-null root refused nulls the whole answer (and discloses nothing)', 'partner', Scope.PWD_IDENTITY,
      'query M($udid: UDID!) { one: pwd(udid: $udid) { udid name } pwds(filter: {}, first: 2) { edges { node { udid } } } }', (u) => ({ udid: u[1] })],
    ['aliases, fragments, inline fragments, @include and @skip', 'partner', undefined,
      `query A($a: UDID!, $b: UDID!, $no: Boolean!) {
        first: pwd(udid: $a) { ...Who ... on PwdRecord { state district @skip(if: $no) } }
        second: pwd(udid: $b) { ...Who mobile @include(if: $no) __typename }
        ghost: pwd(udid: "MH0000000000000001") { udid }
      } fragment Who on PwdRecord { udid name dateOfBirth disabilityPercentage }`, (u) => ({ a: u[2], b: u[3], no: false })],
    ['@include/@skip on fragment spreads and inline fragments selecting the same fields', 'partner', undefined,
      `query D($u: UDID!, $yes: Boolean!, $no: Boolean!) { pwd(udid: $u) {
        udid ...A @include(if: $no) ...B @include(if: $yes) ... on PwdRecord @skip(if: $yes) { mobile email }
        ... on PwdRecord @include(if: $yes) { email name @skip(if: $yes) } aadhaarLast4 @include(if: $no)
      } } fragment A on PwdRecord { name mobile address } fragment B on PwdRecord { name gender ...C @skip(if: $no) } fragment C on PwdRecord { pincode }`,
      (u) => ({ u: u[8], yes: true, no: false })],
    ['the same field under conditions that differ by path, on a page', 'partner', undefined,
      `query E($yes: Boolean!) { pwds(filter: {}, first: 3) { edges { node { udid ...N @skip(if: $yes) } ...G } } }
       fragment N on PwdRecord { mobile } fragment G on PwdEdge { node @include(if: $yes) { name mobile @skip(if: $yes) } }`,
      () => ({ yes: true })],
    ['the daily record quota withholds records past it on a page', 'small', undefined,
      'query Q($f: PwdFilter!) { pwds(filter: $f, first: 8) { edges { cursor node { udid name } } } }', () => ({ f: {} })],
    ['a variable of the wrong shape is BAD_USER_INPUT, nothing runs', 'partner', undefined,
      'query Q($udid: UDID!) { pwd(udid: $udid) { udid } }', () => ({ udid: 'not-a-udid' })],
    ['a missing required variable', 'partner', undefined, 'query Q($udid: UDID!) { pwd(udid: $udid) { udid } }', () => ({})],
    ['a variable of the wrong type', 'partner', undefined,
      'query Q($first: Int) { pwds(filter: {}, first: $first) { edges { node { udid } } } }', () => ({ first: 'ten' })],
    ['a nested input variable with a bad field', 'partner', undefined,
      'query Q($f: PwdFilter!) { pwds(filter: $f, first: 2) { edges { node { udid } } } }', () => ({ f: { percentageMin: 'x', nope: 1 } })],
    ['first over 100', 'partner', undefined, '{ pwds(filter: {}, first: 101) { edges { node { udid } } } }', () => ({})],
    ['verifyUdid with the wrong date of birth', 'partner', Scope.PWD_VERIFY,
      'query V($udid: UDID!) { verifyUdid(udid: $udid, dateOfBirth: "1900-01-01") { udid valid cardStatus percentageBand validUntil } }', (u) => ({ udid: u[4] })],
    ['an invalid benefit report is refused with every bad field', 'partner', undefined,
      'mutation R($i: BenefitReportInput!) { reportBenefit(input: $i) { index status clientReference duplicateOf errors { code field message } report { id } } }',
      (u) => ({ i: { udid: u[5], schemeCode: '', schemeName: 'x', benefitType: 'PENSION', amountPaise: -5, benefitDate: '2999-01-01', clientReference: 'r-1' } })],
    ['introspection for an authenticated caller', 'partner', undefined,
      '{ __schema { queryType { name } } __type(name: "PwdEdge") { name fields { name type { kind name ofType { name } } } } }', () => ({})],
    ['anonymous callers get UNAUTHENTICATED, __typename still answers', 'anonymous', undefined,
      'query Q($udid: UDID!) { __typename pwd(udid: $udid) { udid } }', (u) => ({ udid: u[0] })],
  ];

  it.each(cases)('%s: the same answer on both', async (_name, who, scope, query, vars) => {
    const answers = [];
    for (const s of [servers.jit, servers.js]) {
      const token = who === 'anonymous' ? undefined : await s.t.appToken(who === 'small' ? s.small : s.partner, scope);
      answers.push(comparable(await s.t.gql(query, vars(udids), token)));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(JSON.stringify(answers[0])).not.toMatch(/stacktrace|Not Authorised|INTERNAL_SERVER_ERROR|\bat \S+\.(js|ts):\d+/);
  });

  it('writes the same access events on both', async () => {
    const rows = [];
    for (const s of [servers.jit, servers.js]) {
      await s.t.server.services.accessLog.flush();
      rows.push(await s.t.ds.query('SELECT udid, source, fields, scopes, operation_name FROM access_event ORDER BY udid, source, fields, operation_name'));
    }
    expect(rows[0].length).toBeGreaterThan(0);
    expect(rows[0]).toEqual(rows[1]);
  });

  it('compiles a document once and keeps it: the same text and operation hit the cache', async () => {
    const s = servers.jit;
    const token = await s.t.appToken(s.partner);
    const doc = 'query Twice($udid: UDID!) { pwd(udid: $udid) { udid name } }';
    await s.t.gql(doc, { udid: udids[6] }, token);
    const size = s.t.server.executor.compiled!.size;
    const again = await s.t.gql(doc, { udid: udids[7] }, token);
    expect(again.body.data.pwd.udid).toBe(udids[7]);
    expect(s.t.server.executor.compiled!.size).toBe(size);
  });
});
