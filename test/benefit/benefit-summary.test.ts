import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { PartnerFixture, createStaffUser } from '../../src/modules/staff/demo.seed';
import { Role } from '../../src/core/authz/scopes';
import { BenefitSummaryDocument, ReportBenefitsDocument, ReverseBenefitReportDocument } from '../generated/graphql';
import { Card, cards, report } from '../helpers/benefit';

type Sent = { app: number; udid: string; state: string; scheme: string; type: string; amount: number | null; date: string; reversed: boolean };

// Collations differ between databases: compare groups in one order of our own.
const byKey = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const plain = (groups: { key: string; reports: number; beneficiaries: number; totalAmountPaise: number }[]) =>
  groups.map(({ key, reports, beneficiaries, totalAmountPaise }) => ({ key, reports, beneficiaries, totalAmountPaise })).sort((x, y) => byKey(x.key, y.key));

/** Expected groups computed in JavaScript from what was sent: independent of the SQL under test. */
function expected(sent: Sent[], key: (s: Sent) => string, from?: string, to?: string) {
  const groups = new Map<string, { reports: number; udids: Set<string>; total: number }>();
  for (const s of sent) {
    if (s.reversed || (from && s.date < from) || (to && s.date > to)) continue;
    const g = groups.get(key(s)) ?? { reports: 0, udids: new Set(), total: 0 };
    g.reports++; g.udids.add(s.udid); g.total += s.amount ?? 0;
    groups.set(key(s), g);
  }
  return [...groups.entries()].sort(([a], [b]) => byKey(a, b))
    .map(([k, g]) => ({ key: k, reports: g.reports, beneficiaries: g.udids.size, totalAmountPaise: g.total }));
}

describe('benefitSummary for analysts', () => {
  let t: TestServer;
  let a: PartnerFixture, b: PartnerFixture;
  let c: Card[];
  const sent: Sent[] = [];
  const staff = async (role: Role) => t.login(`${role.toLowerCase()}@summary.test`, 'summary-password-1');

  beforeAll(async () => {
    t = await startTestServer({ records: 120 });
    [a, b] = [await createActivePartner(t.ds), await createActivePartner(t.ds)];
    for (const role of [Role.ANALYST, Role.DEPWD_ADMIN]) await createStaffUser(t.ds, role, `${role.toLowerCase()}@summary.test`, role, 'summary-password-1');
    c = await cards(t.ds, 120);
    const schemes = ['ADIP', 'IGNDPS', 'PMS', 'SIPDA'];
    const types = ['ASSISTIVE_DEVICE', 'PENSION', 'SCHOLARSHIP', 'SKILL_TRAINING', 'CASH_TRANSFER'];
    const base = Date.now() - 40 * 86_400_000;
    for (const [p, n] of [[a, 260], [b, 140]] as const) {
      const token = await t.appToken(p);
      const inputs = Array.from({ length: n }, (_, i) => {
        const card = c[(i * 7 + p.applicationId) % c.length];
        const date = new Date(Math.max(base + (i % 35) * 86_400_000, Date.parse(card.issuedOn))).toISOString().slice(0, 10);
        const amount = i % 9 === 0 ? null : ((i * 7919) % 500_000) + 100;
        return report(card.udid, { schemeCode: schemes[i % 4], schemeName: `Scheme ${schemes[i % 4]}`, benefitType: types[i % 5], amountPaise: amount, benefitDate: date });
      });
      const res = await t.op(ReportBenefitsDocument, { inputs }, token);
      expect(res.data!.reportBenefits.accepted).toBe(n);
      res.data!.reportBenefits.results.forEach((r, i) => sent.push({
        app: p.applicationId, udid: inputs[i].udid, state: c.find((x) => x.udid === inputs[i].udid)!.stateCode, scheme: inputs[i].schemeCode,
        type: inputs[i].benefitType, amount: inputs[i].amountPaise ?? null, date: inputs[i].benefitDate, reversed: false,
      }));
      // Reverse every tenth report: reversed reports are left out of the numbers.
      for (let i = 0; i < n; i += 10) {
        await t.op(ReverseBenefitReportDocument, { id: res.data!.reportBenefits.results[i].report!.id, reason: 'entered twice' }, token);
        sent[sent.length - n + i].reversed = true;
      }
    }
  });
  afterAll(() => t.close());

  it.each([
    ['STATE', (s: Sent) => s.state],
    ['SCHEME', (s: Sent) => s.scheme],
    ['BENEFIT_TYPE', (s: Sent) => s.type],
    ['APPLICATION', (s: Sent) => String(s.app)],
  ] as const)('groups by %s with the same numbers as an independent count', async (groupBy, key) => {
    const res = await t.op(BenefitSummaryDocument, { groupBy }, await staff(Role.ANALYST));
    expect(res.errors).toBeUndefined();
    const s = res.data!.benefitSummary;
    expect(plain(s.groups)).toEqual(expected(sent, key));
    const [all] = expected(sent, () => 'ALL');
    expect(s.total).toMatchObject({ reports: all.reports, beneficiaries: all.beneficiaries, totalAmountPaise: all.totalAmountPaise });
    if (groupBy === 'STATE') expect(s.groups.every((g) => g.label && g.label.length > 2)).toBe(true);
    if (groupBy === 'APPLICATION') expect(s.groups[0].label).toBe('Disability Pension Portal');
  });

  it('restricts to benefit dates within from–to', async () => {
    const dates = sent.map((s) => s.date).sort();
    const from = dates[Math.floor(dates.length / 4)], to = dates[Math.floor(dates.length / 2)];
    const res = await t.op(BenefitSummaryDocument, { groupBy: 'SCHEME', from, to }, await staff(Role.DEPWD_ADMIN));
    expect(plain(res.data!.benefitSummary.groups)).toEqual(expected(sent, (s) => s.scheme, from, to));
    const bad = await t.op(BenefitSummaryDocument, { groupBy: 'SCHEME', from: to, to: from }, await staff(Role.ANALYST));
    if (from !== to) expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('is for analysts and DEPwD admins only', async () => {
    const app = await t.op(BenefitSummaryDocument, { groupBy: 'STATE' }, await t.appToken(a));
    expect(app.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const partnerAdmin = await t.op(BenefitSummaryDocument, { groupBy: 'STATE' }, await t.login(a.partnerAdmin.email, a.partnerAdmin.password));
    expect(partnerAdmin.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
