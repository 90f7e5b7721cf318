/**
 * `npm run bench:alloc` (compiled like the bench): where the full server allocates under the lookup load
 * (V8 sampling heap profiler, collected objects included), summarised by allocating function.
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { drive, seededRandom, benchModule } from './lib/bench';
import { FULL_QUERY } from './lookup';

interface HeapNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: HeapNode[] }

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const mod = benchModule(__dirname, 'lib/target.child');
  const database = process.env.BENCH_DATABASE_URL ?? ':memory:';
  const records = process.env.BENCH_DATABASE_URL ? Number(process.env.BENCH_RECORDS ?? 1_000_000) : 20_000;
  const child = fork(mod.file, [JSON.stringify({ records, database })], { execArgv: mod.execArgv, env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(64) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const t: any = await new Promise((ok) => child.once('message', ok));
  const ask = (q: string) => new Promise<any>((ok) => { const on = (x: any) => { if (x.alloc) { child.off('message', on); ok(x.alloc); } }; child.on('message', on); child.send(q); });
  const random = seededRandom(5);
  const body = () => JSON.stringify({ query: FULL_QUERY, variables: { udid: t.udids[Math.floor(random() * t.udids.length)] } });
  await drive({ label: 'warm-up', url: t.url, token: t.token, connections: 32, seconds: 3, body });
  await ask('alloc-start');
  const r = await drive({ label: 'x', url: t.url, token: t.token, connections: 32, seconds, body });
  const profile = await ask('alloc-stop');
  child.kill();
  writeFileSync('/tmp/udx-alloc.heapprofile', JSON.stringify(profile));
  const self = new Map<string, number>();
  let total = 0;
  const walk = (n: HeapNode) => {
    const f = n.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, 'nm/').replace(/.*\/(src|bench|dist)\//, '$1/')}:${f.lineNumber + 1}`;
    total += n.selfSize; self.set(k, (self.get(k) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(profile.head);
  console.log(`${r.requests} requests; sampled allocation ${(total / 1048576).toFixed(0)} MB ≈ ${(total / r.requests / 1024).toFixed(1)} KB per request`);
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n'));
}
main().catch((e) => { console.error(e); process.exit(1); });
