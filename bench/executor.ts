import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combine, drive, LoadFigures, Scenario, seededRandom, START_FLAGS, table } from './lib/bench';
import { startTarget } from './lib/target';
import { procCpuUs } from './lib/proc';
import { BARE_QUERY, FULL_QUERY, startBaseline } from './lookup';
import { PAGE_QUERY } from './page';

interface Load {
  name: string; title: string; connections: number;
  /** The request body for a target (`bare`: a baseline, whose schema types the UDID as String). */
  body: (udids: string[], random: () => number, bare: boolean) => string;
  /** Whether the raw baseline (node:http + one statement) answers this load. */
  raw: boolean;
}

const LOADS: Load[] = [
  {
    name: 'lookup', title: '`pwd(udid)`, identity + disability fields (14)', connections: 32, raw: true,
    body: (udids, random, bare) => JSON.stringify({ query: bare ? BARE_QUERY : FULL_QUERY, variables: { udid: udids[Math.floor(random() * udids.length)] } }),
  },
  {
    name: 'page', title: '`pwds(first: 100)`, 8 fields per record (page 1)', connections: 8, raw: true,
    body: () => JSON.stringify({ query: PAGE_QUERY, variables: { after: null } }),
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Driven { label: string; url: string; token: string; bare: boolean; cpu: () => Promise<number> }

/**
 * The same full server (token, gate, shield, cost, budget, access log) with GRAPHQL_EXECUTOR=jit and
 * with GRAPHQL_EXECUTOR=graphql-js, each in its own process on its own SQLite file with the same seeded
 * records, next to the Fastify + Mercurius (graphql-jit) peer and, for the lookup, the raw floor (both
 * reading the jit server's file), driven in alternating rounds so that a shared machine's drift hits all
 * alike. Reports jit/graphql-js, this/peer and this/raw.
 */
export const executorScenario: Scenario = {
  description: 'graphql-jit vs graphql-js execution of the full server, with the Mercurius peer and the raw floor: lookup and page, alternating rounds',
  async run({ smoke, log }) {
    // MariaDB (BENCH_DATABASE_URL, BENCH_RECORDS records, default 1,000,000: both servers share it) or two SQLite files.
    const mariadb = process.env.BENCH_DATABASE_URL;
    const records = mariadb ? Number(process.env.BENCH_RECORDS ?? 1_000_000) : smoke ? 2_000 : 20_000;
    const rounds = smoke ? 1 : 4;
    const seconds = smoke ? 2 : 5;
    const dir = mkdtempSync(join(tmpdir(), 'udx-bench-exec-'));
    const where = mariadb ? `MariaDB (${records.toLocaleString('en-US')} records)` : `SQLite files (${records.toLocaleString('en-US')} records)`;
    log(`executor: seeding ${records} records into ${where}…`);
    const jitDb = mariadb ?? join(dir, 'jit.sqlite');
    // One database: the first server seeds it, then the second starts on it.
    const jit = await startTarget({ records, database: jitDb, env: { GRAPHQL_EXECUTOR: 'jit' } });
    const js = await startTarget({ records, database: mariadb ?? join(dir, 'js.sqlite'), env: { GRAPHQL_EXECUTOR: 'graphql-js' } });
    const peer = await startBaseline('peer', jitDb);
    const raw = await startBaseline('raw', jitDb);
    const targets: Driven[] = [
      { label: 'this API, graphql-jit', url: jit.url, token: jit.token, bare: false, cpu: jit.cpu },
      { label: 'this API, graphql-js', url: js.url, token: js.token, bare: false, cpu: js.cpu },
      { label: 'peer: Fastify + Mercurius (graphql-jit), no security', url: peer.url, token: '', bare: true, cpu: async () => procCpuUs(peer.proc.pid!) },
      { label: 'raw: node:http + one statement', url: raw.url, token: '', bare: true, cpu: async () => procCpuUs(raw.proc.pid!) },
    ];
    const out: string[] = [
      '## executor: the full server on graphql-jit vs graphql-js, with the Mercurius peer and the raw floor',
      '',
      `${rounds} alternating round(s) of ${seconds} s per target and load after a warm-up, ${where} (random seeded UDIDs for the lookup),`,
      'a token holding every scope; each server in its own process; GRAPHQL_EXECUTOR is the only difference between the first two. The peer and raw have no security at all',
      '(no token, gate, shield, cost, budget or access log, no signed responses) and read the first server\'s database.',
    ];
    try {
      for (const load of LOADS) {
        const here = targets.filter((t) => load.raw || !t.label.startsWith('raw'));
        for (const t of here) { // warm-up: V8, compiled queries, gate cache, SQLite pages
          const random = seededRandom(7);
          await drive({ label: t.label, url: t.url, token: t.token, connections: load.connections, seconds: smoke ? 1 : 3, body: () => load.body(jit.udids, random, t.bare) });
        }
        const results = new Map<string, LoadFigures[]>(here.map((x) => [x.label, []]));
        for (let round = 0; round < rounds; round++) {
          for (const t of round % 2 ? [...here].reverse() : here) {
            const random = seededRandom(42 + round);
            const r = await drive({ label: t.label, url: t.url, token: t.token, connections: load.connections, seconds, body: () => load.body(jit.udids, random, t.bare), cpu: t.cpu });
            log(`executor ${load.name}: round ${round + 1}/${rounds} ${t.label}: ${r.requestsPerSec.toFixed(0)} req/s, p99 ${r.p99Ms} ms, ${r.cpuUsPerRequest?.toFixed(0)} µs CPU/req, non-2xx ${r.non2xx}`);
            results.get(t.label)!.push(r);
          }
        }
        const figures = here.map((t) => results.get(t.label)!);
        const ratio = (a: LoadFigures[], b: LoadFigures[]) => median(a.map((r, k) => r.requestsPerSec / b[k].requestsPerSec));
        const cpuRatio = (a: LoadFigures[], b: LoadFigures[]) => median(a.map((r, k) => b[k].cpuUsPerRequest! / r.cpuUsPerRequest!));
        const [a, b, p, w] = figures;
        const target = load.name === 'lookup' ? 0.6 : 0.5;
        const thisRaw = ratio(a, w);
        const p99 = combine(here[0].label, a).p99Ms;
        out.push('', `### ${load.name}: ${load.title}, ${load.connections} connections`, '',
          table(here.map((t, k) => combine(t.label, figures[k]))), '',
          `**jit / graphql-js: ${ratio(a, b).toFixed(2)}× req/s** (median of ${a.length} paired round(s)), **${cpuRatio(a, b).toFixed(2)}× by server CPU per request** (graphql-js µs / jit µs)`,
          `· **this (jit) / peer: ${ratio(a, p).toFixed(2)}** req/s, ${cpuRatio(a, p).toFixed(2)} by CPU` +
          ` · **this (jit) / raw: ${thisRaw.toFixed(2)}** req/s, ${cpuRatio(a, w).toFixed(2)} by CPU (target ≥ ${target}: **${thisRaw >= target ? 'met' : 'missed'}**)` +
          (load.name === 'lookup' ? ` · **p99 ${p99.toFixed(1)} ms** (target < 25 ms: **${p99 < 25 ? 'met' : 'missed'}**)` : ''));
      }
      const [rssJit, rssJs] = await Promise.all([jit.peakRss(), js.peakRss()]);
      out.push('', `Peak RSS over the whole run: graphql-jit **${(rssJit / 1048576).toFixed(0)} MB** (target ≤ 250 MB: **${rssJit <= 250 * 1048576 ? 'met' : 'missed'}**), graphql-js **${(rssJs / 1048576).toFixed(0)} MB**, each with the heap flags \`npm start\` uses (${START_FLAGS.join(' ') || 'none'}).`);
      return out.join('\n');
    } finally {
      peer.stop();
      raw.stop();
      await Promise.all([jit.stop(), js.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
