import { startTestServer, TestServer } from './helpers/server';

/** GET /dashboard: a page and its bundle only, with the explorer's headers (the browser test covers the rest). */
const csp = (res: Response) => Object.fromEntries((res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));

describe('staff dashboard (GRAPHIQL=on)', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 0 }); });
  afterAll(() => t.close());

  it('serves the page with the headers of a sensitive admin page, no inline script, no CDN', async () => {
    const res = await fetch(`${t.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const p = csp(res);
    expect(p).toMatchObject({ 'default-src': "'none'", 'script-src': "'self'", 'style-src': "'self'", 'connect-src': "'self'", 'frame-ancestors': "'none'" });
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0][0]).toMatch(/src="\/dashboard\/assets\/dashboard\.js\?v=[0-9a-f]{12}"/);
    expect(scripts[0][1].trim()).toBe('');
    expect(html).not.toMatch(/https?:\/\//);
    // The page talks to the API only: POST /graphql and the staff sign-in.
    expect(html).toContain('data-endpoint="/graphql"');
    expect(html).toContain('data-login="/auth/login"');
  });

  it('serves its bundle (React, charts, spreadsheet export) from the app, versioned and immutable', async () => {
    const html = await (await fetch(`${t.url}/dashboard`)).text();
    for (const [re, type] of [[/src="([^"]+dashboard\.js[^"]*)"/, /^text\/javascript/], [/href="([^"]+dashboard\.css[^"]*)"/, /^text\/css/]] as const) {
      const res = await fetch(t.url + re.exec(html)![1]);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('cache-control')).toMatch(/immutable/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    }
    const js = await (await fetch(`${t.url}/dashboard/assets/dashboard.js`)).text();
    expect(js).toMatch(/benefitSummary/);
    expect(js).toMatch(/acknowledgeScrapingAlert/);
    expect((await fetch(`${t.url}/dashboard/assets/other.js`)).status).toBe(404);
  });
});

describe('staff dashboard (GRAPHIQL=off)', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 0, env: { GRAPHIQL: 'off' } }); });
  afterAll(() => t.close());

  it.each(['/dashboard', '/dashboard/assets/dashboard.js', '/dashboard/assets/dashboard.css'])('removes %s (404)', async (path) => {
    expect((await fetch(t.url + path)).status).toBe(404);
  });
});
