import { Request, RequestHandler, Response, Router } from 'express';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { RequestContext } from '../../core/request/context';
import type { AppBudget, BudgetService } from '../../core/limits/budget.service';
import type { BenefitService } from './benefit.service';
import { Scope } from '../../core/authz/scopes';
import { badInput, DomainError, forbidden, isUnavailable, unauthenticated } from '../../core/errors/errors';
import { BenefitChannel, BenefitItemStatus } from './benefit.enums';
import { BenefitReportInput, MAX_BATCH } from './benefit.inputs';
import { BenefitItemError } from './benefit.types';
import { createReadStream } from 'node:fs';
import { csvRows, MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS, removeSpool, SheetRow, spoolUpload, UploadFormat, XLSX_MIME, xlsxRows } from './benefit-upload.parse';
import { mapHeader, rowToInput } from './benefit-upload.columns';

/** What the upload needs: the reporting budget (and the application's, fixed at admission) and the benefit service. */
export interface UploadDeps {
  budget: BudgetService;
  budgetOf: (applicationId: number) => AppBudget;
  benefit: BenefitService;
}

/** One row of the upload report. */
interface RowResult {
  row: number;
  clientReference: string | null;
  status: BenefitItemStatus;
  reportId?: string;
  duplicateOf?: string;
  errors?: BenefitItemError[];
}

interface UploadReport {
  format: UploadFormat;
  totals: { rows: number; accepted: number; duplicates: number; rejected: number };
  results: RowResult[];
}

/**
 * POST /benefit-reports/upload: the "excel sheet" route of DESIGN.md §8. Same Bearer token, gate and
 * benefit:write scope as the mutations, same validation (the service is the same). The file is
 * received into a temporary file (size, format and UTF-8 checked on the way), then read as a
 * stream and imported in chunks of 500 rows, each chunk one transaction, so a 100,000-row file is
 * never held in memory. A file-level problem (not CSV/XLSX, too large, not UTF-8, wrong header,
 * empty) is a 400 with nothing written. One found mid-way (CSV syntax, damaged workbook, row
 * limit) is a 400 that lists the rows already stored (`partial: true`, `storedThroughRow`);
 * re-uploading the fixed file is safe, since clientReference makes stored rows come back DUPLICATE.
 */
export function benefitUploadRouter(gate: RequestHandler, deps: UploadDeps): Router {
  const router = Router();
  router.post('/benefit-reports/upload', gate, (req, res, next) => {
    handleUpload(deps, req, res).catch(next);
  });
  return router;
}

