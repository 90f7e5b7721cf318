/**
 * `npm run bench:profile [-- --seconds 15] [--out dir] [--load lookup|page] [--executor jit|graphql-js]`: CPU profile of the full server
 * under the lookup load, or walking `pwds(first: 100)` pages (`node --cpu-prof`), on BENCH_DATABASE_URL or a temp SQLite file. Writes the .cpuprofile (open it in
 * Chrome DevTools) and prints where the time went: self time by package and by function, and the inclusive
 * time of the project's own functions. Profile before optimising; compare before/after on the same machine.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drive, seededRandom, START_FLAGS } from './lib/bench';
import { startTarget } from './lib/target';
import { FULL_QUERY } from './lookup';
import { PAGE_QUERY } from './page';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const short = (url: string) => url.replace(/.*node_modules\//, 'nm/').replace(/^file:\/\//, '').replace(/.*\/(src|bench|dist)\//, '$1/');
const pkgOf = (url: string) => (url.includes('node_modules/') ? url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : url ? short(url).replace(/^(\w+\/[^/]+\/?[^/]*?)(\/.*)?$/, '$1') : '(native)');

export function summarise(p: Profile, top = 30): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>(), pkg = new Map<string, number>(), own = new Map<string, number>();
  let total = 0;
  // Start-up (module loading, seeding, the schema build) is not what is served: only samples outside it count.
  const startUp = (id: number) => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (f.functionName === 'main' && f.url.includes('target.child')) return true;
      if (f.functionName === 'Module._load' || f.functionName === 'spawnSync' || f.functionName === 'createServer') return true;
    }
    return false;
  };
  const idle = (id: number) => ['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName);
  p.samples.forEach((id, i) => {
    const t = p.timeDeltas[i] ?? 0;
    if (startUp(id) || idle(id)) return;
    total += t;
    const leaf = byId.get(id)!;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + t);
    const pk = leaf.callFrame.url ? pkgOf(leaf.callFrame.url) : leaf.callFrame.functionName;
    pkg.set(pk, (pkg.get(pk) ?? 0) + t);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const node = byId.get(n)!;
      if (!/\/(src|bench)\//.test(node.callFrame.url) || node.callFrame.url.includes('node_modules')) continue;
      const k = key(node);
      if (!seen.has(k)) { seen.add(k); own.set(k, (own.get(k) ?? 0) + t); }
    }
  });
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(6)} %  ${k}`).join('\n');
  return [`(shares of the CPU time spent serving: start-up and idle samples left out)`, `== self time by package`, list(pkg), `\n== self time by function`, list(self), `\n== inclusive time of the project's functions`, list(own)].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const seconds = Number(arg('--seconds', '15'));
  const out = arg('--out', mkdtempSync(join(tmpdir(), 'udx-profile-')));
  const database = process.env.BENCH_DATABASE_URL ?? join(mkdtempSync(join(tmpdir(), 'udx-profile-db-')), 'bench.sqlite');
  const records = process.env.BENCH_DATABASE_URL ? Number(process.env.BENCH_RECORDS ?? 1_000_000) : 20_000;
  // --executor graphql-js: profile the graphql-js execution path (default: the server's, graphql-jit).
  const executor = arg('--executor', 'jit');
  const target = await startTarget({ records, database, execArgv: [...START_FLAGS, '--cpu-prof', `--cpu-prof-dir=${out}`], env: { GRAPHQL_EXECUTOR: executor } });
  const random = seededRandom(7);
  const page = arg('--load', 'lookup') === 'page';
  const body = page
    ? () => JSON.stringify({ query: PAGE_QUERY, variables: { after: null } })
    : () => JSON.stringify({ query: FULL_QUERY, variables: { udid: target.udids[Math.floor(random() * target.udids.length)] } });
  await drive({ label: 'warm-up', url: target.url, token: target.token, connections: page ? 8 : 32, seconds: 3, body });
  const r = await drive({ label: 'profiled', url: target.url, token: target.token, connections: page ? 8 : 32, seconds, body });
  console.log(`${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx} (under the profiler: slower than unprofiled)`);
  await target.stop();
  const file = readdirSync(out).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(out, f))[0];
  if (!file) throw new Error(`no profile written to ${out}`);
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile));
  console.log(`\nProfile: ${file}`);
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
