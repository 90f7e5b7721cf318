import { randomBytes } from 'node:crypto';
import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchModule, combine, drive, LoadFigures, Scenario, seededRandom, table } from './lib/bench';
import { startTarget, Target } from './lib/target';
import { procCpuUs } from './lib/proc';

/** Identity + disability fields, as issue 8 specifies for the lookup scenario. */
export const FULL_QUERY = `query Lookup($udid: UDID!) { pwd(udid: $udid) { udid cardStatus name nameRegional guardianName gender dateOfBirth
  disabilities disabilityPercentage certificateType certificateNumber certificateIssuedOn validUntil issuingAuthority } }`;
export const BARE_QUERY = FULL_QUERY.replace('$udid: UDID!', '$udid: String!');

/** Starts one of bench/baselines/*.ts on a free port (the system's choice) against `database`. */
export async function startBaseline(name: 'bare' | 'raw' | 'peer', database: string): Promise<{ url: string; stop: () => void; proc: ChildProcess }> {
  const env = { ...process.env, NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), ...(database.startsWith('mysql://') ? { DATABASE_URL: database } : { DATABASE_URL: '', SQLITE_PATH: database }) };
  const mod = benchModule(__dirname, `baselines/${name}`);
  const proc = spawn(process.execPath, [...mod.execArgv, mod.file, '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    proc.stdout!.on('data', (d) => { out += String(d); const m = /listening on (\d+)/.exec(out); if (m) ok(Number(m[1])); });
    proc.once('exit', (c) => fail(new Error(`${name} baseline exited (${c})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => proc.kill('SIGTERM'), proc };
}

export interface LookupRun { full: LoadFigures; bare: LoadFigures; raw: LoadFigures; peakRssMb: number; records: number }
/** runLookup({ baselines: false }): the full target only. */
export type LookupFullRun = Omit<LookupRun, 'bare' | 'raw'>;

export interface LookupOptions {
  database: string;
  records: number;
  smoke: boolean;
  log: (l: string) => void;
  label?: string;
  /** false: drive the full target only (no bare/raw baseline processes). Default true. */
  baselines?: boolean;
  /** Drive this already started full target (started on `database` with `records`); the caller stops it. */
  target?: Target;
  /** Measured rounds after the warm-up round. Default 1 (smoke) / 5. */
  rounds?: number;
}

/** Alternating rounds of full / bare / raw on the same database; returns the combined figures. */
export async function runLookup(opts: LookupOptions & { baselines: false }): Promise<LookupFullRun>;
export async function runLookup(opts: LookupOptions & { baselines?: true }): Promise<LookupRun>;
export async function runLookup(opts: LookupOptions): Promise<LookupRun | LookupFullRun> {
  const rounds = opts.rounds ?? (opts.smoke ? 1 : 5);
  const seconds = opts.smoke ? 2 : 8;
  const connections = 32;
  const withBaselines = opts.baselines !== false;
  const full: Target = opts.target ?? await startTarget({ records: opts.records, database: opts.database });
  const bare = withBaselines ? await startBaseline('bare', opts.database) : undefined;
  const raw = withBaselines ? await startBaseline('raw', opts.database) : undefined;
  try {
    const targets = [
      { label: 'full (token, gate, shield, cost, budget, access log)', url: full.url, query: FULL_QUERY, pid: full.pid },
      ...(bare && raw ? [
        { label: 'bare (Apollo + type-graphql + TypeORM)', url: bare.url, query: BARE_QUERY, pid: bare.proc.pid! },
        { label: 'raw (node:http + prepared statement)', url: raw.url, query: BARE_QUERY, pid: raw.proc.pid! },
      ] : []),
    ];
    const results = new Map<string, LoadFigures[]>(targets.map((t) => [t.label, []]));
    for (let round = 0; round <= rounds; round++) {
      const order = round % 2 ? [...targets].reverse() : targets;
      for (const t of order) {
        const random = seededRandom(1000 + round);
        const body = () => JSON.stringify({ query: t.query, variables: { udid: full.udids[Math.floor(random() * full.udids.length)] } });
        // Server CPU per request (from /proc): what each stack costs, whatever the load generator and database take.
        const cpu = async () => procCpuUs(t.pid);
        const r = await drive({ label: t.label, url: t.url, token: full.token, connections, seconds: round === 0 ? 2 : seconds, body, cpu });
        if (round === 0) continue; // warm-up round: JIT, caches, buffer pool
        opts.log(`lookup${opts.label ? ` ${opts.label}` : ''}: round ${round}/${rounds} ${t.label}: ${r.requestsPerSec.toFixed(0)} req/s, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}`);
        results.get(t.label)!.push(r);
      }
    }
    const [f, b, r] = targets.map((t) => combine(t.label, results.get(t.label)!));
    const peakRssMb = (await full.peakRss()) / 1048576;
    return withBaselines ? { full: f, bare: b, raw: r, peakRssMb, records: opts.records } : { full: f, peakRssMb, records: opts.records };
  } finally {
    bare?.stop();
    raw?.stop();
    if (!opts.target) await full.stop();
  }
}

/** BENCH_DATABASE_URL (MariaDB, BENCH_RECORDS records, default 1,000,000) or a temp SQLite file (100,000 / smoke 2,000 records). */
export function database(smoke: boolean): { url: string; records: number; cleanup: () => void } {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return { url, records: Number(process.env.BENCH_RECORDS ?? 1_000_000), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'udx-bench-'));
  return { url: join(dir, 'bench.sqlite'), records: smoke ? 2_000 : 100_000, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const verdict = (ratio: number, target: number, atLeast: boolean) => `${ratio.toFixed(2)}, ${(atLeast ? ratio >= target : ratio <= target) ? 'met' : 'missed'}`;

/** Server CPU per request: the cost of each stack apart from the load generator and the database sharing the machine. */
function cpuLine(run: LookupRun): string {
  const [f, b, r] = [run.full.cpuUsPerRequest, run.bare.cpuUsPerRequest, run.raw.cpuUsPerRequest];
  if (!f || !b || !r) return '';
  return `Server CPU per request: full ${f.toFixed(0)} µs, bare ${b.toFixed(0)} µs, raw ${r.toFixed(0)} µs — by CPU, full/bare ${(b / f).toFixed(2)} and full/raw ${(r / f).toFixed(2)} (req/s a core could serve, relative).`;
}

export const lookupScenario: Scenario = {
  description: 'pwd(udid) with identity + disability fields: full stack vs bare Apollo/TypeORM vs raw prepared statement; peak RSS',
  async run({ smoke, log }) {
    const db = database(smoke);
    try {
      const run = await runLookup({ database: db.url, records: db.records, smoke, log });
      const where = db.url.startsWith('mysql://') ? `MariaDB (${db.records.toLocaleString('en-US')} records)` : `SQLite file (${db.records.toLocaleString('en-US')} records)`;
      return [
        `## lookup: \`pwd(udid)\`, identity + disability fields, on ${where}`,
        '',
        '32 connections, alternating rounds (full, bare, raw), random UDIDs; each server in its own process.',
        '',
        table([run.full, run.bare, run.raw]),
        '',
        `**full/bare: ${verdict(run.full.requestsPerSec / run.bare.requestsPerSec, 1.0, true)}** (target ≥ 1.0) · **full/raw: ${verdict(run.full.requestsPerSec / run.raw.requestsPerSec, 0.5, true)}** (target ≥ 0.5) · ` +
          `**p99 full: ${run.full.p99Ms.toFixed(1)} ms, ${run.full.p99Ms < 25 ? 'met' : 'missed'}** (target < 25 ms) · **peak RSS of full: ${run.peakRssMb.toFixed(0)} MB, ${run.peakRssMb <= 250 ? 'met' : 'missed'}** (target ≤ 250 MB)`,
        '',
        cpuLine(run),
      ].join('\n');
    } finally {
      db.cleanup();
    }
  },
};
