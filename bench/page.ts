import { combine, drive, LoadFigures, Scenario, table } from './lib/bench';
import { queryRows } from './lib/sql';
import { startTarget, Target } from './lib/target';
import { database } from './lookup';
import { encodeCursor } from '../src/modules/pwd/pwd.service';

const PAGE = 100;
/** The deep page asked for: after the 499,900th record (records 499,901–500,000), where the table holds them. */
const DEEP_PAGE = 5_000;
/**
 * Identity + disability fields at 10 points per record: FULL_QUERY's 14 fields cost 18 points per record,
 * and 100 × 18 = 1,800 is over the 1,000-point per-query limit (src/core/limits/limits.config.ts), so a
 * partner cannot send it with first: 100. The server reads the same columns either way (PwdService.list
 * selects every column); only the response is smaller.
 */
const FIELDS = 'udid cardStatus name gender dateOfBirth disabilities disabilityPercentage validUntil';
export const PAGE_QUERY = `query Page($after: String) { pwds(filter: {}, first: ${PAGE}, after: $after) { edges { cursor node { ${FIELDS} } }
  pageInfo { hasNextPage endCursor } } }`;
/**
 * 8, not 32: a page costs several ms of server CPU, so on 2 cores both counts saturate the server and
 * latency is mostly the wait behind the other connections (p50 ≈ connections / req/s). At 8 that queue is a
 * quarter as long, so p99 shows less of the queue's and GC's noise and more of a page's own cost; the
 * page-N / page-1 ratio is what is compared, and it holds at either count.
 */
const CONNECTIONS = 8;

