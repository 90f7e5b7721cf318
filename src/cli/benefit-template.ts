/**
 * Writes the benefit-report upload templates, schema/examples/benefit-report-template.{csv,xlsx}.
 * The example rows use the first UDIDs of the synthetic seed, so they upload as-is against the
 * embedded demo (`npm start`). Text that a spreadsheet would run as a formula is neutralised on the
 * way out (core/files/spreadsheet.text.ts). Run: npx ts-node --transpile-only src/cli/benefit-template.ts
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { UPLOAD_COLUMNS } from '../modules/benefit/benefit-upload.columns';
import { BENEFIT_TYPES } from '../modules/benefit/benefit.enums';
import { csvText, sheetValue } from '../core/files/spreadsheet.text';

const ROWS = [
  ['DL0661920090000018', 'IGNDPS', 'Indira Gandhi National Disability Pension Scheme', 'PENSION', '30000', '2026-04-01', 'PEN-2026-04-000001', 'April instalment'],
  ['TS0231019900000010', 'ADIP', 'Assistance to Disabled Persons for Purchase/Fitting of Aids and Appliances', 'ASSISTIVE_DEVICE', '', '2026-03-15', 'ADIP-2026-000042', 'Motorised tricycle (in kind)'],
];
const NOTES: [string, string][] = [
  ['udid', 'UDID of the beneficiary: 2 capital letters then 16 digits. Must be a known UDID card (else UNKNOWN_UDID).'],
  ['schemeCode', 'Your scheme code: letters, digits and . _ / - (up to 40).'],
  ['schemeName', 'Scheme name (up to 200 characters).'],
  ['benefitType', BENEFIT_TYPES.join(', ')],
  ['amountPaise', 'Amount in paise (₹1 = 100 paise), a whole number ≥ 0; leave empty for in-kind benefits. Never rupees with decimals.'],
  ['benefitDate', 'YYYY-MM-DD (or an Excel date cell); not in the future, not before 2017-04-19 (RPwD Act 2016 in force).'],
  ['clientReference', 'Your unique reference for the report (up to 100; letters, digits and . _ : / # -). Re-uploading a row with the same reference returns the original report (DUPLICATE), never a second one.'],
  ['remarks', 'Optional, up to 500 characters.'],
];

/** The CSV template: the header, then the rows (text that a spreadsheet would run as a formula is neutralised). */
export function templateCsv(rows: readonly (readonly string[])[] = ROWS): string {
  return csvText([UPLOAD_COLUMNS, ...rows.map((r) => r.map((v, i) => (i === 4 && v ? Number(v) : v)))]);
}

/** The XLSX template: the rows on the first sheet, the column notes on a second one. */
export function templateWorkbook(rows: readonly (readonly string[])[] = ROWS): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Benefits');
  ws.addRow([...UPLOAD_COLUMNS]).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v, i) => (i === 4 && v ? Number(v) : sheetValue(v))));
  ws.columns.forEach((c) => { c.width = 22; });
  const notes = wb.addWorksheet('Instructions');
  notes.addRow(['column', 'what to write']).font = { bold: true };
  for (const n of NOTES) notes.addRow(n.map(sheetValue));
  notes.addRow([]);
  notes.addRow(['', 'Only the first sheet is read. Keep the header row; one benefit per row. Upload: POST /benefit-reports/upload (see README).']);
  notes.getColumn(1).width = 18;
  notes.getColumn(2).width = 120;
  return wb;
}

async function main() {
  const dir = resolve(__dirname, '../../schema/examples');
  writeFileSync(resolve(dir, 'benefit-report-template.csv'), templateCsv());
  await templateWorkbook().xlsx.writeFile(resolve(dir, 'benefit-report-template.xlsx'));
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
