import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startTestServer, TestServer, createActivePartner, onMysql, openTestDatabase, TEST_DATABASE_URL } from '../helpers/server';
import { seedPwdRecords } from '../../src/modules/pwd/pwd.seed';
import { ReportBenefitsDocument } from '../generated/graphql';
import { cards, count, ref, report } from '../helpers/benefit';
import { print } from 'graphql';

const inList = (refs: string[]) => `(${refs.map(() => '?').join(',')})`;

describe('a benefit batch is stored whole or not at all', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 100 }); });
  afterAll(() => t.close());

  it('a failure mid-transaction (after the rows were inserted) leaves none of the batch; the retry stores all of it', async () => {
    const p = await createActivePartner(t.ds);
    const token = await t.appToken(p);
    const c = await cards(t.ds, 100);
    // The last statement of the batch transaction updates the application row: make it fail.
    if (onMysql) {
      await t.ds.query(`CREATE TRIGGER fail_benefit_batch BEFORE UPDATE ON application FOR EACH ROW
        BEGIN IF NEW.id = ${p.applicationId} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'; END IF; END`);
    } else {
      await t.ds.query(`CREATE TRIGGER fail_benefit_batch BEFORE UPDATE ON application WHEN NEW.id = ${p.applicationId}
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    }
    const inputs = Array.from({ length: 500 }, (_, i) => report(c[i % 100].udid, { clientReference: ref('CRASH') }));
    const refs = inputs.map((i) => i.clientReference);
    const failed = await t.op(ReportBenefitsDocument, { inputs }, token);
    expect(failed.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(failed.errors?.[0].message).not.toMatch(/injected|trigger|SQL/i);
    expect(await count(t.ds, `SELECT COUNT(*) FROM benefit_report WHERE client_reference IN ${inList(refs)}`, refs)).toBe(0);
    expect(await count(t.ds, 'SELECT COUNT(*) FROM application WHERE id = ? AND last_benefit_report_at IS NULL', [p.applicationId])).toBe(1);
    await t.ds.query('DROP TRIGGER fail_benefit_batch');
    const retried = await t.op(ReportBenefitsDocument, { inputs }, token);
    expect(retried.data!.reportBenefits).toMatchObject({ accepted: 500, duplicates: 0, rejected: 0 });
  });

  (onMysql ? it : it.skip)('a server killed (SIGKILL) mid-transaction leaves none of the batch (MariaDB)', async () => {
    const { ds, drop } = await openTestDatabase();
    let child: ChildProcess | null = null;
    const lock = ds.createQueryRunner();
    const peek = ds.createQueryRunner();
    try {
      await seedPwdRecords(ds, 100);
      const p = await createActivePartner(ds);
      const c = await cards(ds, 100);
      const dbUrl = new URL(TEST_DATABASE_URL!);
      dbUrl.pathname = '/' + (ds.options.database as string);
      child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', resolve(__dirname, '../fixtures/benefit-server.child.ts')], {
        env: { ...process.env, DATABASE_URL: dbUrl.toString(), JWT_SECRET: randomBytes(32).toString('hex'), TS_NODE_TRANSPILE_ONLY: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const port = await new Promise<number>((res, rej) => {
        let out = '';
        child!.stdout!.on('data', (d) => { out += d; const m = /READY (\d+)/.exec(out); if (m) res(Number(m[1])); });
        child!.stderr!.on('data', (d) => { out += d; });
        child!.on('exit', (code) => rej(new Error(`child exited ${code}: ${out}`)));
      });
      const url = `http://127.0.0.1:${port}`;
      const tok = await fetch(`${url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.clientSecret }) });
      const token = ((await tok.json()) as any).access_token;

      // Hold the application row: the batch inserts its 500 rows, then waits on this lock before it can commit.
      await lock.connect();
      await lock.startTransaction();
      await lock.query('SELECT id FROM application WHERE id = ? FOR UPDATE', [p.applicationId]);
      await peek.connect();
      await peek.query('SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED');

      const inputs = Array.from({ length: 500 }, (_, i) => report(c[i % 100].udid, { clientReference: ref('KILL') }));
      const refs = inputs.map((i) => i.clientReference);
      const pending = fetch(`${url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: print(ReportBenefitsDocument), variables: { inputs } }),
      }).catch(() => null);
      const uncommitted = async () => Number((await peek.query(`SELECT COUNT(*) AS n FROM benefit_report WHERE client_reference IN ${inList(refs)}`, refs))[0].n);
      for (let i = 0; i < 300 && (await uncommitted()) < 500; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await uncommitted()).toBe(500); // inserted, not committed: mid-transaction

      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      await pending;
      await lock.rollbackTransaction();
      for (let i = 0; i < 200 && (await uncommitted()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await uncommitted()).toBe(0);
      expect(await count(ds, `SELECT COUNT(*) FROM benefit_report WHERE client_reference IN ${inList(refs)}`, refs)).toBe(0);
      expect(await count(ds, 'SELECT COUNT(*) FROM application WHERE id = ? AND last_benefit_report_at IS NULL', [p.applicationId])).toBe(1);
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      if (lock.isTransactionActive) await lock.rollbackTransaction().catch(() => undefined);
      await lock.release();
      await peek.release();
      await drop();
    }
  }, 120_000);
});
