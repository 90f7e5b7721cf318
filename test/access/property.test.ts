import { randomBytes } from 'node:crypto';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { cursorOf, DocumentReader, mulberry32, randomDocument, RandomDocument, Universe } from '../helpers/random-documents';

/**
 * Property test of the disclosure pipeline (DESIGN.md §7, §9, §11): random well-formed documents over
 * the partner read surface (aliases, named and inline fragments, @include/@skip on random variables,
 * variables for UDIDs and page sizes), some sequential and some in concurrent bursts, one application
 * with a small daily record quota. Whatever the documents:
 *   (1) no more distinct records reach the data than the quota, and the access log holds no pwd/pwds
 *       record the data did not carry (and at most the quota over all sources);
 *   (2) every 200 is charged at least what it served, computed here from the data alone, and never
 *       more than it priced;
 *   (3) every error carries a DESIGN.md §9 code, never INTERNAL_SERVER_ERROR; no 500;
 *   (4) the run finishes within a time bound.
 * The seed is printed; PROPERTY_SEED=<n> replays a run, PROPERTY_DOCUMENTS=<n> changes its length.
 * Served cost: each PwdRecord's non-null fields at their schema complexity, plus 1 per pwd/verifyUdid
 * root (the lookup); a pwds page is first × child cost with nothing for the root itself (DESIGN.md §7).
 *
 * A page's node that carries no field of its record (only __typename, or every field skipped) is not
 * a record served (a field answered null is carried: it tells that the record has no such value): it shows no more than the page's cursors. Found by this test and fixed in the
 * ledger: records are logged only if they reach the response (not when a failing non-null sibling
 * nulls it, nor for pages whose nodes are not selected).
 */
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) >>> 0 : randomBytes(4).readUInt32LE(0);
const DOCUMENTS = Number(process.env.PROPERTY_DOCUMENTS ?? 150);
const QUOTA = 60;
const BURST = 8;
const TIME_BOUND_MS = 60_000;

/** DESIGN.md §9 and §11 (INTERNAL_SERVER_ERROR deliberately left out). */
const DESIGN_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'APPLICATION_DISABLED', 'ORGANIZATION_NOT_ACTIVE', 'MOU_EXPIRED', 'MOU_TERMINATED',
  'IP_NOT_ALLOWED', 'SHARING_SUSPENDED', 'THROTTLED', 'DAILY_RECORD_QUOTA_EXCEEDED', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP',
  'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE',
  'CONSENT_REQUIRED', 'PURPOSE_NOT_APPROVED',
]);
/** A well-formed document is refused before execution only for a static limit or an argument that cannot be priced. */
const REFUSAL_CODES = new Set(['QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP', 'BAD_USER_INPUT']);

interface Row { id: number; udid: string; dob: string; state: string }
interface Violation { property: string; seed: number; index: number; detail: string; query: string; variables: Record<string, unknown>; status: number; body: unknown }

