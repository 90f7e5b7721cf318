import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import type { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { createStaffUser } from '../../src/modules/staff/demo.seed';
import { Role, Scope } from '../../src/core/authz/scopes';
import { toDbDateTime } from '../../src/core/db/columns';
import { addDays, istDate } from '../../src/core/clock';
import { MeDocument, PwdAcrossScopesDocument } from '../generated/graphql';

describe('authorization over HTTP: partial responses, principals, introspection, error shapes', () => {
  let t: TestServer;
  let partner: PartnerFixture;
  let udid: string;

  beforeAll(async () => {
    t = await startTestServer({ records: 30 });
    partner = await createActivePartner(t.ds, { dailyRecordQuota: 500 });
    [{ udid }] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
  });
  afterAll(() => t.close());

  it('serves the fields in scope and nulls the others with FORBIDDEN naming the scope (HTTP 200)', async () => {
    const token = await t.appToken(partner, Scope.PWD_IDENTITY);
    const res = await t.op(PwdAcrossScopesDocument, { udid }, token);
    expect(res.status).toBe(200);
    expect(res.data?.pwd?.udid).toBe(udid);
    expect(res.data?.pwd?.name).toEqual(expect.any(String));
    expect(res.data?.pwd).toMatchObject({ mobile: null, disabilities: null, aadhaarLast4: null });
    const byField = Object.fromEntries((res.errors ?? []).map((e) => [e.path.join('.'), e]));
    expect(Object.keys(byField).sort()).toEqual(['pwd.aadhaarLast4', 'pwd.disabilities', 'pwd.mobile']);
    expect(byField['pwd.mobile'].extensions).toEqual({ code: 'FORBIDDEN', requiredScope: 'pwd:contact' });
    expect(byField['pwd.aadhaarLast4'].extensions).toEqual({ code: 'FORBIDDEN', requiredScope: 'pwd:aadhaar' });
    expect(byField['pwd.mobile'].message).toMatch(/pwd:contact/);
    for (const e of res.errors ?? []) expect(JSON.stringify(e)).not.toMatch(/Not Authorised|stacktrace|INTERNAL_SERVER_ERROR/);
  });

  it('gives a pwd:verify token nothing but verifyUdid: not even whether a UDID exists', async () => {
    const res = await t.op(PwdAcrossScopesDocument, { udid }, await t.appToken(partner, Scope.PWD_VERIFY));
    expect(res.data?.pwd).toBeNull();
    expect(res.errors?.map((e) => [e.path.join('.'), e.extensions.code, e.extensions.requiredScope])).toEqual([['pwd', 'FORBIDDEN', 'pwd:*']]);
  });

  it('gives a pwd:search token only udid and cardStatus, and logs only the fields it served', async () => {
    const [other] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id DESC LIMIT 1');
    const token = await t.appToken(partner, Scope.PWD_SEARCH);
    const res = await t.op(PwdAcrossScopesDocument, { udid: other.udid }, token);
    expect(res.data?.pwd).toMatchObject({ udid: other.udid, cardStatus: expect.any(String), name: null, mobile: null });
    await t.server.services.accessLog.flush();
    const events = await t.ds.query('SELECT fields, scopes FROM access_event WHERE udid = ?', [other.udid]);
    expect(events).toEqual([{ fields: 'cardStatus,udid', scopes: 'pwd:search' }]);
  });

  it('refuses anonymous callers everything but __typename, with UNAUTHENTICATED', async () => {
    const pwd = await t.op(PwdAcrossScopesDocument, { udid }, undefined);
    expect(pwd.data?.pwd ?? null).toBeNull();
    expect(pwd.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const me = await t.op(MeDocument, {}, undefined);
    expect(me.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const typename = await t.gql('{ __typename }');
    expect(typename.body.data).toEqual({ __typename: 'Query' });
    expect(typename.body.errors).toBeUndefined();
  });

  it.each([
    ['__schema', '{ __schema { types { name } } }'],
    ['__type', '{ __type(name: "PwdRecord") { fields { name } } }'],
    ['a fragment', 'query { ...F } fragment F on Query { __schema { queryType { name } } }'],
  ])('refuses introspection (%s) to anonymous callers with 401 UNAUTHENTICATED', async (_label, query) => {
    const res = await t.gql(query);
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res.body)).not.toMatch(/PwdRecord"|aadhaar/);
  });

  it('allows introspection to authenticated callers (applications and staff)', async () => {
    const app = await t.gql('{ __type(name: "PwdRecord") { fields { name } } }', undefined, await t.appToken(partner));
    expect(app.body.data.__type.fields.map((f: { name: string }) => f.name)).toContain('aadhaarLast4');
    await createStaffUser(t.ds, Role.ANALYST, 'analyst.introspect@depwd.example.gov.in', 'Analyst', 'correct-horse-battery');
    const staff = await t.gql('{ __schema { queryType { name } } }', undefined, await t.login('analyst.introspect@depwd.example.gov.in', 'correct-horse-battery'));
    expect(staff.body.data.__schema.queryType.name).toBe('Query');
  });

  it.each([
    ['a misspelt field', '{ pwd(udid: "MH0000000000000000") { nme } }', undefined],
    ['a misspelt argument', '{ pwds(filtr: {}) { pageInfo { hasNextPage } } }', undefined],
    ['a misspelt enum literal', '{ pwds(filter: { disabilityType: BLINDNES }) { pageInfo { hasNextPage } } }', undefined],
    ['a misspelt input field in variables', 'query($f: PwdFilter!) { pwds(filter: $f) { pageInfo { hasNextPage } } }', { f: { stat: 'MH' } }],
    ['a misspelt enum in variables', 'query($f: PwdFilter!) { pwds(filter: $f) { pageInfo { hasNextPage } } }', { f: { disabilityType: 'BLINDNES' } }],
  ])('hides "Did you mean" suggestions for %s, from partners and anonymous callers alike', async (_label, query, variables) => {
    for (const token of [undefined, await t.appToken(partner)]) {
      const res = await t.gql(query, variables as Record<string, unknown> | undefined, token);
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/i);
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(res.body.errors[0].extensions.code);
    }
  });

  it('keeps staff and partner-admin users away from PwD records (applications only)', async () => {
    await createStaffUser(t.ds, Role.DEPWD_ADMIN, 'admin.pwd@depwd.example.gov.in', 'Admin', 'correct-horse-battery');
    for (const token of [await t.login('admin.pwd@depwd.example.gov.in', 'correct-horse-battery'), await t.login(partner.partnerAdmin.email, partner.partnerAdmin.password)]) {
      const res = await t.op(PwdAcrossScopesDocument, { udid }, token);
      expect(res.data?.pwd).toBeNull();
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const me = await t.op(MeDocument, {}, token);
      expect(me.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('me: the application status', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 30 }); });
  afterAll(() => t.close());

  it('reports the application, organisation, scopes, MoU, budget, quota and reporting due date', async () => {
    const p = await createActivePartner(t.ds, { dailyRecordQuota: 250, scopes: [Scope.PWD_IDENTITY, Scope.PWD_SEARCH, Scope.BENEFIT_WRITE] });
    const token = await t.appToken(p, 'pwd:search pwd:identity');
    const rows: { udid: string }[] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 3');
    for (const r of [...rows, rows[0]]) await t.op(PwdAcrossScopesDocument, { udid: r.udid }, token);
    await t.server.services.accessLog.flush();

    const res = await t.op(MeDocument, {}, token);
    expect(res.errors).toBeUndefined();
    const me = res.data!.me;
    expect(me.application).toEqual({ id: String(p.applicationId), name: 'Disability Pension Portal', clientId: p.clientId, status: 'APPROVED' });
    expect(me.organization).toMatchObject({ id: String(p.organizationId), status: 'ACTIVE' });
    expect(me.grantedScopes).toEqual(['PWD_IDENTITY', 'PWD_SEARCH']);
    expect(me.approvedScopes).toEqual(['BENEFIT_WRITE', 'PWD_IDENTITY', 'PWD_SEARCH']);
    expect(me.mou?.reference).toMatch(/^DEPWD\/MOU\//);
    expect(me.mou?.daysLeft).toBeGreaterThan(1000);
    // The live level (exact figures: next test); here it has been charged and restores at 100 points/s.
    expect(me.costBudget).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    expect(me.costBudget.currentlyAvailable).toBeLessThanOrEqual(2000);
    expect(me.dailyRecordQuota).toMatchObject({ limit: 250, used: 3, remaining: 247 });
    expect(Date.parse(me.dailyRecordQuota.resetsAt)).toBeGreaterThan(Date.now());
    // Reading records starts the reporting clock (benefit module), so dueBy may already be set here.
    expect(me.benefitReporting).toMatchObject({ graceDays: 30, overdue: false, lastBenefitReportAt: null });

    // Due by: first record read + grace days (India calendar days, as the gate counts them), until a
    // benefit report moves it on; the instant is midnight IST at the end of the due day; overdue once past it.
    const endOfDueDay = (from: Date) => Date.parse(`${addDays(istDate(from), 31)}T00:00:00+05:30`);
    const first = new Date(Date.now() - 31 * 86_400_000);
    await t.ds.query('UPDATE application SET first_record_access_at = ? WHERE id = ?', [toDbDateTime(first), p.applicationId]);
    const late = (await t.op(MeDocument, {}, token)).data!.me.benefitReporting;
    expect(Date.parse(late.dueBy!)).toBe(endOfDueDay(first));
    expect(late.overdue).toBe(true);
    const reported = new Date(Date.now() - 86_400_000);
    // As an accepted report does: it also lifts a reciprocity suspension, should the gate have reloaded
    // its cache (5 s) and suspended the application after the update above.
    await t.ds.query(`UPDATE application SET last_benefit_report_at = ?, sharing_suspended_at = NULL, sharing_suspension_reason = NULL,
      reciprocity_suspended_at = NULL, sharing_suspension_kind = NULL WHERE id = ?`, [toDbDateTime(reported), p.applicationId]);
    t.server.services.gate.invalidateApplication(p.applicationId);
    const onTime = (await t.op(MeDocument, {}, token)).data!.me.benefitReporting;
    expect(Date.parse(onTime.dueBy!)).toBe(endOfDueDay(reported));
    expect(onTime.overdue).toBe(false);
  });

  it('shows the cost budget and distinct-record count the gate enforces, not a full bucket', async () => {
    const p = await createActivePartner(t.ds, { dailyRecordQuota: 10, scopes: [Scope.PWD_IDENTITY] });
    // No restoring, so the level after the calls is exact: capacity minus what they were charged.
    await t.ds.query('UPDATE application SET cost_restore_rate = 0 WHERE id = ?', [p.applicationId]);
    t.server.services.gate.invalidateApplication(p.applicationId);
    const token = await t.appToken(p);
    const rows: { udid: string }[] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 2');
    let charged = 0;
    for (const r of [rows[0], rows[1], rows[0]]) {
      const res = await t.gql('query($u: UDID!) { pwd(udid: $u) { udid name } }', { u: r.udid }, token);
      expect(res.body.data.pwd.udid).toBe(r.udid);
      charged += res.body.extensions.cost.actualQueryCost;
    }
    expect(charged).toBeGreaterThan(0);
    const me = (await t.op(MeDocument, {}, token)).data!.me;
    // The budget fixed at admission: the gate restores at least 1 point a second (the test clock stands still).
    expect(me.costBudget).toEqual({ maximumAvailable: 2000, currentlyAvailable: 2000 - charged, restoreRate: 1 });
    expect(me.dailyRecordQuota).toMatchObject({ limit: 10, used: 2, remaining: 8 });
  });

  it('counts days left to the MoU end and shows each partner only its own application and organisation', async () => {
    const a = await createActivePartner(t.ds);
    const b = await createActivePartner(t.ds);
    const [mou] = await t.ds.query('SELECT expires_on FROM mou WHERE organization_id = ?', [a.organizationId]);
    const meA = (await t.op(MeDocument, {}, await t.appToken(a))).data!.me;
    const meB = (await t.op(MeDocument, {}, await t.appToken(b))).data!.me;
    expect(meA.organization.id).toBe(String(a.organizationId));
    expect(meB.organization.id).toBe(String(b.organizationId));
    expect(meB.application.clientId).toBe(b.clientId);
    expect(meA.mou?.expiresOn).toBe(String(mou.expires_on instanceof Date ? mou.expires_on.toISOString() : mou.expires_on).slice(0, 10));
    t.clock.advance(10 * 86_400_000);
    try {
      const later = (await t.op(MeDocument, {}, await t.appToken(a))).data!.me;
      expect(later.mou!.daysLeft).toBe(meA.mou!.daysLeft - 10);
    } finally {
      t.clock.reset();
    }
  });
});
