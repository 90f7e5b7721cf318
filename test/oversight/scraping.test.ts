import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { luhnDigit } from '../../src/modules/pwd/pwd.generator';
import { DETECTION } from '../../src/modules/access/scraping.detector';

const LOOKUP = `query Lookup($u: UDID!) { pwd(udid: $u) { udid name } }`;

/** The UDID after `udid` in its series: same prefix, running number + step, fresh check digit. */
function nextInSeries(udid: string, step: number): string {
  const body = udid.slice(2, 11) + String(Number(udid.slice(11, 17)) + step).padStart(6, '0');
  return udid.slice(0, 2) + body + luhnDigit(body);
}
/** A well-formed UDID that is almost certainly not on file. */
function randomUdid(rnd: () => number): string {
  const digits = Array.from({ length: 15 }, () => Math.floor(rnd() * 10)).join('');
  return 'UP' + digits + luhnDigit(digits);
}
function seeded(seed: number) {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2 ** 31; return s / 2 ** 31; };
}

describe('scraping detection (replayed traffic, injectable clock)', () => {
  let t: TestServer;
  let udids: string[];

  beforeAll(async () => {
    t = await startTestServer({ records: 400 });
    udids = (await t.ds.query('SELECT udid FROM pwd_record ORDER BY id')).map((r: any) => r.udid);
  });
  afterAll(() => t.close());

  /** A partner whose token is renewed as the clock moves (tokens live 15 minutes). */
  async function client() {
    const p = await createActivePartner(t.ds);
    let token = await t.appToken(p);
    let issued = t.clock.nowMs();
    return {
      p,
      async gql(q: string, v?: Record<string, unknown>) {
        if (t.clock.nowMs() - issued > 10 * 60_000) { token = await t.appToken(p); issued = t.clock.nowMs(); }
        return t.gql(q, v, token);
      },
    };
  }
  async function alerts(p: PartnerFixture): Promise<{ kind: string; evidence: string; status: string }[]> {
    await t.server.services.scraping.idle();
    return t.ds.query('SELECT kind, evidence, status, window_start, window_end FROM scraping_alert WHERE application_id = ? ORDER BY id', [p.applicationId]);
  }

  it('flags fast sequential enumeration within one window', async () => {
    const c = await client();
    for (let i = 1; i <= DETECTION.sequentialRun; i++) await c.gql(LOOKUP, { u: nextInSeries(udids[0], i) });
    const a = await alerts(c.p);
    expect(a.map((x) => x.kind)).toContain('SEQUENTIAL_UDIDS');
    const seq = a.find((x) => x.kind === 'SEQUENTIAL_UDIDS')!;
    expect(seq.status).toBe('OPEN');
    expect(JSON.parse(seq.evidence)).toMatchObject({ prefix: udids[0].slice(0, 11), runLength: DETECTION.sequentialRun });
  });

  it('flags slow sequential enumeration (one lookup a minute) within one window', async () => {
    const c = await client();
    for (let i = 1; i <= DETECTION.sequentialRun; i++) {
      await c.gql(LOOKUP, { u: nextInSeries(udids[5], 100 + i * 1) });
      t.clock.advance(60_000);
    }
    expect((await alerts(c.p)).map((x) => x.kind)).toContain('SEQUENTIAL_UDIDS');
  });

  it('flags fast random enumeration by its share of unknown UDIDs', async () => {
    const c = await client();
    const rnd = seeded(7);
    for (let i = 0; i < DETECTION.minLookups; i++) await c.gql(LOOKUP, { u: randomUdid(rnd) });
    const a = await alerts(c.p);
    expect(a.map((x) => x.kind)).toEqual(['UNKNOWN_UDID_RATIO']);
    expect(JSON.parse(a[0].evidence)).toMatchObject({ lookups: 20, unknownLookups: 20 });
  });

  it('flags slow random enumeration (one lookup every 25 s, mixed with real UDIDs) within one window', async () => {
    const c = await client();
    const rnd = seeded(11);
    for (let i = 0; i < 24; i++) {
      await c.gql(LOOKUP, { u: i % 3 === 0 ? udids[50 + i] : randomUdid(rnd) });
      t.clock.advance(25_000);
    }
    expect((await alerts(c.p)).map((x) => x.kind)).toEqual(['UNKNOWN_UDID_RATIO']);
  });

  it('flags a mixed walk (one random UDID, two re-reads of known records) by its distinct unknown share', async () => {
    const c = await client();
    const rnd = seeded(13);
    const known = udids.slice(200, 210);
    for (let i = 0; i < 20; i++) {
      await c.gql(LOOKUP, { u: randomUdid(rnd) });
      await c.gql(LOOKUP, { u: known[(2 * i) % 10] });
      await c.gql(LOOKUP, { u: known[(2 * i + 1) % 10] });
    }
    const a = await alerts(c.p);
    expect(a.map((x) => x.kind)).toEqual(['UNKNOWN_UDID_RATIO']);
    // The plain share (10 of 28) is below unknownShare; the distinct share (10 of 20) is not.
    expect(JSON.parse(a[0].evidence)).toMatchObject({ lookups: 28, unknownLookups: 10, distinctLookups: 20, distinctUnknown: 10 });
  });

  it('flags distinctUnknown unknown UDIDs in a window even when diluted by many distinct known ones', async () => {
    const c = await client();
    const rnd = seeded(17);
    for (let i = 0; i < DETECTION.distinctUnknown; i++) {
      await c.gql(LOOKUP, { u: randomUdid(rnd) });
      for (let k = 0; k < 3; k++) await c.gql(LOOKUP, { u: udids[i * 3 + k] });
    }
    const a = await alerts(c.p);
    expect(a.map((x) => x.kind)).toEqual(['UNKNOWN_UDID_RATIO']);
    expect(JSON.parse(a[0].evidence)).toMatchObject({ distinctUnknown: DETECTION.distinctUnknown, lookups: 4 * DETECTION.distinctUnknown - 3 });
  });

  it('flags a distinct-record rate far above the application\'s own norm', async () => {
    const c = await client();
    const PAGE = `query($a: String) { pwds(filter: {}, first: 20, after: $a) { edges { node { udid } } pageInfo { endCursor } } }`;
    // Four windows of ordinary use: 20 records a window.
    for (let w = 0; w < 4; w++) {
      await c.gql(PAGE, { a: null });
      t.clock.advance(DETECTION.windowMs);
    }
    expect(await alerts(c.p)).toEqual([]);
    // Then one window walking 300 records (paced to stay within the cost budget).
    let after: string | null = null;
    for (let i = 0; i < 15; i++) {
      const r: any = await c.gql(PAGE, { a: after });
      after = r.body.data.pwds.pageInfo.endCursor;
      t.clock.advance(5_000);
    }
    const a = await alerts(c.p);
    expect(a.map((x) => x.kind)).toEqual(['DISTINCT_RATE_SPIKE']);
    expect(JSON.parse(a[0].evidence)).toMatchObject({ threshold: 200, normWindows: 4 });
  });

  it('never flags ordinary traffic: known lookups with a few typos, verifications and small pages over an hour', async () => {
    const c = await client();
    const rnd = seeded(3);
    for (let i = 0; i < 240; i++) {
      const known = udids[Math.floor(rnd() * udids.length)];
      if (i % 25 === 0) await c.gql(LOOKUP, { u: randomUdid(rnd) }); // a typo now and then
      else if (i % 10 === 0) await c.gql(`query($u: UDID!) { verifyUdid(udid: $u, dateOfBirth: "1990-01-01") { valid } }`, { u: known });
      else if (i % 40 === 1) await c.gql(`{ pwds(filter: {state: "${known.slice(0, 2)}"}, first: 10) { edges { node { udid } } } }`);
      else await c.gql(LOOKUP, { u: known });
      t.clock.advance(15_000);
    }
    expect(await alerts(c.p)).toEqual([]);
  });
});

