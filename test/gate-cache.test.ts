import { startTestServer, TestServer, testLogger } from './helpers/server';
import { appTokenFor, onboardPartner, staffTokens, StaffTokens } from './helpers/onboarding';
import { createServer, AppServer } from '../src/app/server';
import { GATE_CACHE_MS } from '../src/modules/access/admission.gate';

/**
 * The gate caches each application's standing for GATE_CACHE_MS (5 s). A change made on another replica
 * (which invalidates only its own cache) must take effect here within that bound: after the change, no
 * request sent later than the bound is served. Two replicas share one database, as in production.
 */
describe('gate cache bound across replicas', () => {
  let a: TestServer;
  let b: AppServer;
  let bUrl: string;
  let staff: StaffTokens;
  let udid: string;
  const Q = 'query($u: UDID!) { pwd(udid: $u) { udid name } }';

  beforeAll(async () => {
    a = await startTestServer({ records: 20 });
    b = await createServer({ config: a.config, ds: a.ds, clock: a.clock, log: testLogger() });
    bUrl = `http://127.0.0.1:${await b.listen(0, '127.0.0.1')}`;
    staff = await staffTokens(a);
    [{ udid }] = await a.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const onB = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await fetch(`${bUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body: any = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  /** Calls replica A every 50 ms after `change` ran on replica B, until refused with `code` (or 8 s pass). */
  async function servedAfter(token: string, code: string, change: () => Promise<unknown>) {
    const warm = await a.gql(Q, { u: udid }, token);
    expect([warm.status, warm.body.data?.pwd?.udid]).toEqual([200, udid]); // A has the application cached now
    await change();
    const changedAt = Date.now();
    let lastServedSentAt = 0;
    let refusedAt = 0;
    while (Date.now() - changedAt < 8000) {
      const sentAt = Date.now();
      const r = await a.gql(Q, { u: udid }, token);
      if (r.status === 200 && r.body.data?.pwd) { lastServedSentAt = sentAt; }
      else { expect([r.status, r.body.errors?.[0]?.extensions?.code]).toEqual([403, code]); refusedAt = sentAt; break; }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(refusedAt).toBeGreaterThan(0);
    // Every request A served after the change was sent within the bound; none later.
    if (lastServedSentAt) expect(lastServedSentAt - changedAt).toBeLessThan(GATE_CACHE_MS);
    return refusedAt - changedAt;
  }

  it('states a bound of at most 5 s', () => {
    expect(GATE_CACHE_MS).toBeLessThanOrEqual(5000);
  });

  it('an application disabled on another replica is refused here within the bound', async () => {
    const p = await onboardPartner(a, staff);
    const token = await appTokenFor(a, p);
    await servedAfter(token, 'APPLICATION_DISABLED', () =>
      onB('mutation($id: ID!) { disableApplication(input: { applicationId: $id, reason: "audit" }) { status } }', { id: p.applicationId }, staff.nic));
  }, 20_000);

  it('sharing suspended on another replica is refused here within the bound', async () => {
    const p = await onboardPartner(a, staff);
    const token = await appTokenFor(a, p);
    await servedAfter(token, 'SHARING_SUSPENDED', () =>
      onB('mutation($id: ID!) { suspendSharing(input: { applicationId: $id, reason: "review" }) { sharingSuspended } }', { id: p.applicationId }, staff.depwd));
  }, 20_000);

  it('an IP revoked on another replica is refused here within the bound', async () => {
    const p = await onboardPartner(a, staff, { ips: ['127.0.0.1/32'] });
    const token = await appTokenFor(a, p);
    await servedAfter(token, 'IP_NOT_ALLOWED', () =>
      onB('mutation($id: ID!) { revokeIp(input: { applicationId: $id, cidr: "127.0.0.1/32" }) { id } }', { id: p.applicationId }, staff.engineer));
  }, 20_000);

  it('on the replica that made the change, it takes effect at once', async () => {
    const p = await onboardPartner(a, staff);
    const token = await appTokenFor(a, p);
    expect((await a.gql(Q, { u: udid }, token)).status).toBe(200);
    const r = await a.gql('mutation($id: ID!) { disableApplication(input: { applicationId: $id, reason: "audit" }) { status } }', { id: p.applicationId }, staff.nic);
    expect(r.body.errors).toBeUndefined();
    const after = await a.gql(Q, { u: udid }, token);
    expect([after.status, after.body.errors?.[0]?.extensions?.code]).toEqual([403, 'APPLICATION_DISABLED']);
  });
});
