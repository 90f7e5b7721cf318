import type { RequestContext } from '../../core/request/context';
import type { AccessRecords } from '../access/access.records';
import { AlertStatus, ScrapingAlertKind } from '../access/access.entity';
import { Role } from '../../core/authz/scopes';
import { badInput, forbidden } from '../../core/errors/errors';
import { fromDbBool, fromDbDate, fromDbDateTime } from '../../core/db/columns';
import { daysBetween } from '../../core/clock';
import { AccessLogFilter, MAX_OVERSIGHT_PAGE } from './oversight.inputs';
import { AccessEvent, AccessEventConnection, PurposeUsage, RecordAccessSummary, ScrapingAlert, ScrapingAlertConnection, typedEvidence, UsageDay } from './oversight.types';

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

/**
 * Analyst oversight (DESIGN.md §5, §7): the access log, per-record summaries, usage and scraping
 * alerts, read (and alerts moved on) through the access module's records; nothing here writes.
 */
export class OversightService {
  constructor(private readonly records: AccessRecords) {}

  /** Newest first, keyset pages by event id. */
  async accessLog(ctx: RequestContext, filter: AccessLogFilter, first: number, after: string | null): Promise<AccessEventConnection> {
    checkFirst(first);
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('"from" must not be after "to".');
    const rows = await this.records.accessEvents(ctx, {
      applicationId: filter.applicationId, udid: filter.udid, from: filter.from, to: filter.to,
      beforeId: after ? idFromCursor('ae', after) : null, limit: first + 1,
    });
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
      e.purpose = (r.purpose_code as string | null) ?? null;
      e.consentId = (r.consent_id as string | null) ?? null;
      return e;
    });
    const edges = page.map((node) => ({ cursor: cursorOf('ae', Number(node.id)), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async recordAccessSummary(ctx: RequestContext, udid: string): Promise<RecordAccessSummary> {
    const rows = await this.records.recordAccess(ctx, udid);
    const s = new RecordAccessSummary();
    s.udid = udid;
    s.applications = rows.map((r) => ({
      applicationId: toInt(r.application_id), organizationId: toInt(r.organization_id),
      applicationName: String(r.application_name), organizationName: String(r.organization_name), purpose: (r.purpose_code as string | null) ?? null,
      accessCount: toInt(r.n), firstAccessAt: fromDbDateTime(r.first_at as string)!, lastAccessAt: fromDbDateTime(r.last_at as string)!,
    }));
    s.totalAccesses = s.applications.reduce((t, a) => t + a.accessCount, 0);
    return s;
  }

  /** usage_daily between two IST days (inclusive); written in batches, so the current second may not be in it yet. */
  async usageByApplication(ctx: RequestContext, from: string, to: string, applicationId: number | null): Promise<UsageDay[]> {
    if (from > to) throw badInput('"from" must not be after "to".');
    if (daysBetween(from, to) > 366) throw badInput('Ask for at most 366 days at a time.');
    const q = { from, to, applicationId, organizationId: ownOrganization(ctx) };
    const [rows, purposes] = await Promise.all([this.records.usageDays(ctx, q), this.records.usageByPurpose(ctx, q)]);
    const byPurpose = new Map<string, PurposeUsage[]>();
    for (const r of purposes) {
      const key = `${toInt(r.application_id)}|${fromDbDate(r.day as string)}`;
      const list = byPurpose.get(key) ?? [];
      list.push(Object.assign(new PurposeUsage(), { purpose: (r.purpose_code as string | null) ?? null, accesses: toInt(r.n), distinctRecords: toInt(r.d) }));
      byPurpose.set(key, list);
    }
    return rows.map((r) => {
      const day = fromDbDate(r.day as string)!;
      return Object.assign(new UsageDay(), {
        applicationId: toInt(r.application_id), applicationName: String(r.application_name), day,
        requests: toInt(r.requests), records: toInt(r.records), distinctRecords: toInt(r.distinct_records), cost: toInt(r.cost),
        errors: toInt(r.errors), unknownLookups: toInt(r.unknown_lookups),
        byPurpose: (byPurpose.get(`${toInt(r.application_id)}|${day}`) ?? []).sort((a, b) => String(a.purpose).localeCompare(String(b.purpose))),
      });
    });
  }

  /** Newest first; a PARTNER_ADMIN sees only its own organisation's alerts. */
  async scrapingAlerts(ctx: RequestContext, status: AlertStatus | null, applicationId: number | null, first: number, after: string | null, kind: ScrapingAlertKind | null = null): Promise<ScrapingAlertConnection> {
    checkFirst(first);
    const rows = await this.records.alerts(ctx, {
      status, kind, applicationId, organizationId: ownOrganization(ctx), beforeId: after ? idFromCursor('sa', after) : null, limit: first + 1,
    });
    const edges = rows.slice(0, first).map((r) => ({ cursor: cursorOf('sa', Number(r.id)), node: toAlert(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** The note (why it is being looked into), when given, goes to the admin audit trail. */
  async acknowledgeScrapingAlert(ctx: RequestContext, id: number, note: string | null = null): Promise<ScrapingAlert> {
    const text = note?.trim() || null;
    if (text && text.length > 500) throw badInput('note must be at most 500 characters.');
    return toAlert(await this.records.changeAlertStatus(ctx, id, [AlertStatus.OPEN], AlertStatus.ACKNOWLEDGED, null, text));
  }

  async resolveScrapingAlert(ctx: RequestContext, id: number, resolution: string): Promise<ScrapingAlert> {
    const text = resolution.trim();
    if (text.length < 3 || text.length > 500) throw badInput('resolution must say, in 3 to 500 characters, what was found and done.');
    return toAlert(await this.records.changeAlertStatus(ctx, id, [AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED], AlertStatus.RESOLVED, text));
  }
}

function toAlert(r: Row): ScrapingAlert {
  const a = new ScrapingAlert();
  a.id = String(r.id);
  a.applicationId = toInt(r.application_id);
  a.applicationName = String(r.application_name);
  a.organizationId = toInt(r.organization_id);
  a.kind = r.kind as ScrapingAlertKind;
  const raw = typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence;
  a.evidenceJson = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  a.evidence = typedEvidence(a.evidenceJson);
  a.windowStart = fromDbDateTime(r.window_start as string)!;
  a.windowEnd = fromDbDateTime(r.window_end as string)!;
  a.status = r.status as AlertStatus;
  a.autoSuspended = fromDbBool(r.auto_suspended);
  a.raisedAt = fromDbDateTime(r.raised_at as string)!;
  a.acknowledgedAt = fromDbDateTime(r.acknowledged_at as string | null);
  a.acknowledgedBy = r.acknowledged_by == null ? null : toInt(r.acknowledged_by);
  a.resolvedAt = fromDbDateTime(r.resolved_at as string | null);
  a.resolvedBy = r.resolved_by == null ? null : toInt(r.resolved_by);
  a.resolution = (r.resolution as string | null) ?? null;
  return a;
}
