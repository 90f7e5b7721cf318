import { registerEnumType } from 'type-graphql';
import { addDays, addYears, daysBetween } from '../../core/clock';

/** Where an MoU stands on a given calendar day; computed, never stored (no job has to run). */
export enum MouStatus {
  NOT_YET_EFFECTIVE = 'NOT_YET_EFFECTIVE',
  IN_FORCE = 'IN_FORCE',
  /** Terminated on notice: still in force until `terminatedOn`. */
  NOTICE_GIVEN = 'NOTICE_GIVEN',
  TERMINATED = 'TERMINATED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(MouStatus, { name: 'MouStatus', description: 'Where an MoU stands today (Indian calendar date)' });

export const MOU_VALIDITY_YEARS = 3;
export const MOU_NOTICE_DAYS = 30;

export interface MouDates { effectiveFrom: string; expiresOn: string; terminatedOn: string | null }

/** Valid 3 years from execution: `expiresOn` is the first day it is no longer in force. */
export const mouExpiry = (executedOn: string) => addYears(executedOn, MOU_VALIDITY_YEARS);
/** On 30 days' written notice: the first day without access is notice day + 30. */
export const noticeEnd = (noticeOn: string) => addDays(noticeOn, MOU_NOTICE_DAYS);

export function mouStatus(m: MouDates, today: string): MouStatus {
  if (m.terminatedOn && m.terminatedOn <= today) return MouStatus.TERMINATED;
  if (m.expiresOn <= today) return MouStatus.EXPIRED;
  if (today < m.effectiveFrom) return MouStatus.NOT_YET_EFFECTIVE;
  return m.terminatedOn ? MouStatus.NOTICE_GIVEN : MouStatus.IN_FORCE;
}

export const isInForce = (m: MouDates, today: string) => {
  const s = mouStatus(m, today);
  return s === MouStatus.IN_FORCE || s === MouStatus.NOTICE_GIVEN;
};

/** Days of access left (0 on the last day), or null when not in force. */
export function mouDaysLeft(m: MouDates, today: string): number | null {
  if (!isInForce(m, today)) return null;
  const end = m.terminatedOn && m.terminatedOn < m.expiresOn ? m.terminatedOn : m.expiresOn;
  return daysBetween(today, end) - 1;
}
