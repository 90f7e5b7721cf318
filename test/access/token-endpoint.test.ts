import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { TOKEN_FAILURES_PER_CLIENT, TOKEN_LOCKOUT_S } from '../../src/modules/application/oauth.limiter';
import { LOGIN_FAILURES_PER_ACCOUNT } from '../../src/modules/staff/login.limiter';

/** /oauth/token client authentication: malformed Basic credentials and the wrong-secret throttle (one process). */
describe('/oauth/token client authentication', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 0 }); });
  afterAll(() => t.close());

  const token = async (init: { basic?: string; form?: Record<string, string> }) => {
    const res = await fetch(`${t.url}/oauth/token`, {
      method: 'POST',
      headers: init.basic ? { authorization: `Basic ${Buffer.from(init.basic).toString('base64')}` } : {},
      body: new URLSearchParams({ grant_type: 'client_credentials', ...init.form }),
    });
    return { status: res.status, body: (await res.json()) as any, retryAfter: res.headers.get('retry-after'), wwwAuth: res.headers.get('www-authenticate') };
  };

  it('answers 401 invalid_client (not 500) when the Basic user or password part is not valid percent-encoding', async () => {
    for (const basic of ['%E0%A4%A:secret', 'udx_client:%zz', '%:%']) {
      const r = await token({ basic });
      expect([r.status, r.body.error, r.wwwAuth]).toEqual([401, 'invalid_client', 'Basic realm="udid-exchange"']);
    }
  });

  it('accepts percent-encoded Basic credentials', async () => {
    const p = await createActivePartner(t.ds);
    const r = await token({ basic: `${encodeURIComponent(p.clientId)}:${encodeURIComponent(p.clientSecret)}` });
    expect([r.status, r.body.token_type]).toEqual([200, 'Bearer']);
  });

  it('locks a client id out after exactly TOKEN_FAILURES_PER_CLIENT wrong secrets, with Retry-After; other clients go on', async () => {
    const p = await createActivePartner(t.ds);
    const other = await createActivePartner(t.ds);
    // A success before the failures clears nothing that matters; failures then count from zero.
    expect((await token({ form: { client_id: p.clientId, client_secret: p.clientSecret } })).status).toBe(200);
    for (let i = 0; i < TOKEN_FAILURES_PER_CLIENT; i++) {
      const r = await token({ basic: `${p.clientId}:wrong-${i}` });
      expect([r.status, r.body.error]).toEqual([401, 'invalid_client']);
    }
    const locked = await token({ form: { client_id: p.clientId, client_secret: p.clientSecret } });
    expect([locked.status, locked.body.error]).toEqual([429, 'slow_down']);
    expect(Number(locked.retryAfter)).toBeGreaterThan(TOKEN_LOCKOUT_S - 60);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(TOKEN_LOCKOUT_S);
    expect((await token({ form: { client_id: other.clientId, client_secret: other.clientSecret } })).status).toBe(200);
  });

  it('parallel guesses get no more checks than the limit: of 30 concurrent wrong secrets exactly TOKEN_FAILURES_PER_CLIENT are checked', async () => {
    const p = await createActivePartner(t.ds);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => token({ basic: `${p.clientId}:parallel-${i}` })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(TOKEN_FAILURES_PER_CLIENT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - TOKEN_FAILURES_PER_CLIENT);
    // The right secret now waits too: the lockout holds whoever sends it.
    expect((await token({ form: { client_id: p.clientId, client_secret: p.clientSecret } })).status).toBe(429);
  });

  it('sign-in: of 20 concurrent wrong passwords for one account exactly LOGIN_FAILURES_PER_ACCOUNT are checked', async () => {
    const p = await createActivePartner(t.ds);
    const login = (password: string) => fetch(`${t.url}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: p.partnerAdmin.email, password }),
    }).then(async (r) => ({ status: r.status, code: ((await r.json()) as any).errors?.[0]?.extensions?.code }));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(`wrong-${i}`)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(LOGIN_FAILURES_PER_ACCOUNT);
    expect(answers.filter((a) => a.status === 429 && a.code === 'THROTTLED')).toHaveLength(20 - LOGIN_FAILURES_PER_ACCOUNT);
    expect((await login(p.partnerAdmin.password)).status).toBe(429);
  });
});
