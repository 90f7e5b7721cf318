/**
 * Benefit ingest benchmark (issue 6): reportBenefits in batches of 500 on MariaDB, and a
 * 100,000-row CSV through POST /benefit-reports/upload, against the real server started as its own
 * process from the build (`node dist/src/main.js`), so that its RSS is measured alone.
 *
 *   npx ts-node --transpile-only bench/ingest.ts            full run (MariaDB next to BENCH_DATABASE_URL, else SQLite)
 *   npx ts-node --transpile-only bench/ingest.ts --smoke    small and quick
 *
 * Baseline in the same run: the same rows inserted straight into the database in multi-row INSERTs
 * of 500 (no HTTP, no GraphQL, no validation), so the API figure reads as a ratio to what the
 * database alone does on this machine.
 */
import 'reflect-metadata';
import { spawn, execFileSync, ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../src/app/database';
import { isMysql } from '../src/core/db/database';
import { ROOT, START_FLAGS } from './lib/bench';


const MUTATION = 'mutation($inputs: [BenefitReportInput!]!) { reportBenefits(inputs: $inputs) { accepted duplicates rejected } }';

export interface IngestOptions { smoke: boolean; databaseUrl?: string; batches: number; concurrency: number; csvRows: number; seedRecords: number }
export interface IngestResult {
  database: 'mysql' | 'sqlite';
  api: { reports: number; seconds: number; perSecond: number; concurrency: number; serverPeakRssMb: number };
  baseline: { reports: number; seconds: number; perSecond: number };
  upload: { rows: number; megabytes: number; seconds: number; rowsPerSecond: number; accepted: number; serverPeakRssMb: number; serverRssBeforeMb: number };
}

const freePort = () => new Promise<number>((res) => { const s = net.createServer().listen(0, () => { const p = (s.address() as net.AddressInfo).port; s.close(() => res(p)); }); });
const rssMb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

/** The server as its own process, from the build, with `npm start`'s node flags; seeds the synthetic records and the demo partner on first start. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; creds: any }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...START_FLAGS, join(ROOT, 'dist/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'warn', GRAPHIQL: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d) => { errors = (errors + d).slice(-4000); });
  child.on('exit', (code) => { if (code) process.stderr.write(`server exited with ${code}: ${errors}\n`); });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try { if ((await fetch(`${url}/health/ready`)).ok && existsSync(join(env.DATA_DIR, 'demo-credentials.json'))) break; } catch { /* not yet */ }
    if (i > 1200) throw new Error('server did not start within 10 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, url, creds: JSON.parse(readFileSync(join(env.DATA_DIR, 'demo-credentials.json'), 'utf8')) };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function token(url: string, creds: any): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: creds.partner.clientId, client_secret: creds.partner.clientSecret }) });
  return ((await res.json()) as { access_token: string }).access_token;
}

interface Card { udid: string; issuedOn: string }
const benefitDate = (card: Card) => (card.issuedOn > '2026-01-01' ? card.issuedOn : '2026-01-01');
const item = (card: Card, ref: string, i: number) => ({
  udid: card.udid, schemeCode: ['IGNDPS', 'PMS', 'ADIP', 'SIPDA'][i % 4], schemeName: 'Benchmark scheme', benefitType: ['PENSION', 'SCHOLARSHIP', 'ASSISTIVE_DEVICE', 'SKILL_TRAINING'][i % 4],
  amountPaise: (i % 7) * 10_000 + 100, benefitDate: benefitDate(card), clientReference: ref, remarks: null,
});

