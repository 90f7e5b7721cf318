import { fromDbDate, fromDbDateTime } from '../../core/db/columns';
import { BenefitChannel, BenefitReportStatus, BenefitType } from './benefit.enums';
import { BenefitReport } from './benefit.types';

/** Raw rows of benefit_report to the GraphQL type (no entity hydration on these paths). */
export const REPORT_COLUMNS = `id, application_id, udid, scheme_code, scheme_name, benefit_type, amount_paise, benefit_date, client_reference,
  remarks, channel, status, reversed_at, reversal_reason, created_at`;

export function rowToReport(r: Record<string, unknown>): BenefitReport {
  return Object.assign(new BenefitReport(), {
    id: String(r.id),
    applicationId: Number(r.application_id),
    udid: r.udid as string,
    schemeCode: r.scheme_code as string,
    schemeName: r.scheme_name as string,
    benefitType: r.benefit_type as BenefitType,
    amountPaise: r.amount_paise === null || r.amount_paise === undefined ? null : Number(r.amount_paise),
    benefitDate: fromDbDate(r.benefit_date as string)!,
    clientReference: r.client_reference as string,
    remarks: (r.remarks as string | null) ?? null,
    channel: r.channel as BenefitChannel,
    status: r.status as BenefitReportStatus,
    reportedAt: fromDbDateTime(r.created_at as string)!,
    reversedAt: fromDbDateTime(r.reversed_at as string | null),
    reversalReason: (r.reversal_reason as string | null) ?? null,
  });
}
