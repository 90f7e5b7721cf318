import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { createStaffUser, PartnerFixture } from '../../src/modules/staff/demo.seed';
import { Role } from '../../src/core/authz/scopes';
import {
  AccessLogDocument, AcknowledgeScrapingAlertDocument, RecordAccessSummaryDocument, ResolveScrapingAlertDocument,
  ScrapingAlertsDocument, UsageByApplicationDocument,
} from '../generated/graphql';

describe('analyst oversight queries', () => {
  let t: TestServer;
  let analyst: string;
  let admin: string;
  let a: PartnerFixture;
  let b: PartnerFixture;
  let udids: string[];

  beforeAll(async () => {
    t = await startTestServer({ records: 120 });
    analyst = await t.login('analyst@depwd.example.gov.in', await createStaffUser(t.ds, Role.ANALYST, 'analyst@depwd.example.gov.in', 'Analyst'));
    admin = await t.login('admin@depwd.example.gov.in', await createStaffUser(t.ds, Role.DEPWD_ADMIN, 'admin@depwd.example.gov.in', 'Admin'));
    udids = (await t.ds.query('SELECT udid FROM pwd_record ORDER BY id')).map((r: any) => r.udid);
    a = await createActivePartner(t.ds, { name: 'Alpha Welfare Department' });
    b = await createActivePartner(t.ds, { name: 'Beta Pension Board' });
    const [ta, tb] = [await t.appToken(a), await t.appToken(b)];
    const Q = `query Look($u: UDID!) { pwd(udid: $u) { udid name } }`;
    for (const u of udids.slice(0, 5)) await t.gql(Q, { u }, ta);
    t.clock.advance(1000);
    await t.gql(Q, { u: udids[0] }, tb);
    await t.gql(Q, { u: udids[0] }, ta);
    await t.gql(`{ pwd(udid: "ZZ0000000000000000") { udid } }`, undefined, tb);
    await t.gql(`{ pwds(filter: {}, first: 3) { edges { node { udid } } } }`, undefined, tb);
    await t.server.services.accessLog.flush();
  });
  afterAll(() => t.close());

  it('accessLog: newest first, filters by application, UDID and time, keyset pages without gaps or repeats', async () => {
    const all = await t.op(AccessLogDocument, { first: 100 }, analyst);
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.accessLog.edges.map((e) => e.node);
    expect(nodes).toHaveLength(10);
    expect(Number(nodes[0].id)).toBeGreaterThan(Number(nodes[1].id));
    expect(nodes.at(-1)).toMatchObject({ applicationId: a.applicationId, udid: udids[0], source: 'pwd', fields: ['name', 'udid'], operationName: 'Look', sourceIp: '127.0.0.1' });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await t.op(AccessLogDocument, { filter: { applicationId: a.applicationId }, first: 2, after }, analyst);
      seen.push(...page.data.accessLog.edges.map((e: any) => e.node.id));
      if (!page.data.accessLog.pageInfo.hasNextPage) break;
      after = page.data.accessLog.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);

    const one = await t.op(AccessLogDocument, { filter: { udid: udids[0] } }, analyst);
    expect(one.data!.accessLog.edges.map((e) => e.node.source)).toEqual(['pwds', 'pwd', 'pwd', 'pwd']);
    // The clock moved 1 s between the 5th and the 6th event: cut half-way.
    const at = (id: number) => new Date(nodes.find((n) => Number(n.id) === id)!.occurredAt as string).getTime();
    const cut = (at(5) + at(6)) / 2;
    const late = await t.op(AccessLogDocument, { filter: { from: new Date(cut).toISOString() } }, analyst);
    expect(late.data!.accessLog.edges).toHaveLength(5);
    const early = await t.op(AccessLogDocument, { filter: { to: new Date(cut).toISOString() } }, analyst);
    expect(early.data!.accessLog.edges).toHaveLength(5);
    const bad = await t.op(AccessLogDocument, { after: 'bm9wZQ' }, analyst);
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("recordAccessSummary: who accessed this person's record, when and how many times", async () => {
    const r = await t.op(RecordAccessSummaryDocument, { udid: udids[0] }, analyst);
    expect(r.data!.recordAccessSummary.totalAccesses).toBe(4); // twice by pwd from Alpha, once by pwd and once in a pwds page from Beta
    const byApp = Object.fromEntries(r.data!.recordAccessSummary.applications.map((x) => [x.applicationId, x]));
    expect(byApp[a.applicationId]).toMatchObject({ accessCount: 2, organizationName: 'Alpha Welfare Department' });
    expect(byApp[b.applicationId]).toMatchObject({ accessCount: 2, organizationName: 'Beta Pension Board' });
    expect(new Date(byApp[a.applicationId].lastAccessAt as string).getTime()).toBeGreaterThan(new Date(byApp[a.applicationId].firstAccessAt as string).getTime());
    const none = await t.op(RecordAccessSummaryDocument, { udid: udids[100] }, analyst);
    expect(none.data!.recordAccessSummary).toEqual({ udid: udids[100], totalAccesses: 0, applications: [] });
  });

  it('usageByApplication: requests, records, distinct records, cost, errors and unknown lookups per day', async () => {
    const day = t.clock.today();
    const r = await t.op(UsageByApplicationDocument, { from: day, to: day }, admin);
    expect(r.errors).toBeUndefined();
    const byApp = Object.fromEntries(r.data!.usageByApplication.map((u) => [u.applicationId, u]));
    expect(byApp[a.applicationId]).toMatchObject({ day, requests: 6, records: 6, distinctRecords: 5, cost: 24, errors: 0, unknownLookups: 0 });
    expect(byApp[b.applicationId]).toMatchObject({ requests: 3, records: 4, unknownLookups: 1, cost: 4 + 1 + 3 });
    const partnerAdmin = await t.login(b.partnerAdmin.email, b.partnerAdmin.password);
    const own = await t.op(UsageByApplicationDocument, { from: day, to: day }, partnerAdmin);
    expect(own.data!.usageByApplication.map((u) => u.applicationId)).toEqual([b.applicationId]);
    const range = await t.op(UsageByApplicationDocument, { from: '2026-01-01', to: '2027-12-31' }, analyst);
    expect(range.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('scrapingAlerts with acknowledge and resolve, audited; wrong transitions are CONFLICT', async () => {
    const ins = `INSERT INTO scraping_alert (application_id, kind, evidence, window_start, window_end, status, auto_suspended, raised_at) VALUES (?, ?, '{"lookups":20}', '2026-11-01 00:00:00.000', '2026-11-01 00:10:00.000', 'OPEN', 0, '2026-11-01 00:10:00.000')`;
    await t.ds.query(ins, [a.applicationId, 'SEQUENTIAL_UDIDS']);
    await t.ds.query(ins, [b.applicationId, 'UNKNOWN_UDID_RATIO']);
    const open = await t.op(ScrapingAlertsDocument, { status: 'OPEN' }, analyst);
    expect(open.data!.scrapingAlerts.edges.map((e) => e.node.kind)).toEqual(['UNKNOWN_UDID_RATIO', 'SEQUENTIAL_UDIDS']);
    const id = open.data!.scrapingAlerts.edges[1].node.id;
    expect(open.data!.scrapingAlerts.edges[1].node.evidenceJson).toEqual({ lookups: 20 });
    expect(open.data!.scrapingAlerts.edges[1].node.evidence).toMatchObject({ lookups: 20, unknownLookups: null, prefix: null, udid: null });
    const byKind = await t.op(ScrapingAlertsDocument, { kind: 'SEQUENTIAL_UDIDS' }, analyst);
    expect(byKind.data!.scrapingAlerts.edges.map((e) => e.node.id)).toEqual([id]);

    // Acting on an alert is a write: DEPwD admins only (DESIGN.md §3).
    const byAnalyst = await t.op(AcknowledgeScrapingAlertDocument, { id, note: 'looking' }, analyst);
    expect(byAnalyst.errors![0].extensions.code).toBe('FORBIDDEN');
    const analystResolve = await t.op(ResolveScrapingAlertDocument, { id, resolution: 'Not mine to close.' }, analyst);
    expect(analystResolve.errors![0].extensions.code).toBe('FORBIDDEN');
    const ack = await t.op(AcknowledgeScrapingAlertDocument, { id, note: 'Asking the partner about its batch job.' }, admin);
    expect(ack.data!.acknowledgeScrapingAlert.status).toBe('ACKNOWLEDGED');
    const again = await t.op(AcknowledgeScrapingAlertDocument, { id }, admin);
    expect(again.errors![0].extensions.code).toBe('CONFLICT');
    const res = await t.op(ResolveScrapingAlertDocument, { id, resolution: 'Confirmed a test harness; partner told to stop.' }, admin);
    expect(res.data!.resolveScrapingAlert).toMatchObject({ status: 'RESOLVED', resolution: 'Confirmed a test harness; partner told to stop.' });
    const short = await t.op(ResolveScrapingAlertDocument, { id: open.data!.scrapingAlerts.edges[0].node.id, resolution: '' }, admin);
    expect(short.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const missing = await t.op(AcknowledgeScrapingAlertDocument, { id: '99999' }, admin);
    expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');
    const audit = await t.ds.query("SELECT action, before_status, after_status FROM admin_audit WHERE target_type = 'SCRAPING_ALERT' AND target_id = ? ORDER BY id", [Number(id)]);
    const notes = await t.ds.query("SELECT details FROM admin_audit WHERE target_type = 'SCRAPING_ALERT' AND target_id = ? ORDER BY id", [Number(id)]);
    expect(notes.map((n: { details: string }) => JSON.parse(n.details))).toEqual([
      { note: 'Asking the partner about its batch job.' }, { resolution: 'Confirmed a test harness; partner told to stop.' },
    ]);
    expect(audit).toEqual([
      { action: 'ACKNOWLEDGE_SCRAPING_ALERT', before_status: 'OPEN', after_status: 'ACKNOWLEDGED' },
      { action: 'RESOLVE_SCRAPING_ALERT', before_status: 'ACKNOWLEDGED', after_status: 'RESOLVED' },
    ]);
    const resolved = await t.op(ScrapingAlertsDocument, { status: 'RESOLVED' }, analyst);
    expect(resolved.data!.scrapingAlerts.edges.map((e) => e.node.id)).toEqual([id]);

    // A partner admin sees its own organisation's alerts only, and cannot change them.
    const partnerAdmin = await t.login(b.partnerAdmin.email, b.partnerAdmin.password);
    const own = await t.op(ScrapingAlertsDocument, {}, partnerAdmin);
    expect(own.data!.scrapingAlerts.edges.map((e) => e.node.applicationId)).toEqual([b.applicationId]);
    const change = await t.op(AcknowledgeScrapingAlertDocument, { id: own.data!.scrapingAlerts.edges[0].node.id }, partnerAdmin);
    expect(change.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('is closed to applications, partner admins (access log) and other staff roles', async () => {
    const app = await t.appToken(a);
    expect((await t.op(AccessLogDocument, {}, app)).errors![0].extensions.code).toBe('FORBIDDEN');
    const partnerAdmin = await t.login(a.partnerAdmin.email, a.partnerAdmin.password);
    expect((await t.op(AccessLogDocument, {}, partnerAdmin)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await t.op(RecordAccessSummaryDocument, { udid: udids[0] }, partnerAdmin)).errors![0].extensions.code).toBe('FORBIDDEN');
    const nic = await t.login('nic@nic.example.gov.in', await createStaffUser(t.ds, Role.NIC_OPERATOR, 'nic@nic.example.gov.in', 'NIC'));
    expect((await t.op(ScrapingAlertsDocument, {}, nic)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await t.op(AccessLogDocument, {})).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
