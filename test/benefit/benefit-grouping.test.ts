import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture, createStaffUser } from '../../src/modules/staff/demo.seed';
import { Role } from '../../src/core/authz/scopes';
import { BenefitSummaryDocument, ReportBenefitsDocument, ReverseBenefitReportDocument } from '../generated/graphql';
import { SUMMARY_LIMITS } from '../../src/modules/benefit/benefit.grouping';
import { Card, cards, report } from '../helpers/benefit';

type Sent = { udid: string; state: string; scheme: string; amount: number; date: string; reversed: boolean };

// Periods computed in JavaScript from the date text, independently of the SQL under test.
const DAY = 86_400_000;
const monthOf = (d: string) => `${d.slice(0, 7)}-01`;
const mondayOf = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};
const byKey = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function expected(sent: Sent[], key: (s: Sent) => string, from: string, to: string) {
  const groups = new Map<string, { reports: number; udids: Set<string>; total: number }>();
  for (const s of sent) {
    if (s.reversed || s.date < from || s.date > to) continue;
    const g = groups.get(key(s)) ?? { reports: 0, udids: new Set(), total: 0 };
    g.reports++; g.udids.add(s.udid); g.total += s.amount;
    groups.set(key(s), g);
  }
  return [...groups.entries()].sort(([a], [b]) => byKey(a, b))
    .map(([k, g]) => ({ key: k, reports: g.reports, beneficiaries: g.udids.size, totalAmountPaise: g.total }));
}
const plain = (groups: { key: string; reports: number; beneficiaries: number; totalAmountPaise: number }[]) =>
  groups.map(({ key, reports, beneficiaries, totalAmountPaise }) => ({ key, reports, beneficiaries, totalAmountPaise })).sort((x, y) => byKey(x.key, y.key));

// Dates on both sides of month and week edges, and on the bounds used below.
const DATES = ['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-08', '2026-03-09',
  '2026-03-31', '2026-04-01', '2026-04-30', '2026-05-01', '2026-05-02', '2026-06-15'];

