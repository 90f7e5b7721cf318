import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse } from 'graphql';
import { createActivePartner, startTestServer, TestServer } from './helpers/server';
import { createStaffUser } from '../src/modules/staff/demo.seed';
import { Role } from '../src/core/authz/scopes';

const EXAMPLES_DIR = resolve(__dirname, '../schema/examples');

function csp(res: Response): Record<string, string> {
  return Object.fromEntries((res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [k, ...v] = d.split(/\s+/); return [k, v.join(' ')]; }));
}

describe('GraphiQL explorer (GRAPHIQL=on)', () => {
  let t: TestServer;
  let analyst: string;
  beforeAll(async () => {
    t = await startTestServer({ records: 30 });
    await createStaffUser(t.ds, Role.ANALYST, 'analyst@explorer.example.gov.in', 'Analyst', 'analyst-password-1');
    analyst = await t.login('analyst@explorer.example.gov.in', 'analyst-password-1');
  });
  afterAll(() => t.close());

  it('serves the page with the headers of a sensitive admin page', async () => {
    const res = await fetch(`${t.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const p = csp(res);
    expect(p['default-src']).toBe("'none'");
    expect(p['script-src']).toBe("'self'");
    expect(p['style-src']).toBe("'self'");
    expect(p['connect-src']).toBe("'self'");
    expect(p['frame-ancestors']).toBe("'none'");
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    // No inline script: every <script> loads the project's own bundle by URL.
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(1);
    for (const s of scripts) { expect(s[0]).toMatch(/src="\/graphiql\/assets\/explorer\.js\?v=[0-9a-f]{12}"/); expect(s[1].trim()).toBe(''); }
    expect(html).not.toMatch(/https?:\/\//); // no CDN
  });

  it('serves the bundled GraphiQL script and stylesheet from the app', async () => {
    const html = await (await fetch(`${t.url}/graphiql`)).text();
    const js = /src="([^"]+explorer\.js[^"]*)"/.exec(html)![1];
    const css = /href="([^"]+explorer\.css[^"]*)"/.exec(html)![1];
    const jsRes = await fetch(t.url + js);
    expect(jsRes.status).toBe(200);
    expect(jsRes.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(jsRes.headers.get('cache-control')).toMatch(/immutable/);
    const body = await jsRes.text();
    expect(body.length).toBeGreaterThan(100_000);
    expect(body).toMatch(/graphiql/i);
    const cssRes = await fetch(t.url + css);
    expect(cssRes.status).toBe(200);
    expect(cssRes.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await cssRes.text()).toMatch(/\.graphiql-container/);
    expect((await fetch(`${t.url}/graphiql/assets/other.js`)).status).toBe(404);
  });

  it('keeps the strict API policy on every other route', async () => {
    const res = await fetch(`${t.url}/health/live`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/connect-src/); // the explorer's policy stays on /graphiql
  });

  it('gives the saved examples to signed-in staff only', async () => {
    const anon = await fetch(`${t.url}/graphiql/examples`);
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await fetch(`${t.url}/graphiql/examples`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    const partner = await createActivePartner(t.ds);
    const app = await fetch(`${t.url}/graphiql/examples`, { headers: { authorization: `Bearer ${await t.appToken(partner)}` } });
    expect(app.status).toBe(403);
    expect(((await app.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('admits the examples request as /graphql does: a disabled analyst\'s token is refused at once', async () => {
    const [analystId] = await createStaffUser(t.ds, Role.ANALYST, 'leaving.analyst@explorer.example.gov.in', 'Leaving Analyst', 'leaving-analyst-pw-1')
      .then(async () => (await t.ds.query('SELECT id FROM user_account WHERE email = ?', ['leaving.analyst@explorer.example.gov.in'])).map((r: any) => String(r.id)));
    await createStaffUser(t.ds, Role.NIC_OPERATOR, 'nic@explorer.example.gov.in', 'NIC Operator', 'nic-operator-pw-1');
    const leaving = await t.login('leaving.analyst@explorer.example.gov.in', 'leaving-analyst-pw-1');
    expect((await fetch(`${t.url}/graphiql/examples`, { headers: { authorization: `Bearer ${leaving}` } })).status).toBe(200);
    const nic = await t.login('nic@explorer.example.gov.in', 'nic-operator-pw-1');
    const off = await t.gql('mutation($id: ID!) { disableUser(input: { userId: $id, reason: "Left the department" }) { status } }', { id: analystId }, nic);
    expect(off.body.data.disableUser.status).toBe('DISABLED');
    const res = await fetch(`${t.url}/graphiql/examples`, { headers: { authorization: `Bearer ${leaving}` } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as any;
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/disabled/) });
    expect(JSON.stringify(body)).not.toMatch(/examples|udid/i);
  });

  it('lists the examples of schema/examples with their variables filled in', async () => {
    const res = await fetch(`${t.url}/graphiql/examples`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { examples } = (await res.json()) as any;
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.graphql'));
    expect(examples).toHaveLength(files.length);
    const names = examples.map((e: any) => e.name);
    for (const root of ['recordAccessSummary', 'usageByApplication', 'scrapingAlerts', 'mous', 'benefitSummary']) {
      expect(examples.some((e: any) => e.query.includes(`${root}(`) || e.query.includes(`${root} {`))).toBe(true);
    }
    const page = examples.find((e: any) => e.name === '90-partner-pwds-page');
    expect(page).toMatchObject({ available: true, runsAs: expect.stringMatching(/application/) });
    expect(names).toContain('01-who-accessed-this-udid');
    const who = examples.find((e: any) => e.name === '01-who-accessed-this-udid');
    const udid = JSON.parse(who.variables).udid;
    const rows = await t.ds.query('SELECT udid FROM pwd_record WHERE udid = ?', [udid]);
    expect(rows).toHaveLength(1); // a real seeded UDID, not a placeholder
    const week = JSON.parse(examples.find((e: any) => e.name === '02-usage-per-application-this-week').variables);
    expect(week.to).toBe(t.clock.today());
    expect(week.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const e of examples) {
      expect(e.variables).not.toMatch(/\{\{/);
      expect(typeof e.available).toBe('boolean');
      if (!e.available) expect(e.unavailableReason).toMatch(/Not available on this server yet/);
    }
  });

  it('runs every example this server has as whom it says: no errors', async () => {
    const partner = await createActivePartner(t.ds);
    const appToken = await t.appToken(partner);
    await t.gql('{ pwds(filter: {state: "MH"}, first: 2) { edges { node { udid } } } }', {}, appToken);
    await t.server.services.accessLog.flush();
    const { examples } = (await (await fetch(`${t.url}/graphiql/examples`, { headers: { authorization: `Bearer ${analyst}` } })).json()) as any;
    for (const ex of examples.filter((e: any) => e.available)) {
      const token = /^application/.test(ex.runsAs) ? appToken : analyst;
      const r = await t.gql(ex.query, ex.variables ? JSON.parse(ex.variables) : {}, token);
      expect({ example: ex.name, status: r.status, errors: r.body.errors }).toEqual({ example: ex.name, status: 200, errors: undefined });
    }
  });
});

describe('GraphiQL explorer (GRAPHIQL=off)', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 0, env: { GRAPHIQL: 'off' } }); });
  afterAll(() => t.close());

  it.each(['/graphiql', '/graphiql/assets/explorer.js', '/graphiql/assets/explorer.css', '/graphiql/examples'])('removes %s (404)', async (path) => {
    const res = await fetch(t.url + path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });
});

describe('schema/examples/*.graphql', () => {
  it.each(readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.graphql')))('%s has a title and exactly one named operation', (file) => {
    const text = readFileSync(resolve(EXAMPLES_DIR, file), 'utf8');
    expect(text).toMatch(/^# title: .+/m);
    const ops = parse(text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(ops).toHaveLength(1);
    expect((ops[0] as any).name?.value).toMatch(/^[A-Z][A-Za-z]+$/);
  });
});