interface Page { edges: { cursor: string; node: { udid: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

async function fetchPage(t: Target, after: string | null): Promise<Page> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
    body: JSON.stringify({ query: PAGE_QUERY, variables: { after } }),
  });
  const body = (await res.json()) as { data?: { pwds?: Page }; errors?: { message: string }[] };
  if (res.status !== 200 || body.errors || !body.data?.pwds) throw new Error(`page: pwds answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data.pwds;
}

/** Record id at 0-based position `offset` in id order: the key that a cursor encodes. */
async function idAt(db: string, offset: number): Promise<number> {
  const rows = await queryRows<{ id: number | string }>(db, 'SELECT id FROM pwd_record ORDER BY id LIMIT 1 OFFSET ?', [offset]);
  if (!rows.length) throw new Error(`page: no record at position ${offset + 1}`);
  return Number(rows[0].id);
}

export const pageScenario: Scenario = {
  description: 'pwds(first: 100) keyset paging: page 1 vs page 5,000 (or the last full page), latency and req/s, alternating rounds',
  async run({ smoke, log }) {
    const db = database(smoke);
    const target = await startTarget({ records: db.records, database: db.url });
    try {
      const [{ n }] = await queryRows<{ n: number | string }>(db.url, 'SELECT COUNT(*) AS n FROM pwd_record');
      const total = Number(n);
      const deep = Math.min(DEEP_PAGE, Math.floor(total / PAGE));
      if (deep < 2) throw new Error(`page: ${total} records are too few for a deep page`);
      // Page N follows the ((N − 1) × 100)th record: its cursor is that record's id, encoded as the API encodes it.
      const afterId = await idAt(db.url, (deep - 1) * PAGE - 1);
      const after = encodeCursor(afterId);
      const firstDeepId = await idAt(db.url, (deep - 1) * PAGE);

      // Correctness: page N is a full page, starts right after the cursor, and says whether more follow.
      const check = await fetchPage(target, after);
      const expectNext = total > deep * PAGE;
      if (check.edges.length !== PAGE) throw new Error(`page: page ${deep} returned ${check.edges.length} edges, expected ${PAGE}`);
      if (check.pageInfo.hasNextPage !== expectNext) throw new Error(`page: page ${deep} hasNextPage ${check.pageInfo.hasNextPage}, expected ${expectNext} (${total} records)`);
      if (check.edges[0].cursor !== encodeCursor(firstDeepId)) throw new Error(`page: page ${deep} does not start at record id ${firstDeepId}`);
      if (check.pageInfo.endCursor !== check.edges[PAGE - 1].cursor) throw new Error(`page: page ${deep} endCursor is not its last edge's cursor`);
      const first = await fetchPage(target, null);
      if (first.edges.length !== PAGE || !first.pageInfo.hasNextPage) throw new Error('page: page 1 is not a full page followed by more');

      const deepLabel = deep === DEEP_PAGE
        ? `page ${deep.toLocaleString('en-US')} (after record ${((deep - 1) * PAGE).toLocaleString('en-US')})`
        : `page ${deep.toLocaleString('en-US')}, last full page of ${total.toLocaleString('en-US')} records (after record ${((deep - 1) * PAGE).toLocaleString('en-US')})`;
      const pages = [
        { label: 'page 1 (no cursor)', after: null as string | null },
        { label: deepLabel, after },
      ];
      const rounds = smoke ? 1 : 6;
      const seconds = smoke ? 2 : 8;
      const results = new Map<string, LoadFigures[]>(pages.map((p) => [p.label, []]));
      const ratios: { p50: number; p99: number }[] = [];
      for (let round = 0; round <= rounds; round++) {
        const order = round % 2 ? [...pages].reverse() : pages;
        const got = new Map<string, LoadFigures>();
        for (const p of order) {
          const body = JSON.stringify({ query: PAGE_QUERY, variables: { after: p.after } });
          const r = await drive({ label: p.label, url: target.url, token: target.token, connections: CONNECTIONS, seconds: round === 0 ? (smoke ? 1 : 3) : seconds, body: () => body, cpu: target.cpu });
          if (round === 0) continue; // warm-up: JIT, statement caches, buffer pool
          log(`page: round ${round}/${rounds} ${p.label}: ${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}`);
          results.get(p.label)!.push(r);
          got.set(p.label, r);
        }
        if (round > 0) {
          const [a, b] = pages.map((p) => got.get(p.label)!);
          ratios.push({ p50: b.p50Ms / a.p50Ms, p99: b.p99Ms / a.p99Ms });
        }
      }
      const [one, n2] = pages.map((p) => combine(p.label, results.get(p.label)!));
      const p50 = n2.p50Ms / one.p50Ms, p99 = n2.p99Ms / one.p99Ms;
      const errors = one.non2xx + one.errors + n2.non2xx + n2.errors;
      const verdict = (x: number) => (x <= 1.5 ? 'met' : 'missed');
      const where = db.url.startsWith('mysql://') ? `MariaDB (${total.toLocaleString('en-US')} records)` : `SQLite file (${total.toLocaleString('en-US')} records)`;
      return [
        `## page: \`pwds(first: ${PAGE})\`, page 1 vs page ${deep.toLocaleString('en-US')}, on ${where}`,
        '',
        `Full server in its own process, ${CONNECTIONS} connections (not 32: both saturate 2 cores, and at 8 the queue in each latency is a quarter as long), ` +
          `${rounds} alternating round(s) of ${seconds} s per page after a warm-up; the same page requested over and over.`,
        `Fields: \`${FIELDS}\` (10 points/record; lookup's 14 fields would cost 1,800 points per page, over the 1,000-point query limit).`,
        deep === DEEP_PAGE
          ? `Page ${deep.toLocaleString('en-US')} = records ${((deep - 1) * PAGE + 1).toLocaleString('en-US')}–${(deep * PAGE).toLocaleString('en-US')}; its \`after\` cursor is \`encodeCursor(id)\` of record ${((deep - 1) * PAGE).toLocaleString('en-US')}, read from the database.`
          : `Fewer than ${(DEEP_PAGE * PAGE).toLocaleString('en-US')} records: the deep page is the last full page, ${deep.toLocaleString('en-US')} (records ${((deep - 1) * PAGE + 1).toLocaleString('en-US')}–${(deep * PAGE).toLocaleString('en-US')}), not page ${DEEP_PAGE.toLocaleString('en-US')}.`,
        `Checked before the load: page ${deep.toLocaleString('en-US')} returns ${PAGE} edges starting at record id ${firstDeepId}, hasNextPage ${expectNext}; page 1 returns ${PAGE} edges, hasNextPage true.`,
        '',
        table([one, n2]),
        '',
        `**p50 page ${deep.toLocaleString('en-US')} / page 1: ${p50.toFixed(2)}×** (target ≤ 1.5×, ${verdict(p50)}) · ` +
          `**p99 page ${deep.toLocaleString('en-US')} / page 1: ${p99.toFixed(2)}×** (target ≤ 1.5×, ${verdict(p99)}) · ` +
          `req/s ${n2.requestsPerSec.toFixed(0)} vs ${one.requestsPerSec.toFixed(0)} (${(n2.requestsPerSec / one.requestsPerSec).toFixed(2)}×)` +
          (one.cpuUsPerRequest && n2.cpuUsPerRequest ? ` · server CPU/req ${(n2.cpuUsPerRequest / one.cpuUsPerRequest).toFixed(2)}×` : '') +
          (errors ? ` · **${errors} non-2xx/errors**` : ''),
        `Paired per-round ratios (p50 / p99): ${ratios.map((r) => `${r.p50.toFixed(2)} / ${r.p99.toFixed(2)}`).join(', ')}.`,
      ].join('\n');
    } finally {
      await target.stop();
      db.cleanup();
    }
  },
};
