import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture } from '../../src/modules/staff/demo.seed';

/** Per-application budgets over HTTP: extensions.cost, the leaky bucket and the daily distinct-record quota. */
describe('cost budgets and daily record quota', () => {
  let t: TestServer;
  let udids: string[];

  beforeAll(async () => {
    t = await startTestServer({ records: 150 });
    udids = (await t.ds.query('SELECT udid FROM pwd_record ORDER BY id')).map((r: any) => r.udid);
  });
  afterAll(() => t.close());

  async function partnerWith(budget: { costBudget?: number; costRestoreRate?: number; dailyRecordQuota?: number }): Promise<{ p: PartnerFixture; token: string }> {
    const p = await createActivePartner(t.ds, { dailyRecordQuota: budget.dailyRecordQuota });
    if (budget.costBudget || budget.costRestoreRate) {
      await t.ds.query('UPDATE application SET cost_budget = ?, cost_restore_rate = ? WHERE id = ?', [budget.costBudget ?? 2000, budget.costRestoreRate ?? 100, p.applicationId]);
    }
    return { p, token: await t.appToken(p) };
  }

  const LOOKUP = `query L($u: UDID!) { pwd(udid: $u) { udid name mobile } }`; // 1 + 1 + 2 + 3 = 7

  it('every response carries extensions.cost; the actual cost is charged', async () => {
    const { token } = await partnerWith({});
    t.clock.freeze(); // no points restore while the request runs
    const r = await t.gql(LOOKUP, { u: udids[0] }, token);
    t.clock.reset();
    expect(r.status).toBe(200);
    expect(r.body.extensions.cost).toEqual({
      requestedQueryCost: 7, actualQueryCost: 7,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1993, restoreRate: 100 },
    });
    // A page of 100 that finds 3 records is charged for 3.
    const [{ state_code: state, district }] = await t.ds.query('SELECT state_code, district FROM pwd_record ORDER BY id LIMIT 1');
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM pwd_record WHERE state_code = ? AND district = ?', [state, district]);
    const page = await t.gql(`query($s: String, $d: String) { pwds(filter: {state: $s, district: $d}, first: 100) { edges { node { udid name } } } }`, { s: state, d: district }, token);
    expect(page.body.extensions.cost.requestedQueryCost).toBe(300);
    expect(page.body.extensions.cost.actualQueryCost).toBe(3 * Number(n));
    // Errors too: a field outside the scopes still reports the cost.
    const { p: narrow } = await partnerWith({});
    const verifyOnly = await t.appToken(narrow, 'pwd:verify');
    const denied = await t.gql(LOOKUP, { u: udids[0] }, verifyOnly);
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(denied.body.extensions.cost.requestedQueryCost).toBe(7);
    // Anonymous callers see the cost without a throttle status.
    const anon = await t.gql('{ __typename }');
    expect(anon.body.extensions.cost).toEqual({ requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: null });
  });

  it('THROTTLED (429 with Retry-After) when the requested cost exceeds what is available; points restore over time', async () => {
    const { token } = await partnerWith({ costBudget: 20, costRestoreRate: 2 });
    t.clock.advance(60_000);
    expect((await t.gql(LOOKUP, { u: udids[1] }, token)).status).toBe(200); // 13 left
    expect((await t.gql(LOOKUP, { u: udids[2] }, token)).status).toBe(200); // 6 left
    const r = await t.gql(LOOKUP, { u: udids[3] }, token);
    expect(r.status).toBe(429);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', requestedQueryCost: 7, restoreRate: 2 });
    expect(r.body.errors[0].message).toMatch(/Retry after \d+ s/);
    const retry = Number(r.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(1);
    expect(r.body.extensions.cost).toMatchObject({ requestedQueryCost: 7, actualQueryCost: 0, throttleStatus: { maximumAvailable: 20, restoreRate: 2 } });
    t.clock.advance(retry * 1000);
    expect((await t.gql(LOOKUP, { u: udids[3] }, token)).status).toBe(200);
  });

  it('a query dearer than the whole budget is refused with a clear message', async () => {
    const { token } = await partnerWith({ costBudget: 50, costRestoreRate: 10 });
    const r = await t.gql(`{ pwds(filter: {}, first: 30) { edges { node { udid name } } } }`, undefined, token);
    expect(r.status).toBe(429);
    expect(r.body.errors[0].message).toMatch(/more than this application's whole budget of 50/);
  });

  it('DAILY_RECORD_QUOTA_EXCEEDED (429, Retry-After until midnight IST) once the distinct records of the day reach the quota', async () => {
    t.clock.set(new Date('2026-11-20T12:00:00Z')); // 17:30 IST
    const { p, token } = await partnerWith({ dailyRecordQuota: 5 });
    // Re-reading the same record does not use the quota up.
    for (let i = 0; i < 3; i++) expect((await t.gql(LOOKUP, { u: udids[10] }, token)).status).toBe(200);
    const page = await t.gql(`{ pwds(filter: {}, first: 4) { edges { node { udid } } } }`, undefined, token);
    expect(page.body.data.pwds.edges).toHaveLength(4); // 5 distinct now
    const r = await t.gql(LOOKUP, { u: udids[20] }, token);
    expect(r.status).toBe(429);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'DAILY_RECORD_QUOTA_EXCEEDED', dailyRecordQuota: 5, recordsToday: 5 });
    const retry = Number(r.headers.get('retry-after')); // until 00:00 IST, 6.5 h away (less the seconds this test took)
    expect(retry).toBeLessThanOrEqual(6.5 * 3600);
    expect(retry).toBeGreaterThan(6.5 * 3600 - 60);
    t.clock.set(new Date('2026-11-20T18:31:00Z')); // 00:01 IST the next day
    expect((await t.gql(LOOKUP, { u: udids[20] }, await t.appToken(p))).status).toBe(200);
    t.clock.reset();
  });

  it('GET /health/ready reports the budget store', async () => {
    const res = await fetch(`${t.url}/health/ready`);
    expect((await res.json() as any).checks.redis).toBe('off');
  });
});
