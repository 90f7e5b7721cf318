import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/core/config/config';
import { createServer, AppServer } from '../../src/app/server';
import { Clock } from '../../src/core/clock';
import { createLogger } from '../../src/core/logger';
import { seedPwdRecords } from '../../src/modules/pwd/pwd.seed';
import { createActivePartner, executorEnv, openTestDatabase, startTestServer } from '../helpers/server';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL;
const withRedis = TEST_REDIS_URL ? describe : describe.skip;

async function token(url: string, p: { clientId: string; clientSecret: string }): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.clientSecret }) });
  return ((await res.json()) as any).access_token;
}
async function gql(url: string, tok: string, query: string, variables?: unknown) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as any };
}

/** Two API processes (two servers on two ports, one database) share one budget through Redis. */
withRedis('budgets shared through Redis', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  const servers: AppServer[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedPwdRecords(db.ds, 50);
    const env = { NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('hex'), ...executorEnv(), REDIS_URL: TEST_REDIS_URL!, REDIS_KEY_PREFIX: `udx-test-${randomBytes(4).toString('hex')}:` };
    for (let i = 0; i < 2; i++) {
      const s = await createServer({ config: loadConfig(env, { persistSecret: false }), ds: db.ds, clock: new Clock(), log: createLogger('silent') });
      urls.push(`http://127.0.0.1:${await s.listen(0, '127.0.0.1')}`);
      servers.push(s);
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await db.drop();
  });

  it('points spent on one process are gone on the other; the daily distinct-record count is shared', async () => {
    const p = await createActivePartner(db.ds, { dailyRecordQuota: 3 });
    await db.ds.query('UPDATE application SET cost_budget = 30, cost_restore_rate = 1 WHERE id = ?', [p.applicationId]);
    const [a, b] = [await token(urls[0], p), await token(urls[1], p)];
    const udids: string[] = (await db.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 5')).map((r: any) => r.udid);
    const Q = `query($u: UDID!) { pwd(udid: $u) { udid name mobile } }`; // 7 points
    const r1 = await gql(urls[0], a, Q, { u: udids[0] });
    expect(r1.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(23);
    const r2 = await gql(urls[1], b, Q, { u: udids[1] });
    expect(r2.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(16);
    const r3 = await gql(urls[0], a, Q, { u: udids[2] });
    expect(r3.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(9);
    // Three distinct records served across both processes: the quota of 3 is used up on both.
    const r4 = await gql(urls[1], b, Q, { u: udids[3] });
    expect(r4.status).toBe(429);
    expect(r4.body.errors[0].extensions.code).toBe('DAILY_RECORD_QUOTA_EXCEEDED');
    // The daily quota is the token's purpose's (the application's own, APP-<id>).
    await db.ds.query('UPDATE purpose SET daily_record_quota = 100 WHERE id = ?', [p.purposeId]);
    for (const s of servers) s.services.gate.invalidateApplication(p.applicationId);
    const r5 = await gql(urls[1], b, Q, { u: udids[3] }); // 9 + restored < 14: one more fits, then none
    expect(r5.status).toBe(200);
    const r6 = await gql(urls[0], a, Q, { u: udids[4] });
    expect(r6.status).toBe(429);
    expect(r6.body.errors[0].extensions.code).toBe('THROTTLED');
  });

  it('/health/ready says redis ok', async () => {
    const res = await fetch(`${urls[0]}/health/ready`);
    expect(((await res.json()) as any).checks.redis).toBe('ok');
  });
});

describe('Redis unreachable', () => {
  it('keeps serving on local counters and shows redis: degraded in /health/ready', async () => {
    const t = await startTestServer({ records: 10, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const p = await createActivePartner(t.ds);
      const tok = await t.appToken(p);
      const [{ udid }] = await t.ds.query('SELECT udid FROM pwd_record LIMIT 1');
      t.clock.freeze(); // exact bucket level: no points restore while the request runs
      const r = await t.gql(`query($u: UDID!) { pwd(udid: $u) { udid } }`, { u: udid }, tok);
      t.clock.reset();
      expect(r.status).toBe(200);
      expect(r.body.data.pwd.udid).toBe(udid);
      expect(r.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(1998);
      const health = await fetch(`${t.url}/health/ready`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as any).checks.redis).toBe('degraded');
    } finally {
      await t.close();
    }
  });
});
