import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/core/config/config';
import { createServer, AppServer } from '../../src/app/server';
import { Clock } from '../../src/core/clock';
import { Role } from '../../src/core/authz/scopes';
import { seedPwdRecords } from '../../src/modules/pwd/pwd.seed';
import { createStaffUser } from '../../src/modules/staff/demo.seed';
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_LOCKOUT_S } from '../../src/modules/staff/login.limiter';
import { TOKEN_FAILURES_PER_CLIENT } from '../../src/modules/application/oauth.limiter';
import { DETECTION } from '../../src/modules/access/scraping.detector';
import { createActivePartner, executorEnv, openTestDatabase, testLogger } from '../helpers/server';
import { nextInSeries, randomUdid, seeded } from '../helpers/udids';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL;
const withRedis = TEST_REDIS_URL ? describe : describe.skip;
const LOOKUP = 'query($u: UDID!) { pwd(udid: $u) { udid } }';

/** N API processes on one database (one MariaDB schema with TEST_DATABASE_URL) and one Redis prefix. */
async function replicas(n: number, redisUrl: string) {
  const db = await openTestDatabase();
  await seedPwdRecords(db.ds, 200);
  const env = { NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('hex'), ...executorEnv(), REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `udx-rep-${randomBytes(4).toString('hex')}:` };
  const servers: AppServer[] = [];
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await createServer({ config: loadConfig(env, { persistSecret: false }), ds: db.ds, clock: new Clock(), log: testLogger() });
    urls.push(`http://127.0.0.1:${await s.listen(0, '127.0.0.1')}`);
    servers.push(s);
  }
  let next = 0;
  /** The load balancer: each call goes to the next replica. */
  const url = () => urls[next++ % urls.length];
  const post = async (path: string, init: RequestInit) => {
    const res = await fetch(`${url()}${path}`, { method: 'POST', ...init });
    return { status: res.status, body: (await res.json()) as any, retryAfter: res.headers.get('retry-after') };
  };
  const token = (p: { clientId: string }, secret: string) =>
    post('/oauth/token', { body: new URLSearchParams({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: secret }) });
  const login = (email: string, password: string) =>
    post('/auth/login', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const gql = (tok: string, query: string, variables?: unknown) =>
    post('/graphql', { headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` }, body: JSON.stringify({ query, variables }) });
  const alerts = async (applicationId: number) => {
    for (const s of servers) await s.services.scraping.idle();
    return db.ds.query('SELECT kind, evidence FROM scraping_alert WHERE application_id = ? ORDER BY id', [applicationId]) as Promise<{ kind: string; evidence: string }[]>;
  };
  const raisedTotal = () => servers.reduce((n, s) => n + s.services.scraping.raised, 0);
  const close = async () => { for (const s of servers) await s.close(); await db.drop(); };
  return { db, servers, urls, token, login, gql, alerts, raisedTotal, close };
}

withRedis('three replicas behind round-robin share detection and throttles through Redis', () => {
  let r: Awaited<ReturnType<typeof replicas>>;
  let udids: string[];
  beforeAll(async () => {
    r = await replicas(3, TEST_REDIS_URL!);
    udids = (await r.db.ds.query('SELECT udid FROM pwd_record ORDER BY id')).map((x: any) => x.udid);
  });
  afterAll(() => r.close());

  async function partner() {
    const p = await createActivePartner(r.db.ds);
    const t = await r.token(p, p.clientSecret);
    expect(t.status).toBe(200);
    return { p, tok: t.body.access_token as string };
  }

  it('a sequential UDID walk raises SEQUENTIAL_UDIDS exactly once, at the run length', async () => {
    const { p, tok } = await partner();
    const before = r.raisedTotal();
    const started = Date.now();
    // Each replica sees only every third number: no replica alone has a run of two.
    for (let i = 1; i <= 2 * DETECTION.sequentialRun; i++) expect((await r.gql(tok, LOOKUP, { u: nextInSeries(udids[0], 5000 + i) })).status).toBe(200);
    const a = await r.alerts(p.applicationId);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(a.map((x) => x.kind)).toEqual(['SEQUENTIAL_UDIDS']);
    expect(JSON.parse(a[0].evidence)).toMatchObject({ prefix: udids[0].slice(0, 11), runLength: DETECTION.sequentialRun });
    expect(r.raisedTotal() - before).toBe(1);
  });

  it('a random UDID walk raises UNKNOWN_UDID_RATIO exactly once, at minLookups lookups', async () => {
    const { p, tok } = await partner();
    const before = r.raisedTotal();
    const rnd = seeded(21);
    const started = Date.now();
    for (let i = 0; i < 2 * DETECTION.minLookups; i++) await r.gql(tok, LOOKUP, { u: randomUdid(rnd) });
    const a = await r.alerts(p.applicationId);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(a.map((x) => x.kind)).toEqual(['UNKNOWN_UDID_RATIO']);
    expect(JSON.parse(a[0].evidence)).toMatchObject({ lookups: DETECTION.minLookups, unknownLookups: DETECTION.minLookups });
    expect(r.raisedTotal() - before).toBe(1);
  });

  it('a mixed walk (one random UDID, two re-reads of known records) is caught by its distinct unknown share', async () => {
    const { p, tok } = await partner();
    const before = r.raisedTotal();
    const rnd = seeded(33);
    const known = udids.slice(100, 110);
    for (let i = 0; i < 20; i++) {
      await r.gql(tok, LOOKUP, { u: randomUdid(rnd) });
      await r.gql(tok, LOOKUP, { u: known[(2 * i) % known.length] });
      await r.gql(tok, LOOKUP, { u: known[(2 * i + 1) % known.length] });
    }
    const a = await r.alerts(p.applicationId);
    expect(a.map((x) => x.kind)).toEqual(['UNKNOWN_UDID_RATIO']);
    // 10 random + 10 known distinct UDIDs: share 0.5 of distinct, only 10 of 28 lookups (below the plain share).
    expect(JSON.parse(a[0].evidence)).toMatchObject({ lookups: 28, unknownLookups: 10, distinctLookups: 20, distinctUnknown: 10, distinctUnknownShare: 0.5 });
    expect(r.raisedTotal() - before).toBe(1);
  });

  it('login brute force is locked out after exactly LOGIN_FAILURES_PER_ACCOUNT failures in total', async () => {
    const email = `brute.${randomBytes(3).toString('hex')}@udid.example.gov.in`;
    const password = await createStaffUser(r.db.ds, Role.ANALYST, email, 'brute');
    const started = Date.now();
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
      const res = await r.login(email, `wrong-${i}`);
      expect([res.status, res.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    // Locked on every replica, even with the right password.
    for (let i = 0; i < r.urls.length; i++) {
      const res = await r.login(email, password);
      expect([res.status, res.body.errors[0].extensions.code]).toEqual([429, 'THROTTLED']);
      expect(Number(res.retryAfter)).toBeGreaterThan(LOGIN_LOCKOUT_S - 60);
      expect(Number(res.retryAfter)).toBeLessThanOrEqual(LOGIN_LOCKOUT_S);
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('/oauth/token wrong secrets are locked out after exactly TOKEN_FAILURES_PER_CLIENT failures in total', async () => {
    const p = await createActivePartner(r.db.ds);
    const other = await createActivePartner(r.db.ds);
    for (let i = 0; i < TOKEN_FAILURES_PER_CLIENT; i++) {
      const res = await r.token(p, `wrong-${i}`);
      expect([res.status, res.body.error]).toEqual([401, 'invalid_client']);
    }
    for (let i = 0; i < r.urls.length; i++) {
      const res = await r.token(p, p.clientSecret);
      expect([res.status, res.body.error]).toEqual([429, 'slow_down']);
      expect(Number(res.retryAfter)).toBeGreaterThan(0);
      expect(Number(res.retryAfter)).toBeLessThanOrEqual(15 * 60);
    }
    // Another client from the same address is not affected (the IP limit is far higher).
    expect((await r.token(other, other.clientSecret)).status).toBe(200);
  });
});

/** Redis configured but down: each process counts alone (insurance limiter, local windows); nothing fails. */
describe('Redis configured but unreachable', () => {
  let r: Awaited<ReturnType<typeof replicas>>;
  beforeAll(async () => { r = await replicas(1, 'redis://127.0.0.1:1'); });
  afterAll(() => r.close());

  it('throttles and detection fall back to this process', async () => {
    const p = await createActivePartner(r.db.ds);
    for (let i = 0; i < TOKEN_FAILURES_PER_CLIENT; i++) expect((await r.token(p, 'wrong')).status).toBe(401);
    expect((await r.token(p, p.clientSecret)).status).toBe(429);
    const q = await createActivePartner(r.db.ds);
    const t = await r.token(q, q.clientSecret);
    expect(t.status).toBe(200);
    const rnd = seeded(4);
    for (let i = 0; i < DETECTION.minLookups; i++) expect((await r.gql(t.body.access_token, LOOKUP, { u: randomUdid(rnd) })).status).toBe(200);
    expect((await r.alerts(q.applicationId)).map((x) => x.kind)).toEqual(['UNKNOWN_UDID_RATIO']);
  });
});
