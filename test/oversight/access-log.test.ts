import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, TestServer, createActivePartner, openTestDatabase, onMysql, TEST_DATABASE_URL } from '../helpers/server';
import { AccessLogWriter } from '../../src/modules/access/access-log';
import { verifyAccessLog } from '../../src/modules/access/access-log.verify';
import { AccessEventInput } from '../../src/core/audit/access-sink';
import { createLogger } from '../../src/core/logger';
import { openDatabase } from '../../src/app/database';

const run = promisify(execFile);
const event = (i: number): AccessEventInput => ({
  applicationId: 1 + (i % 3), organizationId: 1, udid: `MH01101199${String(i).padStart(7, '0')}1`.slice(0, 18), source: 'pwd', scopes: 'pwd:identity',
  fields: 'udid,name', operationName: i % 2 ? 'Lookup' : null, requestId: `req-${i}`, sourceIp: '127.0.0.1', occurredAt: new Date(Date.UTC(2026, 10, 1, 0, 0, 0, i)),
});

describe('the access log over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 200 }); });
  afterAll(() => t.close());

  it('records one event per record served, with application, scopes, fields, operation, request id and source IP', async () => {
    const p = await createActivePartner(t.ds, { scopes: ['pwd:identity' as any, 'pwd:search' as any, 'pwd:verify' as any] });
    const token = await t.appToken(p);
    const [r] = await t.ds.query('SELECT udid, date_of_birth FROM pwd_record ORDER BY id LIMIT 1');
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'trace-one' },
      body: JSON.stringify({ operationName: 'Look', query: `query Look($u: UDID!) { pwd(udid: $u) { udid ...N } } fragment N on PwdRecord { name }`, variables: { u: r.udid } }),
    });
    expect(res.status).toBe(200);
    await t.gql(`query V($u: UDID!, $d: Date!) { verifyUdid(udid: $u, dateOfBirth: $d) { valid } }`, { u: r.udid, d: String(r.date_of_birth).slice(0, 10) }, token);
    await t.gql(`{ pwds(filter: {}, first: 3) { edges { node { udid } } } }`, undefined, token);
    await t.gql(`{ pwd(udid: "ZZ0000000000000000") { udid } }`, undefined, token); // unknown: nothing served, nothing logged
    await t.server.services.accessLog.flush();
    const rows = await t.ds.query('SELECT * FROM access_event WHERE application_id = ? ORDER BY id', [p.applicationId]);
    expect(rows.map((e: any) => e.source)).toEqual(['pwd', 'verifyUdid', 'pwds', 'pwds', 'pwds']);
    expect(rows[0]).toMatchObject({
      organization_id: p.organizationId, udid: r.udid, scopes: 'pwd:identity pwd:search pwd:verify', fields: 'name,udid',
      operation_name: 'Look', request_id: 'trace-one', source_ip: '127.0.0.1',
    });
    expect(rows[1].fields).toBe('valid,cardStatus,validUntil,percentageBand');
    // Fields outside the token's scopes come back null (FORBIDDEN) and are not logged as accessed.
    await t.gql(`query Wide($u: UDID!) { pwd(udid: $u) { udid name mobile aadhaarLast4 } }`, { u: r.udid }, token);
    await t.server.services.accessLog.flush();
    const [wide] = await t.ds.query("SELECT fields FROM access_event WHERE operation_name = 'Wide'");
    expect(wide.fields).toBe('name,udid');
  });

  it('under concurrent load, graceful close() leaves exactly as many events as records served, with an intact chain', async () => {
    const p = await createActivePartner(t.ds);
    const token = await t.appToken(p);
    const udids: string[] = (await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 60')).map((x: any) => x.udid);
    const before = Number((await t.ds.query('SELECT COUNT(*) AS n FROM access_event'))[0].n);
    const requests = Array.from({ length: 60 }, (_, i) => i % 4 === 0
      ? t.gql(`query($a: String) { pwds(filter: {}, first: 5, after: $a) { edges { node { udid } } } }`, { a: null }, token)
      : t.gql(`query($u: UDID!) { pwd(udid: $u) { udid } }`, { u: udids[i] }, token));
    const results = await Promise.all(requests);
    const served = results.reduce((n, r) => n + (r.body.data?.pwds ? r.body.data.pwds.edges.length : r.body.data?.pwd ? 1 : 0), 0);
    expect(served).toBe(15 * 5 + 45);
    await t.server.close(); // SIGTERM path: drain, flush the access log
    const after = Number((await t.ds.query('SELECT COUNT(*) AS n FROM access_event'))[0].n);
    expect(after - before).toBe(served);
    expect(await verifyAccessLog(t.ds)).toMatchObject({ ok: true, problem: null });
  });
});

