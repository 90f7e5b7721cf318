import { startTestServer, TestServer, createActivePartner, onMysql, PartnerFixture } from '../helpers/server';
import { PrivateMariadb, PrivateReplicaPair } from '../helpers/private-mariadb';
import { staffTokens, StaffTokens } from '../helpers/onboarding';
import { cards, count, report } from '../helpers/benefit';

/**
 * Read replicas on a real second MariaDB: the test starts a primary (binary log, server id 1) and a
 * replica (server id 2, GTID replication) of its own, because the shared MariaDB has no binary log.
 * With the replica's SQL thread stopped it is stale: analytics, oversight and listings answer from
 * it (ctx.db.read()), while lifecycle steps and the request gate judge the primary's current state.
 * Runs in the MariaDB pass (TEST_DATABASE_URL set), where a missing mariadbd is a failure, not a skip.
 */
const run = onMysql ? describe : describe.skip;

run('read replicas: stale reads on the replica, decisions on the primary', () => {
  const pair = new PrivateReplicaPair(3421, 3422);
  let t: TestServer;
  let staff: StaffTokens;
  let partner: PartnerFixture;
  let token: string;
  let db: string;

  beforeAll(async () => {
    if (!PrivateMariadb.available()) {
      throw new Error('The read-replica test needs /usr/sbin/mariadbd and mariadb-install-db (Debian package mariadb-server) in the MariaDB pass.');
    }
    await pair.start();
    t = await startTestServer({ records: 30, databaseUrl: pair.primary.url, replicaUrls: [pair.replica.url] });
    db = (t.ds.driver as unknown as { database: string }).database;
    staff = await staffTokens(t);
    partner = await createActivePartner(t.ds);
    token = await t.appToken(partner);
    await pair.catchUp();
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await pair.stop();
  }, 60_000);
  afterEach(async () => {
    await pair.resume();
    await pair.catchUp();
  });

  const as = async (bearer: string, query: string, variables: Record<string, unknown> = {}) => {
    const r = await t.gql(query, variables, bearer);
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    return r.body.data;
  };
  const onReplica = (sql: string) => pair.replica.sql<{ n: number }>(sql.replace(/\bFROM (\w+)/, `FROM \`${db}\`.$1`)).then((r) => Number(r[0].n));
  const SUMMARY = '{ benefitSummary(groupBy: SCHEME) { total { reports } } }';
  const APP_STATUS = 'query($id: ID!) { applications(filter: { organizationId: $id }) { edges { node { id status } } } }';

  it('the DataSource is replicated and the request handle reads through a replica', () => {
    expect((t.ds.options as { replication?: { slaves: unknown[]; defaultMode: string } }).replication).toMatchObject({ defaultMode: 'master' });
    expect((t.ds.driver as unknown as { isReplicated: boolean }).isReplicated).toBe(true);
  });

  it('benefit analytics, the access log and listings answer from the replica (stale while it is paused)', async () => {
    const c = await cards(t.ds, 3);
    expect((await as(staff.analyst, SUMMARY)).benefitSummary.total.reports).toBe(0);

    await pair.pause();
    const stored = await t.gql('mutation($i: [BenefitReportInput!]!) { reportBenefits(inputs: $i) { accepted } }',
      { i: c.map((x) => report(x.udid)) }, token);
    expect(stored.body.errors).toBeUndefined();
    expect(await t.gql('query($u: UDID!) { pwd(udid: $u) { udid } }', { u: c[0].udid }, token)).toMatchObject({ status: 200 });
    await t.server.services.accessLog.flush();
    // The primary has them; the replica, paused, does not.
    expect(await count(t.ds, 'SELECT COUNT(*) AS n FROM benefit_report')).toBe(3);
    expect(await onReplica('SELECT COUNT(*) AS n FROM benefit_report')).toBe(0);
    expect(await count(t.ds, 'SELECT COUNT(*) AS n FROM access_event')).toBeGreaterThan(0);

    // So analysts' reads, which come from the replica, do not see them yet.
    expect((await as(staff.analyst, SUMMARY)).benefitSummary.total.reports).toBe(0);
    expect((await as(staff.analyst, '{ accessLog(first: 10) { edges { node { udid } } } }')).accessLog.edges).toEqual([]);
    expect((await as(staff.analyst, 'query($u: UDID!) { recordAccessSummary(udid: $u) { totalAccesses } }', { u: c[0].udid })).recordAccessSummary.totalAccesses).toBe(0);

    await pair.resume();
    await pair.catchUp();
    expect((await as(staff.analyst, SUMMARY)).benefitSummary.total.reports).toBe(3);
    expect((await as(staff.analyst, '{ accessLog(first: 10) { edges { node { udid } } } }')).accessLog.edges).toContainEqual({ node: { udid: c[0].udid } });
  });

  it('a lifecycle step and the request gate judge the primary, never the stale replica', async () => {
    const appId = String(partner.applicationId);
    const orgId = String(partner.organizationId);
    const verify = (u: string) => t.gql('query($u: UDID!) { verifyUdid(udid: $u, dateOfBirth: "1990-01-01") { valid } }', { u }, token);
    const [{ udid }] = await cards(t.ds, 1);
    expect((await verify(udid)).status).toBe(200);

    await pair.pause();
    const disabled = await as(staff.nic, 'mutation($id: ID!) { disableApplication(input: { applicationId: $id, reason: "MoU review" }) { status } }', { id: appId });
    expect(disabled.disableApplication.status).toBe('DISABLED');
    // The stale replica still says APPROVED: the listing (a stale read) shows it ...
    expect(await onReplica(`SELECT COUNT(*) AS n FROM application WHERE id = ${Number(appId)} AND status = 'APPROVED'`)).toBe(1);
    expect((await as(staff.analyst, APP_STATUS, { id: orgId })).applications.edges).toEqual([{ node: { id: appId, status: 'APPROVED' } }]);
    // ... but the gate admits on the primary's state: the partner is refused at once,
    const refused = await verify(udid);
    expect([refused.status, refused.body.errors?.[0]?.extensions?.code]).toEqual([403, 'APPLICATION_DISABLED']);
    // disabling twice is refused from the primary's DISABLED (the replica would have allowed it),
    const again = await t.gql('mutation($id: ID!) { disableApplication(input: { applicationId: $id, reason: "again" }) { status } }', { id: appId }, staff.nic);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // and enabling, which the replica's APPROVED would refuse, succeeds.
    const enabled = await as(staff.nic, 'mutation($id: ID!) { enableApplication(input: { applicationId: $id, reason: "review done" }) { status } }', { id: appId });
    expect(enabled.enableApplication.status).toBe('APPROVED');
    expect((await verify(udid)).status).toBe(200);

    await pair.resume();
    await pair.catchUp();
    expect((await as(staff.analyst, APP_STATUS, { id: orgId })).applications.edges).toEqual([{ node: { id: appId, status: 'APPROVED' } }]);
    expect(await onReplica(`SELECT COUNT(*) AS n FROM admin_audit WHERE target_id = ${Number(appId)} AND action IN ('DISABLE_APPLICATION', 'ENABLE_APPLICATION')`)).toBe(2);
  });

  it("a partner's answer comes from the primary (the read path too), whatever the replica holds", async () => {
    const [{ udid }] = await cards(t.ds, 1);
    await pair.pause();
    await t.ds.query("UPDATE pwd_record SET card_status = 'SURRENDERED' WHERE udid = ?", [udid]);
    expect(await onReplica(`SELECT COUNT(*) AS n FROM pwd_record WHERE udid = '${udid}' AND card_status = 'SURRENDERED'`)).toBe(0);
    const r = await t.gql('query($u: UDID!) { pwd(udid: $u) { udid cardStatus } }', { u: udid }, token);
    expect(r.body.data.pwd).toEqual({ udid, cardStatus: 'SURRENDERED' });
  });

  it('with every replica unreachable, stale reads fall back to the primary', async () => {
    expect(((await (await fetch(`${t.url}/health/ready`)).json()) as any).checks.replica).toBe('ok');
    await pair.replica.stop();
    try {
      expect((await as(staff.analyst, SUMMARY)).benefitSummary.total.reports).toBe(3);
      const ready = await fetch(`${t.url}/health/ready`);
      expect([ready.status, ((await ready.json()) as any).checks.replica]).toEqual([200, 'unreachable']);
    } finally {
      await pair.replica.start();
    }
  });
});
