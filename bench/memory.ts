import { drive, LoadFigures, Scenario, seededRandom, START_FLAGS, table } from './lib/bench';
import { mb, procMemory, resetPeak } from './lib/proc';
import { startTarget, Target } from './lib/target';
import { BARE_QUERY, database, FULL_QUERY, startBaseline } from './lookup';

const CONNECTIONS = 32;
const SETTLE_MS = 5_000;
/** The heap bound `npm start` sets (package.json; 3× the live heap measured under this load). */
const HEAP_FLAG = START_FLAGS.join(' ') || '(no flags)';

interface Memory { before: number; startPeak: number; peak: number; after: number; settled?: number; peakReset: boolean }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Drives one server for `seconds` with lookups of random UDIDs; VmRSS / VmHWM of its process from /proc around it. */
async function measure(pid: number, opts: { label: string; url: string; token: string; query: string; udids: string[]; seconds: number; settle: boolean; cpu?: () => Promise<number> }): Promise<{ load: LoadFigures; mem: Memory }> {
  const { rss: before, peak: startPeak } = procMemory(pid);
  const peakReset = resetPeak(pid); // VmHWM from here on is the peak under this load, not that of start-up and seeding
  const random = seededRandom(2000);
  const body = () => JSON.stringify({ query: opts.query, variables: { udid: opts.udids[Math.floor(random() * opts.udids.length)] } });
  const load = await drive({ label: opts.label, url: opts.url, token: opts.token, connections: CONNECTIONS, seconds: opts.seconds, body, cpu: opts.cpu });
  const { rss: after, peak } = procMemory(pid);
  let settled: number | undefined;
  if (opts.settle) {
    await sleep(SETTLE_MS);
    settled = procMemory(pid).rss;
  }
  return { load, mem: { before, startPeak, peak: peakReset ? peak : Math.max(peak, startPeak), after, settled, peakReset } };
}

export const memoryScenario: Scenario = {
  description: 'peak RSS of the full server under the lookup load (32 connections) vs the bare baseline; RSS 5 s after the load',
  async run({ smoke, log }) {
    const db = database(smoke);
    const seconds = smoke ? 3 : 30;
    let full: Target | undefined;
    let unbounded: Target | undefined;
    let bare: Awaited<ReturnType<typeof startBaseline>> | undefined;
    try {
      // As `npm start` runs it (START_FLAGS), then the same server with no heap flags.
      full = await startTarget({ records: db.records, database: db.url });
      bare = await startBaseline('bare', db.url);
      const f = await measure(full.pid, { label: 'full (token, gate, shield, cost, budget, access log)', url: full.url, token: full.token, query: FULL_QUERY, udids: full.udids, seconds, settle: true, cpu: full.cpu });
      log(`memory: full: ${f.load.requestsPerSec.toFixed(0)} req/s, peak RSS ${mb(f.mem.peak).toFixed(0)} MB, ${mb(f.mem.settled!).toFixed(0)} MB ${SETTLE_MS / 1000} s after`);
      const b = await measure(bare.proc.pid!, { label: 'bare (Apollo + type-graphql + TypeORM)', url: bare.url, token: full.token, query: BARE_QUERY, udids: full.udids, seconds, settle: false });
      log(`memory: bare: ${b.load.requestsPerSec.toFixed(0)} req/s, peak RSS ${mb(b.mem.peak).toFixed(0)} MB`);
      await full.stop();
      full = undefined;
      // Without the bound: V8 lets garbage grow far past the live set.
      unbounded = await startTarget({ records: db.records, database: db.url, execArgv: [] });
      const c = await measure(unbounded.pid, { label: 'full, no heap flags', url: unbounded.url, token: unbounded.token, query: FULL_QUERY, udids: unbounded.udids, seconds, settle: false, cpu: unbounded.cpu });
      log(`memory: full without heap flags: ${c.load.requestsPerSec.toFixed(0)} req/s, peak RSS ${mb(c.mem.peak).toFixed(0)} MB`);

      const row = (label: string, m: Memory) =>
        `| ${label} | ${mb(m.startPeak).toFixed(0)} | ${mb(m.before).toFixed(0)} | ${mb(m.peak).toFixed(0)} | ${mb(m.after).toFixed(0)} | ${m.settled === undefined ? '–' : mb(m.settled).toFixed(0)} |`;
      const peakFull = mb(f.mem.peak);
      const settled = mb(f.mem.settled!);
      const comesDown = settled < mb(f.mem.after) - 1;
      const where = db.url.startsWith('mysql://') ? `MariaDB (${db.records.toLocaleString('en-US')} records)` : `SQLite file (${db.records.toLocaleString('en-US')} records)`;
      const errors = f.load.non2xx + f.load.errors + b.load.non2xx + b.load.errors + c.load.non2xx + c.load.errors;
      return [
        `## memory: RSS of the server process under the lookup load, on ${where}`,
        '',
        `\`pwd(udid)\` with identity + disability fields, ${CONNECTIONS} connections, ${seconds} s per server, full then bare, each in its own process. ` +
          `RSS from /proc/<pid>/status: VmRSS, and VmHWM ${f.mem.peakReset && b.mem.peakReset ? 'reset (clear_refs) just before the load, so the peak is that of the load alone' : 'not resettable here, so the peak includes start-up and seeding'}.`,
        '',
        table([f.load, c.load, b.load]),
        '',
        '| process | peak MB, start-up + seeding | RSS MB before load | peak RSS MB under load | RSS MB at end of load | RSS MB 5 s later |',
        '|---|---:|---:|---:|---:|---:|',
        row(`full, ${HEAP_FLAG} (npm start)`, f.mem),
        row('full, no heap flags', c.mem),
        row('bare', b.mem),
        '',
        `**peak RSS of full (as npm start runs it, ${HEAP_FLAG}) under load: ${peakFull.toFixed(0)} MB** (target ≤ 250 MB, ${peakFull <= 250 ? 'met'  : 'missed'}) · bare: ${mb(b.mem.peak).toFixed(0)} MB ` +
          `(full/bare ${(peakFull / mb(b.mem.peak)).toFixed(2)}×) · full ${SETTLE_MS / 1000} s after the load: ${settled.toFixed(0)} MB ` +
          `(${comesDown ? 'comes down' : 'does not come down'} from ${mb(f.mem.after).toFixed(0)} MB at the end of the load; ${mb(f.mem.before).toFixed(0)} MB before it)` +
          ` · **without heap flags: peak ${mb(c.mem.peak).toFixed(0)} MB**; bounded / unbounded req/s ${(f.load.requestsPerSec / c.load.requestsPerSec).toFixed(2)}× (one run each: read it with the machine's noise)` +
          (errors ? ` · **${errors} non-2xx/errors**` : ''),
      ].join('\n');
    } finally {
      bare?.stop();
      await full?.stop();
      await unbounded?.stop();
      db.cleanup();
    }
  },
};