/** reportBenefits, `batches` × 500 items, `concurrency` calls in flight. */
async function apiPhase(url: string, tok: string, cards: Card[], o: IngestOptions, run: string): Promise<{ reports: number; seconds: number }> {
  const send = async (b: number) => {
    const inputs = Array.from({ length: 500 }, (_, i) => item(cards[(b * 500 + i) % cards.length], `API-${run}-${b}-${i}`, i));
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` }, body: JSON.stringify({ query: MUTATION, variables: { inputs } }) });
    const body = (await res.json()) as any;
    if (body.data?.reportBenefits?.accepted !== 500) throw new Error(`batch ${b}: ${JSON.stringify(body).slice(0, 300)}`);
  };
  await send(o.batches); // warm-up (not timed)
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: o.concurrency }, async () => { while (next < o.batches) await send(next++); }));
  return { reports: o.batches * 500, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The database alone: the same number of rows in multi-row INSERTs of 500, one transaction each. */
async function baselinePhase(ds: DataSource, cards: Card[], reports: number, run: string): Promise<{ reports: number; seconds: number }> {
  const [app] = await ds.query('SELECT id, organization_id FROM application ORDER BY id LIMIT 1');
  const cols = 'application_id, organization_id, udid, pwd_id, state_code, scheme_code, scheme_name, benefit_type, amount_paise, benefit_date, client_reference, remarks, channel, status, created_at';
  const started = process.hrtime.bigint();
  for (let b = 0; b < reports / 500; b++) {
    const values: unknown[] = [];
    for (let i = 0; i < 500; i++) {
      const it = item(cards[(b * 500 + i) % cards.length], `BASE-${run}-${b}-${i}`, i);
      values.push(app.id, app.organization_id, it.udid, 1, it.udid.slice(0, 2), it.schemeCode, it.schemeName, it.benefitType, it.amountPaise, it.benefitDate, it.clientReference, null, 'API', 'ACTIVE', '2026-01-01 00:00:00.000');
    }
    await ds.transaction((m) => m.query(`INSERT INTO benefit_report (${cols}) VALUES ${Array.from({ length: 500 }, () => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`, values));
  }
  return { reports, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** A `rows`-row CSV on disk, then POSTed as a stream; the server's RSS is sampled meanwhile. */
async function uploadPhase(url: string, tok: string, pid: number, cards: Card[], rows: number, dir: string, run: string) {
  const file = join(dir, 'benefits.csv');
  const out = createWriteStream(file);
  out.write('udid,schemeCode,schemeName,benefitType,amountPaise,benefitDate,clientReference,remarks\n');
  for (let i = 0; i < rows; i++) {
    const it = item(cards[i % cards.length], `CSV-${run}-${i}`, i);
    if (!out.write(`${it.udid},${it.schemeCode},${it.schemeName},${it.benefitType},${it.amountPaise},${it.benefitDate},${it.clientReference},\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const size = statSync(file).size;
  const before = rssMb(pid, 'VmRSS');
  let peak = before;
  const sampler = setInterval(() => { try { peak = Math.max(peak, rssMb(pid, 'VmRSS')); } catch { /* exited */ } }, 50);
  const started = process.hrtime.bigint();
  const body = await new Promise<any>((res, rej) => {
    const u = new URL(`${url}/benefit-reports/upload?results=problems`);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'text/csv', 'content-length': String(size) } }, (r) => {
      let data = '';
      r.on('data', (d) => (data += d));
      r.on('end', () => { try { res(JSON.parse(data)); } catch (e) { rej(e); } });
    });
    req.on('error', rej);
    createReadStream(file).pipe(req);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid, 'VmHWM'));
  if (body.totals?.accepted !== rows) throw new Error(`upload: ${JSON.stringify(body).slice(0, 500)}`);
  return { rows, megabytes: Math.round((size / 1048576) * 10) / 10, seconds, rowsPerSecond: Math.round(rows / seconds), accepted: body.totals.accepted, serverPeakRssMb: peak, serverRssBeforeMb: before };
}

