import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { BenefitReportsDocument, ReportBenefitsDocument, ReverseBenefitReportDocument } from '../generated/graphql';
import { Card, cards, report } from '../helpers/benefit';

describe('benefit reports: reversal and listing, own reports only', () => {
  let t: TestServer;
  let a: PartnerFixture, b: PartnerFixture;
  let tokenA: string, tokenB: string;
  let c: Card[];
  const idsA: string[] = [];
  let idB: string;

  beforeAll(async () => {
    t = await startTestServer({ records: 100 });
    [a, b] = [await createActivePartner(t.ds), await createActivePartner(t.ds)];
    [tokenA, tokenB] = [await t.appToken(a), await t.appToken(b)];
    c = await cards(t.ds, 100);
    const resA = await t.op(ReportBenefitsDocument, { inputs: c.slice(0, 45).map((x, i) => report(x.udid, { schemeCode: i % 3 ? 'PMS' : 'IGNDPS' })) }, tokenA);
    idsA.push(...resA.data!.reportBenefits.results.map((r) => r.report!.id));
    const resB = await t.op(ReportBenefitsDocument, { inputs: [report(c[0].udid)] }, tokenB);
    idB = resB.data!.reportBenefits.results[0].report!.id;
  });
  afterAll(() => t.close());

  it('walks its own reports, newest first, with keyset pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.op(BenefitReportsDocument, { first: 20, after }, tokenA);
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.benefitReports.edges.map((e: any) => e.node.id));
      if (!res.data.benefitReports.pageInfo.hasNextPage) break;
      after = res.data.benefitReports.pageInfo.endCursor;
    }
    expect(seen).toEqual([...idsA].sort((x, y) => Number(y) - Number(x)));
    expect(seen).not.toContain(idB);
  });

  it('filters by scheme, UDID and status', async () => {
    const pms = await t.op(BenefitReportsDocument, { filter: { schemeCode: 'PMS' }, first: 100 }, tokenA);
    expect(pms.data!.benefitReports.edges).toHaveLength(30);
    const one = await t.op(BenefitReportsDocument, { filter: { udid: c[0].udid }, first: 100 }, tokenA);
    expect(one.data!.benefitReports.edges).toHaveLength(1);
    const onlyB = await t.op(BenefitReportsDocument, { filter: { udid: c[0].udid }, first: 100 }, tokenB);
    expect(onlyB.data!.benefitReports.edges.map((e) => e.node.id)).toEqual([idB]);
  });

  it('reverses its own report, keeps it, and refuses a second reversal with CONFLICT', async () => {
    const res = await t.op(ReverseBenefitReportDocument, { id: idsA[0], reason: 'Paid to the wrong account; re-issued as REF-2' }, tokenA);
    expect(res.errors).toBeUndefined();
    expect(res.data!.reverseBenefitReport).toMatchObject({ id: idsA[0], status: 'REVERSED', reversalReason: 'Paid to the wrong account; re-issued as REF-2' });
    expect(res.data!.reverseBenefitReport.reversedAt).toBeTruthy();
    const again = await t.op(ReverseBenefitReportDocument, { id: idsA[0], reason: 'again' }, tokenA);
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already reversed/);
    const listed = await t.op(BenefitReportsDocument, { filter: { status: 'REVERSED' }, first: 10 }, tokenA);
    expect(listed.data!.benefitReports.edges.map((e) => e.node.id)).toEqual([idsA[0]]);
    const [row] = await t.ds.query('SELECT status, client_reference FROM benefit_report WHERE id = ?', [Number(idsA[0])]);
    expect(row.status).toBe('REVERSED');
  });

  it("cannot reverse another application's report: NOT_FOUND, and nothing changes", async () => {
    const res = await t.op(ReverseBenefitReportDocument, { id: idB, reason: 'not mine' }, tokenA);
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const [row] = await t.ds.query('SELECT status FROM benefit_report WHERE id = ?', [Number(idB)]);
    expect(row.status).toBe('ACTIVE');
  });

  it('validates the id and the reason', async () => {
    const badId = await t.op(ReverseBenefitReportDocument, { id: 'abc', reason: 'x' }, tokenA);
    expect(badId.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const noReason = await t.op(ReverseBenefitReportDocument, { id: idsA[1], reason: '   ' }, tokenA);
    expect(noReason.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await t.op(ReverseBenefitReportDocument, { id: '99999999', reason: 'x' }, tokenA);
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it("lets a partner admin list the organisation's reports, not another organisation's", async () => {
    const admin = await t.login(a.partnerAdmin.email, a.partnerAdmin.password);
    const res = await t.op(BenefitReportsDocument, { first: 100 }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.benefitReports.edges).toHaveLength(45);
    const otherApp = await t.op(BenefitReportsDocument, { filter: { applicationId: String(b.applicationId) }, first: 100 }, admin);
    expect(otherApp.data!.benefitReports.edges).toHaveLength(0);
  });

  it('rejects a foreign cursor and first > 100', async () => {
    const cur = await t.op(BenefitReportsDocument, { first: 5, after: 'bm9wZQ' }, tokenA);
    expect(cur.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const big = await t.op(BenefitReportsDocument, { first: 101 }, tokenA);
    expect(big.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
