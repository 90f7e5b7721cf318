import type { RequestContext } from '../../core/request/context';
import type { ReciprocityService } from '../access/reciprocity.service';
import type { AccessRecords } from '../access/access.records';
import { badInput } from '../../core/errors/errors';
import { fromDbDate } from '../../core/db/columns';
import { isMysql } from '../../core/db/database';
import { checkGrouping, Dimension, dimension, periodEnd, periodStarts, PERIODS, SUMMARY_LIMITS } from './benefit.grouping';
import { STATE_BY_CODE } from '../pwd/pwd.geo';
import { BenefitGroupBy } from './benefit.enums';
import { ApplicationReciprocity, BenefitSummary, BenefitSummaryRow } from './benefit.types';

const ROW_FIELD: Partial<Record<BenefitGroupBy, 'stateCode' | 'schemeCode' | 'benefitType' | 'applicationId'>> = {
  [BenefitGroupBy.STATE]: 'stateCode', [BenefitGroupBy.SCHEME]: 'schemeCode',
  [BenefitGroupBy.BENEFIT_TYPE]: 'benefitType', [BenefitGroupBy.APPLICATION]: 'applicationId',
};

function summaryRow(r: Record<string, unknown>, key: string, label: string | null): BenefitSummaryRow {
  return Object.assign(new BenefitSummaryRow(), {
    key, label, stateCode: null, schemeCode: null, benefitType: null, applicationId: null, periodStart: null, periodEnd: null,
    reports: Number(r.reports), beneficiaries: Number(r.beneficiaries), totalAmountPaise: Number(r.total ?? 0),
  });
}

function dateRange(from: string | null, to: string | null, column: string): { sql: string; params: unknown[] } {
  if (from && to && from > to) throw badInput('"from" must not be after "to".');
  const sql: string[] = [];
  const params: unknown[] = [];
  if (from) { sql.push(`${column} >= ?`); params.push(from); }
  if (to) { sql.push(`${column} <= ?`); params.push(to); }
  return { sql: sql.map((s) => ` AND ${s}`).join(''), params };
}

/** One group: its keys by grouping, the labels of those that have one (state, scheme, application). */
function groupRow(r: Record<string, unknown>, dims: Dimension[]): BenefitSummaryRow {
  const keys: string[] = [];
  const labels: string[] = [];
  const row = summaryRow(r, '', null);
  dims.forEach((d, i) => {
    const k = PERIODS.includes(d.by) ? fromDbDate(r[`k${i}`] as string | Date) ?? '' : String(r[`k${i}`]);
    keys.push(k);
    const field = ROW_FIELD[d.by];
    if (field) Object.assign(row, { [field]: k });
    else { row.periodStart = k; row.periodEnd = periodEnd(d.by, k); }
    const label = d.by === BenefitGroupBy.STATE ? STATE_BY_CODE.get(k)?.name : (r[`l${i}`] as string | null);
    if (label) labels.push(label);
  });
  row.key = keys.join('/');
  row.label = labels.length ? labels.join(' · ') : null;
  return row;
}

/** Benefit analytics for DEPwD analysts: computed in SQL (GROUP BY on indexed keys), never in JavaScript loops. */
export class BenefitAnalyticsService {
  constructor(private readonly reciprocity: ReciprocityService, private readonly access: AccessRecords) {}

