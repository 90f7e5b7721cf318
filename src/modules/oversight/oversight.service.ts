import type { RequestContext } from '../../core/request/context';
import type { UsageRecorder } from '../access/usage.recorder';
import { Role } from '../../core/authz/scopes';
import { badInput, conflict, forbidden, notFound } from '../../core/errors/errors';
import { fromDbDate, fromDbDateTime, toDbDateTime } from '../../core/db/columns';
import { daysBetween } from '../../core/clock';
import { serialTransaction } from '../../core/db/serial-transaction';
import { recordAdminAudit } from './admin-audit';
import { AccessLogFilter, MAX_OVERSIGHT_PAGE } from './oversight.inputs';
import { AlertStatus } from './oversight.entity';
import { AccessEvent, AccessEventConnection, RecordAccessSummary, ScrapingAlert, ScrapingAlertConnection, UsageDay } from './oversight.types';

type Row = Record<string, unknown>;
const cursorOf = (kind: string, id: number) => Buffer.from(`${kind}:${id}`).toString('base64url');
function idFromCursor(kind: string, cursor: string): number {
  const m = new RegExp(`^${kind}:(\\d{1,12})$`).exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('The "after" cursor is not one this API issued; pass pageInfo.endCursor from the previous page.');
  return Number(m[1]);
}
function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_OVERSIGHT_PAGE) throw badInput(`"first" must be between 1 and ${MAX_OVERSIGHT_PAGE}; walk further pages with "after".`);
}
const toInt = (v: unknown) => Number(v ?? 0);

/** The organisation a PARTNER_ADMIN is confined to; null for DEPwD staff (who see everything). */
function ownOrganization(ctx: RequestContext): number | null {
  const p = ctx.principal;
  if (p.kind === 'user' && p.role === Role.PARTNER_ADMIN) {
    if (!p.organizationId) throw forbidden('This partner account is not linked to an organisation.');
    return p.organizationId;
  }
  return null;
}

/** Analyst oversight (DESIGN.md §5, §7): the access log, per-record summaries, usage and scraping alerts. */
export class OversightService {
  constructor(private readonly usage: UsageRecorder) {}

