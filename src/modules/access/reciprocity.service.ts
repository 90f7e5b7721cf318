import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import type { Clock } from '../../core/clock';
import { addDays, daysBetween, istDate } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { fromDbDateTime, toDbDateTime } from '../../core/db/columns';
import type { ReciprocityCheck, ReciprocityState } from './admission.gate';
import { SharingSuspension, SqlStep } from './sharing.suspension';

/** Where an application stands with the reciprocity rule (DESIGN.md §8); the benefit module publishes it in the schema. */
export enum ReportingStatus {
  /** It has read no records yet, so nothing is due. */
  NOT_REQUIRED = 'NOT_REQUIRED',
  /** A report was filed (or access began) within the grace period. */
  CURRENT = 'CURRENT',
  /** Less than a week of the grace period is left. */
  DUE_SOON = 'DUE_SOON',
  /** The grace period passed with no report: data sharing is suspended until it reports again. */
  SUSPENDED = 'SUSPENDED',
}

/** An application's reporting standing, as `me` and the analysts' reciprocity view show it. */
export interface ReportingStanding {
  status: ReportingStatus;
  lastReportAt: Date | null;
  /** Last IST day by which a report keeps sharing on; null when nothing is due. */
  dueBy: string | null;
  graceDays: number;
  message: string;
}

/**
 * The statements that lift a RECIPROCITY suspension when an application's benefit reports are
 * stored, for the benefit store's own batch transaction: SharingSuspension's resume (only that
 * kind; the reciprocity mark cleared, since reporting, not DEPwD, lifted it). Yields true when it lifted one.
 */
export function* liftOnReport(applicationId: number, at: Date, reports: number): Generator<SqlStep, boolean, unknown> {
  return yield* SharingSuspension.resumeSteps(applicationId, {
    actor: { type: 'APPLICATION', id: applicationId }, at, onlyKind: 'RECIPROCITY', clearReciprocity: true,
    details: { kind: 'RECIPROCITY', liftedBy: 'benefit report', reports },
  });
}

/** Less than this many days before the due date, the status is DUE_SOON. */
const DUE_SOON_DAYS = 7;

/**
 * The reciprocity rule (DESIGN.md §8): an application that has read records must file a benefit
 * report at least every `graceDays` days (counted from its first access, its last accepted report,
 * or DEPwD resuming its sharing, whichever is latest). Evaluated by the calendar when the gate
 * admits the application, so no scheduled job is needed; reporting again lifts the suspension.
 */
