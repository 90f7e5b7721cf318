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
    const rounds = smoke ? 1 : 3;
    const seconds = smoke ? 2 : 10;
    const connections = 32;
    log(`authz: seeding ${records} records into two servers…`);
    const [full, open] = await Promise.all([startTarget({ records }), startTarget({ records, authorization: false })]);
    try {
      const targets = [{ label: 'full stack (authorization on)', t: full }, { label: 'authorization off', t: open }];
      const results = new Map<string, LoadFigures[]>(targets.map((x) => [x.label, []]));
      for (const { label, t } of targets) { // warm-up: JIT, gate cache, SQLite pages
        const random = seededRandom(7);
        await drive({ label, url: t.url, token: t.token, connections, seconds: 1, body: () => JSON.stringify({ query: QUERY, variables: { udid: t.udids[Math.floor(random() * t.udids.length)] } }) });
      }
      for (let round = 0; round < rounds; round++) {
        for (const { label, t } of round % 2 ? [...targets].reverse() : targets) {
          const random = seededRandom(42 + round);
          const body = () => JSON.stringify({ query: QUERY, variables: { udid: t.udids[Math.floor(random() * t.udids.length)] } });
          const r = await drive({ label, url: t.url, token: t.token, connections, seconds, body });
          log(`authz: round ${round + 1}/${rounds} ${label}: ${r.requestsPerSec.toFixed(0)} req/s, p99 ${r.p99Ms} ms`);
          results.get(label)!.push(r);
        }
      }
      const on = combine(targets[0].label, results.get(targets[0].label)!);
      const off = combine(targets[1].label, results.get(targets[1].label)!);
      const ratio = on.requestsPerSec / off.requestsPerSec;
      return [
        '## authz: `pwd(udid)` with and without graphql-shield',
        '',
        `${connections} connections, ${rounds} alternating round(s) of ${seconds} s per target, ${records} seeded records, random seeded UDIDs,`,
        'all 25 PwdRecord fields selected by a token holding every scope; each server in its own process on in-memory SQLite.',
        '',
        table([on, off]),
        '',
        `**Ratio (on / off): ${ratio.toFixed(3)}** — authorization costs ${((1 - ratio) * 100).toFixed(1)} % of throughput (target: under 15 %).`,
      ].join('\n');
    } finally {
      await Promise.all([full.stop(), open.stop()]);
    }
  },
};
