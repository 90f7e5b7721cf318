import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { Scope } from '../../src/core/authz/scopes';
import { VERIFY_ATTEMPTS_PER_DAY } from '../../src/modules/pwd/pwd.service';
import { UNKNOWN_REPORT_UDIDS_PER_DAY } from '../../src/modules/benefit/benefit.service';

/**
 * The fail-closed disclosure pipeline (issue 13, DESIGN.md §11), over HTTP: each bypass that worked
 * before is refused here, whatever the document's shape or the concurrency.
 */
describe('fail-closed disclosure', () => {
  let t: TestServer;
  let udids: string[];
  let dobs: string[];

  beforeAll(async () => {
    t = await startTestServer({ records: 1100 });
    const rows = await t.ds.query('SELECT udid, date_of_birth FROM pwd_record ORDER BY id');
    udids = rows.map((r: any) => r.udid);
    dobs = rows.map((r: any) => String(r.date_of_birth instanceof Date ? r.date_of_birth.toISOString() : r.date_of_birth).slice(0, 10));
  });
  afterAll(() => t.close());

  async function partner(opts: { scopes?: Scope[]; dailyRecordQuota?: number; costBudget?: number; restoreRate?: number } = {}): Promise<{ p: PartnerFixture; token: string }> {
    const p = await createActivePartner(t.ds, { scopes: opts.scopes, dailyRecordQuota: opts.dailyRecordQuota });
    if (opts.costBudget) await t.ds.query('UPDATE application SET cost_budget = ?, cost_restore_rate = ? WHERE id = ?', [opts.costBudget, opts.restoreRate ?? 100, p.applicationId]);
    return { p, token: await t.appToken(p) };
  }
  const available = async (token: string) => (await t.gql('{ me { costBudget { currentlyAvailable } } }', undefined, token)).body.data.me.costBudget.currentlyAvailable;
  const events = async (appId: number, source?: string) => {
    await t.server.services.accessLog.flush();
    const [{ n }] = await t.ds.query(`SELECT COUNT(*) AS n FROM access_event WHERE application_id = ?${source ? ' AND source = ?' : ''}`, source ? [appId, source] : [appId]);
    return Number(n);
  };
  const alerts = async (appId: number, kind: string) => {
    await new Promise((r) => setTimeout(r, 100)); // alerts are written off the request path
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM scraping_alert WHERE application_id = ? AND kind = ?', [appId, kind]);
    return Number(n);
  };
  const PAGE = `query($f: PwdFilter!, $n: Int, $a: String) { pwds(filter: $f, first: $n, after: $a) { edges { node { udid name mobile dateOfBirth } } pageInfo { endCursor } } }`; // 800 points a page

  describe('documents that cannot be priced are refused before execution', () => {
    it('a null variable for a non-null argument: 400 BAD_USER_INPUT, no data, nothing charged', async () => {
      const { p, token } = await partner();
      t.clock.freeze();
      const r = await t.gql(PAGE, { f: null, n: 100 }, token);
      expect(r.status).toBe(400);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors[0].message).toMatch(/\$f/);
      expect(await available(token)).toBe(2000);
      t.clock.reset();
      expect(await events(p.applicationId)).toBe(0);
    });

    it('a wrong operation name, or several operations without one: 400 BAD_USER_INPUT', async () => {
      const { token } = await partner();
      const doc = `query A { pwds(filter: {}, first: 100) { edges { node { udid name } } } } query B { __typename }`;
      for (const operationName of [undefined, 'C']) {
        const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: doc, operationName }) });
        const body: any = await res.json();
        expect(res.status).toBe(400);
        expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(body.data).toBeUndefined();
      }
    });

    it('fragment fan-out (each fragment spreading the next twice) is refused quickly with QUERY_TOO_COMPLEX', async () => {
      const { token } = await partner();
      const links = 24;
      const frags = Array.from({ length: links }, (_, i) => `fragment F${i} on PwdRecord { ...F${i + 1} ...F${i + 1} }`).join('\n');
      const doc = `query($u: UDID!) { pwd(udid: $u) { ...F0 } }\n${frags}\nfragment F${links} on PwdRecord { udid name }`;
      const started = Date.now();
      const r = await t.gql(doc, { u: udids[0] }, token);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'expandedSelections' });
      expect(r.body.data).toBeUndefined();
    });

    it('@include/@skip are priced at their worst case: the expensive branch cannot hide behind a cheap variable', async () => {
      const { token } = await partner();
      const doc = `query($x: Boolean!) {
        a: pwds(filter: {}, first: 100) @include(if: $x) { edges { node { udid name mobile } } }
        b: pwds(filter: {}, first: 100) @skip(if: $x) { edges { node { udid name mobile } } }
      }`; // each branch 600 points; together 1,200 > 1,000
      for (const x of [false, true, false]) {
        const r = await t.gql(doc, { x }, token);
        expect(r.status).toBe(400);
        expect(r.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', requestedQueryCost: 1200 });
      }
      const cheap = `query($x: Boolean!) { pwd(udid: "${udids[0]}") { udid aadhaarLast4 @include(if: $x) } }`;
      const off = await t.gql(cheap, { x: false }, token);
      expect(off.body.extensions.cost.requestedQueryCost).toBe(7); // 1 + udid 1 + aadhaarLast4 5, priced though skipped
      expect(off.body.extensions.cost.actualQueryCost).toBe(2); // charged for what was served
    });

    it('an absent variable takes its default and is priced with it; an explicit null is not coerced to it', async () => {
      const { token } = await partner();
      const doc = `query($n: Int = 100) { pwds(filter: {}, first: $n) { edges { node { udid name } } } }`;
      const withNull = await t.gql(doc, { n: null }, token); // first is Int! (default 20): an explicit null is refused
      expect(withNull.status).toBe(400);
      expect(withNull.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(withNull.body.data).toBeUndefined();
      const absent = await t.gql(doc, {}, token);
      expect(absent.body.extensions.cost.requestedQueryCost).toBe(300);
      expect(absent.body.data.pwds.edges).toHaveLength(100);
    });
  });

  describe('the daily distinct-record quota is enforced per record as it leaves', () => {
    it('10 concurrent pages of 100 against a quota of 300 serve exactly 300 distinct records', async () => {
      const { p, token } = await partner({ dailyRecordQuota: 300, costBudget: 100_000, restoreRate: 1000 });
      // Ten disjoint pages: the cursors of the pages before each.
      const cursors: (string | null)[] = [null];
      const staff = await partner({ costBudget: 100_000, restoreRate: 1000 });
      for (let i = 1; i < 10; i++) {
        const r = await t.gql(`query($a: String) { pwds(filter: {}, first: 100, after: $a) { pageInfo { endCursor } } }`, { a: cursors[i - 1] }, staff.token);
        cursors.push(r.body.data.pwds.pageInfo.endCursor);
      }
      const answers = await Promise.all(cursors.map((a) => t.gql(PAGE, { f: {}, n: 100, a }, token)));
      const served = new Set<string>();
      let withheld = 0;
      for (const r of answers) {
        for (const e of r.body.data?.pwds?.edges ?? []) if (e.node) served.add(e.node.udid);
        withheld += (r.body.errors ?? []).filter((e: any) => e.extensions.code === 'DAILY_RECORD_QUOTA_EXCEEDED').length;
        for (const e of r.body.errors ?? []) if (e.extensions.code === 'DAILY_RECORD_QUOTA_EXCEEDED') expect(e.path).toEqual(['pwds', 'edges', expect.any(Number), 'node']);
      }
      expect(served.size).toBe(300);
      expect(withheld).toBe(700);
      expect(await events(p.applicationId)).toBe(300);
      // Re-reading a record already disclosed today is not a new record; a new one is withheld (429: nothing was served).
      expect((await t.gql(`{ pwd(udid: "${[...served][0]}") { udid } }`, undefined, token)).body.data.pwd.udid).toBe([...served][0]);
      const fresh = udids.find((u) => !served.has(u))!;
      const r = await t.gql(`{ pwd(udid: "${fresh}") { udid name } }`, undefined, token);
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.body.data.pwd).toBeNull();
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'DAILY_RECORD_QUOTA_EXCEEDED', dailyRecordQuota: 300, recordsToday: 300 });
    });

    it('only what is in the answer is logged: a page without its records, a skipped node, a response nulled by a failing sibling', async () => {
      const { p, token } = await partner();
      const bare = await t.gql('{ pwds(filter: {}, first: 3) { pageInfo { hasNextPage } edges { cursor } } }', undefined, token);
      expect(bare.status).toBe(200);
      expect(bare.body.extensions.cost.requestedQueryCost).toBe(3); // the rows are read: at least 1 a record
      const skipped = await t.gql('query($x: Boolean!) { pwds(filter: {}, first: 3) { edges { node @include(if: $x) { udid name } } } }', { x: false }, token);
      expect(skipped.body.data.pwds.edges).toEqual([{}, {}, {}]);
      const nulled = await t.gql(`{ a: pwd(udid: "${udids[500]}") { udid name } b: pwds(filter: {}, after: "bogus") { pageInfo { hasNextPage } } }`, undefined, token);
      expect(nulled.body.data).toBeNull();
      expect(nulled.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(await events(p.applicationId)).toBe(0);
      const me = await t.gql('{ me { dailyRecordQuota { used } } }', undefined, token);
      expect(me.body.data.me.dailyRecordQuota.used).toBe(1); // the lookup's UDID was reserved before it was read
      const served = await t.gql(`{ a: pwd(udid: "${udids[501]}") { udid } }`, undefined, token);
      expect(served.body.data.a.udid).toBe(udids[501]);
      expect(await events(p.applicationId)).toBe(1);
    });

    it('aliases and fragments reach no further: 15 aliased lookups past the quota disclose none', async () => {
      const { token } = await partner({ dailyRecordQuota: 5 });
      const doc = `fragment R on PwdRecord { udid name }\n{ ${udids.slice(100, 115).map((u, i) => `a${i}: pwd(udid: "${u}") { ...R }`).join(' ')} }`;
      const r = await t.gql(doc, undefined, token);
      expect(r.status).toBe(200);
      const got = Object.values(r.body.data).filter(Boolean);
      expect(got).toHaveLength(5);
      expect(r.body.errors.filter((e: any) => e.extensions.code === 'DAILY_RECORD_QUOTA_EXCEEDED')).toHaveLength(10);
    });
  });

  describe('oracles are closed', () => {
    it('verifyUdid: after 3 failed dates of birth the answer is "not valid" without checking, and one VERIFY_BRUTE_FORCE alert', async () => {
      const { p } = await partner({ scopes: [Scope.PWD_VERIFY] });
      const token = await t.appToken(p);
      const i = 200;
      const wrong = Array.from({ length: 14 }, (_, k) => `a${k}: verifyUdid(udid: "${udids[i]}", dateOfBirth: "19${50 + k}-01-0${1 + (k % 9)}") { valid cardStatus }`);
      const r = await t.gql(`{ ${wrong.join(' ')} }`, undefined, token);
      expect(r.status).toBe(200);
      expect(Object.values(r.body.data).every((v: any) => v.cardStatus === null)).toBe(true);
      // The right date of birth is no longer checked today for this UDID and application.
      const right = await t.gql(`{ verifyUdid(udid: "${udids[i]}", dateOfBirth: "${dobs[i]}") { valid cardStatus } }`, undefined, token);
      expect(right.body.data.verifyUdid).toEqual({ valid: false, cardStatus: null });
      expect(await alerts(p.applicationId, 'VERIFY_BRUTE_FORCE')).toBe(1);
      // Another UDID verifies normally; a correct answer does not use up an attempt.
      for (let k = 0; k < VERIFY_ATTEMPTS_PER_DAY + 2; k++) {
        const ok = await t.gql(`{ verifyUdid(udid: "${udids[i + 1]}", dateOfBirth: "${dobs[i + 1]}") { cardStatus } }`, undefined, token);
        expect(ok.body.data.verifyUdid.cardStatus).not.toBeNull();
      }
      expect(await events(p.applicationId, 'verifyUdid')).toBe(14 + 1 + VERIFY_ATTEMPTS_PER_DAY + 2);
    });

    it('concurrent verification requests are numbered atomically: one alert, every attempt counted', async () => {
      const { p, token } = await partner({ scopes: [Scope.PWD_VERIFY] });
      const i = 210;
      const answers = await Promise.all(Array.from({ length: 12 }, (_, k) =>
        t.gql(`{ verifyUdid(udid: "${udids[i]}", dateOfBirth: "1940-02-${String(k + 1).padStart(2, '0')}") { cardStatus } }`, undefined, token)));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(await t.server.services.budget.store.countDaily(`verify:${p.applicationId}:${udids[i]}`, t.clock.today(), 0)).toBe(12);
      expect(await alerts(p.applicationId, 'VERIFY_BRUTE_FORCE')).toBe(1);
      const right = await t.gql(`{ verifyUdid(udid: "${udids[i]}", dateOfBirth: "${dobs[i]}") { cardStatus } }`, undefined, token);
      expect(right.body.data.verifyUdid.cardStatus).toBeNull();
    });

    it('pwds filters need the scope that reads their field (FORBIDDEN + requiredScope); state needs only pwd:*', async () => {
      const { p } = await partner({ scopes: [Scope.PWD_SEARCH, Scope.PWD_IDENTITY] });
      const token = await t.appToken(p);
      const cases: [string, string][] = [
        ['{ percentageMin: 40 }', 'pwd:disability'], ['{ percentageMax: 60 }', 'pwd:disability'],
        ['{ disabilityType: BLINDNESS }', 'pwd:disability'], ['{ district: "Pune" }', 'pwd:contact'],
      ];
      for (const [filter, scope] of cases) {
        const r = await t.gql(`{ pwds(filter: ${filter}, first: 5) { edges { node { udid } } } }`, undefined, token);
        expect(r.body.data).toBeNull();
        expect(r.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: scope });
      }
      const ok = await t.gql(`{ pwds(filter: { state: "${udids[0].slice(0, 2)}" }, first: 5) { edges { node { udid } } } }`, undefined, token);
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data.pwds.edges.length).toBeGreaterThan(0);
      const wide = await createActivePartner(t.ds, { scopes: [Scope.PWD_SEARCH, Scope.PWD_DISABILITY] });
      const allowed = await t.gql('{ pwds(filter: { percentageMin: 40 }, first: 5) { edges { node { udid } } } }', undefined, await t.appToken(wide));
      expect(allowed.body.errors).toBeUndefined();
    });

    it('benefit reports: each UDID check is priced, logged and counted; unknown UDIDs past the daily threshold raise EXISTENCE_PROBING once; no card-date oracle', async () => {
      const { p } = await partner({ scopes: [Scope.BENEFIT_WRITE] });
      const token = await t.appToken(p);
      const fake = (k: number) => `ZZ${String(1e15 + k).padStart(16, '0')}`;
      const item = (udid: string, k: number, benefitDate = '2026-11-01') => ({ udid, schemeCode: 'PEN', schemeName: 'Pension', benefitType: 'PENSION', amountPaise: 100, benefitDate, clientReference: `probe-${p.applicationId}-${k}` });
      const M = `mutation($i: [BenefitReportInput!]!) { reportBenefits(inputs: $i) { rejected results { errors { code message } } } }`;
      const inputs = Array.from({ length: UNKNOWN_REPORT_UDIDS_PER_DAY + 10 }, (_, k) => item(fake(k), k));
      const r = await t.gql(M, { i: inputs }, token);
      expect(r.status).toBe(200);
      expect(r.body.data.reportBenefits.rejected).toBe(inputs.length);
      expect(r.body.extensions.cost.actualQueryCost).toBeGreaterThanOrEqual(5 + inputs.length);
      expect(await events(p.applicationId, 'benefitReport')).toBe(inputs.length);
      const again = await t.gql(M, { i: inputs.slice(0, 5).map((x, k) => ({ ...x, udid: fake(1000 + k) })) }, token);
      expect(again.status).toBe(200);
      expect(await alerts(p.applicationId, 'EXISTENCE_PROBING')).toBe(1);
      // Dates are checked against today and a fixed floor, never against the card: a date before this
      // card was issued is accepted like any other, so no answer reveals certificateIssuedOn.
      const [{ udid: lateCard }] = await t.ds.query("SELECT udid FROM pwd_record WHERE card_issued_on > '2018-01-01' ORDER BY id LIMIT 1");
      const early = await t.gql(M, { i: [item(lateCard, 9001, '2017-06-01')] }, token);
      expect(early.body.data.reportBenefits.results[0].errors).toEqual([]);
      const ancient = await t.gql(M, { i: [item(udids[301], 9002, '2000-01-01'), item(fake(5000), 9003, '2000-01-01')] }, token);
      const [known, unknown] = ancient.body.data.reportBenefits.results.map((x: any) => x.errors.filter((e: any) => e.code !== 'UNKNOWN_UDID').map((e: any) => e.message));
      expect(known).toEqual(unknown);
      expect(known[0]).toMatch(/2017-04-19/);
    });
  });

  describe('reporting is never blocked by reads', () => {
    it('with the read quota used up and the read budget exhausted, reportBenefit, me and benefitReports still answer', async () => {
      const { p, token } = await partner({ dailyRecordQuota: 1, costBudget: 20, restoreRate: 1 });
      expect((await t.gql(`{ pwd(udid: "${udids[400]}") { udid name mobile } }`, undefined, token)).status).toBe(200); // 7 of 20
      expect((await t.gql(`{ pwd(udid: "${udids[401]}") { udid } }`, undefined, token)).status).toBe(429); // quota; 1 charged
      const throttled = await t.gql(`{ a: pwd(udid: "${udids[400]}") { udid name mobile } b: pwd(udid: "${udids[400]}") { udid name mobile } }`, undefined, token);
      expect(throttled.status).toBe(429);
      expect(throttled.body.errors[0].extensions.code).toBe('THROTTLED');
      const rep = await t.gql(`mutation($i: BenefitReportInput!) { reportBenefit(input: $i) { status } }`,
        { i: { udid: udids[400], schemeCode: 'PEN', schemeName: 'Pension', benefitType: 'PENSION', amountPaise: 100, benefitDate: t.clock.today(), clientReference: `ok-${p.applicationId}` } }, token);
      expect(rep.status).toBe(200);
      expect(rep.body.data.reportBenefit.status).toBe('ACCEPTED');
      const me = await t.gql('{ me { dailyRecordQuota { used limit } } }', undefined, token);
      expect(me.status).toBe(200);
      expect(me.body.data.me.dailyRecordQuota).toEqual({ used: 1, limit: 1 });
      const list = await t.gql('{ benefitReports(first: 5) { edges { node { udid } } } }', undefined, token);
      expect(list.status).toBe(200);
    });
  });
});
