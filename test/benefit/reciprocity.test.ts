import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture, createStaffUser } from '../../src/modules/staff/demo.seed';
import { Role } from '../../src/core/authz/scopes';
import { MeDocument, ReciprocityByApplicationDocument, ReportBenefitDocument } from '../generated/graphql';
import { addDays, istDate } from '../../src/core/clock';
import { Card, cards, count, report } from '../helpers/benefit';

const DAY = 86_400_000;
const PWD = 'query($u: UDID!) { pwd(udid: $u) { udid } }';

describe('reciprocity: no benefit report within the grace period suspends sharing, reporting lifts it', () => {
  let t: TestServer;
  let p: PartnerFixture;
  let idle: PartnerFixture;
  let c: Card[];

  beforeAll(async () => {
    t = await startTestServer({ records: 50, env: { BENEFIT_REPORTING_GRACE_DAYS: '30' } });
    p = await createActivePartner(t.ds);
    idle = await createActivePartner(t.ds);
    c = await cards(t.ds, 50);
    await createStaffUser(t.ds, Role.ANALYST, 'analyst@reciprocity.test', 'Analyst', 'analyst-password-1');
    await createStaffUser(t.ds, Role.DEPWD_ADMIN, 'admin@reciprocity.test', 'Admin', 'admin-password-1');
  });
  afterAll(() => t.close());

  const standing = async (appId: number) => {
    const res = await t.op(ReciprocityByApplicationDocument, {}, await t.login('analyst@reciprocity.test', 'analyst-password-1'));
    expect(res.errors).toBeUndefined();
    return res.data!.reciprocityByApplication.find((a) => a.applicationId === String(appId))!;
  };
  const waitFor = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  };
  // Tokens live 15 minutes: after moving the clock by days, ask for a fresh one.
  const read = async (udid = c[0].udid) => t.gql(PWD, { u: udid }, await t.appToken(p));

  it('starts the reporting clock at the first record read', async () => {
    expect((await standing(p.applicationId)).reporting.status).toBe('NOT_REQUIRED');
    expect((await read()).body.data.pwd.udid).toBe(c[0].udid);
    await waitFor(async () => (await count(t.ds, 'SELECT COUNT(*) FROM application WHERE id = ? AND first_record_access_at IS NOT NULL', [p.applicationId])) === 1);
    const s = await standing(p.applicationId);
    expect(s.reporting.status).toBe('CURRENT');
    expect(s.reporting.dueBy).toBe(new Date(Date.now() + 5.5 * 3600_000 + 30 * DAY).toISOString().slice(0, 10));
  });

  it('keeps sharing on within the grace period (DUE_SOON near the end)', async () => {
    t.clock.advance(29 * DAY);
    expect((await read()).status).toBe(200);
    expect((await standing(p.applicationId)).reporting.status).toBe('DUE_SOON');
  });

  it('suspends sharing once the due date has passed, saying why and how to lift it', async () => {
    t.clock.advance(2 * DAY);
    const res = await read();
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'SHARING_SUSPENDED', suspensionKind: 'RECIPROCITY' });
    expect(res.body.errors[0].message).toMatch(/no benefit report/i);
    expect(res.body.errors[0].message).toMatch(/reportBenefit/);
    expect(res.body.errors[0].message).toMatch(/DEPwD/);
    const [app] = await t.ds.query('SELECT sharing_suspended_at, sharing_suspension_kind FROM application WHERE id = ?', [p.applicationId]);
    expect(app.sharing_suspended_at).toBeTruthy();
    expect(app.sharing_suspension_kind).toBe('RECIPROCITY');
    expect((await standing(p.applicationId)).reporting.status).toBe('SUSPENDED');
    expect(await count(t.ds, "SELECT COUNT(*) FROM admin_audit WHERE target_id = ? AND action = 'SUSPEND_SHARING'", [p.applicationId])).toBe(1);
  });

  it('still lets the suspended application report and list its reports, but not mix in a data read', async () => {
    const token = await t.appToken(p);
    const list = await t.gql('{ benefitReports(first: 1) { edges { node { id } } } }', {}, token);
    expect(list.status).toBe(200);
    expect(list.body.errors).toBeUndefined();
    const mixed = await t.gql(`{ benefitReports(first: 1) { edges { node { id } } } pwd(udid: "${c[0].udid}") { udid } }`, {}, token);
    expect(mixed.status).toBe(403);
    const sneaky = await t.gql(`query { ...F } fragment F on Query { pwd(udid: "${c[0].udid}") { udid } }`, {}, token);
    expect(sneaky.status).toBe(403);
    // Root fields as the static limits priced them (through fragments): reporting through a fragment passes.
    const viaFragment = await t.gql('query { ...F } fragment F on Query { mine: benefitReports(first: 1) { edges { node { id } } } }', {}, token);
    expect(viaFragment.status).toBe(200);
    expect(viaFragment.body.errors).toBeUndefined();
  });

  it('lifts the suspension as soon as the application reports a benefit', async () => {
    const token = await t.appToken(p);
    const res = await t.op(ReportBenefitDocument, { input: report(c[1].udid, { benefitDate: t.clock.today() }) }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportBenefit.status).toBe('ACCEPTED');
    expect((await read()).status).toBe(200);
    const s = await standing(p.applicationId);
    expect(s.reporting.status).toBe('CURRENT');
    expect(s.reporting.lastReportAt).toBeTruthy();
    expect(await count(t.ds, "SELECT COUNT(*) FROM admin_audit WHERE target_id = ? AND action = 'RESUME_SHARING'", [p.applicationId])).toBe(1);
    // The one resume path (SharingSuspension), with the application as the actor.
    const [audit] = await t.ds.query("SELECT actor_type, actor_id, details FROM admin_audit WHERE target_id = ? AND action = 'RESUME_SHARING'", [p.applicationId]);
    expect(audit.actor_type).toBe('APPLICATION');
    expect(Number(audit.actor_id)).toBe(p.applicationId);
    expect(typeof audit.details === 'string' ? JSON.parse(audit.details) : audit.details).toMatchObject({ kind: 'RECIPROCITY', liftedBy: 'benefit report', reports: 1 });
    const [app] = await t.ds.query('SELECT sharing_suspended_at, reciprocity_suspended_at FROM application WHERE id = ?', [p.applicationId]);
    expect(app.sharing_suspended_at).toBeNull();
    expect(app.reciprocity_suspended_at).toBeNull();
  });

  it('after a DEPwD resume, a new grace period starts instead of an immediate re-suspension', async () => {
    t.clock.advance(31 * DAY);
    expect((await read()).status).toBe(403);
    const admin = await t.login('admin@reciprocity.test', 'admin-password-1');
    const resumed = await t.gql('mutation($i: ApplicationReasonInput!) { resumeSharing(input: $i) { id } }',
      { i: { applicationId: String(p.applicationId), reason: 'Reports promised by the department this week' } }, admin);
    expect(resumed.body.errors).toBeUndefined();
    expect((await read()).status).toBe(200);
    expect((await standing(p.applicationId)).reporting.status).toBe('CURRENT');
    t.clock.advance(31 * DAY);
    expect((await read()).status).toBe(403);
  });

  it("after a DEPwD resume, the partner's me.benefitReporting shows the restarted grace period the gate enforces", async () => {
    const admin = await t.login('admin@reciprocity.test', 'admin-password-1');
    const meReporting = async () => {
      const res = await t.op(MeDocument, {}, await t.appToken(p));
      expect(res.errors).toBeUndefined();
      return res.data!.me.benefitReporting;
    };
    // Suspended (the previous test left it so): the last report is more than 30 days old.
    const before = await meReporting();
    expect(before.overdue).toBe(true);
    const lastReport = Date.parse(before.lastBenefitReportAt!);

    const resumedAt = t.clock.now();
    const resumed = await t.gql('mutation($i: ApplicationReasonInput!) { resumeSharing(input: $i) { id } }',
      { i: { applicationId: String(p.applicationId), reason: 'Second resume: reports are on their way' } }, admin);
    expect(resumed.body.errors).toBeUndefined();
    const after = await meReporting();
    // The grace period restarts at the resume, not at the old report (which would already be overdue).
    const dueDay = addDays(istDate(resumedAt), 30);
    expect(after.overdue).toBe(false);
    expect(Date.parse(after.lastBenefitReportAt!)).toBe(lastReport);
    expect(after.graceDays).toBe(30);
    expect(after.dueBy).toBe(new Date(Date.parse(`${addDays(dueDay, 1)}T00:00:00+05:30`)).toISOString());
    expect((await standing(p.applicationId)).reporting.dueBy).toBe(dueDay);

    // The gate agrees to the minute: sharing stays on just before that instant and stops just after it.
    const dueBy = Date.parse(after.dueBy!);
    t.clock.set(new Date(dueBy - 60_000));
    expect((await read()).status).toBe(200);
    expect((await meReporting()).overdue).toBe(false);
    t.clock.set(new Date(dueBy + 60_000));
    expect((await read()).status).toBe(403);
    expect(await meReporting()).toMatchObject({ overdue: true, dueBy: after.dueBy });
  });

  it('never suspends an application that has read nothing', async () => {
    const token = await t.appToken(idle);
    const res = await t.gql('{ benefitReports(first: 1) { edges { node { id } } } }', {}, token);
    expect(res.status).toBe(200);
    expect((await standing(idle.applicationId)).reporting.status).toBe('NOT_REQUIRED');
  });

  it('shows analysts records accessed vs. beneficiaries reported, per application', async () => {
    const token = await t.appToken(p);
    // Reporting lifts the suspension; then read 4 records (one twice) and report 2 beneficiaries.
    await t.op(ReportBenefitDocument, { input: report(c[2].udid, { benefitDate: t.clock.today() }) }, token);
    for (const u of [c[0], c[3], c[4], c[5], c[3]]) expect((await t.gql(PWD, { u: u.udid }, token)).status).toBe(200);
    await t.server.services.accessLog.flush();
    const s = await standing(p.applicationId);
    const [acc] = await t.ds.query('SELECT COUNT(*) AS n, COUNT(DISTINCT udid) AS d FROM access_event WHERE application_id = ?', [p.applicationId]);
    expect(s.recordsAccessed).toBe(Number(acc.n));
    expect(s.distinctPwdsAccessed).toBe(Number(acc.d));
    expect(s.pwdsReportedBenefited).toBe(2);
    expect(s.coverageRatio).toBeCloseTo(2 / Number(acc.d), 4);
    const partner = await t.gql('{ reciprocityByApplication { applicationId } }', {}, token);
    expect(partner.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
