import { startTestServer, TestServer, createActivePartner, countQueries } from './helpers/server';
import { PartnerFixture } from '../src/modules/staff/demo.seed';
import { PwdByUdidDocument } from './generated/graphql';

describe('PwD read API over HTTP', () => {
  let t: TestServer;
  let partner: PartnerFixture;
  let token: string;

  beforeAll(async () => {
    t = await startTestServer({ records: 350 });
    partner = await createActivePartner(t.ds);
    token = await t.appToken(partner);
  });
  afterAll(() => t.close());

  const PAGE = `query Page($filter: PwdFilter!, $first: Int, $after: String) {
    pwds(filter: $filter, first: $first, after: $after) {
      edges { cursor node { udid name state district disabilities disabilityPercentage } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it('returns one record by UDID with its disability types, and null for an unknown UDID', async () => {
    const [row] = await t.ds.query('SELECT udid, name FROM pwd_record ORDER BY id LIMIT 1');
    const res = await t.op(PwdByUdidDocument, { udid: row.udid }, token);
    expect(res.status).toBe(200);
    expect(res.data?.pwd?.udid).toBe(row.udid);
    expect(res.data?.pwd?.name).toBe(row.name);
    expect(res.data?.pwd?.disabilities?.length).toBeGreaterThanOrEqual(1);
    const unknown = await t.gql(`{ pwd(udid: "ZZ0000000000000000") { udid } }`, undefined, token);
    expect(unknown.body.data.pwd).toBeNull();
  });

  it('reads a record and its disability types (in their stored order) in one SQL statement, the same on a page', async () => {
    const [multi] = await t.ds.query('SELECT p.id, p.udid FROM pwd_record p WHERE (SELECT COUNT(*) FROM pwd_disability d WHERE d.pwd_id = p.id) > 1 ORDER BY p.id LIMIT 1');
    expect(multi).toBeDefined();
    const stored = (await t.ds.query('SELECT type FROM pwd_disability WHERE pwd_id = ? ORDER BY id', [multi.id])).map((r: { type: string }) => r.type);
    const one = await countQueries(t.ds, () => t.op(PwdByUdidDocument, { udid: multi.udid }, token));
    expect(one.result.data?.pwd?.disabilities).toEqual(stored);
    const recordReads = one.queries.filter((q) => /pwd_record|pwd_disability/.test(q));
    expect(recordReads).toHaveLength(1);
    // The page path (DataLoader) gives the same list for the same record.
    const page = await t.gql('{ pwds(filter: {}, first: 100) { edges { node { udid disabilities } } } }', undefined, token);
    const onPage = page.body.data.pwds.edges.find((e: any) => e.node.udid === multi.udid);
    if (onPage) expect(onPage.node.disabilities).toEqual(stored);
    // Without the disabilities field, the statement does not read them.
    const bare = await countQueries(t.ds, () => t.gql('query($u: UDID!) { pwd(udid: $u) { udid } }', { u: multi.udid }, token));
    expect(bare.queries.filter((q) => /pwd_disability/.test(q))).toHaveLength(0);
  });

  it('walks every record exactly once with keyset pages', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: any = await t.gql(PAGE, { filter: {}, first: 100, after }, token);
      expect(res.body.errors).toBeUndefined();
      for (const e of res.body.data.pwds.edges) {
        expect(seen.has(e.node.udid)).toBe(false);
        seen.add(e.node.udid);
      }
      pages++;
      if (!res.body.data.pwds.pageInfo.hasNextPage) break;
      t.clock.advance(10_000); // a page of 100 costs 700 points: pace the walk within the cost budget
      after = res.body.data.pwds.pageInfo.endCursor;
    }
    expect(seen.size).toBe(350);
    expect(pages).toBe(4);
  });

  it('filters by state, district, disability type and percentage range', async () => {
    const [r] = await t.ds.query('SELECT p.state_code, p.district, d.type FROM pwd_record p JOIN pwd_disability d ON d.pwd_id = p.id ORDER BY p.id LIMIT 1');
    const res = await t.gql(PAGE, { filter: { state: r.state_code, district: r.district, disabilityType: r.type, percentageMin: 0, percentageMax: 100 }, first: 100 }, token);
    const edges = res.body.data.pwds.edges;
    const [expected] = await t.ds.query(
      'SELECT COUNT(*) AS n FROM pwd_record p WHERE p.state_code = ? AND p.district = ? AND p.id IN (SELECT pwd_id FROM pwd_disability WHERE type = ?)',
      [r.state_code, r.district, r.type],
    );
    expect(edges.length).toBe(Number(expected.n));
    for (const e of edges) {
      expect(e.node.district).toBe(r.district);
      expect(e.node.disabilities).toContain(r.type);
    }
    const pct = await t.gql(PAGE, { filter: { percentageMin: 80, percentageMax: 90 }, first: 100 }, token);
    for (const e of pct.body.data.pwds.edges) expect(e.node.disabilityPercentage).toBeGreaterThanOrEqual(80);
    for (const e of pct.body.data.pwds.edges) expect(e.node.disabilityPercentage).toBeLessThanOrEqual(90);
  });

  it('rejects first > 100, a foreign cursor and a bad state code with BAD_USER_INPUT', async () => {
    const big = await t.gql(PAGE, { filter: {}, first: 101 }, token);
    expect(big.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const cursor = await t.gql(PAGE, { filter: {}, first: 5, after: 'bm90LWEtY3Vyc29y' }, token);
    expect(cursor.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const state = await t.gql(PAGE, { filter: { state: 'XX' }, first: 5 }, token);
    expect(state.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(state.body.errors[0].message).toMatch(/state/);
  });

  it('costs a constant number of SQL queries per page, whatever its size', async () => {
    const small = await countQueries(t.ds, () => t.gql(PAGE, { filter: {}, first: 5 }, token));
    const large = await countQueries(t.ds, () => t.gql(PAGE, { filter: {}, first: 100 }, token));
    expect(large.result.body.data.pwds.edges).toHaveLength(100);
    const reads = (q: string[]) => q.filter((s) => /^\s*SELECT/i.test(s) && !/access_event|access_log_head|usage_daily|scraping_alert/.test(s)).length;
    expect(reads(large.queries)).toBe(reads(small.queries));
    expect(reads(large.queries)).toBeLessThanOrEqual(2);
    // The records and their disability types: one statement for the whole page.
    expect(large.queries.filter((q) => /pwd_record|pwd_disability/.test(q))).toHaveLength(1);
    // …with every record's types, in the stored order.
    const stored = await t.ds.query('SELECT p.udid, d.type FROM pwd_record p JOIN pwd_disability d ON d.pwd_id = p.id WHERE p.id IN (SELECT id FROM (SELECT id FROM pwd_record ORDER BY id LIMIT 100) x) ORDER BY p.id, d.id');
    const byUdid = new Map<string, string[]>();
    for (const r of stored as { udid: string; type: string }[]) byUdid.set(r.udid, [...(byUdid.get(r.udid) ?? []), r.type]);
    for (const e of large.result.body.data.pwds.edges) expect(e.node.disabilities).toEqual(byUdid.get(e.node.udid) ?? []);
  });

  it('verifies a UDID against a date of birth without disclosing anything else', async () => {
    const [r] = await t.ds.query("SELECT udid, date_of_birth FROM pwd_record WHERE card_status = 'ACTIVE' ORDER BY id LIMIT 1");
    const dob = String(r.date_of_birth).slice(0, 10);
    const ok = await t.gql(`query($u: UDID!, $d: Date!) { verifyUdid(udid: $u, dateOfBirth: $d) { valid cardStatus percentageBand } }`, { u: r.udid, d: dob }, token);
    expect(ok.body.data.verifyUdid.cardStatus).toBe('ACTIVE');
    const wrong = await t.gql(`query($u: UDID!, $d: Date!) { verifyUdid(udid: $u, dateOfBirth: $d) { valid cardStatus percentageBand } }`, { u: r.udid, d: '1900-01-01' }, token);
    expect(wrong.body.data.verifyUdid).toEqual({ valid: false, cardStatus: null, percentageBand: null });
  });
});
