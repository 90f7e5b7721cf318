import type { DataSource } from 'typeorm';
import { fromDbDateTime } from '../../core/db/columns';
import { eventDigest, GENESIS_HASH } from './access-log';
import type { CheckpointProblem, VerifiedCheckpoint } from './access-checkpoint.verify';

export interface ChainProblem {
  /**
   * ALTERED: a row's content no longer matches its hash; MISSING: rows were removed before this one (or at the end).
   * Against signed checkpoints: RECHAINED: the chain is self-consistent but differs from what a checkpoint signed
   * (rows altered or removed and the later hashes recomputed); TRUNCATED: the chain ends before an event the
   * database's own signed checkpoint covers; ROLLED_BACK: the head is behind the chain, or the whole database
   * (log, head and checkpoints) is behind a signed checkpoint kept off the database.
   * BAD_CHECKPOINT / FORKED: a checkpoint that does not verify, or two that disagree.
   */
  kind: 'ALTERED' | 'MISSING' | 'RECHAINED' | 'TRUNCATED' | 'ROLLED_BACK' | CheckpointProblem['kind'];
  eventId: number;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastEventId: number;
  problem: ChainProblem | null;
  /** With checkpoints: how many verified, the latest one, and the events after it (covered by the hash chain only). */
  checkpoints?: { verified: number; latestSeq: number | null; latestEventId: number; eventsAfterLatest: number };
}

/**
 * Walks the access log in id order, recomputing each event's hash from its content and its
 * predecessor's hash, and compares the end of the chain with access_log_head. Reports the first
 * altered or missing event. With `checkpoints` (verified signatures, access-checkpoint.verify.ts)
 * the recomputed chain must also pass through every signed (event, hash) and reach the latest one:
 * without them, whoever can write to the database can re-chain or cut the log undetected.
 */
export async function verifyAccessLog(ds: DataSource, opts: { pageSize?: number; checkpoints?: VerifiedCheckpoint[] } = {}): Promise<ChainReport> {
  const pageSize = opts.pageSize ?? 5000;
  const signed = opts.checkpoints ?? [];
  let next = 0; // the next signed checkpoint the walk must pass through
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  const summary = () => (opts.checkpoints ? {
    checkpoints: { verified: signed.length, latestSeq: signed.at(-1)?.seq ?? null, latestEventId: signed.at(-1)?.eventId ?? 0, eventsAfterLatest: 0 },
  } : {});
  const broken = (problem: ChainProblem): ChainReport => ({ ok: false, checked, lastEventId: lastId, problem, ...summary() });
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
      if (next < signed.length && signed[next].eventId < id) {
        const cp = signed[next];
        return broken({ kind: 'RECHAINED', eventId: cp.eventId, message: `Event ${cp.eventId}, covered by signed checkpoint ${cp.seq} (${cp.at}), is no longer in the log: events were removed and the chain recomputed after them.` });
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
      if (next < signed.length && signed[next].eventId === id) {
        const cp = signed[next++];
        if (cp.hash !== prevHash) {
          return broken({ kind: 'RECHAINED', eventId: id, message: `The chain at event ${id} does not match signed checkpoint ${cp.seq} (${cp.at}): events up to ${id} were altered or replaced and the later hashes recomputed.` });
        }
      }
    }
    if (rows.length < pageSize) break;
  }
  const head: { last_event_id: number | string; last_hash: string }[] = await ds.query('SELECT last_event_id, last_hash FROM access_log_head WHERE id = 1');
  const headId = head.length ? Number(head[0].last_event_id) : 0;
  if (next < signed.length) {
    const latest = signed[signed.length - 1];
    const ownLatest = [...signed].reverse().find((c) => c.inDatabase);
    if (ownLatest && ownLatest.eventId > lastId) {
      return broken({ kind: 'TRUNCATED', eventId: ownLatest.eventId, message: `The log ends at event ${lastId || '(none)'} but signed checkpoint ${ownLatest.seq} (${ownLatest.at}) covers event ${ownLatest.eventId}: the latest events were removed.` });
    }
    return broken({ kind: 'ROLLED_BACK', eventId: latest.eventId, message: `The log and its head end at event ${Math.max(lastId, headId) || '(none)'} but signed checkpoint ${latest.seq} (${latest.at}, from ${latest.sources[0]}) covers event ${latest.eventId}: the database was restored to or set back to an earlier state (and its own later checkpoints removed).` });
  }
  if (head.length && headId < lastId) {
    return broken({ kind: 'ROLLED_BACK', eventId: headId, message: `The log head was set back to event ${headId || '(none)'} while the chain continues to event ${lastId}.` });
  }
  if (head.length && head[0].last_hash !== prevHash) {
    return broken({ kind: 'MISSING', eventId: headId,
      message: `The chain ends at event ${lastId || '(none)'} but the log head records event ${head[0].last_event_id}: the latest events were removed.` });
  }
  const report: ChainReport = { ok: true, checked, lastEventId: lastId, problem: null, ...summary() };
  if (report.checkpoints) {
    const from = report.checkpoints.latestEventId;
    const [n]: { n: number | string }[] = await ds.query('SELECT COUNT(*) AS n FROM access_event WHERE id > ?', [from]);
    report.checkpoints.eventsAfterLatest = Number(n.n);
  }
  return report;
}
