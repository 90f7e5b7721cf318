import { startTestServer, TestServer, createActivePartner, onMysql } from '../helpers/server';
import { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { Scope } from '../../src/core/authz/scopes';
import { ReportBenefitDocument, ReportBenefitsDocument } from '../generated/graphql';
import { Card, cards, count, ref, report } from '../helpers/benefit';

describe('benefit reporting over HTTP', () => {
  let t: TestServer;
  let partner: PartnerFixture;
  let token: string;
  let c: Card[];

  beforeAll(async () => {
    t = await startTestServer({ records: 300 });
    partner = await createActivePartner(t.ds);
    token = await t.appToken(partner);
    c = await cards(t.ds, 300);
  });
  afterAll(() => t.close());

  it('stores one report and returns it, with the state of the beneficiary', async () => {
    const input = report(c[0].udid, { remarks: 'Quarterly instalment' });
    const res = await t.op(ReportBenefitDocument, { input }, token);
    expect(res.errors).toBeUndefined();
    const r = res.data!.reportBenefit;
    expect(r.status).toBe('ACCEPTED');
    expect(r.errors).toEqual([]);
    expect(r.report).toMatchObject({ udid: c[0].udid, clientReference: input.clientReference, amountPaise: 30000, channel: 'API', status: 'ACTIVE', remarks: 'Quarterly instalment' });
    const [row] = await t.ds.query('SELECT state_code, application_id, organization_id FROM benefit_report WHERE id = ?', [Number(r.report!.id)]);
    expect(row.state_code).toBe(c[0].stateCode);
    expect(Number(row.application_id)).toBe(partner.applicationId);
  });

  it('returns the original report for a retried clientReference, never a second row', async () => {
    const input = report(c[1].udid);
    const first = await t.op(ReportBenefitDocument, { input }, token);
    const again = await t.op(ReportBenefitDocument, { input: { ...input, amountPaise: 99 } }, token);
    expect(again.data!.reportBenefit.status).toBe('DUPLICATE');
    expect(again.data!.reportBenefit.duplicateOf).toBe(first.data!.reportBenefit.report!.id);
    expect(again.data!.reportBenefit.report!.amountPaise).toBe(30000);
    expect(await count(t.ds, 'SELECT COUNT(*) FROM benefit_report WHERE client_reference = ?', [input.clientReference])).toBe(1);
  });

  it('stores exactly one row for 20 concurrent identical requests', async () => {
    const input = report(c[2].udid);
    const results = await Promise.all(Array.from({ length: 20 }, () => t.op(ReportBenefitDocument, { input }, token)));
    const statuses = results.map((r) => r.data!.reportBenefit.status);
    expect(statuses.filter((s) => s === 'ACCEPTED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'DUPLICATE')).toHaveLength(19);
    expect(new Set(results.map((r) => r.data!.reportBenefit.report!.id)).size).toBe(1);
    expect(await count(t.ds, 'SELECT COUNT(*) FROM benefit_report WHERE client_reference = ?', [input.clientReference])).toBe(1);
  });

  it('stores one row per reference for concurrent overlapping batches', async () => {
    const inputs = Array.from({ length: 50 }, (_, i) => report(c[i].udid));
    // Eight concurrent calls, each with a different overlapping slice of the same 50 references.
    const calls = Array.from({ length: 8 }, (_, k) => inputs.slice(k * 5, k * 5 + 15));
    const results = await Promise.all(calls.map((inputs) => t.op(ReportBenefitsDocument, { inputs }, token)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const accepted = results.flatMap((r) => r.data!.reportBenefits.results.filter((x) => x.status === 'ACCEPTED').map((x) => x.clientReference));
    const covered = new Set(calls.flat().map((i) => i.clientReference));
    expect(accepted.sort()).toEqual([...covered].sort());
    const refs = [...covered];
    expect(await count(t.ds, `SELECT COUNT(*) FROM benefit_report WHERE client_reference IN (${refs.map(() => '?').join(',')})`, refs)).toBe(refs.length);
  });

  it('rejects each invalid item with its own errors and stores the valid ones of the same batch', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ udid: 'MH01' }, 'udid', 'BAD_USER_INPUT'],
      [{ udid: 'mh0110520010000012' }, 'udid', 'BAD_USER_INPUT'],
      [{ udid: 'ZZ0000000000000000' }, 'udid', 'UNKNOWN_UDID'],
      [{ schemeCode: '' }, 'schemeCode', 'BAD_USER_INPUT'],
      [{ schemeCode: 'X'.repeat(41) }, 'schemeCode', 'BAD_USER_INPUT'],
      [{ schemeCode: 'has space' }, 'schemeCode', 'BAD_USER_INPUT'],
      [{ schemeName: '' }, 'schemeName', 'BAD_USER_INPUT'],
      [{ schemeName: 'N'.repeat(201) }, 'schemeName', 'BAD_USER_INPUT'],
      [{ schemeName: 'line\nbreak' }, 'schemeName', 'BAD_USER_INPUT'],
      [{ amountPaise: -1 }, 'amountPaise', 'BAD_USER_INPUT'],
      [{ amountPaise: 12.5 }, 'amountPaise', 'BAD_USER_INPUT'],
      [{ amountPaise: 2 ** 53 }, 'amountPaise', 'BAD_USER_INPUT'],
      [{ benefitDate: '2026-02-30' }, 'benefitDate', 'BAD_USER_INPUT'],
      [{ benefitDate: '17/04/2026' }, 'benefitDate', 'BAD_USER_INPUT'],
      [{ benefitDate: future }, 'benefitDate', 'BAD_USER_INPUT'],
      [{ benefitDate: '2017-04-18' }, 'benefitDate', 'BAD_USER_INPUT'], // before the RPwD Act 2016 came into force
      [{ clientReference: '' }, 'clientReference', 'BAD_USER_INPUT'],
      [{ clientReference: 'R'.repeat(101) }, 'clientReference', 'BAD_USER_INPUT'],
      [{ clientReference: 'with space' }, 'clientReference', 'BAD_USER_INPUT'],
      [{ remarks: 'r'.repeat(501) }, 'remarks', 'BAD_USER_INPUT'],
    ];
    const good1 = report(c[3].udid);
    const good2 = report(c[4].udid, { amountPaise: null, benefitType: 'ASSISTIVE_DEVICE' });
    const inputs = [good1, ...cases.map(([over]) => report(c[3].udid, over)), good2];
    const res = await t.op(ReportBenefitsDocument, { inputs }, token);
    expect(res.errors).toBeUndefined();
    const out = res.data!.reportBenefits;
    expect(out).toMatchObject({ accepted: 2, duplicates: 0, rejected: cases.length });
    expect(out.results.map((r) => r.index)).toEqual(inputs.map((_, i) => i));
    expect(out.results[0].status).toBe('ACCEPTED');
    expect(out.results[inputs.length - 1].status).toBe('ACCEPTED');
    cases.forEach(([over, field, code], i) => {
      const r = out.results[i + 1];
      expect({ over, status: r.status, report: r.report }).toEqual({ over, status: 'REJECTED', report: null });
      expect(r.errors.length).toBeGreaterThanOrEqual(1);
      expect(r.errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
      for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
    });
    const refs = inputs.map((i) => i.clientReference as string).filter((r) => /^[A-Za-z0-9]/.test(r) && r.length <= 100);
    expect(await count(t.ds, `SELECT COUNT(*) FROM benefit_report WHERE client_reference IN (${refs.map(() => '?').join(',')})`, refs)).toBe(2);
  });

  it('lists every problem of one item at once', async () => {
    const res = await t.op(ReportBenefitDocument, { input: report('bad', { schemeCode: '', amountPaise: -5, benefitDate: 'soon' }) }, token);
    const fields = [...new Set(res.data!.reportBenefit.errors.map((e) => e.field))].sort();
    expect(fields).toEqual(['amountPaise', 'benefitDate', 'schemeCode', 'udid']);
  });

  it('answers DUPLICATE for a reference repeated within one batch', async () => {
    const a = report(c[5].udid);
    const res = await t.op(ReportBenefitsDocument, { inputs: [a, { ...a, amountPaise: 1 }, report(c[6].udid)] }, token);
    const [x, y, z] = res.data!.reportBenefits.results;
    expect([x.status, y.status, z.status]).toEqual(['ACCEPTED', 'DUPLICATE', 'ACCEPTED']);
    expect(y.duplicateOf).toBe(x.report!.id);
  });

  it('refuses a batch of 501 items as a whole, storing nothing', async () => {
    const inputs = Array.from({ length: 501 }, (_, i) => report(c[i % c.length].udid, { clientReference: ref('BIG') }));
    const before = await count(t.ds, 'SELECT COUNT(*) FROM benefit_report');
    const res = await t.op(ReportBenefitsDocument, { inputs }, token);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/500/);
    expect(await count(t.ds, 'SELECT COUNT(*) FROM benefit_report')).toBe(before);
  });

  it('stores a full batch of 500 in one call', async () => {
    const inputs = Array.from({ length: 500 }, (_, i) => report(c[i % c.length].udid, { clientReference: ref('FULL') }));
    const res = await t.op(ReportBenefitsDocument, { inputs }, token);
    expect(res.data!.reportBenefits.accepted).toBe(500);
  });

  it('rejects a value of the wrong GraphQL type before anything runs', async () => {
    const res = await t.gql('mutation($i: BenefitReportInput!) { reportBenefit(input: $i) { status } }', { i: report(c[0].udid, { benefitType: 'LOTTERY' }) }, token);
    expect(res.body.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('needs benefit:write to report and benefit:read to list', async () => {
    const readOnly = await t.appToken(partner, Scope.BENEFIT_READ);
    const w = await t.op(ReportBenefitDocument, { input: report(c[0].udid) }, readOnly);
    expect(w.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'benefit:write' });
    const writeOnly = await t.appToken(partner, Scope.BENEFIT_WRITE);
    const r = await t.gql('{ benefitReports { edges { node { id } } } }', {}, writeOnly);
    expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const anon = await t.op(ReportBenefitDocument, { input: report(c[0].udid) });
    expect(anon.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  if (onMysql) {
    it('keeps the amount exact up to 2^53 - 1 paise on MariaDB', async () => {
      const res = await t.op(ReportBenefitDocument, { input: report(c[7].udid, { amountPaise: Number.MAX_SAFE_INTEGER }) }, token);
      expect(res.data!.reportBenefit.report!.amountPaise).toBe(Number.MAX_SAFE_INTEGER);
    });
  }
});
