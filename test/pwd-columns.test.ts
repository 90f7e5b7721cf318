import { createActivePartner, onMysql, startTestServer, TestServer } from './helpers/server';
import type { PartnerFixture } from '../src/modules/staff/demo.seed';

/** Every PwdRecord field a partner may select (the record's columns, and its disability types). */
const FIELDS = ['udid', 'cardStatus', 'name', 'nameRegional', 'guardianName', 'gender', 'dateOfBirth', 'mobile', 'email', 'address', 'pincode',
  'district', 'state', 'disabilities', 'disabilityPercentage', 'certificateType', 'certificateNumber', 'certificateIssuedOn', 'validUntil',
  'issuingAuthority', 'education', 'employment', 'incomeBand', 'belowPovertyLine', 'aadhaarLast4'];

interface MysqlConnection { _statements?: { size: number } }
interface MysqlPool { config?: { connectionConfig?: { maxPreparedStatements?: number } }; _allConnections?: { toArray?(): MysqlConnection[] } & Iterable<MysqlConnection> }

/**
 * Lookups and pages read only the columns of the selected fields: whatever subset a partner selects
 * (under aliases and fragments too), every field comes back with the value all-fields reading gives.
 * A caller varying its selection cannot grow the prepared statements without bound (hostile shape:
 * one distinct statement text per request).
 */
describe('PwD records read by selected columns', () => {
  let t: TestServer;
  let partner: PartnerFixture;
  let token: string;
  let udids: string[];
  const full = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    t = await startTestServer({ records: 30 });
    partner = await createActivePartner(t.ds, { dailyRecordQuota: 100_000 });
    // A budget for a few hundred requests in a row (the cost bucket is not what is tested here).
    await t.ds.query('UPDATE application SET cost_budget = ?, cost_restore_rate = ? WHERE client_id = ?', [10_000_000, 1_000_000, partner.clientId]);
    token = await t.appToken(partner);
    udids = (await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 5')).map((r: { udid: string }) => r.udid);
    for (const u of udids) {
      const r = await t.gql(`query All($u: UDID!) { pwd(udid: $u) { ${FIELDS.join(' ')} } }`, { u }, token);
      expect(r.body.errors).toBeUndefined();
      full.set(u, r.body.data.pwd);
    }
  });
  afterAll(async () => { await t?.close(); });

  it('answers every seeded random subset of fields, on lookups and pages, with the values of the full record', async () => {
    let seed = 151;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const seen = new Set<string>();
    for (let i = 0; seen.size < 60 && i < 1000; i++) {
      const chosen = FIELDS.filter(() => random() < 0.3);
      if (!chosen.length || seen.has(chosen.join())) continue;
      seen.add(chosen.join());
      const [a, b] = [chosen.slice(0, Math.ceil(chosen.length / 2)), chosen.slice(Math.ceil(chosen.length / 2))];
      const u = udids[i % udids.length];
      const one = await t.gql(`query One($u: UDID!) { x: pwd(udid: $u) { ${a.join(' ')} ...R } } fragment R on PwdRecord { ${b.join(' ') || 'udid'} }`, { u }, token);
      expect(one.body.errors).toBeUndefined();
      for (const f of chosen) expect({ f, v: one.body.data.x[f] }).toEqual({ f, v: full.get(u)![f] });
      const page = await t.gql(`{ pwds(filter: {}, first: 5) { edges { node { udid ... on PwdRecord { ${chosen.join(' ')} } } } } }`, {}, token);
      expect(page.body.errors).toBeUndefined();
      for (const e of page.body.data.pwds.edges) {
        const want = full.get(e.node.udid)!;
        expect(want).toBeDefined(); // the page's first 5 records are the 5 read in full
        for (const f of chosen) expect({ f, v: e.node[f] }).toEqual({ f, v: want[f] });
      }
    }
    expect(seen.size).toBe(60);
  });

  it('distinct selections do not grow prepared statements without bound', async () => {
    // 300 distinct statement texts: the bits of i choose among the first 9 fields beside udid.
    const others = FIELDS.filter((f) => f !== 'udid');
    for (let i = 1; i <= 300; i++) {
      const chosen = others.filter((_, k) => (i >> k) & 1);
      const r = await t.gql(`query S${i}($u: UDID!) { pwd(udid: $u) { udid ${chosen.join(' ')} } }`, { u: udids[0] }, token);
      expect(r.status).toBe(200);
    }
    if (!onMysql) return; // SQLite keeps at most 200 statements (src/core/db/read-path.ts); past that it prepares each time
    const pool = (t.ds.driver as unknown as { pool: MysqlPool }).pool;
    expect(pool.config?.connectionConfig?.maxPreparedStatements).toBe(256);
    const conns = [...(pool._allConnections?.toArray?.() ?? pool._allConnections ?? [])];
    expect(conns.length).toBeGreaterThan(0);
    for (const c of conns) expect(c._statements?.size ?? 0).toBeLessThanOrEqual(256);
  });
});