describe('benefitSummary grouped by period (MONTH, WEEK) with inclusive bounds', () => {
  let t: TestServer;
  let p: PartnerFixture;
  let c: Card[];
  let analyst: string;
  const sent: Sent[] = [];

  beforeAll(async () => {
    t = await startTestServer({ records: 60 });
    p = await createActivePartner(t.ds);
    await createStaffUser(t.ds, Role.ANALYST, 'analyst@grouping.test', 'Analyst', 'grouping-password-1');
    analyst = await t.login('analyst@grouping.test', 'grouping-password-1');
    c = await cards(t.ds, 60);
    const schemes = ['ADIP', 'IGNDPS', 'PMS'];
    const inputs = Array.from({ length: 140 }, (_, i) => {
      const card = c[(i * 7) % c.length];
      return report(card.udid, { schemeCode: schemes[i % 3], schemeName: `Scheme ${schemes[i % 3]}`, amountPaise: 100 * (i + 1), benefitDate: DATES[i % DATES.length] });
    });
    const token = await t.appToken(p);
    const res = await t.op(ReportBenefitsDocument, { inputs }, token);
    expect(res.data!.reportBenefits.accepted).toBe(inputs.length);
    res.data!.reportBenefits.results.forEach((_, i) => sent.push({
      udid: inputs[i].udid, state: c.find((x) => x.udid === inputs[i].udid)!.stateCode, scheme: inputs[i].schemeCode,
      amount: inputs[i].amountPaise!, date: inputs[i].benefitDate, reversed: false,
    }));
    for (let i = 0; i < inputs.length; i += 11) {
      await t.op(ReverseBenefitReportDocument, { id: res.data!.reportBenefits.results[i].report!.id, reason: 'entered twice' }, token);
      sent[i].reversed = true;
    }
  });
  afterAll(() => t.close());

  it('[STATE, SCHEME, MONTH]: the same numbers as an independent count, both bounds counted, IST months by benefit date', async () => {
    const from = '2026-01-31', to = '2026-05-01';
    const res = await t.op(BenefitSummaryDocument, { groupBy: ['STATE', 'SCHEME', 'MONTH'], from, to }, analyst);
    expect(res.errors).toBeUndefined();
    const s = res.data!.benefitSummary;
    expect(s.groupBy).toEqual(['STATE', 'SCHEME', 'MONTH']);
    expect(s.periods).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
    expect(plain(s.groups)).toEqual(expected(sent, (x) => `${x.state}/${x.scheme}/${monthOf(x.date)}`, from, to));
    for (const g of s.groups) {
      expect(g.key).toBe(`${g.stateCode}/${g.schemeCode}/${g.periodStart}`);
      expect(g.periodEnd).toBe({ '2026-01-01': '2026-01-31', '2026-02-01': '2026-02-28', '2026-03-01': '2026-03-31', '2026-04-01': '2026-04-30', '2026-05-01': '2026-05-31' }[g.periodStart!]);
      expect(g.label).toMatch(/ · Scheme /); // state name · scheme name
    }
    // Inclusive: reports dated on `from` and on `to` are counted; the day before and after are not.
    const month = await t.op(BenefitSummaryDocument, { groupBy: ['MONTH'], from, to }, analyst);
    const jan = month.data!.benefitSummary.groups.find((g) => g.periodStart === '2026-01-01')!;
    const may = month.data!.benefitSummary.groups.find((g) => g.periodStart === '2026-05-01')!;
    const on = (d: string) => sent.filter((x) => x.date === d && !x.reversed).length;
    expect(jan.reports).toBe(on('2026-01-31'));
    expect(may.reports).toBe(on('2026-05-01'));
    expect(jan.reports).toBeGreaterThan(0);
    // The last day of March is in March and the first of April in April (no shift by a time zone).
    const mar = month.data!.benefitSummary.groups.find((g) => g.periodStart === '2026-03-01')!;
    expect(mar.reports).toBe(['2026-03-01', '2026-03-02', '2026-03-08', '2026-03-09', '2026-03-31'].reduce((n, d) => n + on(d), 0));
    expect(month.data!.benefitSummary.total.reports).toBe(sent.filter((x) => !x.reversed && x.date >= from && x.date <= to).length);
  });

  it('[WEEK]: Monday-first weeks, every week listed in periods, the first one starting before from', async () => {
    const from = '2026-02-25', to = '2026-03-31';
    const res = await t.op(BenefitSummaryDocument, { groupBy: ['WEEK', 'SCHEME'], from, to }, analyst);
    expect(res.errors).toBeUndefined();
    const s = res.data!.benefitSummary;
    expect(s.periods).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(plain(s.groups)).toEqual(expected(sent, (x) => `${mondayOf(x.date)}/${x.scheme}`, from, to));
    // 2026-03-01 is a Sunday: it closes the week of 2026-02-23; 2026-03-02 opens the next one.
    expect(s.groups.filter((g) => g.periodStart === '2026-02-23').every((g) => g.periodEnd === '2026-03-01')).toBe(true);
    expect(s.groups.some((g) => g.periodStart === '2026-03-02')).toBe(true);
  });

  it.each([
    ['more than three groupings', { groupBy: ['STATE', 'SCHEME', 'BENEFIT_TYPE', 'MONTH'], from: '2026-01-01', to: '2026-02-01' }, /at most 3 groupings/],
    ['two periods', { groupBy: ['MONTH', 'WEEK'], from: '2026-01-01', to: '2026-02-01' }, /one period at most/],
    ['a grouping named twice', { groupBy: ['STATE', 'STATE'] }, /twice/],
    ['a period without both dates', { groupBy: ['MONTH'], from: '2026-01-01' }, /needs both "from" and "to"/],
    ['37 months', { groupBy: ['MONTH'], from: '2023-01-01', to: '2026-01-31' }, /spans 37 months; at most 36/],
    ['105 weeks', { groupBy: ['WEEK'], from: '2024-01-01', to: '2025-12-29' }, /spans 105 weeks; at most 104/],
    ['from after to', { groupBy: ['STATE'], from: '2026-02-01', to: '2026-01-01' }, /must not be after/],
    ['no grouping', { groupBy: [] }, /at least one/],
  ])('refuses %s with BAD_USER_INPUT', async (_, vars, message) => {
    const res = await t.op(BenefitSummaryDocument, vars as never, analyst);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('takes 36 months and 104 weeks, the largest spans', async () => {
    const months = await t.op(BenefitSummaryDocument, { groupBy: ['MONTH'], from: '2023-07-01', to: '2026-06-30' }, analyst);
    expect(months.data!.benefitSummary.periods).toHaveLength(SUMMARY_LIMITS.maxMonths);
    const weeks = await t.op(BenefitSummaryDocument, { groupBy: ['WEEK'], from: '2024-07-01', to: '2026-06-28' }, analyst);
    expect(weeks.errors).toBeUndefined();
    expect(weeks.data!.benefitSummary.periods).toHaveLength(SUMMARY_LIMITS.maxWeeks);
  });

  it(`refuses an answer of more than ${SUMMARY_LIMITS.maxGroups} groups with BAD_USER_INPUT`, async () => {
    const token = await t.appToken(p);
    for (let b = 0; b * 500 <= SUMMARY_LIMITS.maxGroups; b++) {
      const inputs = Array.from({ length: 500 }, (_, i) => report(c[i % c.length].udid, { schemeCode: `S${b * 500 + i}`, benefitDate: '2025-06-01' }));
      expect((await t.op(ReportBenefitsDocument, { inputs }, token)).data!.reportBenefits.accepted).toBe(500);
    }
    const res = await t.op(BenefitSummaryDocument, { groupBy: ['SCHEME'], from: '2025-06-01', to: '2025-06-01' }, analyst);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxGroups: SUMMARY_LIMITS.maxGroups });
    const fine = await t.op(BenefitSummaryDocument, { groupBy: ['BENEFIT_TYPE', 'MONTH'], from: '2025-06-01', to: '2025-06-01' }, analyst);
    expect(fine.data!.benefitSummary.groups).toEqual([expect.objectContaining({ key: 'PENSION/2025-06-01', reports: 2500, benefitType: 'PENSION' })]);
  });
});
