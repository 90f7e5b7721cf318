import type { DataSource } from 'typeorm';
import { fromDbDateTime } from '../../core/db/columns';
import { eventDigest, GENESIS_HASH } from './access-log';

export interface ChainProblem {
  /** ALTERED: a row's content no longer matches its hash; MISSING: rows were removed before this one (or at the end). */
  kind: 'ALTERED' | 'MISSING';
  eventId: number;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastEventId: number;
  problem: ChainProblem | null;
}

/**
 * Walks the access log in id order, recomputing each event's hash from its content and its
 * predecessor's hash, and compares the end of the chain with access_log_head. Reports the first
 * altered or missing event.
 */
export async function verifyAccessLog(ds: DataSource, opts: { pageSize?: number } = {}): Promise<ChainReport> {
  const pageSize = opts.pageSize ?? 5000;
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT id, application_id, organization_id, udid, source, scopes, fields, operation_name, request_id, source_ip, occurred_at, purpose_id, consent_id, prev_hash, hash
         FROM access_event WHERE id > ? ORDER BY id LIMIT ?`, [lastId, pageSize]);
    for (const r of rows) {
      const id = Number(r.id);
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, lastEventId: lastId, problem: { kind: 'MISSING', eventId: id,
          message: `Event ${id} does not follow event ${lastId || '(start)'}: its predecessor hash does not match, so events between them were removed or replaced.` } };
      }
      const expected = eventDigest(prevHash, {
        applicationId: Number(r.application_id), organizationId: Number(r.organization_id), udid: String(r.udid),
        source: r.source as 'pwd', scopes: String(r.scopes), fields: String(r.fields), operationName: (r.operation_name as string | null) ?? null,
        requestId: String(r.request_id), sourceIp: String(r.source_ip), occurredAt: fromDbDateTime(r.occurred_at as string)!,
        purposeId: r.purpose_id == null ? null : Number(r.purpose_id), consentId: (r.consent_id as string | null) ?? null,
      });
      if (expected !== r.hash) {
        return { ok: false, checked, lastEventId: lastId, problem: { kind: 'ALTERED', eventId: id, message: `Event ${id} was altered: its content no longer matches its hash.` } };
      }
      prevHash = String(r.hash);
      lastId = id;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head: { last_event_id: number | string; last_hash: string }[] = await ds.query('SELECT last_event_id, last_hash FROM access_log_head WHERE id = 1');
  if (head.length && head[0].last_hash !== prevHash) {
    return { ok: false, checked, lastEventId: lastId, problem: { kind: 'MISSING', eventId: Number(head[0].last_event_id),
      message: `The chain ends at event ${lastId || '(none)'} but the log head records event ${head[0].last_event_id}: the latest events were removed.` } };
  }
  return { ok: true, checked, lastEventId: lastId, problem: null };
}
