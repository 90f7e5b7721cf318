import { startTestServer, TestServer } from '../helpers/server';
import { onboardPartner, OnboardedPartner, staffTokens, StaffTokens } from '../helpers/onboarding';
import { cards, report } from '../helpers/benefit';
import { verifyAccessLog } from '../../src/modules/access/access-log.verify';

/**
 * Purposes (DESIGN.md §11, issue 18) over HTTP: registered by the partner admin under its MoU, approved
 * by DEPwD with a quota, granted to an application; a token names one, its scopes and daily quota come
 * from it, every access event records it, a suspended purpose stops reads but not reporting, and a
 * purpose used above its declared load raises one PURPOSE_LOAD_EXCEEDED alert.
 */
describe('purposes', () => {
  let t: TestServer;
  let staff: StaffTokens;
  let p: OnboardedPartner;
  let udids: string[];
  const ids: Record<string, string> = {};

  const token = (purpose?: string, scope?: string) => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.clientSecret });
    if (purpose !== undefined) form.set('purpose', purpose);
    if (scope) form.set('scope', scope);
    return fetch(`${t.url}/oauth/token`, { method: 'POST', body: form }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  };
  const bearer = async (purpose?: string) => {
    const r = await token(purpose);
    if (r.status !== 200) throw new Error(`token for ${purpose}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.access_token as string;
  };
  const PURPOSE = 'id code status scopes dailyRecordQuota estimatedDailyPersons legalBasis statusReason';
  const register = (input: Record<string, unknown>, tok = p.adminToken) =>
    t.gql(`mutation($i: RegisterPurposeInput!) { registerPurpose(input: $i) { ${PURPOSE} } }`, { i: { mouId: p.mouId, ...input } }, tok);
  const approveApp = (purposeIds: string[] | undefined, scopes: string[]) =>
    t.gql('mutation($i: ApproveApplicationInput!) { approveApplication(input: $i) { id purposes { code status } } }',
      { i: { applicationId: p.applicationId, scopes, dailyRecordQuota: 5000, ...(purposeIds ? { purposeIds } : {}) } }, staff.depwd);
  const read = (tok: string, udid: string) => t.gql('query($u: UDID!) { pwd(udid: $u) { udid name } }', { u: udid }, tok);

  beforeAll(async () => {
    t = await startTestServer({ records: 50 });
    staff = await staffTokens(t);
    p = await onboardPartner(t, staff);
    udids = (await cards(t.ds, 10)).map((c) => c.udid);
  });
  afterAll(() => t?.close());

  it("today's flow: an application approved by scopes gets its own purpose APP-<id>, named by its tokens and by `me`", async () => {
    const r = await token();
    expect(r.status).toBe(200);
    expect(r.body.purpose).toBe(`APP-${p.applicationId}`);
    const me = await t.gql('{ me { purpose grantedScopes dailyRecordQuota { limit } } }', {}, r.body.access_token);
    expect(me.body.data.me).toMatchObject({ purpose: `APP-${p.applicationId}`, dailyRecordQuota: { limit: 5000 } });
    const app = await t.gql('query($id: ID!) { application(id: $id) { purposes { code status legalBasis scopes dailyRecordQuota } } }', { id: p.applicationId }, staff.analyst);
    expect(app.body.data.application.purposes).toEqual([
      { code: `APP-${p.applicationId}`, status: 'APPROVED', legalBasis: 'STATE_BENEFIT_S7B', scopes: ['PWD_VERIFY', 'PWD_IDENTITY', 'PWD_SEARCH'], dailyRecordQuota: 5000 },
    ]);
  });

  it('the partner admin registers purposes under its MoU in force; others may not; codes are unique and validated', async () => {
    const pension = await register({ code: 'PENSION_ELIGIBILITY', description: 'Eligibility checks for the State disability pension', legalBasis: 'STATE_BENEFIT_S7B', scopes: ['PWD_VERIFY', 'PWD_IDENTITY', 'BENEFIT_WRITE'], estimatedDailyPersons: 2 });
    expect(pension.body.errors).toBeUndefined();
    expect(pension.body.data.registerPurpose).toMatchObject({ code: 'PENSION_ELIGIBILITY', status: 'REQUESTED', dailyRecordQuota: 0, estimatedDailyPersons: 2 });
    ids.pension = pension.body.data.registerPurpose.id;
    const scholar = await register({ code: 'SCHOLARSHIP', description: 'Verifying scholarship applicants at admission', legalBasis: 'STATE_BENEFIT_S7B', scopes: ['PWD_VERIFY'], estimatedDailyPersons: 100 });
    ids.scholar = scholar.body.data.registerPurpose.id;

    const dup = await register({ code: 'SCHOLARSHIP', description: 'The same code a second time', legalBasis: 'CONSENT', scopes: ['PWD_VERIFY'], estimatedDailyPersons: 1 });
    expect(dup.body.errors[0].extensions.code).toBe('CONFLICT');
    const bad = await register({ code: 'no spaces allowed', description: 'A code that is not a code', legalBasis: 'CONSENT', scopes: ['PWD_VERIFY'], estimatedDailyPersons: 1 });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const byStaff = await register({ code: 'BY_ANALYST', description: 'An analyst may not register one', legalBasis: 'CONSENT', scopes: ['PWD_VERIFY'], estimatedDailyPersons: 1 }, staff.analyst);
    expect(byStaff.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const byApp = await register({ code: 'BY_APP', description: 'A token may not register one', legalBasis: 'CONSENT', scopes: ['PWD_VERIFY'], estimatedDailyPersons: 1 }, await bearer());
    expect(byApp.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('DEPwD approves purposes; an application is approved only for approved purposes whose scopes cover what it is granted', async () => {
    const early = await approveApp([ids.pension], ['PWD_VERIFY']);
    expect(early.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(early.body.errors[0].message).toMatch(/requested; DEPwD approves the purpose/);

    const byPartner = await t.gql('mutation($i: ApprovePurposeInput!) { approvePurpose(input: $i) { status } }', { i: { purposeId: ids.pension, dailyRecordQuota: 3 } }, p.adminToken);
    expect(byPartner.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const ok = await t.gql(`mutation($i: ApprovePurposeInput!) { approvePurpose(input: $i) { ${PURPOSE} } }`, { i: { purposeId: ids.pension, dailyRecordQuota: 3 } }, staff.depwd);
    expect(ok.body.data.approvePurpose).toMatchObject({ status: 'APPROVED', dailyRecordQuota: 3 });
    const def = await t.gql(`mutation($i: ApprovePurposeInput!) { approvePurpose(input: $i) { ${PURPOSE} } }`, { i: { purposeId: ids.scholar } }, staff.depwd);
    expect(def.body.data.approvePurpose).toMatchObject({ status: 'APPROVED', dailyRecordQuota: 100 }); // the declared load by default

    const uncovered = await approveApp([ids.pension, ids.scholar], ['PWD_VERIFY', 'PWD_IDENTITY', 'PWD_SEARCH']);
    expect(uncovered.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(uncovered.body.errors[0].message).toMatch(/pwd:search/);

    const approved = await approveApp([ids.pension, ids.scholar], ['PWD_VERIFY', 'PWD_IDENTITY', 'BENEFIT_WRITE']);
    expect(approved.body.errors).toBeUndefined();
    // The application's own purpose is no longer granted: only the two named.
    expect(approved.body.data.approveApplication.purposes.map((x: any) => x.code)).toEqual(['PENSION_ELIGIBILITY', 'SCHOLARSHIP']);
    const audit = await t.ds.query("SELECT action FROM admin_audit WHERE target_type = 'PURPOSE' ORDER BY id");
    expect(audit.map((a: any) => a.action)).toEqual(['REGISTER_PURPOSE', 'REGISTER_PURPOSE', 'APPROVE_PURPOSE', 'APPROVE_PURPOSE']);
  });

  it('/oauth/token: a token names one purpose (required when there are several); scopes come from it', async () => {
    const none = await token();
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ error: 'invalid_request' });
    expect(none.body.error_description).toMatch(/PENSION_ELIGIBILITY SCHOLARSHIP/);
    const unknown = await token('NOT_MINE');
    expect(unknown).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const revoked = await token(`APP-${p.applicationId}`);
    expect(revoked).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });

    const scholar = await token('SCHOLARSHIP');
    expect(scholar.body).toMatchObject({ scope: 'pwd:verify', purpose: 'SCHOLARSHIP' });
    const pension = await token('PENSION_ELIGIBILITY');
    expect(pension.body.scope.split(' ').sort()).toEqual(['benefit:write', 'pwd:identity', 'pwd:verify']);
    // A scope the purpose does not carry cannot be asked for.
    const wider = await token('SCHOLARSHIP', 'pwd:identity');
    expect(wider).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });

    const r = await read(scholar.body.access_token, udids[0]);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a token issued before its purpose was revoked from the application is refused with PURPOSE_NOT_APPROVED', async () => {
    // Signed by this server for the application's former own purpose, which approveApplication revoked.
    const [own] = await t.ds.query('SELECT id FROM purpose WHERE code = ?', [`APP-${p.applicationId}`]);
    const { token: old } = await t.server.services.tokens.issue({
      typ: 'app', applicationId: Number(p.applicationId), organizationId: Number(p.organizationId), clientId: p.clientId, scopes: ['pwd:identity' as any], purposeId: Number(own.id),
    });
    const r = await read(old, udids[0]);
    expect(r.status).toBe(403);
    expect(r.body.errors[0].extensions.code).toBe('PURPOSE_NOT_APPROVED');
  });

  it("the daily distinct-record quota is the purpose's, counted per purpose; access events record the purpose", async () => {
    const tok = await bearer('PENSION_ELIGIBILITY');
    for (const u of udids.slice(0, 3)) expect((await read(tok, u)).body.data.pwd.udid).toBe(u);
    const fourth = await read(tok, udids[3]);
    expect(fourth.body.data.pwd).toBeNull();
    expect(fourth.body.errors[0].extensions).toMatchObject({ code: 'DAILY_RECORD_QUOTA_EXCEEDED', dailyRecordQuota: 3, recordsToday: 3 });
    // A re-read of a record already disclosed today under the purpose is not a new one.
    expect((await read(tok, udids[0])).body.data.pwd.udid).toBe(udids[0]);
    const me = await t.gql('{ me { purpose dailyRecordQuota { limit used remaining } } }', {}, tok);
    expect(me.body.data.me).toEqual({ purpose: 'PENSION_ELIGIBILITY', dailyRecordQuota: { limit: 3, used: 3, remaining: 0 } });

    await t.server.services.accessLog.flush();
    const events = await t.ds.query('SELECT udid, purpose_id FROM access_event WHERE application_id = ? ORDER BY id', [p.applicationId]);
    expect(events.length).toBe(4);
    expect(new Set(events.map((e: any) => Number(e.purpose_id)))).toEqual(new Set([Number(ids.pension)]));
    expect((await verifyAccessLog(t.ds)).ok).toBe(true);
    // The purpose is in the hash: changing it breaks the chain.
    await t.ds.query('UPDATE access_event SET purpose_id = ? WHERE application_id = ? AND udid = ?', [Number(ids.scholar), p.applicationId, udids[1]]);
    expect((await verifyAccessLog(t.ds)).problem?.kind).toBe('ALTERED');
    await t.ds.query('UPDATE access_event SET purpose_id = ? WHERE application_id = ? AND udid = ?', [Number(ids.pension), p.applicationId, udids[1]]);

    const log = await t.gql('query($a: Int!) { accessLog(filter: { applicationId: $a }, first: 10) { edges { node { udid purpose } } } }', { a: Number(p.applicationId) }, staff.analyst);
    expect(log.body.errors).toBeUndefined();
    expect(log.body.data.accessLog.edges.map((e: any) => e.node.purpose)).toEqual(['PENSION_ELIGIBILITY', 'PENSION_ELIGIBILITY', 'PENSION_ELIGIBILITY', 'PENSION_ELIGIBILITY']);
    const usage = await t.gql('query($d: Date!, $a: Int) { usageByApplication(from: $d, to: $d, applicationId: $a) { day byPurpose { purpose accesses distinctRecords } } }',
      { d: t.clock.today(), a: Number(p.applicationId) }, staff.analyst);
    expect(usage.body.errors).toBeUndefined();
    expect(usage.body.data.usageByApplication).toEqual([{ day: t.clock.today(), byPurpose: [{ purpose: 'PENSION_ELIGIBILITY', accesses: 4, distinctRecords: 3 }] }]);
    const summary = await t.gql('query($u: UDID!) { recordAccessSummary(udid: $u) { totalAccesses applications { applicationId purpose accessCount } } }', { u: udids[0] }, staff.analyst);
    expect(summary.body.data.recordAccessSummary.applications).toEqual([{ applicationId: Number(p.applicationId), purpose: 'PENSION_ELIGIBILITY', accessCount: 2 }]);
  });

  it('a purpose used above its declared daily persons raises one PURPOSE_LOAD_EXCEEDED alert a day', async () => {
    // PENSION_ELIGIBILITY declared 2 persons a day and has disclosed 3 (the test above); more reads add no second alert.
    const tok = await bearer('PENSION_ELIGIBILITY');
    await read(tok, udids[1]);
    await read(tok, udids[2]);
    let alerts: any[] = [];
    for (let i = 0; i < 50 && !alerts.length; i++) {
      alerts = await t.ds.query("SELECT kind, evidence FROM scraping_alert WHERE application_id = ? AND kind = 'PURPOSE_LOAD_EXCEEDED'", [p.applicationId]);
      if (!alerts.length) await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 100));
    alerts = await t.ds.query("SELECT kind, evidence FROM scraping_alert WHERE application_id = ? AND kind = 'PURPOSE_LOAD_EXCEEDED'", [p.applicationId]);
    expect(alerts).toHaveLength(1);
    expect(JSON.parse(alerts[0].evidence)).toMatchObject({ purpose: 'PENSION_ELIGIBILITY', estimatedDailyPersons: 2, distinctRecordsToday: 3 });
  });

  it('a suspended purpose refuses reads (PURPOSE_NOT_APPROVED) and new tokens, lets benefit reporting through, and resumes', async () => {
    const tok = await bearer('PENSION_ELIGIBILITY');
    const scholarTok = await bearer('SCHOLARSHIP');
    const s = await t.gql('mutation($i: PurposeReasonInput!) { suspendPurpose(input: $i) { status statusReason } }', { i: { purposeId: ids.pension, reason: 'Review of the eligibility checks' } }, staff.depwd);
    expect(s.body.data.suspendPurpose).toEqual({ status: 'SUSPENDED', statusReason: 'Review of the eligibility checks' });

    const r = await read(tok, udids[0]);
    expect(r.status).toBe(403);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'PURPOSE_NOT_APPROVED', purpose: 'PENSION_ELIGIBILITY', purposeStatus: 'SUSPENDED' });
    expect(r.body.errors[0].message).toMatch(/Review of the eligibility checks/);
    expect(await token('PENSION_ELIGIBILITY')).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    // Reporting is never blocked by a read restriction.
    const rep = await t.gql('mutation($i: BenefitReportInput!) { reportBenefit(input: $i) { status } }', { i: report(udids[0]) }, tok);
    expect(rep.body.errors).toBeUndefined();
    expect(rep.body.data.reportBenefit.status).toBe('ACCEPTED');
    // The other purpose is untouched.
    const v = await t.gql('query($u: UDID!) { verifyUdid(udid: $u, dateOfBirth: "1990-01-01") { udid } }', { u: udids[5] }, scholarTok);
    expect(v.status).toBe(200);
    expect(v.body.errors).toBeUndefined();

    const resumed = await t.gql('mutation($id: ID!) { resumePurpose(purposeId: $id) { status } }', { id: ids.pension }, staff.depwd);
    expect(resumed.body.data.resumePurpose.status).toBe('APPROVED');
    expect((await read(tok, udids[0])).body.data.pwd.udid).toBe(udids[0]);
  });

  it('staff list purposes of every organisation, a partner admin only its own', async () => {
    const all = await t.gql('{ purposes { code organizationId } }', {}, staff.analyst);
    expect(all.body.data.purposes.map((x: any) => x.code)).toEqual(expect.arrayContaining(['PENSION_ELIGIBILITY', 'SCHOLARSHIP', `APP-${p.applicationId}`]));
    const other = await onboardPartner(t, staff);
    const own = await t.gql('{ purposes { code organizationId } }', {}, other.adminToken);
    expect(own.body.data.purposes).toEqual([{ code: `APP-${other.applicationId}`, organizationId: other.organizationId }]);
    const theirs = await t.gql('mutation($i: ApprovePurposeInput!) { approvePurpose(input: $i) { status } }', { i: { purposeId: ids.pension } }, other.adminToken);
    expect(theirs.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