describe('the hash chain', () => {
  it('holds when several writers (processes) flush concurrent batches', async () => {
    const { ds, drop } = await openTestDatabase();
    try {
      const log = createLogger('silent');
      const writers = [new AccessLogWriter(ds, log, { maxBatch: 7, intervalMs: 5 }), new AccessLogWriter(ds, log, { maxBatch: 11, intervalMs: 5 })];
      for (let i = 0; i < 300; i++) writers[i % 2].record(event(i));
      await Promise.all(writers.map((w) => w.close()));
      const report = await verifyAccessLog(ds, { pageSize: 50 });
      expect(report).toMatchObject({ ok: true, checked: 300 });
    } finally {
      await drop();
    }
  });

  it('audit verification reports the first altered event, a deleted event and removed latest events', async () => {
    const { ds, drop } = await openTestDatabase();
    try {
      const w = new AccessLogWriter(ds, createLogger('silent'));
      for (let i = 0; i < 20; i++) w.record(event(i));
      await w.close();
      expect((await verifyAccessLog(ds)).ok).toBe(true);

      const [orig] = await ds.query('SELECT udid FROM access_event WHERE id = 7');
      await ds.query("UPDATE access_event SET udid = 'KA0000000000000000' WHERE id = 7");
      expect((await verifyAccessLog(ds)).problem).toMatchObject({ kind: 'ALTERED', eventId: 7 });
      await ds.query('UPDATE access_event SET udid = ? WHERE id = 7', [orig.udid]);
      expect((await verifyAccessLog(ds)).ok).toBe(true);

      await ds.query('DELETE FROM access_event WHERE id = 12');
      const missing = await verifyAccessLog(ds);
      expect(missing.problem).toMatchObject({ kind: 'MISSING', eventId: 13 });
      expect(missing.checked).toBe(11);

      const fresh = await openTestDatabase();
      try {
        const w2 = new AccessLogWriter(fresh.ds, createLogger('silent'));
        for (let i = 0; i < 5; i++) w2.record(event(i));
        await w2.close();
        await fresh.ds.query('DELETE FROM access_event WHERE id = 5');
        expect((await verifyAccessLog(fresh.ds)).problem).toMatchObject({ kind: 'MISSING', eventId: 5 });
      } finally {
        await fresh.drop();
      }
    } finally {
      await drop();
    }
  });

  it('npm run audit:verify exits 0 on an intact log and 1 naming the first tampered event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'udx-audit-'));
    let env: Record<string, string>;
    let ds;
    let dropDb = async () => undefined as unknown;
    if (onMysql) {
      const db = await openTestDatabase();
      ds = db.ds;
      dropDb = db.drop;
      const url = new URL(TEST_DATABASE_URL!);
      url.pathname = `/${ds.options.database}`;
      env = { DATABASE_URL: url.toString() };
    } else {
      const file = join(dir, 'audit.sqlite');
      ds = await openDatabase({ sqlitePath: file });
      env = { SQLITE_PATH: file };
    }
    try {
      const w = new AccessLogWriter(ds, createLogger('silent'));
      for (let i = 0; i < 10; i++) w.record(event(i));
      await w.close();
      if (!onMysql) await ds.destroy();
      const cli = (extra: Record<string, string>) => run('npx', ['ts-node', '--transpile-only', 'src/cli/audit-verify.ts'], { env: { ...process.env, ...extra, NODE_ENV: 'test', DATA_DIR: dir } })
        .then((r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: String(e.stdout) }));
      const ok = await cli(env);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/intact: 10 events/);
      if (!onMysql) ds = await openDatabase({ sqlitePath: env.SQLITE_PATH });
      await ds.query("UPDATE access_event SET source_ip = '10.0.0.9' WHERE id = 4");
      if (!onMysql) await ds.destroy();
      const bad = await cli(env);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/BROKEN at event 4 \(ALTERED\)/);
    } finally {
      if (onMysql) await dropDb(); else if (ds.isInitialized) await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
