import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combine, LoadFigures, Scenario, table } from './lib/bench';
import { siblingDatabase } from './lib/sql';
import { startTarget, Target } from './lib/target';
import { runLookup } from './lookup';

const SMALL = 10_000;
/**
 * SQLite, normal run: 1,000,000 records into a fresh temp file, seeded by the target at start. Measured
 * here: 200,000 records in 11.8 s (50,000 per 2.0 → 3.5 s, slowing as the indexes grow), so about
 * 1.5 minutes for 1,000,000 — under the 3 minutes above which this would drop to 200,000.
 */
const SQLITE_LARGE = 1_000_000;
const SQLITE_LARGE_SMOKE = 20_000;

interface Side { name: string; url: string; records: number; target?: Target; runs: LoadFigures[]; peakRssMb: number }

const fmt = (n: number) => n.toLocaleString('en-US');

export const scaleScenario: Scenario = {
  description: 'lookup (full server) on 10,000 vs 1,000,000 records: req/s and p99 must not degrade with table size; alternating',
  async run({ smoke, log }) {
    const mysqlUrl = process.env.BENCH_DATABASE_URL;
    let dir: string | undefined;
    let small: Side, large: Side;
    if (mysqlUrl) {
      // The 10k side has its own database on the same server, seeded once by startTarget and kept.
      small = { name: '', url: await siblingDatabase(mysqlUrl, 'udid_seed10k'), records: SMALL, runs: [], peakRssMb: 0 };
      large = { name: '', url: mysqlUrl, records: Number(process.env.BENCH_RECORDS ?? 1_000_000), runs: [], peakRssMb: 0 };
    } else {
      dir = mkdtempSync(join(tmpdir(), 'udx-bench-scale-'));
      small = { name: '', url: join(dir, 'small.sqlite'), records: SMALL, runs: [], peakRssMb: 0 };
      large = { name: '', url: join(dir, 'large.sqlite'), records: smoke ? SQLITE_LARGE_SMOKE : SQLITE_LARGE, runs: [], peakRssMb: 0 };
    }
    small.name = `${fmt(small.records)} records`;
    large.name = `${fmt(large.records)} records`;
    const sides = [small, large];
    try {
      // Both servers start (and seed) side by side; each is then driven in turn while the other idles.
      const t0 = Date.now();
      const started = await Promise.allSettled(sides.map((s) => startTarget({ records: s.records, database: s.url })));
      started.forEach((r, i) => { if (r.status === 'fulfilled') sides[i].target = r.value; });
      const failed = started.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      if (failed) throw failed.reason;
      log(`scale: both targets up (seeded where needed) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

      const pairs = smoke ? 1 : 3;
      const rounds = smoke ? 1 : 2;
      for (let pair = 0; pair < pairs; pair++) {
        for (const s of pair % 2 ? [...sides].reverse() : sides) {
          const run = await runLookup({ database: s.url, records: s.records, smoke, log, label: s.name, baselines: false, target: s.target, rounds });
          s.runs.push(run.full);
          s.peakRssMb = run.peakRssMb;
        }
      }
      const [a, b] = sides.map((s) => combine(`full server, ${s.name}`, s.runs));
      const rps = a.requestsPerSec / b.requestsPerSec; // > 1: the large table is slower
      const p99 = b.p99Ms / a.p99Ms;
      const verdict = (x: number) => (x <= 1.2 ? 'met' : 'missed');
      const where = mysqlUrl ? `MariaDB (\`${new URL(small.url).pathname.slice(1)}\` vs \`${new URL(large.url).pathname.slice(1)}\`)` : 'SQLite files';
      const errors = a.non2xx + a.errors + b.non2xx + b.errors;
      return [
        `## scale: \`pwd(udid)\` lookup on ${fmt(small.records)} vs ${fmt(large.records)} records, ${where}`,
        '',
        `The lookup scenario's full target only (identity + disability fields, 32 connections, random UDIDs spread over the table), ` +
          `${pairs} alternating pair(s) of lookup runs, each a warm-up and ${rounds} round(s) of ${smoke ? 2 : 8} s; each server in its own process.` +
          (!mysqlUrl && smoke ? ` Smoke run: ${fmt(SQLITE_LARGE_SMOKE)} records stand in for 1,000,000.` : ''),
        '',
        table([a, b]),
        '',
        `**req/s ${fmt(small.records)} / ${fmt(large.records)}: ${rps.toFixed(2)}×** (target ≤ 1.2×, ${verdict(rps)}) · ` +
          `**p99 ${fmt(large.records)} / ${fmt(small.records)}: ${p99.toFixed(2)}×** (target ≤ 1.2×, ${verdict(p99)}) · ` +
          `peak RSS ${small.peakRssMb.toFixed(0)} MB / ${large.peakRssMb.toFixed(0)} MB` + (errors ? ` · **${errors} non-2xx/errors**` : ''),
      ].join('\n');
    } finally {
      await Promise.all(sides.map((s) => s.target?.stop()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  },
};
