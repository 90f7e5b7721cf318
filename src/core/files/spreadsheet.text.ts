/**
 * Text that a spreadsheet would take for a formula when it opens a file we wrote: a cell starting
 * with = + - @, a tab or a carriage return (OWASP, "CSV Injection"). Such text gets a leading
 * single quote, which Excel and LibreOffice show as text and do not run. Only files the system
 * writes are treated so; what was received is stored as it came.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One CSV field: numbers as they are, text neutralised and quoted when it holds a quote, comma or line break. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = spreadsheetText(v instanceof Date ? v.toISOString() : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file's text, one line per row, ending with a line break. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** A cell value for a workbook: text neutralised, anything else as it is. */
export function sheetValue<T>(v: T): T | string {
  return typeof v === 'string' ? spreadsheetText(v) : v;
}
