import { combine, drive, LoadFigures, Scenario, seededRandom, table } from './lib/bench';
import { startTarget, Target } from './lib/target';
import { FULL_QUERY } from './lookup';
import { PAGE_QUERY } from './page';

interface Load { name: string; title: string; connections: number; body: (t: Target, random: () => number) => string }

const LOADS: Load[] = [
  {
    name: 'lookup', title: '`pwd(udid)`, identity + disability fields (14)', connections: 32,
    body: (t, random) => JSON.stringify({ query: FULL_QUERY, variables: { udid: t.udids[Math.floor(random() * t.udids.length)] } }),
  },
  {
    name: 'page', title: '`pwds(first: 100)`, 8 fields per record (page 1)', connections: 8,
    body: () => JSON.stringify({ query: PAGE_QUERY, variables: { after: null } }),
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The same full server (token, gate, shield, cost, budget, access log) with GRAPHQL_EXECUTOR=jit and
 * with GRAPHQL_EXECUTOR=graphql-js, each in its own process on in-memory SQLite with the same seeded
 * records, driven in alternating rounds (A B B A …) so that a shared machine's drift hits both alike.
 */
export const executorScenario: Scenario = {
  description: 'graphql-jit vs graphql-js execution of the full server: lookup and page throughput, alternating rounds',
  async run({ smoke, log }) {
    const records = smoke ? 2_000 : 20_000;
    const rounds = smoke ? 1 : 4;
    const seconds = smoke ? 2 : 5;
    log(`executor: seeding ${records} records into two servers…`);
    const [jit, js] = await Promise.all([
      startTarget({ records, env: { GRAPHQL_EXECUTOR: 'jit' } }),
      startTarget({ records, env: { GRAPHQL_EXECUTOR: 'graphql-js' } }),
    ]);
    const targets = [{ label: 'graphql-jit', t: jit }, { label: 'graphql-js', t: js }];
    const out: string[] = [
      '## executor: the full server on graphql-jit vs graphql-js',
      '',
      `${rounds} alternating round(s) of ${seconds} s per target and load after a warm-up, ${records} seeded records (random seeded UDIDs for the lookup),`,
      'a token holding every scope; each server in its own process on in-memory SQLite; GRAPHQL_EXECUTOR is the only difference.',
    ];
    try {
      for (const load of LOADS) {
        for (const { label, t } of targets) { // warm-up: V8, compiled queries, gate cache, SQLite pages
          const random = seededRandom(7);
          await drive({ label, url: t.url, token: t.token, connections: load.connections, seconds: smoke ? 1 : 3, body: () => load.body(t, random) });
        }
        const results = new Map<string, LoadFigures[]>(targets.map((x) => [x.label, []]));
        for (let round = 0; round < rounds; round++) {
          for (const { label, t } of round % 2 ? [...targets].reverse() : targets) {
            const random = seededRandom(42 + round);
            const r = await drive({ label, url: t.url, token: t.token, connections: load.connections, seconds, body: () => load.body(t, random), cpu: t.cpu });
            log(`executor ${load.name}: round ${round + 1}/${rounds} ${label}: ${r.requestsPerSec.toFixed(0)} req/s, p99 ${r.p99Ms} ms, ${r.cpuUsPerRequest?.toFixed(0)} µs CPU/req, non-2xx ${r.non2xx}`);
            results.get(label)!.push(r);
          }
        }
        const a = results.get('graphql-jit')!, b = results.get('graphql-js')!;
        const ratio = median(a.map((r, k) => r.requestsPerSec / b[k].requestsPerSec));
        const cpuRatio = median(a.map((r, k) => b[k].cpuUsPerRequest! / r.cpuUsPerRequest!));
        out.push('', `### ${load.name}: ${load.title}, ${load.connections} connections`, '',
          table([combine('graphql-jit', a), combine('graphql-js', b)]), '',
          `**jit / graphql-js: ${ratio.toFixed(2)}× req/s** (median of ${a.length} paired round(s)) · **${cpuRatio.toFixed(2)}× by server CPU per request** (graphql-js µs / jit µs)`);
      }
      const [rssJit, rssJs] = await Promise.all([jit.peakRss(), js.peakRss()]);
      out.push('', `Peak RSS over the whole run: graphql-jit **${(rssJit / 1048576).toFixed(0)} MB**, graphql-js **${(rssJs / 1048576).toFixed(0)} MB** (no heap flags).`);
      return out.join('\n');
    } finally {
      await Promise.all([jit.stop(), js.stop()]);
    }
  },
};
