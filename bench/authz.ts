import { combine, drive, LoadFigures, Scenario, seededRandom, table } from './lib/bench';
import { startTarget } from './lib/target';

/** Every PwdRecord field, so shield evaluates a rule for each (all scopes granted: nothing is refused). */
const QUERY = `query PwdByUdid($udid: UDID!) { pwd(udid: $udid) {
  udid cardStatus name nameRegional guardianName gender dateOfBirth mobile email address pincode district state
  disabilities disabilityPercentage certificateType certificateNumber certificateIssuedOn validUntil issuingAuthority
  education employment incomeBand belowPovertyLine aadhaarLast4 } }`;

/**
 * pwd(udid) through the full stack vs. the same server with graphql-shield switched off, in one run.
 * The two targets take turns (A B A B …) so that drift in a shared machine's load hits both alike.
 */
export const authzScenario: Scenario = {
  description: 'pwd(udid), full stack vs. authorization off: the throughput cost of graphql-shield',
  async run({ smoke, log }) {
    const records = smoke ? 2_000 : 20_000;
    const rounds = smoke ? 1 : 8;
    const seconds = smoke ? 2 : 5;
    const connections = 32;
    log(`authz: seeding ${records} records into two servers…`);
    const [full, open] = await Promise.all([startTarget({ records }), startTarget({ records, authorization: false })]);
    try {
      const targets = [{ label: 'full stack (authorization on)', t: full }, { label: 'authorization off', t: open }];
      const results = new Map<string, LoadFigures[]>(targets.map((x) => [x.label, []]));
      for (const { label, t } of targets) { // warm-up: JIT, gate cache, SQLite pages
        const random = seededRandom(7);
        await drive({ label, url: t.url, token: t.token, connections, seconds: smoke ? 1 : 3, body: () => JSON.stringify({ query: QUERY, variables: { udid: t.udids[Math.floor(random() * t.udids.length)] } }) });
      }
      for (let round = 0; round < rounds; round++) {
        for (const { label, t } of round % 2 ? [...targets].reverse() : targets) {
          const random = seededRandom(42 + round);
          const body = () => JSON.stringify({ query: QUERY, variables: { udid: t.udids[Math.floor(random() * t.udids.length)] } });
          const r = await drive({ label, url: t.url, token: t.token, connections, seconds, body, cpu: t.cpu });
          log(`authz: round ${round + 1}/${rounds} ${label}: ${r.requestsPerSec.toFixed(0)} req/s, p99 ${r.p99Ms} ms, ${r.cpuUsPerRequest?.toFixed(0)} µs CPU/req`);
          results.get(label)!.push(r);
        }
      }
      const on = combine(targets[0].label, results.get(targets[0].label)!);
      const off = combine(targets[1].label, results.get(targets[1].label)!);
      // Each round's pair ran back to back: the median of the paired ratios resists the drift of a shared machine.
      const pairs = results.get(targets[0].label)!.map((r, k) => r.requestsPerSec / results.get(targets[1].label)![k].requestsPerSec).sort((a, b) => a - b);
      const ratio = pairs[Math.floor(pairs.length / 2)];
      // Throughput at saturation is inversely proportional to CPU per request: the steadier estimate when other work shares the cores.
      const cpuPairs = results.get(targets[0].label)!.map((r, k) => results.get(targets[1].label)![k].cpuUsPerRequest! / r.cpuUsPerRequest!).sort((a, b) => a - b);
      const cpuRatio = cpuPairs[Math.floor(cpuPairs.length / 2)];
      return [
        '## authz: `pwd(udid)` with and without graphql-shield',
        '',
        `${connections} connections, ${rounds} alternating round(s) of ${seconds} s per target, ${records} seeded records, random seeded UDIDs,`,
        'all 25 PwdRecord fields selected by a token holding every scope; each server in its own process on in-memory SQLite.',
        '',
        table([on, off]),
        '',
        `**Ratio (on / off), median of ${pairs.length} paired round(s): ${ratio.toFixed(3)}** — authorization costs ${((1 - ratio) * 100).toFixed(1)} % of throughput (target: under 15 %).`,
        `Paired ratios: ${pairs.map((p) => p.toFixed(3)).join(', ')}; mean req/s ratio ${(on.requestsPerSec / off.requestsPerSec).toFixed(3)}.`,
        '',
        `**CPU-derived ratio (server CPU per request, off / on), median of ${cpuPairs.length}: ${cpuRatio.toFixed(3)}** — authorization costs ${((1 - cpuRatio) * 100).toFixed(1)} % of throughput at saturation.`,
        `Paired CPU ratios: ${cpuPairs.map((p) => p.toFixed(3)).join(', ')}. On a machine shared with other work, read this figure; the req/s ratio swings with the neighbours' load.`,
      ].join('\n');
    } finally {
      await Promise.all([full.stop(), open.stop()]);
    }
  },
};