  /**
   * Benefits grouped by up to three keys, one of which may be a period (MONTH or WEEK of benefitDate),
   * within inclusive benefit dates from–to; bounded by SUMMARY_LIMITS (else BAD_USER_INPUT).
   */
  async summary(ctx: RequestContext, groupBy: readonly BenefitGroupBy[], from: string | null, to: string | null): Promise<BenefitSummary> {
    const period = checkGrouping(groupBy, from, to);
    const dims = groupBy.map((g) => dimension(g, isMysql(ctx.db.primary)));
    const range = dateRange(from, to, 'r.benefit_date');
    const aggregates = 'COUNT(*) AS reports, COUNT(DISTINCT r.udid) AS beneficiaries, SUM(r.amount_paise) AS total';
    const keys = dims.map((d) => d.key).join(', ');
    const [rows, totals]: Record<string, unknown>[][] = await Promise.all([
      ctx.db.read().query(
        `SELECT ${dims.map((d, i) => `${d.key} AS k${i}, ${d.label} AS l${i}`).join(', ')}, ${aggregates}
           FROM benefit_report r ${dims.map((d) => d.join).filter(Boolean).join(' ')}
          WHERE r.status = 'ACTIVE'${range.sql} GROUP BY ${keys} ORDER BY ${keys} LIMIT ?`,
        [...range.params, SUMMARY_LIMITS.maxGroups + 1],
      ),
      ctx.db.read().query(`SELECT ${aggregates} FROM benefit_report r WHERE r.status = 'ACTIVE'${range.sql}`, range.params),
    ]);
    if (rows.length > SUMMARY_LIMITS.maxGroups) {
      throw badInput(`This grouping has more than ${SUMMARY_LIMITS.maxGroups} groups; narrow the dates or drop a grouping.`, { maxGroups: SUMMARY_LIMITS.maxGroups });
    }
    return Object.assign(new BenefitSummary(), {
      groupBy: [...groupBy], from, to,
      periods: period ? periodStarts(period, from!, to!) : [],
      groups: rows.map((r) => groupRow(r, dims)),
      total: summaryRow(totals[0], 'ALL', 'All reports'),
    });
  }

  /**
   * Per application: records accessed (access events), distinct PwDs accessed, distinct PwDs in its
   * active benefit reports, and their ratio, with its reporting standing. Two GROUP BY queries.
   */
  async reciprocityByApplication(ctx: RequestContext, from: string | null, to: string | null): Promise<ApplicationReciprocity[]> {
    const reports = dateRange(from, to, 'benefit_date');
    // Access events carry a time: the range covers whole IST days (UTC+05:30).
    const istToUtc = (v: unknown) => new Date(Date.parse(String(v).replace(' ', 'T') + '+05:30')).toISOString().replace('T', ' ').replace('Z', '');
    const [apps, accessed, reported]: Record<string, unknown>[][] = await Promise.all([
      ctx.db.read().query(`SELECT a.id, a.name, a.organization_id, o.name AS org_name, a.first_record_access_at, a.last_benefit_report_at,
                      a.reporting_grace_from, a.reciprocity_suspended_at, a.sharing_suspended_at, a.sharing_suspension_kind
                      FROM application a JOIN organization o ON o.id = a.organization_id
                     WHERE a.status IN ('APPROVED', 'DISABLED') OR a.first_record_access_at IS NOT NULL ORDER BY a.id`),
      this.access.accessedByApplication(ctx, from ? istToUtc(`${from} 00:00:00`) : null, to ? istToUtc(`${to} 23:59:59.999`) : null),
      ctx.db.read().query(`SELECT application_id, COUNT(*) AS n, COUNT(DISTINCT udid) AS d FROM benefit_report WHERE status = 'ACTIVE'${reports.sql} GROUP BY application_id`,
        reports.params),
    ]);
    const byApp = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [Number(r.application_id), { n: Number(r.n), d: Number(r.d) }]));
    const acc = byApp(accessed);
    const rep = byApp(reported);
    return apps.map((a) => {
      const id = Number(a.id);
      const x = acc.get(id) ?? { n: 0, d: 0 };
      const y = rep.get(id) ?? { n: 0, d: 0 };
      return Object.assign(new ApplicationReciprocity(), {
        applicationId: String(id), applicationName: a.name as string, organizationId: String(a.organization_id), organizationName: a.org_name as string,
        recordsAccessed: x.n, distinctPwdsAccessed: x.d, pwdsReportedBenefited: y.d, benefitReports: y.n,
        coverageRatio: x.d ? Math.round((y.d / x.d) * 10_000) / 10_000 : null,
        reporting: this.reciprocity.describe(a),
      });
    });
  }
}
