import { GraphQLSchema, getNamedType, isLeafType, isNonNullType } from 'graphql';
import { createActivePartner, startTestServer, TestServer } from './helpers/server';

/**
 * GET /metrics (issue 14): stock Node metric names, labels from fixed sets whatever callers send,
 * pool / Redis / access-log gauges, and who may read the endpoint (METRICS_ALLOW, METRICS_PORT).
 */

/** Series in a Prometheus text answer (every sample line). */
const seriesOf = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#'));

/** Small seeded PRNG (mulberry32): the random documents are the same on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Documents an anonymous caller could send: random mixes of the schema's root fields (those without
 * required arguments, so they validate), random aliases, repeats, operation names, fragments,
 * inline fragments, unknown fields and names in the operation type position.
 */
function randomDocuments(schema: GraphQLSchema, n: number, seed: number): { query: string; operationName?: string }[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const word = () => Math.floor(rnd() * 36 ** 6).toString(36).replace(/^\d+/, '') || 'x';
  const root = Object.values(schema.getQueryType()!.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`));
  const fields = [...root, '__typename', '__typename', '__schema { queryType { name } }'];
  const out: { query: string; operationName?: string }[] = [];
  for (let i = 0; i < n; i++) {
    const sel = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => {
      const f = rnd() < 0.15 ? `f${word()}` : pick(fields);
      return rnd() < 0.5 ? `a${word()}: ${f}` : f;
    });
    const name = `Op${word()}`;
    const kind = rnd();
    if (kind < 0.2) out.push({ query: `query ${name} { ...F${name} } fragment F${name} on Query { ${sel.join(' ')} }`, operationName: name });
    else if (kind < 0.35) out.push({ query: `{ ... on Query { ${sel.join(' ')} } }` });
    else if (kind < 0.4) out.push({ query: `${word()} ${name} { ${sel.join(' ')} }` });
    else if (kind < 0.45) out.push({ query: `mutation ${name} { ${sel.join(' ')} }`, operationName: name });
    else out.push({ query: `query ${name} { ${sel.join(' ')} }`, operationName: rnd() < 0.8 ? name : word() });
  }
  return out;
}

describe('metrics: names and bounded labels', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 20 }); });
  afterAll(() => t.close());
  const scrape = async () => (await fetch(`${t.url}/metrics`)).text();
  const send = (body: object) => fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.text());

  it('keeps the stock names of Node\'s default metrics (process_*, nodejs_*), with no doubled prefix', async () => {
    const text = await scrape();
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).not.toMatch(/udx_process_|process_process_/);
  });

  it('500 requests with random root fields, aliases and operation names do not grow the series past the schema\'s root fields', async () => {
    const before = seriesOf(await scrape()).length;
    const run = async (docs: { query: string; operationName?: string }[]) => {
      for (let i = 0; i < docs.length; i += 10) await Promise.all(docs.slice(i, i + 10).map(send));
      return seriesOf(await scrape()).length;
    };
    const afterFirst = await run(randomDocuments(t.server.schema, 500, 1));
    const afterSecond = await run(randomDocuments(t.server.schema, 250, 2));
    process.stdout.write(`metrics series: ${before} before, ${afterFirst} after 500 random requests, ${afterSecond} after 250 more\n`);
    // Values of `operation`: `<type>:<root field>` (or __typename), `<type>:multiple`, other, '-'.
    const operations = new Set(seriesOf(await scrape()).flatMap((l) => /operation="([^"]*)"/.exec(l)?.[1] ?? []));
    const schema = t.server.schema;
    const roots: Record<string, string[]> = {
      query: [...Object.keys(schema.getQueryType()!.getFields()), '__schema', '__type'],
      mutation: Object.keys(schema.getMutationType()!.getFields()),
    };
    const fixed = (op: string) => {
      if (op === 'other' || op === '-') return true;
      const [type, field] = op.split(':');
      return !!roots[type] && (field === 'multiple' || field === '__typename' || roots[type].includes(field));
    };
    expect([...operations].filter((op) => !fixed(op))).toEqual([]);
    // Each operation value costs one latency histogram (15 series) and a few counters (codes × statuses).
    expect(afterFirst - before).toBeLessThanOrEqual(operations.size * 20);
    // The label sets are fixed: a second, different batch adds (almost) nothing.
    expect(afterSecond - afterFirst).toBeLessThanOrEqual(20);
  }, 60_000);

  it('labels code with §9 codes only and puts the HTTP status in its own label', async () => {
    await fetch(`${t.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'wrong' }) });
    await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' }, body: '{"query":"{ __typename }"}' });
    await fetch(`${t.url}/benefit-reports/${Math.random().toString(36).slice(2)}`);
    const lines = seriesOf(await scrape()).filter((l) => l.startsWith('udx_http_requests_total'));
    expect(lines.some((l) => /route="\/oauth\/token".*code="UNAUTHENTICATED",status="401"/.test(l))).toBe(true);
    expect(lines.some((l) => /route="\/graphql".*code="BAD_USER_INPUT",status="400"/.test(l))).toBe(true);
    expect(lines.some((l) => /route="\/graphql".*code="UNAUTHENTICATED",status="401"/.test(l))).toBe(true);
    expect(lines.some((l) => /route="\/benefit-reports",.*code="NOT_FOUND",status="404"/.test(l))).toBe(true);
    const codes = new Set(lines.map((l) => /code="([^"]*)"/.exec(l)![1]));
    for (const c of codes) expect(c).toMatch(/^(OK|OTHER|UNAUTHENTICATED|FORBIDDEN|[A-Z_]+_(FAILED|INPUT|FOUND|ERROR|COMPLEX|DEEP|UNAVAILABLE)|THROTTLED|CONFLICT)$/);
    for (const l of lines) expect(l).toMatch(/,status="\d{3}"\} /);
  });

  it('counts access-log write failures (the events are kept) and the events written', async () => {
    const p = await createActivePartner(t.ds);
    const token = await t.appToken(p);
    const [{ udid }] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
    const value = (text: string, name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
    await t.server.services.accessLog.flush();
    const start = await scrape();
    await t.ds.query('ALTER TABLE access_event RENAME TO access_event_away');
    try {
      expect((await t.gql('query($u: UDID!) { pwd(udid: $u) { udid } }', { u: udid }, token)).body.data.pwd.udid).toBe(udid);
      await t.server.services.accessLog.flush();
      const failing = await scrape();
      expect(value(failing, 'udx_access_log_write_failures_total')).toBeGreaterThan(value(start, 'udx_access_log_write_failures_total'));
      expect(value(failing, 'udx_access_log_queue_depth')).toBe(1);
    } finally {
      await t.ds.query('ALTER TABLE access_event_away RENAME TO access_event');
    }
    await t.server.services.accessLog.flush();
    const after = await scrape();
    expect(value(after, 'udx_access_log_queue_depth')).toBe(0);
    expect(value(after, 'udx_access_log_events_written_total')).toBe(value(start, 'udx_access_log_events_written_total') + 1);
  });

  it('reports the database pool on MySQL/MariaDB (in use, idle, max, waiting); SQLite has no pool', async () => {
    const text = await scrape();
    if (t.ds.options.type === 'mysql') {
      expect(text).toMatch(/^udx_db_pool_connections\{state="in_use"\} \d+/m);
      expect(text).toMatch(/^udx_db_pool_connections\{state="idle"\} \d+/m);
      expect(text).toMatch(/^udx_db_pool_connections\{state="max"\} [1-9]\d*/m);
      expect(text).toMatch(/^udx_db_pool_waiting_requests \d+/m);
    } else {
      expect(text).not.toMatch(/udx_db_pool_/);
    }
    expect(text).not.toMatch(/udx_redis_/); // no REDIS_URL
  });
});