function sendError(res: Response, err: DomainError, report?: UploadReport): void {
  if (err.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
  // An unread remainder of a large upload is not worth reading: close the connection.
  res.setHeader('Connection', 'close');
  const body: { errors: { message: string; extensions: Record<string, unknown> }[] } = err.toJSON();
  if (report?.totals.rows) {
    // Rows of completed chunks are stored (and listed); nothing after storedThroughRow was stored.
    const storedThroughRow = report.results[report.results.length - 1].row;
    body.errors[0].extensions = { ...body.errors[0].extensions, partial: true, storedThroughRow };
    res.status(err.httpStatus).json({ ...body, ...report });
    return;
  }
  res.status(err.httpStatus).json(body);
}

async function handleUpload(deps: UploadDeps, req: Request, res: Response): Promise<void> {
  const ctx = res.locals.ctx as RequestContext;
  const p = ctx.principal;
  if (p.kind === 'anonymous') return sendError(res, unauthenticated());
  if (p.kind !== 'application') return sendError(res, forbidden('Only partner applications (client-credentials tokens) upload benefit reports.'));
  if (!p.scopes.has(Scope.BENEFIT_WRITE)) {
    return sendError(res, forbidden('Uploading benefit reports needs the benefit:write scope, which this token does not hold.', { requiredScope: Scope.BENEFIT_WRITE }));
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) {
    return sendError(res, badInput(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split it into smaller files.`));
  }
  let format: UploadFormat;
  let path: string;
  try {
    const source = await fileOf(req);
    format = source.format;
    path = await spoolUpload(source.stream, format);
  } catch (err) {
    return sendError(res, err instanceof DomainError ? err : badInput('The multipart body could not be read.'));
  }
  const report: UploadReport = { format, totals: { rows: 0, accepted: 0, duplicates: 0, rejected: 0 }, results: [] };
  try {
    await importRows(deps, ctx, format === 'CSV' ? csvRows(createReadStream(path)) : xlsxRows(path), report);
  } catch (err) {
    const e = err instanceof DomainError ? err
      : isUnavailable(err) ? new DomainError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable (database unreachable); upload the file again shortly.')
      : null;
    if (!e) {
      ctx.log.error({ err }, 'benefit upload failed');
      return sendError(res, new DomainError('INTERNAL_SERVER_ERROR', 'Internal error. Quote the x-request-id response header when you report it.'), report);
    }
    return sendError(res, e, report);
  } finally {
    // The existence answers of every row processed went out in the report (also in an error's report).
    ctx.ledger.finish();
    await removeSpool(path);
  }
  const problemsOnly = req.query.results === 'problems';
  res.json(problemsOnly ? { ...report, results: report.results.filter((r) => r.status !== BenefitItemStatus.ACCEPTED) } : report);
}

const MULTIPART_HINT = 'Send the file as the body with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, or as multipart/form-data with the file in a field named "file".';

/** The file's bytes and format: a raw body, or the first file of a multipart form. */
function fileOf(req: Request): Promise<{ stream: Readable; format: UploadFormat }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv') return Promise.resolve({ stream: req, format: 'CSV' });
  if (type === XLSX_MIME) return Promise.resolve({ stream: req, format: 'XLSX' });
  if (type !== 'multipart/form-data') {
    return Promise.reject(badInput(`Unsupported Content-Type "${type || 'none'}". ${MULTIPART_HINT}`));
  }
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 20, parts: 40 } });
    } catch {
      return reject(badInput(`The multipart body has no boundary. ${MULTIPART_HINT}`));
    }
    let found = false;
    bb.on('file', (_name, stream, info) => {
      if (found) return stream.resume();
      found = true;
      const ext = /\.([a-z0-9]+)$/i.exec(info.filename ?? '')?.[1]?.toLowerCase();
      const mime = (info.mimeType ?? '').toLowerCase();
      const format: UploadFormat | null = ext === 'xlsx' || mime === XLSX_MIME ? 'XLSX' : ext === 'csv' || mime === 'text/csv' ? 'CSV' : null;
      if (!format) {
        stream.resume();
        return reject(badInput(`"${(info.filename ?? 'the file').slice(0, 80)}" is neither a .csv nor an .xlsx file; upload the benefit report as CSV (UTF-8) or XLSX.`));
      }
      resolve({ stream, format });
    });
    bb.on('error', () => reject(badInput(`The multipart body is malformed. ${MULTIPART_HINT}`)));
    bb.on('close', () => { if (!found) reject(badInput(`The form holds no file. ${MULTIPART_HINT}`)); });
    req.pipe(bb);
  });
}

interface Pending { row: number; input: BenefitReportInput | null; error: BenefitItemError | null; clientReference: string | null }

/** Header check, then rows in chunks of MAX_BATCH through the same service as reportBenefits. */
async function importRows(deps: UploadDeps, ctx: RequestContext, rows: AsyncGenerator<SheetRow>, report: UploadReport): Promise<void> {
  let columns: ReturnType<typeof mapHeader> | null = null;
  let chunk: Pending[] = [];
  const flush = async (chunk: Pending[]) => {
    const inputs = chunk.filter((c) => c.input).map((c) => c.input!);
    // Priced per row (each row's UDID check is a lookup) from the reporting budget, as reportBenefits is.
    if (inputs.length && ctx.principal.kind === 'application') {
      const app = ctx.principal.applicationId;
      await deps.budget.reserve(app, 'report', deps.budgetOf(app), inputs.length);
    }
    const batch = inputs.length ? await deps.benefit.reportMany(ctx, inputs, BenefitChannel.FILE, { withIds: true }) : null;
    let i = 0;
    for (const c of chunk) {
      const t = report.totals;
      t.rows++;
      if (!c.input) {
        t.rejected++;
        report.results.push({ row: c.row, clientReference: c.clientReference, status: BenefitItemStatus.REJECTED, errors: [c.error!] });
        continue;
      }
      const r = batch!.results[i++];
      const out: RowResult = { row: c.row, clientReference: c.clientReference, status: r.status };
      if (r.reportId) out.reportId = r.reportId;
      if (r.duplicateOf) out.duplicateOf = r.duplicateOf;
      if (r.errors.length) out.errors = r.errors.map((e) => ({ field: e.field, code: e.code, message: e.message }));
      if (r.status === BenefitItemStatus.ACCEPTED) t.accepted++;
      else if (r.status === BenefitItemStatus.DUPLICATE) t.duplicates++;
      else t.rejected++;
      report.results.push(out);
    }
  };
  // One chunk is written while the next is read and parsed; chunks are written one after the other, in file order.
  let inflight: Promise<void> | null = null;
  const submit = async () => {
    const next = chunk;
    chunk = [];
    if (inflight) await inflight;
    inflight = flush(next);
    inflight.catch(() => undefined); // surfaced at the next await, never as an unhandled rejection
  };
  let dataRows = 0;
  try {
    for await (const r of rows) {
      if (!columns) { columns = mapHeader(r.cells); continue; }
      if (r.cells.every((c) => c === '' || c === null || c === undefined)) continue;
      if (++dataRows > MAX_UPLOAD_ROWS) {
        throw badInput(`The file has more than ${MAX_UPLOAD_ROWS} rows; upload the rest as another file.`, { afterRow: r.row - 1 });
      }
      const mapped = rowToInput(columns, r.cells);
      chunk.push(mapped.error
        ? { row: r.row, input: null, error: mapped.error, clientReference: mapped.clientReference }
        : { row: r.row, input: mapped.input, error: null, clientReference: mapped.clientReference });
      if (chunk.length >= MAX_BATCH) await submit();
    }
    if (!columns) throw badInput('The file is empty; the first row must be the header (see schema/examples/benefit-report-template.csv).');
    await submit();
    await inflight;
  } catch (err) {
    // Let the chunk being written finish, so that the report lists exactly what was stored.
    if (inflight) await (inflight as Promise<void>).catch(() => undefined);
    throw err;
  }
  if (!report.totals.rows) throw badInput('The file has a header but no data rows.');
}
