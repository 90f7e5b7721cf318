import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { seededRandom } from './lib/bench';
const FULL_QUERY = `query Lookup($udid: UDID!) { pwd(udid: $udid) { udid cardStatus name nameRegional guardianName gender dateOfBirth
  disabilities disabilityPercentage certificateType certificateNumber certificateIssuedOn validUntil issuingAuthority } }`;
async function main() {
  const dir = process.argv[2];
  const child = fork(resolve(__dirname, 'lib/target.child.ts'), [JSON.stringify({ records: 1000000, database: process.env.BENCH_DATABASE_URL })], {
    execArgv: ['-r', 'ts-node/register/transpile-only', ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const m: any = await new Promise((ok) => child.once('message', ok));
  const random = seededRandom(7);
  for (const secs of [3, Number(process.env.SECS ?? 10)]) {
    const r = await autocannon({ url: `${m.url}/graphql`, connections: 32, duration: secs, requests: [{ method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${m.token}` },
      setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ query: FULL_QUERY, variables: { udid: m.udids[Math.floor(random() * m.udids.length)] } }) }) }] });
    const rss: any = await new Promise((ok) => { child.on('message', (x: any) => x.rss && ok(x.rss)); child.send('rss'); });
    console.log(`${secs}s: ${r.requests.average} req/s p50 ${r.latency.p50} p99 ${r.latency.p99} non2xx ${r.non2xx} peakRss ${(rss/1048576).toFixed(0)} MB`);
  }
  child.send('stop');
  await new Promise((ok) => child.once('exit', ok));
}
main();
