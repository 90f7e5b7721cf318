import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/core/config/config';
import { openDatabase } from '../src/app/database';
import { createServer } from '../src/app/server';
import { createLogger } from '../src/core/logger';
import { seedPwdRecords } from '../src/modules/pwd/pwd.seed';
import { createActivePartner } from '../src/modules/staff/demo.seed';
import type { Scenario } from './lib/bench';

interface CannonResult { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number }
// autocannon ships no types; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (o: Record<string, unknown>) => Promise<CannonResult> = require('autocannon');

/**
 * `accesslog` scenario: pwd(udid) throughput with the access log on and off, in one run, on the same
 * server and data (DESIGN.md §7: the log must not slow the lookup path; target on/off ≥ 0.9).
 * Phases alternate off/on/off/on so that drift (warm-up, GC, the neighbours on the machine) hits both.
 */
export async function runAccessLogBench(opts: { smoke?: boolean; records?: number; seconds?: number; connections?: number } = {}) {
  const records = opts.records ?? (opts.smoke ? 2_000 : 20_000);
  const seconds = opts.seconds ?? (opts.smoke ? 2 : 8);
  const connections = opts.connections ?? 16;
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const ds = await openDatabase(databaseUrl ? { databaseUrl } : { sqlitePath: ':memory:' });
  await seedPwdRecords(ds, records);
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), PORT: '0', GRAPHIQL: 'off' }, { persistSecret: false, signingKeys: false });
  const server = await createServer({ config, ds, log: createLogger('silent') });
  const port = await server.listen(0, '127.0.0.1');
  try {
    const p = await createActivePartner(ds);
    // The bench measures the lookup path, not the budget: lift this application's limits.
    await ds.query('UPDATE application SET cost_budget = 1000000000, cost_restore_rate = 1000000000, daily_record_quota = 0 WHERE id = ?', [p.applicationId]);
    const tokRes = await fetch(`http://127.0.0.1:${port}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.clientSecret }) });
    const token = ((await tokRes.json()) as { access_token: string }).access_token;
    const udids: string[] = (await ds.query('SELECT udid FROM pwd_record')).map((r: { udid: string }) => r.udid);
    const query = 'query Lookup($u: UDID!) { pwd(udid: $u) { udid name gender district disabilities } }';
    let i = 0;

    const writer = server.services.accessLog;
    const realRecord = writer.record.bind(writer);
    const phase = async (logOn: boolean) => {
      writer.record = logOn ? realRecord : () => undefined;
      const before = writer.written + writer.backlog;
      const r = await autocannon({
        url: `http://127.0.0.1:${port}/graphql`, connections, duration: seconds,
        requests: [{
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ query, variables: { u: udids[i++ % udids.length] } }) }),
        }],
      });
      await writer.flush();
      const non2xx = r.non2xx + r.errors;
      return { logOn, rps: r.requests.average, p99: r.latency.p99, non2xx, events: writer.written - before };
    };

    await phase(false); // warm-up, not counted
    const runs: Awaited<ReturnType<typeof phase>>[] = [];
    for (const on of [false, true, false, true]) runs.push(await phase(on));
    const avg = (on: boolean) => runs.filter((r) => r.logOn === on).reduce((s, r) => s + r.rps, 0) / 2;
    const result = {
      scenario: 'accesslog', database: databaseUrl ? 'mysql' : 'sqlite', records, seconds, connections,
      rpsLogOff: Math.round(avg(false)), rpsLogOn: Math.round(avg(true)), ratio: +(avg(true) / avg(false)).toFixed(3), target: 0.9,
      eventsWritten: runs.filter((r) => r.logOn).reduce((s, r) => s + r.events, 0), errors: runs.reduce((s, r) => s + r.non2xx, 0), phases: runs,
    };
    return result;
  } finally {
    await server.close();
    await ds.destroy();
  }
}

if (require.main === module) {
  const smoke = process.argv.includes('--smoke');
  runAccessLogBench({ smoke }).then((r) => {
    process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    process.stdout.write(`accesslog: pwd(udid) ${r.rpsLogOn} req/s with the access log vs ${r.rpsLogOff} without → ratio ${r.ratio} (target ≥ ${r.target})\n`);
    if (r.errors > 0 || (!smoke && r.ratio < r.target)) process.exitCode = 1;
  }).catch((err) => { process.stderr.write(String(err?.stack ?? err) + '\n'); process.exit(1); });
}

/** The `accesslog` entry of bench/run.ts. */
export const accesslogScenario: Scenario = {
  description: 'pwd(udid) with the access log on vs. off, alternating phases on one server: the cost of logging every record served',
  async run({ smoke, log }) {
    log('accesslog: seeding and driving pwd(udid) with the access log off/on…');
    const r = await runAccessLogBench({ smoke });
    const rows = r.phases.map((p, i) => `| ${i + 1} | ${p.logOn ? 'on' : 'off'} | ${p.rps.toFixed(0)} | ${p.p99} | ${p.events} |`).join('\n');
    return [
      `### accesslog — ${r.database}, ${r.records} records, ${r.connections} connections, ${r.seconds} s phases`,
      '',
      '| phase | access log | req/s | p99 ms | events written |',
      '|---|---|---|---|---|',
      rows,
      '',
      `Access log on: ${r.rpsLogOn} req/s; off: ${r.rpsLogOff} req/s; ratio **${r.ratio}** (target ≥ ${r.target}); ${r.eventsWritten} events written, ${r.errors} errors.`,
    ].join('\n');
  },
};
