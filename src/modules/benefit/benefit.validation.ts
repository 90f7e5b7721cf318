import { validateSync, ValidationError } from 'class-validator';
import type { RequestContext } from '../../core/request/context';
import { BenefitReportInput } from './benefit.inputs';
import { BenefitItemError } from './benefit.types';
import type { NewBenefitReport } from './benefit.store';

/** One item after validation: either the row to store, or why not. */
export interface CheckedItem {
  index: number;
  input: BenefitReportInput;
  /** Set exactly when `errors` is empty. */
  row: NewBenefitReport | null;
  errors: BenefitItemError[];
}

export function itemError(field: string | null, code: string, message: string): BenefitItemError {
  return Object.assign(new BenefitItemError(), { field, code, message });
}

function fromValidation(errors: ValidationError[]): BenefitItemError[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => itemError(e.property, 'BAD_USER_INPUT', m)));
}

/**
 * Validates items one by one: the input class (class-validator), then what needs the database or
 * today's date — the UDID exists (UNKNOWN_UDID otherwise), the benefit date is not in the future
 * (India's calendar) and not before EARLIEST_BENEFIT_DATE. Nothing about the card
 * itself (such as its issue date) shapes an answer: a benefit:write token may learn only whether a
 * UDID exists, and that answer is a disclosure (see BenefitService.reportMany). One query for all the
 * UDIDs of the batch.
 */
/** The Rights of Persons with Disabilities Act 2016 came into force on this day: no benefit under it is older. */
export const EARLIEST_BENEFIT_DATE = '2017-04-19';

/** The cards of these UDIDs (the pwd module's PwdService.cardsOf): id and state code, absent when unknown. */
export type CardLookup = (ctx: RequestContext, udids: string[]) => Promise<Map<string, { id: number; stateCode: string }>>;

export async function checkItems(ctx: RequestContext, inputs: BenefitReportInput[], cardsOf: CardLookup): Promise<CheckedItem[]> {
  const today = ctx.clock.today();
  const staged = inputs.map((raw, index) => {
    const input = raw instanceof BenefitReportInput ? raw : Object.assign(new BenefitReportInput(), raw);
    return { index, input, errors: fromValidation(validateSync(input, { forbidUnknownValues: false })) };
  });
  const udids = [...new Set(staged.filter((s) => !s.errors.some((e) => e.field === 'udid')).map((s) => s.input.udid))];
  const cards = udids.length ? await cardsOf(ctx, udids) : new Map<string, { id: number; stateCode: string }>();
  return staged.map(({ index, input, errors }): CheckedItem => {
    const badUdid = errors.some((e) => e.field === 'udid');
    const card = badUdid ? undefined : cards.get(input.udid);
    if (!badUdid && !card) errors.push(itemError('udid', 'UNKNOWN_UDID', `No UDID card has the number ${input.udid}; check it against the card.`));
    if (!errors.some((e) => e.field === 'benefitDate')) {
      if (input.benefitDate > today) {
        errors.push(itemError('benefitDate', 'BAD_USER_INPUT', `benefitDate ${input.benefitDate} is in the future (today is ${today} in India); report a benefit once it is delivered.`));
      } else if (input.benefitDate < EARLIEST_BENEFIT_DATE) {
        errors.push(itemError('benefitDate', 'BAD_USER_INPUT', `benefitDate ${input.benefitDate} is before ${EARLIEST_BENEFIT_DATE}, when the RPwD Act 2016 came into force; check the date.`));
      }
    }
    if (errors.length || !card) return { index, input, row: null, errors };
    const row: NewBenefitReport = {
      udid: input.udid, pwdId: card.id, stateCode: card.stateCode, schemeCode: input.schemeCode, schemeName: input.schemeName,
      benefitType: input.benefitType, amountPaise: input.amountPaise ?? null, benefitDate: input.benefitDate,
      clientReference: input.clientReference, remarks: input.remarks ?? null,
    };
    return { index, input, row, errors: [] };
  });
}
