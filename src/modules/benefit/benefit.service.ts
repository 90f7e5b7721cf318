import type { RequestContext } from '../../core/request/context';
import type { RequestGate } from '../access/admission.gate';
import type { ApplicationPrincipal } from '../../core/auth/principal';
import { Role } from '../../core/authz/scopes';
import { fromDbDate, fromDbDateTime } from '../../core/db/columns';
import { badInput, conflict, DomainError, forbidden, notFound } from '../../core/errors/errors';
import { BenefitReportEntity } from './benefit.entity';
import { REPORT_COLUMNS, rowToReport } from './benefit.rows';
import { refKey } from './benefit.loaders';
import { BenefitChannel, BenefitItemStatus, BenefitReportStatus } from './benefit.enums';
import { BenefitReportFilter, BenefitReportInput, MAX_BATCH, MAX_REPORT_PAGE } from './benefit.inputs';
import { writeBenefitBatch } from './benefit.store';
import { BenefitBatchResult, BenefitReport, BenefitReportConnection, BenefitReportResult } from './benefit.types';
import { CardLookup, checkItems, CheckedItem } from './benefit.validation';

const encodeCursor = (id: string | number) => Buffer.from(`br:${id}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^br:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('The "after" cursor is not one this API issued; pass pageInfo.endCursor from the previous page.');
  return Number(m[1]);
}
function parseId(id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw badInput(`"${id.slice(0, 40)}" is not a benefit report id; use the id returned when the report was filed.`);
  return Number(id);
}

export function applicationOf(ctx: RequestContext): ApplicationPrincipal {
  if (ctx.principal.kind !== 'application') throw forbidden('Only partner applications (client-credentials tokens) report benefits.');
  return ctx.principal;
}

/** Unknown UDIDs in one application's benefit reports per IST day before an EXISTENCE_PROBING alert. */
export const UNKNOWN_REPORT_UDIDS_PER_DAY = 50;

/** Benefit reporting (DESIGN.md §5, §8): report, report in batches, reverse, list one's own. */
export class BenefitService {
  constructor(
    private readonly gate: RequestGate,
    private readonly onProbing: (applicationId: number, unknownToday: number, at: Date) => void = () => undefined,
    /** The UDID cards a report names, read through the pwd module. */
    private readonly cardsOf: CardLookup = async () => new Map(),
  ) {}

  report(ctx: RequestContext, input: BenefitReportInput, at?: string): Promise<BenefitReportResult> {
    return this.reportMany(ctx, [input], BenefitChannel.API, { at }).then((r) => r.results[0]);
  }

  /**
   * Validates every item, stores the valid ones in one transaction (multi-row INSERT) and returns
   * one result per item in input order. A clientReference seen before (or twice in the call)
   * answers DUPLICATE with the original report.
   */
  async reportMany(ctx: RequestContext, inputs: BenefitReportInput[], channel: BenefitChannel = BenefitChannel.API, opts: { withIds?: boolean; at?: string } = {}): Promise<BenefitBatchResult> {
    const app = applicationOf(ctx);
    if (inputs.length > MAX_BATCH) {
      throw badInput(`At most ${MAX_BATCH} reports per call (got ${inputs.length}); split the list into calls of ${MAX_BATCH}, or upload a file.`, { maxItems: MAX_BATCH });
    }
    const checked = await checkItems(ctx, inputs, this.cardsOf);
    await this.existenceDisclosed(ctx, app.applicationId, checked, opts.at);
    const firstValid = new Map<string, CheckedItem>();
    for (const c of checked) if (c.row && !firstValid.has(c.row.clientReference)) firstValid.set(c.row.clientReference, c);
    const now = ctx.clock.now();
    const outcome = await writeBenefitBatch(ctx.db.primary, {
      applicationId: app.applicationId, organizationId: app.organizationId, channel, now,
      rows: [...firstValid.values()].map((c) => c.row!),
    });
    // The gate caches the reporting timestamp and any suspension: make it see this report now.
    if (outcome.lifted) this.gate.invalidateApplication(app.applicationId);
    else if (outcome.accepted.size) this.gate.noteReciprocity(app.applicationId, { lastBenefitReportAt: now });
    const isFirst = (c: CheckedItem) => firstValid.get(c.row!.clientReference) === c;
    // Ids read back only where needed: originals stored by a concurrent retry, originals repeated
    // within this call, and (for the upload report) every accepted row. `report` itself is loaded
    // lazily, only when the caller selects it (BenefitReportResultResolver).
    const need = new Set<string>(opts.withIds ? outcome.accepted : []);
    for (const [ref, id] of outcome.duplicates) if (id === null) need.add(ref);
    for (const c of checked) if (c.row && !isFirst(c) && outcome.accepted.has(c.row.clientReference)) need.add(c.row.clientReference);
    const ids = need.size ? await this.idsOf(ctx, app.applicationId, [...need]) : new Map<string, string>();
    const idOf = (ref: string) => outcome.duplicates.get(ref) ?? ids.get(ref) ?? null;
    const out = Object.assign(new BenefitBatchResult(), { accepted: 0, duplicates: 0, rejected: 0, results: [] as BenefitReportResult[] });
    for (const c of checked) {
      const r = new BenefitReportResult();
      Object.assign(r, {
        index: c.index, applicationId: app.applicationId, errors: c.errors, reportId: null, duplicateOf: null,
        clientReference: typeof c.input.clientReference === 'string' ? c.input.clientReference : null,
      });
      if (!c.row) {
        r.status = BenefitItemStatus.REJECTED;
        out.rejected++;
      } else if (isFirst(c) && outcome.accepted.has(c.row.clientReference)) {
        r.status = BenefitItemStatus.ACCEPTED;
        r.reportId = idOf(c.row.clientReference);
        out.accepted++;
      } else {
        r.status = BenefitItemStatus.DUPLICATE;
        r.reportId = r.duplicateOf = idOf(c.row.clientReference);
        if (!r.duplicateOf) throw new DomainError('INTERNAL_SERVER_ERROR', 'The original of a duplicate report could not be read back.');
        out.duplicates++;
      }
      out.results.push(r);
    }
    return out;
  }

  /**
   * Each item's UDID check tells the caller whether that UDID exists: a disclosure. Detection sees
   * each lookup, the access log records it, and unknown UDIDs past UNKNOWN_REPORT_UDIDS_PER_DAY a day
   * raise one EXISTENCE_PROBING alert (the count is atomic in the shared store, so exactly once).
   */
  private async existenceDisclosed(ctx: RequestContext, applicationId: number, checked: CheckedItem[], at: string | undefined): Promise<void> {
    const found = new Set<string>();
    const unknown = new Set<string>();
    for (const c of checked) {
      if (c.errors.some((e) => e.field === 'udid' && e.code !== 'UNKNOWN_UDID')) continue; // not a UDID: nothing was looked up
      (c.errors.some((e) => e.code === 'UNKNOWN_UDID') ? unknown : found).add(c.input.udid);
    }
    for (const u of found) ctx.ledger.lookedUp(u, true);
    for (const u of unknown) ctx.ledger.lookedUp(u, false);
    ctx.ledger.record('benefitReport', [...found], 'exists', at);
    ctx.ledger.record('benefitReport', [...unknown], 'unknown', at);
    if (!unknown.size) return;
    const before = await ctx.ledger.countToday(`unknown-report:${applicationId}`, unknown.size);
    if (before >= UNKNOWN_REPORT_UDIDS_PER_DAY && before - unknown.size < UNKNOWN_REPORT_UDIDS_PER_DAY) this.onProbing(applicationId, before, ctx.now);
  }

  private async idsOf(ctx: RequestContext, applicationId: number, refs: string[]): Promise<Map<string, string>> {
    const rows: { id: number | string; client_reference: string }[] = await ctx.db.primary.query(
      `SELECT id, client_reference FROM benefit_report WHERE application_id = ? AND client_reference IN (${refs.map(() => '?').join(',')})`,
      [applicationId, ...refs],
    );
    return new Map(rows.map((r) => [r.client_reference, String(r.id)]));
  }

  /** The stored report behind a result (null for REJECTED); batched per request by a DataLoader. */
  reportOf(ctx: RequestContext, r: BenefitReportResult): Promise<BenefitReport | null> | null {
    if (r.status === BenefitItemStatus.REJECTED || !r.clientReference) return null;
    return ctx.loaders.benefitReportByRef.load(refKey(r.applicationId, r.clientReference));
  }

  /** Marks one of the application's own reports REVERSED; the row and its history stay. */
  async reverse(ctx: RequestContext, id: string, reason: string): Promise<BenefitReport> {
    const app = applicationOf(ctx);
    const reportId = parseId(id);
    const why = reason.trim();
    if (!why || why.length > 500 || /[\u0000-\u001F\u007F]/.test(why)) {
      throw badInput('reason must be 1 to 500 characters of plain text saying why the report is reversed.');
    }
    const res = await ctx.db.primary.createQueryBuilder().update(BenefitReportEntity)
      .set({ status: BenefitReportStatus.REVERSED, reversedAt: ctx.clock.now(), reversalReason: why })
      .where('id = :id AND application_id = :app AND status = :active', { id: reportId, app: app.applicationId, active: BenefitReportStatus.ACTIVE })
      .execute();
    const [row]: Record<string, unknown>[] = await ctx.db.primary.query(
      `SELECT ${REPORT_COLUMNS} FROM benefit_report WHERE id = ? AND application_id = ?`, [reportId, app.applicationId]);
    // Another application's report is "not found": its existence is not disclosed.
    if (!row) throw notFound(`This application filed no benefit report with id ${reportId}.`);
    if (!res.affected) {
      const when = fromDbDateTime(row.reversed_at as string | null)?.toISOString() ?? 'earlier';
      throw conflict(`Benefit report ${reportId} was already reversed (${when}); to correct it, file a new report with a new clientReference.`);
    }
    return rowToReport(row);
  }

  /** Keyset pages, newest first: an application sees its own reports, a partner admin those of its organisation. */
  async list(ctx: RequestContext, filter: BenefitReportFilter | null, first: number, after: string | null): Promise<BenefitReportConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_REPORT_PAGE) {
      throw badInput(`"first" must be between 1 and ${MAX_REPORT_PAGE}; walk further pages with "after".`);
    }
    const f = filter ?? new BenefitReportFilter();
    const where: string[] = [];
    const params: unknown[] = [];
    const p = ctx.principal;
    if (p.kind === 'application') {
      where.push('application_id = ?'); params.push(p.applicationId);
    } else if (p.kind === 'user' && p.role === Role.PARTNER_ADMIN && p.organizationId !== null) {
      where.push('organization_id = ?'); params.push(p.organizationId);
      if (f.applicationId) { where.push('application_id = ?'); params.push(parseId(f.applicationId)); }
    } else {
      throw forbidden('Benefit reports are listed for the application that filed them or its organisation’s partner admin.');
    }
    if (after) { where.push('id < ?'); params.push(decodeCursor(after)); }
    const eq: [keyof BenefitReportFilter, string][] = [['udid', 'udid'], ['schemeCode', 'scheme_code'], ['benefitType', 'benefit_type'], ['status', 'status'], ['clientReference', 'client_reference']];
    for (const [key, col] of eq) if (f[key]) { where.push(`${col} = ?`); params.push(f[key]); }
    if (f.benefitDateFrom) { where.push('benefit_date >= ?'); params.push(f.benefitDateFrom); }
    if (f.benefitDateTo) { where.push('benefit_date <= ?'); params.push(f.benefitDateTo); }
    params.push(first + 1);
    const rows: Record<string, unknown>[] = await ctx.db.primary.query(
      `SELECT ${REPORT_COLUMNS} FROM benefit_report WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`, params);
    const edges = rows.slice(0, first).map((r) => ({ cursor: encodeCursor(String(r.id)), node: rowToReport(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  /**
   * The benefits partners reported for one person, newest first, with the reporting organisation's name:
   * the PwD's own view (/me/record), for the UDID signed in there. Reversed reports are shown as such.
   */
  async ofPerson(ctx: RequestContext, udid: string, limit = 200): Promise<PersonBenefit[]> {
    const rows: Record<string, unknown>[] = await ctx.db.read().query(
      `SELECT b.id, b.scheme_code, b.scheme_name, b.benefit_type, b.amount_paise, b.benefit_date, b.status, b.created_at, o.name AS organization_name
         FROM benefit_report b JOIN organization o ON o.id = b.organization_id
        WHERE b.udid = ? ORDER BY b.benefit_date DESC, b.id DESC LIMIT ?`, [udid, limit]);
    return rows.map((r) => ({
      id: Number(r.id), schemeCode: String(r.scheme_code), schemeName: String(r.scheme_name), benefitType: String(r.benefit_type),
      amountPaise: r.amount_paise === null || r.amount_paise === undefined ? null : Number(r.amount_paise),
      benefitDate: fromDbDate(r.benefit_date as string)!, status: String(r.status), reportedAt: fromDbDateTime(r.created_at as string)!,
      organizationName: String(r.organization_name),
    }));
  }
}

/** One benefit report as the person sees it. */
export interface PersonBenefit {
  id: number; schemeCode: string; schemeName: string; benefitType: string; amountPaise: number | null;
  benefitDate: string; status: string; reportedAt: Date; organizationName: string;
}
