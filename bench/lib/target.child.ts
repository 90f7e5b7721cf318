import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig } from '../../src/core/config/config';
import { openDatabase } from '../../src/app/database';
import { createServer } from '../../src/app/server';
import { createLogger } from '../../src/core/logger';
import { seedPwdRecords } from '../../src/modules/pwd/pwd.seed';
import { createActivePartner } from '../../src/modules/staff/demo.seed';
import type { TargetOptions } from './target';

let session: import('node:inspector').Session | undefined;
/** Sampling allocation profile, including objects already collected: where the garbage comes from. */
async function allocationProfile(m: 'alloc-start' | 'alloc-stop') {
  const inspector = await import('node:inspector');
  const post = (method: string, params?: object) => new Promise<any>((ok, fail) => session!.post(method, params ?? {}, (err, r) => (err ? fail(err) : ok(r))));
  if (m === 'alloc-start') {
    session = new inspector.Session();
    session.connect();
    await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    process.send!({ alloc: 'started' });
  } else {
    const { profile } = await post('HeapProfiler.stopSampling');
    session!.disconnect();
    process.send!({ alloc: profile });
  }
}

/** Child process of startTarget(): boots one server and reports its URL, a token and the seeded UDIDs. */
async function main() {
  const opts: TargetOptions = JSON.parse(process.argv[2]);
  const db = opts.database;
  const ds = await openDatabase(db?.startsWith('mysql://') ? { databaseUrl: db } : { sqlitePath: db ?? ':memory:' });
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM pwd_record');
  if (Number(n) < opts.records) {
    if (db && db !== ':memory:') {
      // A file or MariaDB: seed in a process of its own, so that the server's memory is its own, not the seeder's.
      const compiled = __filename.endsWith('.js');
      execFileSync(process.execPath, [...(compiled ? [] : ['-r', 'ts-node/register/transpile-only']), resolve(__dirname, '../../src/cli/seed' + (compiled ? '.js' : '.ts')), '--records', String(opts.records - Number(n))], {
        env: { ...process.env, ...(db.startsWith('mysql://') ? { DATABASE_URL: db } : { DATABASE_URL: '', SQLITE_PATH: db }) },
        stdio: 'ignore',
      });
    } else {
      await seedPwdRecords(ds, opts.records - Number(n), { batchSize: 2000 });
    }
  }
  let peakRss = process.memoryUsage().rss;
  setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50).unref();
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), PORT: '0', LOG_LEVEL: 'silent', ...opts.env }, { persistSecret: false, signingKeys: false });
  const server = await createServer({ config, ds, log: createLogger('silent'), authorization: opts.authorization, ownsDataSource: true });
  const partner = await createActivePartner(ds, { dailyRecordQuota: 1_000_000_000 });
  // Load, not limits, is measured: budgets far above what the run can spend.
  await ds.query('UPDATE application SET cost_budget = ?, cost_restore_rate = ? WHERE id = ?', [1_000_000_000, 1_000_000_000, partner.applicationId]);
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.clientSecret });
  const res = await fetch(`${url}/oauth/token`, { method: 'POST', body: form });
  const { access_token: token } = (await res.json()) as { access_token: string };
  // A sample of at most 50,000 UDIDs spread over the whole table (the runner picks among them at random).
  const step = Math.max(1, Math.floor(opts.records / 50_000));
  const udids = (await ds.query('SELECT udid FROM pwd_record WHERE id <= ? AND id % ? = 0 ORDER BY id LIMIT 50000', [opts.records, step])).map((r: { udid: string }) => r.udid);
  process.on('message', async (m) => {
    // CPU time of this process (µs): on a shared machine, CPU per request is steadier than wall-clock throughput.
    if (m === 'cpu') { const u = process.cpuUsage(); process.send!({ cpu: u.user + u.system }); return; }
    if (m === 'alloc-start' || m === 'alloc-stop') { await allocationProfile(m); return; }
    if (m === 'rss') { process.send!({ rss: Math.max(peakRss, process.memoryUsage().rss) }); return; }
    await server.close();
    process.exit(0);
  });
  process.on('disconnect', () => process.exit(0)); // the bench runner went away
  process.send!({ url, token, udids });
}

main().catch((err) => { console.error(err); process.exit(1); });