  /** Newest first, keyset pages by event id. */
  async accessLog(ctx: RequestContext, filter: AccessLogFilter, first: number, after: string | null): Promise<AccessEventConnection> {
    checkFirst(first);
    const where: string[] = [];
    const params: unknown[] = [];
    if (after) { where.push('id < ?'); params.push(idFromCursor('ae', after)); }
    if (filter.applicationId) { where.push('application_id = ?'); params.push(filter.applicationId); }
    if (filter.udid) { where.push('udid = ?'); params.push(filter.udid); }
    if (filter.from) { where.push('occurred_at >= ?'); params.push(toDbDateTime(filter.from)); }
    if (filter.to) { where.push('occurred_at < ?'); params.push(toDbDateTime(filter.to)); }
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('"from" must not be after "to".');
    params.push(first + 1);
    const rows: Row[] = await ctx.ds.query(
      `SELECT id, application_id, organization_id, udid, source, scopes, fields, operation_name, request_id, source_ip, occurred_at
         FROM access_event ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`, params);
    const page = rows.slice(0, first).map((r) => {
      const e = new AccessEvent();
      e.id = String(r.id);
      e.applicationId = toInt(r.application_id);
      e.organizationId = toInt(r.organization_id);
      e.udid = String(r.udid);
      e.source = String(r.source);
      e.scopes = String(r.scopes).split(' ').filter(Boolean);
      e.fields = String(r.fields).split(',').filter(Boolean);
      e.operationName = (r.operation_name as string | null) ?? null;
      e.requestId = String(r.request_id);
      e.sourceIp = String(r.source_ip);
      e.occurredAt = fromDbDateTime(r.occurred_at as string)!;
      return e;
    });
    const edges = page.map((node) => ({ cursor: cursorOf('ae', Number(node.id)), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async recordAccessSummary(ctx: RequestContext, udid: string): Promise<RecordAccessSummary> {
    const rows: Row[] = await ctx.ds.query(
      `SELECT e.application_id, e.organization_id, a.name AS application_name, o.name AS organization_name,
              COUNT(*) AS n, MIN(e.occurred_at) AS first_at, MAX(e.occurred_at) AS last_at
         FROM access_event e JOIN application a ON a.id = e.application_id JOIN organization o ON o.id = e.organization_id
        WHERE e.udid = ? GROUP BY e.application_id, e.organization_id, a.name, o.name ORDER BY MAX(e.occurred_at) DESC`, [udid]);
    const s = new RecordAccessSummary();
    s.udid = udid;
    s.applications = rows.map((r) => ({
      applicationId: toInt(r.application_id), organizationId: toInt(r.organization_id),
      applicationName: String(r.application_name), organizationName: String(r.organization_name),
      accessCount: toInt(r.n), firstAccessAt: fromDbDateTime(r.first_at as string)!, lastAccessAt: fromDbDateTime(r.last_at as string)!,
    }));
    s.totalAccesses = s.applications.reduce((t, a) => t + a.accessCount, 0);
    return s;
  }

  /** usage_daily between two IST days (inclusive); written in batches, so the current second may not be in it yet. */
  async usageByApplication(ctx: RequestContext, from: string, to: string, applicationId: number | null): Promise<UsageDay[]> {
    if (from > to) throw badInput('"from" must not be after "to".');
    if (daysBetween(from, to) > 366) throw badInput('Ask for at most 366 days at a time.');
    await this.usage.flush();
    const org = ownOrganization(ctx);
    const params: unknown[] = [from, to];
    let extra = '';
    if (applicationId) { extra += ' AND u.application_id = ?'; params.push(applicationId); }
    if (org) { extra += ' AND a.organization_id = ?'; params.push(org); }
    const rows: Row[] = await ctx.ds.query(
      `SELECT u.application_id, a.name AS application_name, u.day, u.requests, u.records, u.distinct_records, u.cost, u.errors, u.unknown_lookups
         FROM usage_daily u JOIN application a ON a.id = u.application_id
        WHERE u.day >= ? AND u.day <= ?${extra} ORDER BY u.day, u.application_id`, params);
    return rows.map((r) => Object.assign(new UsageDay(), {
      applicationId: toInt(r.application_id), applicationName: String(r.application_name), day: fromDbDate(r.day as string)!,
      requests: toInt(r.requests), records: toInt(r.records), distinctRecords: toInt(r.distinct_records), cost: toInt(r.cost),
      errors: toInt(r.errors), unknownLookups: toInt(r.unknown_lookups),
    }));
  }

  /** Newest first; a PARTNER_ADMIN sees only its own organisation's alerts. */
  async scrapingAlerts(ctx: RequestContext, status: AlertStatus | null, applicationId: number | null, first: number, after: string | null): Promise<ScrapingAlertConnection> {
    checkFirst(first);
    const where: string[] = [];
    const params: unknown[] = [];
    const org = ownOrganization(ctx);
    if (after) { where.push('s.id < ?'); params.push(idFromCursor('sa', after)); }
    if (status) { where.push('s.status = ?'); params.push(status); }
    if (applicationId) { where.push('s.application_id = ?'); params.push(applicationId); }
    if (org) { where.push('a.organization_id = ?'); params.push(org); }
    params.push(first + 1);
    const rows: Row[] = await ctx.ds.query(
      `SELECT s.*, a.name AS application_name, a.organization_id FROM scraping_alert s JOIN application a ON a.id = s.application_id
        ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY s.id DESC LIMIT ?`, params);
    const edges = rows.slice(0, first).map((r) => ({ cursor: cursorOf('sa', Number(r.id)), node: toAlert(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  acknowledgeScrapingAlert(ctx: RequestContext, id: number): Promise<ScrapingAlert> {
    return this.transition(ctx, id, [AlertStatus.OPEN], AlertStatus.ACKNOWLEDGED, null);
  }

  resolveScrapingAlert(ctx: RequestContext, id: number, resolution: string): Promise<ScrapingAlert> {
    const text = resolution.trim();
    if (text.length < 3 || text.length > 500) throw badInput('resolution must say, in 3 to 500 characters, what was found and done.');
    return this.transition(ctx, id, [AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED], AlertStatus.RESOLVED, text);
  }

  /** A status change, conditional on the status it had (concurrent analysts cannot both act), recorded in admin_audit. */
  private async transition(ctx: RequestContext, id: number, from: AlertStatus[], to: AlertStatus, resolution: string | null): Promise<ScrapingAlert> {
    const p = ctx.principal;
    if (p.kind !== 'user') throw forbidden('Only staff may change an alert.');
    const at = toDbDateTime(ctx.now);
    await serialTransaction(ctx.ds, async (m) => {
      const [cur]: Row[] = await m.query('SELECT status FROM scraping_alert WHERE id = ?', [id]);
      if (!cur) throw notFound(`There is no scraping alert ${id}.`);
      const before = String(cur.status);
      if (!from.includes(before as AlertStatus)) {
        throw conflict(`Scraping alert ${id} is ${before}; only ${from.join(' or ')} alerts can become ${to}.`, { status: before });
      }
      const set = to === AlertStatus.ACKNOWLEDGED
        ? 'acknowledged_at = ?, acknowledged_by = ?'
        : 'resolved_at = ?, resolved_by = ?, resolution = ?';
      const params = to === AlertStatus.ACKNOWLEDGED ? [at, p.userId] : [at, p.userId, resolution];
      const res = await m.query(`UPDATE scraping_alert SET status = ?, ${set} WHERE id = ? AND status = ?`, [to, ...params, id, before]);
      const changed = Array.isArray(res) ? undefined : (res as { affectedRows?: number; changes?: number });
      if (changed && (changed.affectedRows ?? changed.changes) === 0) throw conflict(`Scraping alert ${id} changed meanwhile; reload it.`);
      await recordAdminAudit(m, ctx, {
        action: to === AlertStatus.ACKNOWLEDGED ? 'ACKNOWLEDGE_SCRAPING_ALERT' : 'RESOLVE_SCRAPING_ALERT',
        targetType: 'SCRAPING_ALERT', targetId: id, before, after: to, details: resolution ? { resolution } : null,
      });
    });
    const [row]: Row[] = await ctx.ds.query(
      'SELECT s.*, a.name AS application_name, a.organization_id FROM scraping_alert s JOIN application a ON a.id = s.application_id WHERE s.id = ?', [id]);
    return toAlert(row);
  }
}

function toAlert(r: Row): ScrapingAlert {
  const a = new ScrapingAlert();
  a.id = String(r.id);
  a.applicationId = toInt(r.application_id);
  a.applicationName = String(r.application_name);
  a.organizationId = toInt(r.organization_id);
  a.kind = String(r.kind);
  a.evidence = typeof r.evidence === 'string' ? JSON.parse(r.evidence) : (r.evidence as Record<string, unknown>);
  a.windowStart = fromDbDateTime(r.window_start as string)!;
  a.windowEnd = fromDbDateTime(r.window_end as string)!;
  a.status = r.status as AlertStatus;
  a.autoSuspended = Boolean(Number(r.auto_suspended));
  a.raisedAt = fromDbDateTime(r.raised_at as string)!;
  a.acknowledgedAt = fromDbDateTime(r.acknowledged_at as string | null);
  a.acknowledgedBy = r.acknowledged_by == null ? null : toInt(r.acknowledged_by);
  a.resolvedAt = fromDbDateTime(r.resolved_at as string | null);
  a.resolvedBy = r.resolved_by == null ? null : toInt(r.resolved_by);
  a.resolution = (r.resolution as string | null) ?? null;
  return a;
}
