import { badInput } from '../../core/errors/errors';
import { BenefitGroupBy } from './benefit.enums';

/**
 * The bounds of benefitSummary's grouping, documented in the schema and the README: a grouping is at
 * most MAX_DIMENSIONS keys with at most one period (MONTH or WEEK); a period needs both dates and at
 * most MAX_MONTHS months or MAX_WEEKS weeks between them; an answer holds at most MAX_GROUPS groups.
 */
export const SUMMARY_LIMITS = { maxDimensions: 3, maxMonths: 36, maxWeeks: 104, maxGroups: 2000 } as const;

export const PERIODS: readonly BenefitGroupBy[] = [BenefitGroupBy.MONTH, BenefitGroupBy.WEEK];

export interface Dimension { by: BenefitGroupBy; key: string; label: string; join: string }

/**
 * The SQL key and label of each grouping; every non-period key leads an index of benefit_report.
 * benefitDate is the IST calendar day of the benefit, so its month and its Monday-first week are the
 * IST month and week; periods are keyed by their first day, 'YYYY-MM-DD', on both databases.
 */
export function dimension(by: BenefitGroupBy, mysql: boolean): Dimension {
  switch (by) {
    case BenefitGroupBy.STATE: return { by, key: 'r.state_code', label: 'NULL', join: '' };
    case BenefitGroupBy.SCHEME: return { by, key: 'r.scheme_code', label: 'MAX(r.scheme_name)', join: '' };
    case BenefitGroupBy.BENEFIT_TYPE: return { by, key: 'r.benefit_type', label: 'NULL', join: '' };
    case BenefitGroupBy.APPLICATION: return { by, key: 'r.application_id', label: 'MAX(a.name)', join: 'JOIN application a ON a.id = r.application_id' };
    case BenefitGroupBy.MONTH:
      return { by, key: mysql ? "DATE_FORMAT(r.benefit_date, '%Y-%m-01')" : "substr(r.benefit_date, 1, 7) || '-01'", label: 'NULL', join: '' };
    case BenefitGroupBy.WEEK:
      return {
        by, label: 'NULL', join: '',
        key: mysql
          ? "DATE_FORMAT(DATE_SUB(r.benefit_date, INTERVAL WEEKDAY(r.benefit_date) DAY), '%Y-%m-%d')"
          : "date(r.benefit_date, '-' || ((CAST(strftime('%w', r.benefit_date) AS INTEGER) + 6) % 7) || ' days')",
      };
    default: throw badInput(`Unknown grouping ${String(by)}.`);
  }
}

const DAY_MS = 86_400_000;
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** First day of each period that meets from–to, in order: the first may start before `from`. */
export function periodStarts(by: BenefitGroupBy, from: string, to: string): string[] {
  const out: string[] = [];
  if (by === BenefitGroupBy.MONTH) {
    let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    const end = to.slice(0, 7);
    for (;;) {
      const k = `${y}-${String(m).padStart(2, '0')}`;
      if (k > end) break;
      out.push(`${k}-01`);
      if (++m > 12) { m = 1; y++; }
    }
    return out;
  }
  const first = day(from) - ((new Date(day(from)).getUTCDay() + 6) % 7) * DAY_MS;
  for (let t = first; t <= day(to); t += 7 * DAY_MS) out.push(iso(t));
  return out;
}

/** The last day of the period starting on `start`. */
export function periodEnd(by: BenefitGroupBy, start: string): string {
  if (by === BenefitGroupBy.WEEK) return iso(day(start) + 6 * DAY_MS);
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return iso(Date.UTC(y, m, 1) - DAY_MS);
}

/** Checks a grouping against SUMMARY_LIMITS; returns its period dimension, if any. */
export function checkGrouping(groupBy: readonly BenefitGroupBy[], from: string | null, to: string | null): BenefitGroupBy | null {
  const { maxDimensions, maxMonths, maxWeeks } = SUMMARY_LIMITS;
  if (groupBy.length === 0) throw badInput('groupBy needs at least one of STATE, SCHEME, BENEFIT_TYPE, APPLICATION, MONTH, WEEK.');
  if (groupBy.length > maxDimensions) throw badInput(`groupBy takes at most ${maxDimensions} groupings; drop one.`, { maxDimensions });
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy names a grouping twice; name each once.');
  const periods = groupBy.filter((g) => PERIODS.includes(g));
  if (periods.length > 1) throw badInput('groupBy takes one period at most: MONTH or WEEK, not both.');
  if (from && to && from > to) throw badInput('"from" must not be after "to".');
  const period = periods[0] ?? null;
  if (!period) return null;
  if (!from || !to) throw badInput(`Grouping by ${period} needs both "from" and "to" (inclusive benefit dates).`);
  const n = periodStarts(period, from, to).length;
  const max = period === BenefitGroupBy.MONTH ? maxMonths : maxWeeks;
  if (n > max) {
    throw badInput(`from–to spans ${n} ${period === BenefitGroupBy.MONTH ? 'months' : 'weeks'}; at most ${max} can be grouped by ${period}. Narrow the dates.`, { maxPeriods: max });
  }
  return period;
}