export class ReciprocityService implements ReciprocityCheck {
  /** Applications whose first access is known to be recorded (one UPDATE per application per process). */
  private accessNoted = new Set<number>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly log: Logger,
    readonly graceDays: number,
  ) {}

  /** The last IST day on which a report keeps sharing on; null when nothing is due (no record read yet). */
  dueBy(s: ReciprocityState): string | null {
    if (!s.firstRecordAccessAt) return null;
    const anchor = [s.firstRecordAccessAt, s.lastBenefitReportAt, s.reportingGraceFrom]
      .filter((d): d is Date => !!d)
      .reduce((a, b) => (a > b ? a : b));
    return addDays(istDate(anchor), this.graceDays);
  }

  /** Gate hook: called while sharing is not suspended; suspends (and says why) when the due date has passed. */
  async review(applicationId: number, s: ReciprocityState): Promise<string | null> {
    if (s.reciprocitySuspendedAt) {
      // Suspended for reciprocity earlier and no longer suspended: DEPwD resumed sharing. A new grace period starts.
      const now = this.clock.now();
      await this.ds.query(
        'UPDATE application SET reporting_grace_from = ?, reciprocity_suspended_at = NULL WHERE id = ? AND sharing_suspended_at IS NULL',
        [toDbDateTime(now), applicationId],
      );
      s.reportingGraceFrom = now;
      s.reciprocitySuspendedAt = null;
    }
    const due = this.dueBy(s);
    if (!due || this.clock.today() <= due) return null;
    const reason = this.suspensionMessage(s, due);
    const now = this.clock.now();
    // Does nothing when suspended meanwhile by someone else (another replica or DEPwD).
    await this.ds.transaction((m) => SharingSuspension.suspend(m, applicationId, {
      kind: 'RECIPROCITY', reason, actor: { type: 'SYSTEM' }, at: now, details: { dueBy: due, graceDays: this.graceDays },
      extraSet: 'reciprocity_suspended_at = ?', extraParams: [toDbDateTime(now)],
    }));
    this.log.info({ applicationId, dueBy: due }, 'sharing suspended for reciprocity (no benefit report within the grace period)');
    return reason;
  }

  private suspensionMessage(s: ReciprocityState, due: string): string {
    const since = s.lastBenefitReportAt ? `its last benefit report on ${istDate(s.lastBenefitReportAt)}` : `it first read records on ${istDate(s.firstRecordAccessAt!)}`;
    return `Data sharing is suspended: this application has read UDID records but filed no benefit report within ${this.graceDays} days of ${since} (a report was due by ${due}). ` +
      'Benefit reporting stays open: report the benefits delivered (reportBenefit, reportBenefits or POST /benefit-reports/upload) and sharing resumes at once, or ask DEPwD to resume sharing.';
  }

  /** Records the application's first record access; off the hot path and at most once per application per process. */
  noteAccess(applicationId: number, at: Date, onFirst: () => void): void {
    if (this.accessNoted.has(applicationId)) return;
    this.accessNoted.add(applicationId);
    onFirst();
    this.ds.query('UPDATE application SET first_record_access_at = ? WHERE id = ? AND first_record_access_at IS NULL', [toDbDateTime(at), applicationId])
      .catch((err: Error) => {
        this.accessNoted.delete(applicationId);
        this.log.warn({ err: err.message, applicationId }, 'could not record first record access; will retry on the next access');
      });
  }

  /** What `me` shows: standing, last report, due date and what to do. */
  async reportingStatus(ctx: RequestContext, applicationId: number): Promise<ReportingStanding> {
    const rows: Record<string, unknown>[] = await ctx.db.primary.query(
      `SELECT first_record_access_at, last_benefit_report_at, reporting_grace_from, reciprocity_suspended_at,
              sharing_suspended_at, sharing_suspension_kind FROM application WHERE id = ?`,
      [applicationId],
    );
    return this.describe(rows[0] ?? {});
  }

  /** Reporting standing from an application row (snake_case columns). */
  describe(row: Record<string, unknown>): ReportingStanding {
    const s: ReciprocityState = {
      firstRecordAccessAt: fromDbDateTime(row.first_record_access_at as string | null),
      lastBenefitReportAt: fromDbDateTime(row.last_benefit_report_at as string | null),
      reportingGraceFrom: fromDbDateTime(row.reporting_grace_from as string | null),
      reciprocitySuspendedAt: fromDbDateTime(row.reciprocity_suspended_at as string | null),
    };
    const suspended = !!row.sharing_suspended_at && row.sharing_suspension_kind === 'RECIPROCITY';
    // A pending DEPwD resume (suspended earlier, not any more) restarts the grace period from now.
    if (!suspended && s.reciprocitySuspendedAt) s.reportingGraceFrom = this.clock.now();
    const dueBy = this.dueBy(s);
    const today = this.clock.today();
    const out: ReportingStanding = { status: ReportingStatus.CURRENT, lastReportAt: s.lastBenefitReportAt, graceDays: this.graceDays, dueBy, message: '' };
    if (suspended || (dueBy && today > dueBy)) {
      out.status = ReportingStatus.SUSPENDED;
      out.message = `No benefit report was filed by ${dueBy}: data sharing is suspended until the application reports the benefits delivered (or DEPwD resumes sharing).`;
    } else if (!dueBy) {
      out.status = ReportingStatus.NOT_REQUIRED;
      out.message = `No records read yet; once records are read, a benefit report is due at least every ${this.graceDays} days.`;
    } else if (daysBetween(today, dueBy) < DUE_SOON_DAYS) {
      out.status = ReportingStatus.DUE_SOON;
      out.message = `Report the benefits delivered by ${dueBy}, or data sharing is suspended automatically.`;
    } else {
      out.status = ReportingStatus.CURRENT;
      out.message = `Reporting is up to date; the next benefit report is due by ${dueBy}.`;
    }
    return out;
  }
}
