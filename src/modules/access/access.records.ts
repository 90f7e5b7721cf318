import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import { fromDbDateTime, toDbDateTime } from '../../core/db/columns';
import { serialTransaction } from '../../core/db/serial-transaction';
import { isMysql } from '../../core/db/database';
import { conflict, forbidden, notFound } from '../../core/errors/errors';
import { AlertStatus } from './access.entity';
import type { UsageRecorder } from './usage.recorder';

type Row = Record<string, unknown>;

/** One access event as the person whose record it was sees it. */
export interface PersonAccessEvent {
  id: number; fields: string[]; occurredAt: Date; consentId: string | null; organizationName: string; applicationName: string;
  purposeCode: string | null; purposeDescription: string | null; legalBasis: string | null;
}

/** The admin-audit writer (the oversight module's), given by constructor so that access does not import it. */
export type AuditWriter = (m: EntityManager, ctx: RequestContext, step: {
  action: string; targetType: 'SCRAPING_ALERT'; targetId: number; before: string; after: string; details: Record<string, unknown> | null;
}) => Promise<void>;

export interface AccessEventQuery { applicationId?: number | null; udid?: string | null; from?: Date | null; to?: Date | null; beforeId?: number | null; limit: number }
export interface AlertQuery { status?: AlertStatus | null; kind?: string | null; applicationId?: number | null; organizationId?: number | null; beforeId?: number | null; limit: number }

const ALERT_SELECT = 'SELECT s.*, a.name AS application_name, a.organization_id FROM scraping_alert s JOIN application a ON a.id = s.application_id';

/**
 * What the access module records, as others may see it: the access log, usage and alerts (rows,
 * newest first), and the one way an alert changes status. Other modules (oversight, analytics) go
 * through here, never to these tables. The listings and aggregates are oversight reads that may be a
 * little stale, so they go through ctx.db.read() (a replica when DATABASE_REPLICA_URLS is set); an
 * alert read back after its change, and the change itself, stay on the primary.
 */
export class AccessRecords {
  constructor(private readonly usage: UsageRecorder, private readonly audit: AuditWriter) {}

