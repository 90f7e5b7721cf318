import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as csvParse } from 'csv-parse';
import { badInput, DomainError } from '../../core/errors/errors';
import { readXlsxRows } from '../../core/files/xlsx.reader';

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
 * Counts bytes (refusing files over MAX_UPLOAD_BYTES), checks the first bytes against the declared
 * format (so that an XLSX sent as CSV, or anything else as XLSX, is named as such) and, for CSV,
 * that the text is UTF-8 (a file saved in another encoding is refused, never stored garbled).
 */
export function uploadGuard(format: UploadFormat): Transform {
  let bytes = 0;
  let head: Buffer | null = Buffer.alloc(0);
  const utf8 = format === 'CSV' ? new TextDecoder('utf-8', { fatal: true }) : null;
  const notUtf8 = () => badInput('The CSV file is not valid UTF-8 text; save it as "CSV UTF-8 (Comma delimited)" and upload it again. Nothing was stored.');
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
      try { utf8?.decode(chunk, { stream: true }); } catch { return cb(notUtf8()); }
      cb(null, chunk);
    },
    flush(cb) {
      if (head && format === 'XLSX') return cb(badInput('The file is not an XLSX workbook (too short).'));
      try { utf8?.decode(); } catch { return cb(notUtf8()); }
      cb();
    },
  });
}

/**
 * Receives the whole upload into a private temporary file, through uploadGuard, before any row is
 * read: the request completes at network speed (not at database speed, so the server's request
 * timeout bounds the transfer only), file-level problems are found before anything is stored, and
 * memory stays flat whatever the size. The caller deletes the file (removeSpool).
 */
export async function spoolUpload(source: Readable, format: UploadFormat): Promise<string> {
  const path = join(tmpdir(), `udx-upload-${randomBytes(12).toString('hex')}`);
  try {
    await pipeline(source, uploadGuard(format), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    return path;
  } catch (err) {
    await removeSpool(path);
    if (err instanceof DomainError) throw err;
    throw badInput('The upload was interrupted before the whole file arrived; send it again.');
  }
}

export const removeSpool = (path: string) => unlink(path).catch(() => undefined);

/** CSV rows of a spooled (already size- and UTF-8-checked) file, streamed with back-pressure; the first is the header. */
export async function* csvRows(source: Readable): AsyncGenerator<SheetRow> {
  const parser = csvParse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024, info: true });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
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
    source.destroy();
  }
}

/**
 * Rows of the first worksheet of a spooled XLSX file (the header first), streamed with bounded
 * memory: sizes, ratios, shared strings and the worksheet's real size are all checked before the
 * first row (src/core/files/xlsx.reader.ts), so a decompression bomb is refused with nothing stored.
 */
export async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  let last = 0;
  try {
    for await (const r of readXlsxRows(path)) {
      last = r.row;
      yield r;
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw badInput(`The XLSX workbook could not be read${last ? ` after row ${last}` : ''}: it is damaged or not an Excel workbook.`, { afterRow: last });
  }
}
