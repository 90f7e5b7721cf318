import type { DataSource } from 'typeorm';
import { fromDbDate } from '../../src/core/db/columns';
import type { BenefitReportInput } from '../generated/graphql';

export interface Card { udid: string; issuedOn: string; stateCode: string }

/** The first `n` seeded UDID cards, with their issue dates and states. */
export async function cards(ds: DataSource, n: number): Promise<Card[]> {
  const rows = await ds.query(`SELECT udid, card_issued_on, state_code FROM pwd_record ORDER BY id LIMIT ${Number(n)}`);
  return rows.map((r: any) => ({ udid: r.udid, issuedOn: fromDbDate(r.card_issued_on)!, stateCode: r.state_code }));
}

let refCounter = 0;
/** A unique clientReference per call (within a test process). */
export const ref = (prefix = 'REF') => `${prefix}-${Date.now().toString(36)}-${(refCounter++).toString(36)}`;

/** A valid report for `udid` delivered `date` (default: today in UTC, after every seeded card). */
export function report(udid: string, over: Record<string, unknown> = {}): BenefitReportInput & { clientReference: string } {
  return {
    udid,
    schemeCode: 'IGNDPS',
    schemeName: 'Indira Gandhi National Disability Pension Scheme',
    benefitType: 'PENSION',
    amountPaise: 30000,
    benefitDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    clientReference: ref(),
    remarks: null,
    ...over,
  } as BenefitReportInput & { clientReference: string };
}

export async function count(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [r] = await ds.query(sql, params);
  return Number(Object.values(r)[0]);
}
