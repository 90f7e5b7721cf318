import type { RequestContext } from '../../core/request/context';
import type { BudgetService } from '../../core/limits/budget.service';
import type { ReciprocityService, ReportingStanding } from '../access/reciprocity.service';
import { isScope, scopeToName } from '../../core/authz/scopes';
import { addDays, daysBetween } from '../../core/clock';
import { fromDbDate, fromDbDateTime } from '../../core/db/columns';
import { forbidden } from '../../core/errors/errors';
import { ApplicationStatusView, BenefitReportingDue, MouValidity } from './me.types';
import { ApplicationStatus } from '../application/application.entity';
import { OrganizationStatus } from '../organization/organization.entity';
import { ReportingStatus } from '../benefit/benefit.enums';

/** `me`: the calling application's status, limits and obligations (DESIGN.md §5). */
const DAY_MS = 86_400_000;

export class ApplicationStatusService {
  constructor(private readonly reciprocity: ReciprocityService, private readonly budget: BudgetService) {}

  async status(ctx: RequestContext): Promise<ApplicationStatusView> {
    const p = ctx.principal;
    if (p.kind !== 'application') throw forbidden('Only partner applications (client-credentials tokens) have an application status.');
    const today = ctx.clock.today();
    const dayStart = new Date(Date.parse(`${today}T00:00:00+05:30`));
    const [[app], mous, reporting] = await Promise.all([
      ctx.db.primary.query(
        `SELECT a.id, a.name, a.client_id, a.status, a.approved_scopes, a.daily_record_quota, a.cost_budget, a.cost_restore_rate,
                a.first_record_access_at, o.id AS org_id, o.name AS org_name, o.status AS org_status
           FROM application a JOIN organization o ON o.id = a.organization_id WHERE a.id = ?`,
        [p.applicationId],
      ) as Promise<Record<string, unknown>[]>,
      ctx.db.primary.query(
        'SELECT reference, effective_from, expires_on, terminated_on FROM mou WHERE organization_id = ? ORDER BY effective_from DESC, id DESC',
        [p.organizationId],
      ) as Promise<Record<string, unknown>[]>,
      this.reciprocity.reportingStatus(ctx, p.applicationId),
    ]);
    const view = new ApplicationStatusView();
    view.application = { id: String(app.id), name: String(app.name), clientId: String(app.client_id), status: app.status as ApplicationStatus };
    view.organization = { id: String(app.org_id), name: String(app.org_name), status: app.org_status as OrganizationStatus };
    view.grantedScopes = [...p.scopes].sort().map(scopeToName);
    const approved: string[] = app.approved_scopes ? JSON.parse(String(app.approved_scopes)) : [];
    view.approvedScopes = approved.filter(isScope).sort().map(scopeToName);
    view.mou = this.mouInForce(mous, today);
    // The levels the gate enforces (the budget store: this process, or Redis shared by every replica).
    // The budget fixed at admission carries the daily quota of the token's purpose.
    const budget = ctx.ledger.budget ?? { capacity: Number(app.cost_budget), restoreRate: Number(app.cost_restore_rate), dailyRecordQuota: Number(app.daily_record_quota) };
    const { currentlyAvailable, recordsToday } = await this.budget.status(p.applicationId, budget, p.purposeId);
    view.purpose = p.purposeCode;
    view.costBudget = { maximumAvailable: budget.capacity, currentlyAvailable: Math.min(budget.capacity, currentlyAvailable), restoreRate: budget.restoreRate };
    const limit = budget.dailyRecordQuota;
    const used = recordsToday;
    view.dailyRecordQuota = { limit, used, remaining: Math.max(0, limit - used), resetsAt: new Date(dayStart.getTime() + DAY_MS) };
    view.benefitReporting = this.benefitReporting(fromDbDateTime(app.first_record_access_at as string | null), reporting);
    return view;
  }

  /** The same "in force" test as the request gate; the end is expiry or termination, whichever is first. */
  private mouInForce(mous: Record<string, unknown>[], today: string): MouValidity | null {
    for (const m of mous) {
      const effectiveFrom = fromDbDate(m.effective_from as string)!;
      const expires = fromDbDate(m.expires_on as string)!;
      const terminated = fromDbDate(m.terminated_on as string | null);
      const end = terminated && terminated < expires ? terminated : expires;
      if (effectiveFrom <= today && today < end) {
        return { reference: String(m.reference), effectiveFrom, expiresOn: end, daysLeft: daysBetween(today, end) };
      }
    }
    return null;
  }

  /**
   * The reciprocity service's standing (DESIGN.md §8), so `me` shows the due date the gate enforces,
   * including a grace period restarted by a DEPwD resume. The gate suspends on the first IST day after
   * the due date, so "report before this instant" is midnight IST at the end of the due date.
   */
  private benefitReporting(firstRecordAccessAt: Date | null, r: ReportingStanding): BenefitReportingDue {
    const dueBy = r.dueBy ? new Date(Date.parse(`${addDays(r.dueBy, 1)}T00:00:00+05:30`)) : null;
    return { firstRecordAccessAt, lastBenefitReportAt: r.lastReportAt, graceDays: r.graceDays, dueBy, overdue: r.status === ReportingStatus.SUSPENDED };
  }
}