  accessEvents(ctx: RequestContext, q: AccessEventQuery): Promise<Row[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.beforeId) { where.push('e.id < ?'); params.push(q.beforeId); }
    if (q.applicationId) { where.push('e.application_id = ?'); params.push(q.applicationId); }
    if (q.udid) { where.push('e.udid = ?'); params.push(q.udid); }
    if (q.from) { where.push('e.occurred_at >= ?'); params.push(toDbDateTime(q.from)); }
    if (q.to) { where.push('e.occurred_at < ?'); params.push(toDbDateTime(q.to)); }
    params.push(q.limit);
    return ctx.db.read().query(
      `SELECT e.id, e.application_id, e.organization_id, e.udid, e.source, e.scopes, e.fields, e.operation_name, e.request_id, e.source_ip, e.occurred_at,
              e.consent_id, p.code AS purpose_code
         FROM access_event e LEFT JOIN purpose p ON p.id = e.purpose_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY e.id DESC LIMIT ?`, params);
  }

  /**
   * Every access event of one UDID, newest first, with the organisation, application and purpose named:
   * the PwD's own view (/me/record), for the UDID signed in there and no other.
   */
  async ofPerson(ctx: RequestContext, udid: string, limit = 500): Promise<PersonAccessEvent[]> {
    const rows: Row[] = await ctx.db.read().query(
      `SELECT e.id, e.fields, e.occurred_at, e.consent_id, o.name AS organization_name, a.name AS application_name,
              p.code AS purpose_code, p.description AS purpose_description, p.legal_basis
         FROM access_event e JOIN application a ON a.id = e.application_id JOIN organization o ON o.id = e.organization_id
         LEFT JOIN purpose p ON p.id = e.purpose_id
        WHERE e.udid = ? ORDER BY e.id DESC LIMIT ?`, [udid, limit]);
    return rows.map((r) => ({
      id: Number(r.id), fields: String(r.fields).split(',').filter(Boolean), occurredAt: fromDbDateTime(r.occurred_at as string)!,
      consentId: (r.consent_id as string | null) ?? null, organizationName: String(r.organization_name), applicationName: String(r.application_name),
      purposeCode: (r.purpose_code as string | null) ?? null, purposeDescription: (r.purpose_description as string | null) ?? null,
      legalBasis: (r.legal_basis as string | null) ?? null,
    }));
  }

  /** The UDID most recently served to a partner (null when the log is empty): the explorer's sample. */
  async lastServedUdid(ctx: RequestContext): Promise<string | null> {
    const rows = await ctx.db.read().query<{ udid: string }>('SELECT udid FROM access_event ORDER BY id DESC LIMIT 1');
    return rows[0]?.udid ?? null;
  }

  /** Per application and organisation that accessed this UDID: count, first and last access. */
  recordAccess(ctx: RequestContext, udid: string): Promise<Row[]> {
    return ctx.db.read().query(
      `SELECT e.application_id, e.organization_id, a.name AS application_name, o.name AS organization_name, p.code AS purpose_code,
              COUNT(*) AS n, MIN(e.occurred_at) AS first_at, MAX(e.occurred_at) AS last_at
         FROM access_event e JOIN application a ON a.id = e.application_id JOIN organization o ON o.id = e.organization_id
         LEFT JOIN purpose p ON p.id = e.purpose_id
        WHERE e.udid = ? GROUP BY e.application_id, e.organization_id, a.name, o.name, p.code ORDER BY MAX(e.occurred_at) DESC`, [udid]);
  }

  /** Access events (n) and distinct UDIDs (d) per application, occurred_at within [from, to] (database datetimes, UTC). */
  accessedByApplication(ctx: RequestContext, from: string | null, to: string | null): Promise<Row[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (from) { where.push('occurred_at >= ?'); params.push(from); }
    if (to) { where.push('occurred_at <= ?'); params.push(to); }
    return ctx.db.read().query(
      `SELECT application_id, COUNT(*) AS n, COUNT(DISTINCT udid) AS d FROM access_event ${where.length ? 'WHERE ' + where.join(' AND ') : ''} GROUP BY application_id`,
      params);
  }

  /** usage_daily between two IST days (inclusive), after writing what this process still holds. */
  async usageDays(ctx: RequestContext, q: { from: string; to: string; applicationId?: number | null; organizationId?: number | null }): Promise<Row[]> {
    await this.usage.flush();
    const params: unknown[] = [q.from, q.to];
    let extra = '';
    if (q.applicationId) { extra += ' AND u.application_id = ?'; params.push(q.applicationId); }
    if (q.organizationId) { extra += ' AND a.organization_id = ?'; params.push(q.organizationId); }
    return ctx.db.read().query(
      `SELECT u.application_id, a.name AS application_name, u.day, u.requests, u.records, u.distinct_records, u.cost, u.errors, u.unknown_lookups
         FROM usage_daily u JOIN application a ON a.id = u.application_id
        WHERE u.day >= ? AND u.day <= ?${extra} ORDER BY u.day, u.application_id`, params);
  }

  /**
   * Access events and distinct records per application, purpose and IST day, for the days [from, to]
   * (the access log is the truth: usage_daily does not split by purpose).
   */
  async usageByPurpose(ctx: RequestContext, q: { from: string; to: string; applicationId?: number | null; organizationId?: number | null }): Promise<Row[]> {
    const start = toDbDateTime(new Date(Date.parse(`${q.from}T00:00:00+05:30`)));
    const end = toDbDateTime(new Date(Date.parse(`${q.to}T00:00:00+05:30`) + 86_400_000));
    const reads = ctx.db.read();
    const istDay = isMysql(ctx.db.primary) ? 'DATE(e.occurred_at + INTERVAL 330 MINUTE)' : "date(e.occurred_at, '+330 minutes')";
    const params: unknown[] = [start, end];
    let extra = '';
    if (q.applicationId) { extra += ' AND e.application_id = ?'; params.push(q.applicationId); }
    if (q.organizationId) { extra += ' AND e.organization_id = ?'; params.push(q.organizationId); }
    return reads.query(
      `SELECT e.application_id, ${istDay} AS day, p.code AS purpose_code, COUNT(*) AS n, COUNT(DISTINCT e.udid) AS d
         FROM access_event e LEFT JOIN purpose p ON p.id = e.purpose_id
        WHERE e.occurred_at >= ? AND e.occurred_at < ?${extra}
        GROUP BY e.application_id, ${istDay}, p.code`, params);
  }

  /** Alerts newest first, with the application's name and organisation. */
  alerts(ctx: RequestContext, q: AlertQuery): Promise<Row[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.beforeId) { where.push('s.id < ?'); params.push(q.beforeId); }
    if (q.status) { where.push('s.status = ?'); params.push(q.status); }
    if (q.kind) { where.push('s.kind = ?'); params.push(q.kind); }
    if (q.applicationId) { where.push('s.application_id = ?'); params.push(q.applicationId); }
    if (q.organizationId) { where.push('a.organization_id = ?'); params.push(q.organizationId); }
    params.push(q.limit);
    return ctx.db.read().query(`${ALERT_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY s.id DESC LIMIT ?`, params);
  }

  async alert(ctx: RequestContext, id: number): Promise<Row | null> {
    const [row]: Row[] = await ctx.db.primary.query(`${ALERT_SELECT} WHERE s.id = ?`, [id]);
    return row ?? null;
  }

  /**
   * A staff user moves an alert on (OPEN → ACKNOWLEDGED → RESOLVED), conditional on the status it
   * had (concurrent analysts cannot both act), recorded in the admin audit trail in one transaction.
   */
  async changeAlertStatus(ctx: RequestContext, id: number, from: AlertStatus[], to: AlertStatus, resolution: string | null, note: string | null = null): Promise<Row> {
    const p = ctx.principal;
    if (p.kind !== 'user') throw forbidden('Only staff may change an alert.');
    const at = toDbDateTime(ctx.now);
    await serialTransaction(ctx.db.primary, async (m) => {
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
      await this.audit(m, ctx, {
        action: to === AlertStatus.ACKNOWLEDGED ? 'ACKNOWLEDGE_SCRAPING_ALERT' : 'RESOLVE_SCRAPING_ALERT',
        targetType: 'SCRAPING_ALERT', targetId: id, before, after: to, details: resolution ? { resolution } : note ? { note } : null,
      });
    });
    return (await this.alert(ctx, id))!;
  }
}