describe('auto-suspension (SCRAPING_AUTO_SUSPEND=on)', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 20, env: { SCRAPING_AUTO_SUSPEND: 'on' } }); });
  afterAll(() => t.close());

  it('suspends the application (kind SCRAPING), audits it and refuses its next call with SHARING_SUSPENDED', async () => {
    const p = await createActivePartner(t.ds);
    const token = await t.appToken(p);
    const rnd = seeded(5);
    for (let i = 0; i < DETECTION.minLookups; i++) await t.gql(LOOKUP, { u: randomUdid(rnd) }, token);
    await t.server.services.scraping.idle();
    const [app] = await t.ds.query('SELECT sharing_suspended_at, sharing_suspension_kind, sharing_suspension_reason FROM application WHERE id = ?', [p.applicationId]);
    expect(app.sharing_suspension_kind).toBe('SCRAPING');
    expect(app.sharing_suspension_reason).toMatch(/UNKNOWN_UDID_RATIO/);
    const [alert] = await t.ds.query('SELECT auto_suspended FROM scraping_alert WHERE application_id = ?', [p.applicationId]);
    expect(Number(alert.auto_suspended)).toBe(1);
    const [audit] = await t.ds.query("SELECT actor_type, action FROM admin_audit WHERE target_type = 'APPLICATION' AND target_id = ?", [p.applicationId]);
    expect(audit).toMatchObject({ actor_type: 'SYSTEM', action: 'SUSPEND_SHARING' });
    const next = await t.gql(LOOKUP, { u: 'MH0110119900000011' }, token);
    expect(next.status).toBe(403);
    expect(next.body.errors[0].extensions.code).toBe('SHARING_SUSPENDED');
  });
});