describe('metrics: Redis state', () => {
  it('shows Redis down (udx_redis_up 0) and counts the operations that fell back to process memory', async () => {
    const t = await startTestServer({ records: 5, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const token = await t.appToken(await createActivePartner(t.ds));
      await t.gql('{ me { grantedScopes } }', undefined, token);
      const text = await (await fetch(`${t.url}/metrics`)).text();
      expect(text).toMatch(/^udx_redis_up 0$/m);
      expect(Number(/^udx_redis_fallbacks_total (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  }, 30_000);

  (process.env.TEST_REDIS_URL ? it : it.skip)('shows Redis up (udx_redis_up 1) with no fallbacks', async () => {
    const t = await startTestServer({ records: 5, env: { REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_KEY_PREFIX: `udx-metrics-${process.pid}:` } });
    try {
      const token = await t.appToken(await createActivePartner(t.ds));
      await t.gql('{ me { grantedScopes } }', undefined, token);
      const text = await (await fetch(`${t.url}/metrics`)).text();
      expect(text).toMatch(/^udx_redis_up 1$/m);
      expect(text).toMatch(/^udx_redis_fallbacks_total 0$/m);
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('metrics: who may read /metrics', () => {
  it('serves loopback by default; a peer outside METRICS_ALLOW (also through a trusted proxy) gets 404', async () => {
    const open = await startTestServer({ records: 0, env: { TRUST_PROXY: '127.0.0.1' } });
    const closed = await startTestServer({ records: 0, env: { METRICS_ALLOW: '10.0.0.0/8,2001:db8::/32' } });
    try {
      const loopback = await fetch(`${open.url}/metrics`);
      expect([loopback.status, loopback.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/plain/)]);
      // A client forwarded by the trusted proxy is that client, not loopback.
      const forwarded = await fetch(`${open.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(forwarded.status).toBe(404);
      const outside = await fetch(`${closed.url}/metrics`);
      expect(outside.status).toBe(404);
      expect(((await outside.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    } finally {
      await open.close();
      await closed.close();
    }
  });

  it('with METRICS_PORT, serves /metrics on that port only (404 on the main port and for anything else there)', async () => {
    const t = await startTestServer({ records: 0, env: { METRICS_PORT: '0' } });
    try {
      const port = (t.server.metricsServer!.address() as { port: number }).port;
      expect(port).not.toBe(Number(new URL(t.url).port));
      expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
      const own = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('udx_http_requests_total');
      expect((await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(404);
    } finally {
      await t.close();
    }
    expect(t.server.metricsServer!.listening).toBe(false);
  });
});
