import { Readable, Transform, TransformCallback } from 'node:stream';
import { parse as csvParse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { badInput, DomainError } from '../../core/errors/errors';

/** Largest file accepted (a 100,000-row CSV is about 12 MB). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** Most data rows read from one file. */
export const MAX_UPLOAD_ROWS = 200_000;

export type UploadFormat = 'CSV' | 'XLSX';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One line of the sheet as read: `row` is its spreadsheet row number (the header is row 1). */
export interface SheetRow { row: number; cells: unknown[] }

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Counts bytes (refusing files over MAX_UPLOAD_BYTES) and checks the first bytes against the
 * declared format, so that an XLSX sent as CSV (or anything else as XLSX) is named as such.
 */
export function uploadGuard(format: UploadFormat): Transform {
  let bytes = 0;
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) return cb(badInput(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split it into smaller files.`));
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= 4) {
          const zip = head.subarray(0, 4).equals(ZIP_MAGIC);
          head = null;
          if (format === 'XLSX' && !zip) return cb(badInput('The file is not an XLSX workbook; save it from Excel as "Excel Workbook (.xlsx)", or send a CSV as text/csv.'));
          if (format === 'CSV' && zip) return cb(badInput('The file is a spreadsheet (XLSX), not CSV; send it with Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'));
        }
      }
      cb(null, chunk);
    },
    flush(cb) {
      if (head && format === 'XLSX') return cb(badInput('The file is not an XLSX workbook (too short).'));
      cb();
    },
  });
}

/** Decodes UTF-8 strictly: a file saved in another encoding is refused, never stored garbled. */
function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fail = () => badInput('The CSV file is not valid UTF-8 text; save it as "CSV UTF-8 (Comma delimited)" and upload it again.');
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, cb) {
      try { cb(null, decoder.decode(chunk, { stream: true })); } catch { cb(fail()); }
    },
    flush(cb) {
      try { cb(null, decoder.decode()); } catch { cb(fail()); }
    },
  });
}

/** CSV rows, streamed with back-pressure; the first yielded row is the header. */
export async function* csvRows(source: Readable): AsyncGenerator<SheetRow> {
  const parser = csvParse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024, info: true });
  const guard = uploadGuard('CSV');
  const utf8 = strictUtf8();
  // Errors of any stage end the iteration with that error (pipeline-like, but the parser is consumed here).
  const forward = (err: Error) => parser.destroy(err);
  source.on('error', forward); guard.on('error', forward); utf8.on('error', forward);
  source.pipe(guard).pipe(utf8).pipe(parser);
  let row = 0;
  try {
    // info.lines: the line on which the record ends, i.e. its row number in a text editor or a spreadsheet.
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      row = info.lines;
      yield { row, cells: record };
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const e = err as { code?: string; message?: string };
    throw badInput(`The CSV file could not be read after row ${row}: ${e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed' : e.message ?? 'malformed CSV'}.`,
      { afterRow: row });
  } finally {
    source.unpipe();
  }
}

/** Rows of the first worksheet of an XLSX workbook, streamed (exceljs WorkbookReader); the first is the header. */
export async function* xlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  const guard = uploadGuard('XLSX');
  // exceljs pipes the input into its unzipper without forwarding errors: a failure of the input
  // (size limit, wrong format, aborted request) is raced against every step of the iteration.
  let fail!: (e: unknown) => void;
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  failed.catch(() => undefined);
  source.on('error', (e) => guard.destroy(e));
  guard.on('error', (e) => fail(e));
  source.pipe(guard);
  const step = <T>(p: Promise<T>) => Promise.race([p, failed]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(guard, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let sheet = 0;
  let last = 0;
  try {
    const sheets = reader[Symbol.asyncIterator]();
    for (let s = await step(sheets.next()); !s.done; s = await step(sheets.next())) {
      sheet++;
      const rows = (s.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      for (let r = await step(rows.next()); !r.done; r = await step(rows.next())) {
        if (sheet > 1) continue; // only the first sheet carries reports; the others are read past
        last = r.value.number;
        yield { row: r.value.number, cells: (r.value.values as unknown[]).slice(1).map(cellText) };
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw badInput(`The XLSX workbook could not be read${last ? ` after row ${last}` : ''}: it is damaged or not an Excel workbook.`, { afterRow: last });
  } finally {
    source.unpipe(guard);
  }
  if (!sheet) throw badInput('The XLSX workbook has no worksheet.');
}

/** An Excel cell as text: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('').trim();
  if ('result' in o) return cellText(o.result);
  if (o.text !== undefined) return cellText(o.text);
  if (o.error) return String(o.error);
  return String(v);
}
