import { badInput } from '../../core/errors/errors';
import { BenefitReportInput } from './benefit.inputs';
import { BenefitItemError } from './benefit.types';
import { itemError } from './benefit.validation';

/** The columns of the upload file, in the template's order (schema/examples/benefit-report-template.csv). */
export const UPLOAD_COLUMNS = ['udid', 'schemeCode', 'schemeName', 'benefitType', 'amountPaise', 'benefitDate', 'clientReference', 'remarks'] as const;
type Column = (typeof UPLOAD_COLUMNS)[number];
const OPTIONAL: Column[] = ['amountPaise', 'remarks'];

/** "Scheme Code", "scheme_code" and "schemeCode" all name the same column. */
const norm = (s: unknown) => String(s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_NORM = new Map(UPLOAD_COLUMNS.map((c) => [norm(c), c]));

/** Maps header cells to columns; any problem rejects the whole file before a row is stored. */
export function mapHeader(cells: unknown[]): (Column | null)[] {
  const cols = cells.map((c) => (norm(c) ? BY_NORM.get(norm(c)) ?? undefined : null));
  const unknown = cells.filter((c, i) => cols[i] === undefined).map((c) => `"${String(c).slice(0, 40)}"`);
  const seen = new Set<Column>();
  const repeated = new Set<Column>();
  for (const c of cols) if (c) (seen.has(c) ? repeated : seen).add(c);
  const missing = UPLOAD_COLUMNS.filter((c) => !OPTIONAL.includes(c) && !seen.has(c));
  const problems = [
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
    missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
    repeated.size ? `repeated column${repeated.size > 1 ? 's' : ''} ${[...repeated].join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) {
    throw badInput(`The header row is wrong: ${problems.join('; ')}. The first row must name the columns ${UPLOAD_COLUMNS.join(', ')} ` +
      '(amountPaise and remarks may be left out); see schema/examples/benefit-report-template.csv. Nothing was stored.', { expectedColumns: [...UPLOAD_COLUMNS] });
  }
  return cols as (Column | null)[];
}

const str = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v));
/** Excel stores dates as days since 1899-12-30 when the cell is not formatted as a date. */
const excelSerialDate = (n: number) => new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 10);

/**
 * One data row as a BenefitReportInput, validated afterwards exactly like an API item. Only
 * unambiguous conversions happen here: whole numbers of paise become numbers (anything else stays
 * text and fails validation, never rounded), empty optional cells become null.
 */
export function rowToInput(columns: (Column | null)[], cells: unknown[]): { input: BenefitReportInput; error: null; clientReference: string | null } | { input: null; error: BenefitItemError; clientReference: string | null } {
  const v: Partial<Record<Column, unknown>> = {};
  let stray = false;
  cells.forEach((cell, i) => {
    const col = columns[i];
    if (col) v[col] = cell;
    else if (str(cell) !== '') stray = true;
  });
  const clientReference = str(v.clientReference) || null;
  if (stray) return { input: null, clientReference, error: itemError(null, 'BAD_USER_INPUT', `The row has more values than the header has columns (${columns.filter(Boolean).length}); check for a stray comma or cell.`) };
  const amount = v.amountPaise;
  const input = Object.assign(new BenefitReportInput(), {
    udid: str(v.udid).toUpperCase(),
    schemeCode: str(v.schemeCode),
    schemeName: str(v.schemeName),
    benefitType: str(v.benefitType).toUpperCase(),
    amountPaise: typeof amount === 'number' ? amount : str(amount) === '' ? null : /^-?\d{1,20}$/.test(str(amount)) ? Number(str(amount)) : str(amount),
    benefitDate: typeof v.benefitDate === 'number' ? excelSerialDate(v.benefitDate) : str(v.benefitDate),
    clientReference: str(v.clientReference),
    remarks: str(v.remarks) === '' ? null : str(v.remarks),
  });
  return { input, error: null, clientReference };
}