describe(`property: disclosure pipeline under random documents (PROPERTY_SEED=${SEED})`, () => {
  let t: TestServer;
  let rows: Row[];

  beforeAll(async () => {
    const redis = process.env.TEST_REDIS_URL;
    t = await startTestServer({
      records: 300,
      env: redis ? { REDIS_URL: redis, REDIS_KEY_PREFIX: `udx-prop-${randomBytes(4).toString('hex')}:` } : {},
    });
    const raw = await t.ds.query('SELECT id, udid, date_of_birth, state_code FROM pwd_record ORDER BY id');
    rows = raw.map((r: any) => ({
      id: Number(r.id), udid: r.udid, state: r.state_code,
      dob: String(r.date_of_birth instanceof Date ? r.date_of_birth.toISOString() : r.date_of_birth).slice(0, 10),
    }));
  });
  afterAll(() => t?.close());

  it(`${DOCUMENTS} random documents against a daily quota of ${QUOTA}: properties (1)–(4) hold`, async () => {
    // eslint-disable-next-line no-console
    console.log(`property test seed: ${SEED} (replay with PROPERTY_SEED=${SEED})`);
    const r = mulberry32(SEED);
    const known = new Map(rows.map((x) => [x.udid, x]));
    const pool = [...rows].sort(() => r.next() - 0.5).slice(0, 100);
    const unknown: string[] = [];
    while (unknown.length < 20) {
      const u = `${r.pick(['ZZ', 'MH', 'KA', 'UP'])}${Array.from({ length: 16 }, () => r.int(0, 9)).join('')}`;
      if (!known.has(u) && /^[A-Z]{2}[0-9]{16}$/.test(u)) unknown.push(u);
    }
    const universe: Universe = { known: pool, unknown, states: [...new Set(rows.map((x) => x.state))] };

    const complexity: Record<string, number> = {};
    const recordType = t.server.schema.getType('PwdRecord') as any;
    for (const [name, f] of Object.entries<any>(recordType.getFields())) complexity[name] = Number(f.extensions?.complexity ?? 1);
    expect(complexity).toMatchObject({ udid: 1, name: 2, mobile: 3, aadhaarLast4: 5, disabilities: 1 });

    const p = await createActivePartner(t.ds, { dailyRecordQuota: QUOTA });
    await t.ds.query('UPDATE application SET cost_budget = ?, cost_restore_rate = ? WHERE id = ?', [10_000_000, 1_000_000, p.applicationId]);
    const token = await t.appToken(p);

    const docs: RandomDocument[] = Array.from({ length: DOCUMENTS }, () => randomDocument(r, universe));
    const disclosed = new Set<string>();
    /** UDID → the documents that asked for it (pwds pages, pwd lookups): to name the document behind an access event the data never carried. */
    const onPage = new Map<string, number[]>();
    const violations: Violation[] = [];
    const stats = { status: {} as Record<number, number>, codes: {} as Record<string, number>, servedRecords: 0, withFragments: 0, withDirectives: 0, concurrent: 0 };

    /** The page pwds must answer: keyset pages in id order. */
    const page = (filter: any, first: number, after: string | null | undefined) => {
      const afterId = after ? Number(/^pwd:(\d+)$/.exec(Buffer.from(after, 'base64url').toString())![1]) : 0;
      return rows.filter((x) => x.id > afterId && (!filter?.state || x.state === filter.state)).slice(0, first);
    };

    const check = (index: number, doc: RandomDocument, status: number, body: any) => {
      const fail = (property: string, detail: string) => violations.push({ property, seed: SEED, index, detail, query: doc.query, variables: doc.variables, status, body });
      stats.status[status] = (stats.status[status] ?? 0) + 1;
      if (doc.query.includes('fragment ')) stats.withFragments++;
      if (/@(include|skip)/.test(doc.query)) stats.withDirectives++;

      // (3) error codes and statuses.
      if (status === 500) fail('3', 'HTTP 500');
      if (![200, 400, 429].includes(status)) fail('3', `unexpected HTTP status ${status}`);
      for (const e of body.errors ?? []) {
        const code = e.extensions?.code;
        stats.codes[code] = (stats.codes[code] ?? 0) + 1;
        if (!DESIGN_CODES.has(code)) fail('3', `error code ${code} is not a DESIGN.md §9 code: ${e.message}`);
      }
      if (status === 400) {
        if (body.data !== undefined) fail('3', 'a refused document carries data');
        const codes = (body.errors ?? []).map((e: any) => e.extensions?.code);
        if (!codes.length || !codes.every((c: string) => REFUSAL_CODES.has(c))) fail('3', `a well-formed document refused with ${codes.join(',')}`);
        return;
      }

      // (1) and (2): read the data against the document.
      const reader = new DocumentReader(doc.query, doc.variables);
      const data = body.data;
      let served = 0;
      const seen = new Set<string>();
      // `existence`: the object's presence itself discloses the record (pwd(udid) answers whether it exists);
      // a page's node that carries no field of the record (only __typename, or every field skipped) discloses
      // nothing the page's cursors do not already show, so it is not a record served.
      const recordCost = (obj: any, fields: Map<string, any[]>, udid: string, existence: boolean) => {
        let cost = 0;
        let carried = false;
        for (const k of Object.keys(obj)) if (!fields.has(k)) fail('2', `record ${udid} carries ${k}, which was not selected`);
        for (const [k, fs] of fields) {
          const name = fs[0].name.value;
          // A selected field answered null still tells something of the record (that it has no such value).
          if (name !== '__typename' && k in obj) carried = true;
          if (obj[k] === null || obj[k] === undefined) continue;
          if (name === 'udid' && obj[k] !== udid) fail('1', `record answered as ${udid} carries udid ${obj[k]}`);
          if (name !== '__typename') cost += complexity[name];
        }
        if (!existence && !carried) return cost;
        seen.add(udid);
        stats.servedRecords++;
        return cost;
      };
      // The pages each pwds root field asked for, whether or not the data carries them.
      for (const [, fields] of reader.collect([reader.op.selectionSet], 'Query')) {
        const f = fields[0];
        if (f.name.value !== 'pwds') continue;
        const first = reader.arg(f, 'first') as number | undefined;
        if (first !== undefined && (first < 1 || first > 100)) continue;
        for (const rec of page(reader.arg(f, 'filter'), first ?? 20, reader.arg(f, 'after') as string | undefined)) onPage.set(rec.udid, [...(onPage.get(rec.udid) ?? []), index]);
      }
      if (data) {
        for (const [key, fields] of reader.collect([reader.op.selectionSet], 'Query')) {
          const f = fields[0];
          const name = f.name.value;
          if (name === '__typename') continue;
          if (!(key in data)) { fail('2', `root field ${key} missing from the data`); continue; }
          const v = data[key];
          // A lookup (pwd, verifyUdid) costs 1 for itself; a page costs first × its child cost only (DESIGN.md §7).
          if (name !== 'pwds') served += 1;
          if (name === 'pwd') {
            const udid = reader.arg(f, 'udid') as string;
            onPage.set(udid, [...(onPage.get(udid) ?? []), index]);
            if (v === null) continue;
            if (!known.has(udid)) fail('1', `pwd(${udid}) answered a record for an unknown UDID`);
            served += recordCost(v, reader.sub(fields, 'PwdRecord'), udid, true);
          } else if (name === 'pwds') {
            const expected = page(reader.arg(f, 'filter'), (reader.arg(f, 'first') as number | undefined) ?? 20, reader.arg(f, 'after') as string | undefined);
            for (const [ek, efs] of reader.sub(fields, 'PwdConnection')) {
              if (efs[0].name.value !== 'edges') continue;
              const edges: any[] = v[ek];
              if (edges.length !== expected.length) fail('1', `pwds ${key}.${ek} has ${edges.length} edges, the page holds ${expected.length}`);
              const edgeFields = reader.sub(efs, 'PwdEdge');
              edges.forEach((e, i) => {
                const rec = expected[i];
                if (!rec) return;
                for (const [nk, nfs] of edgeFields) {
                  const n = nfs[0].name.value;
                  if (n === 'cursor' && e[nk] !== cursorOf(rec.id)) fail('1', `edge ${i} cursor ${e[nk]} is not record ${rec.id}`);
                  if (n === 'node' && e[nk] !== null && e[nk] !== undefined) served += recordCost(e[nk], reader.sub(nfs, 'PwdRecord'), rec.udid, false);
                }
              });
            }
          } else if (name === 'verifyUdid') {
            if (v === null) continue;
            const udid = reader.arg(f, 'udid') as string;
            const vf = reader.sub(fields, 'UdidVerification');
            let answered = false;
            for (const [k, fs] of vf) {
              const n = fs[0].name.value;
              if ((n === 'cardStatus' || n === 'validUntil' || n === 'percentageBand') && v[k] !== null) answered = true;
              if (n === 'valid' && v[k] === true) answered = true;
              if (n === 'udid' && v[k] !== udid) fail('1', `verifyUdid(${udid}) answered for ${v[k]}`);
            }
            if (answered && !known.has(udid)) fail('1', `verifyUdid(${udid}) confirmed an unknown UDID`);
            if (answered) seen.add(udid);
          }
        }
      }
      for (const u of seen) disclosed.add(u);

      if (status === 200) {
        const cost = body.extensions?.cost;
        if (!cost) { fail('2', 'no extensions.cost'); return; }
        if (!(cost.actualQueryCost >= served)) fail('2', `actualQueryCost ${cost.actualQueryCost} < ${served}, the cost of what was served`);
        if (!(cost.requestedQueryCost >= cost.actualQueryCost)) fail('2', `requestedQueryCost ${cost.requestedQueryCost} < actualQueryCost ${cost.actualQueryCost}`);
        if (!(cost.requestedQueryCost <= 1000)) fail('2', `a document priced ${cost.requestedQueryCost} (> 1000) was run`);
      }
    };

    const answers: { status: number; body: unknown }[] = [];
    const send = async (i: number) => {
      const res = await t.gql(docs[i].query, docs[i].variables, token);
      answers[i] = { status: res.status, body: res.body };
      check(i, docs[i], res.status, res.body);
    };

    const started = Date.now();
    // Bursts of 8 concurrent requests alternating with sequential runs: the first burst races for the quota.
    let i = 0;
    let burst = true;
    while (i < DOCUMENTS) {
      const n = Math.min(burst ? BURST : r.int(3, 10), DOCUMENTS - i);
      if (burst) { await Promise.all(Array.from({ length: n }, (_, k) => send(i + k))); stats.concurrent += n; } else for (let k = 0; k < n; k++) await send(i + k);
      i += n;
      burst = !burst;
    }
    const elapsed = Date.now() - started;

    // (1) the quota holds in the data, and the access log agrees.
    if (disclosed.size > QUOTA) violations.push({ property: '1', seed: SEED, index: -1, detail: `${disclosed.size} distinct records disclosed, quota ${QUOTA}`, query: '', variables: {}, status: 0, body: null });
    await t.server.services.accessLog.flush();
    const logged: { udid: string; source: string }[] = await t.ds.query('SELECT DISTINCT udid, source FROM access_event WHERE application_id = ?', [p.applicationId]);
    const outside = logged.filter((e) => (e.source === 'pwd' || e.source === 'pwds') && !disclosed.has(e.udid));
    for (const e of outside.slice(0, 3)) {
      const suspects = onPage.get(e.udid) ?? [];
      const d = suspects.length ? docs[suspects[0]] : { query: '', variables: {} };
      violations.push({ property: '1', seed: SEED, index: suspects[0] ?? -1, detail: `access_event (${e.source}) holds ${e.udid}, which no response's data carried (${outside.length} such records; documents that asked for it: ${suspects.join(',') || 'none'})`,
        query: d.query, variables: d.variables, status: answers[suspects[0]]?.status ?? 0, body: answers[suspects[0]]?.body ?? null });
    }
    const allLogged = new Set(logged.map((e) => e.udid));
    if (allLogged.size > QUOTA) violations.push({ property: '1', seed: SEED, index: -1, detail: `access_event holds ${allLogged.size} distinct UDIDs, quota ${QUOTA}`, query: '', variables: {}, status: 0, body: null });

    // eslint-disable-next-line no-console
    console.log(`seed ${SEED}: ${DOCUMENTS} documents in ${elapsed} ms; statuses ${JSON.stringify(stats.status)}; codes ${JSON.stringify(stats.codes)}; ` +
      `${disclosed.size} distinct records in the data, ${allLogged.size} in the access log; ${stats.servedRecords} records served; ` +
      `${stats.withFragments} with fragments, ${stats.withDirectives} with @include/@skip, ${stats.concurrent} concurrent`);

    // (4) the time bound.
    expect(elapsed).toBeLessThan(TIME_BOUND_MS);
    // Each violation names its property, the seed, the document and the response (at most 3 per property and kind).
    const shown = new Map<string, number>();
    const report = violations.filter((v) => {
      const kind = `${v.property}:${v.detail.replace(/[0-9A-Z]{18}|\d+/g, '#').slice(0, 60)}`;
      shown.set(kind, (shown.get(kind) ?? 0) + 1);
      return shown.get(kind)! <= 3;
    }).map((v) => ({ ...v, body: JSON.stringify(v.body)?.slice(0, 1500) }));
    if (violations.length) {
      // eslint-disable-next-line no-console
      console.log(`seed ${SEED}: ${violations.length} violations: ${JSON.stringify(Object.fromEntries(shown))}`);
    }
    expect(report).toEqual([]);
    // The run exercised what it claims to: documents ran, records were served, the quota was reached, some were refused.
    // Executed (200, or 429 once the quota withheld everything a document asked for) rather than refused before execution.
    expect((stats.status[200] ?? 0) + (stats.status[429] ?? 0)).toBeGreaterThan(DOCUMENTS / 2);
    expect(stats.status[200]).toBeGreaterThan(DOCUMENTS / 10);
    expect(disclosed.size).toBeGreaterThan(0);
    expect(stats.codes.DAILY_RECORD_QUOTA_EXCEEDED ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