export async function runIngest(o: IngestOptions): Promise<IngestResult> {
  // The smoke run reuses an existing build (CI has just built it for `npm start`); a full run rebuilds.
  if (!existsSync(join(ROOT, 'dist/src/main.js')) || (!o.smoke && process.env.BENCH_BUILD !== 'skip' && !__filename.endsWith('.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'udx-bench-ingest-'));
  const run = Date.now().toString(36);
  let dbUrl = o.databaseUrl;
  if (dbUrl) {
    // A fresh database each run.
    const admin = new URL(dbUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/mysql';
    const ds0 = await openDatabase({ databaseUrl: admin.toString(), migrate: false });
    await ds0.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await ds0.destroy();
  }
  const env = { DATA_DIR: dir, SEED_RECORDS: String(o.seedRecords), ...(dbUrl ? { DATABASE_URL: dbUrl } : { SQLITE_PATH: join(dir, 'bench.sqlite') }) };
  let s: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    s = await startServer(env);
    const ds = await openDatabase({ databaseUrl: dbUrl, sqlitePath: dbUrl ? undefined : join(dir, 'bench.sqlite'), migrate: false });
    const cards: Card[] = (await ds.query('SELECT udid, card_issued_on FROM pwd_record ORDER BY id LIMIT 5000'))
      .map((r: any) => ({ udid: r.udid, issuedOn: String(r.card_issued_on instanceof Date ? r.card_issued_on.toISOString() : r.card_issued_on).slice(0, 10) }));
    // DEPwD sets each application's cost budget; a bulk reporter of pensions paid gets one sized for its
    // batches. The demo partner's (100 points/s, 500 for reporting) would measure the budget, not ingest.
    await ds.query('UPDATE application SET cost_budget = ?, cost_restore_rate = ? WHERE client_id = ?', [10_000_000, 1_000_000, s.creds.partner.clientId]);
    const api = await apiPhase(s.url, await token(s.url, s.creds), cards, o, run);
    const apiPeak = rssMb(s.child.pid!, 'VmHWM');
    const baseline = await baselinePhase(ds, cards, api.reports, run);
    // A fresh server process for the upload, so that its peak RSS is the upload's own.
    await stopServer(s.child);
    s = await startServer(env);
    const upload = await uploadPhase(s.url, await token(s.url, s.creds), s.child.pid!, cards, o.csvRows, dir, run);
    await stopServer(s.child);
    const database = isMysql(ds) ? 'mysql' : 'sqlite';
    await ds.destroy();
    return {
      database,
      api: { ...api, perSecond: Math.round(api.reports / api.seconds), concurrency: o.concurrency, serverPeakRssMb: apiPeak },
      baseline: { ...baseline, perSecond: Math.round(baseline.reports / baseline.seconds) },
      upload,
    };
  } finally {
    if (s) await stopServer(s.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function mysqlReachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((res) => {
    const s = net.connect(Number(u.port || 3306), u.hostname, () => { s.end(); res(true); });
    s.on('error', () => res(false));
  });
}

/**
 * Options for a run: small and quick with `smoke`. On MariaDB when BENCH_DATABASE_URL is set — in a
 * database of its own next to that one (`<name>_ingest`, dropped and re-created each run: the named
 * database itself is never touched) — else on a SQLite file.
 */
async function optionsFor(smoke: boolean): Promise<IngestOptions> {
  let url: string | undefined;
  if (process.env.BENCH_DATABASE_URL) {
    const u = new URL(process.env.BENCH_DATABASE_URL);
    u.pathname = `/${u.pathname.slice(1) || 'udid'}_ingest`;
    url = u.toString();
    if (!(await mysqlReachable(url))) throw new Error(`MariaDB is not reachable at ${process.env.BENCH_DATABASE_URL}.`);
  }
  return smoke
    ? { smoke, databaseUrl: url, batches: 4, concurrency: 2, csvRows: 2_000, seedRecords: 2_000 }
    : { smoke, databaseUrl: url, batches: 60, concurrency: 4, csvRows: 100_000, seedRecords: 10_000 };
}

function describe(r: IngestResult, smoke: boolean): string {
  const ratio = (r.api.perSecond / r.baseline.perSecond).toFixed(2);
  return [
    `### Benefit ingest (${r.database}${smoke ? ', smoke' : ''})`,
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    `| reportBenefits, batches of 500, ${r.api.concurrency} in flight | ${r.api.perSecond} reports/s (${r.api.reports} in ${r.api.seconds.toFixed(2)} s) | ≥ 5,000/s |`,
    `| baseline: multi-row INSERT of 500, no API | ${r.baseline.perSecond} rows/s (API / baseline ${ratio}) | |`,
    `| CSV upload, ${r.upload.rows} rows (${r.upload.megabytes} MB) | ${r.upload.seconds.toFixed(1)} s (${r.upload.rowsPerSecond} rows/s) | < 30 s |`,
    `| server peak RSS during the upload | ${r.upload.serverPeakRssMb} MB (${r.upload.serverRssBeforeMb} MB before) | < 300 MB |`,
    `| server peak RSS during reportBenefits | ${r.api.serverPeakRssMb} MB | |`,
  ].join('\n');
}

/** The scenario for bench/run.ts (`npm run bench -- --scenario ingest`). */
export const ingestScenario = {
  description: 'Benefit ingest: reportBenefits in batches of 500 and a 100,000-row CSV upload, on MariaDB',
  run: async (opts: { smoke: boolean; log: (line: string) => void }) => {
    const r = await runIngest(await optionsFor(opts.smoke));
    opts.log(JSON.stringify(r));
    return describe(r, opts.smoke);
  },
};

async function main() {
  const smoke = process.argv.includes('--smoke');
  const r = await runIngest(await optionsFor(smoke));
  process.stdout.write(describe(r, smoke) + '\n' + JSON.stringify(r) + '\n');
}

if (require.main === module) {
  main().catch((err) => { process.stderr.write(`bench failed: ${err?.stack ?? err}\n`); process.exit(1); });
}
