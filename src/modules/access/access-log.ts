import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../core/logger';
import { toDbDateTime } from '../../core/db/columns';
import { isMysql } from '../../core/db/database';
import { serialTransaction } from '../../core/db/serial-transaction';
import { AccessEventInput, AccessEventSink } from '../../core/audit/access-sink';

export const GENESIS_HASH = '0'.repeat(64);

/** The canonical text hashed for one event; audit:verify recomputes exactly this. */
export function eventDigest(prevHash: string, e: Omit<AccessEventInput, 'occurredAt'> & { occurredAt: Date }, occurredAtIso = e.occurredAt.toISOString()): string {
  const parts: unknown[] = [prevHash, e.applicationId, e.organizationId, e.udid, e.source, e.scopes, e.fields, e.operationName ?? '', e.requestId, e.sourceIp, occurredAtIso];
  // The purpose is part of the evidence; events from before purposes (none) hash as they always did.
  if (e.purposeId != null) parts.push(`purpose:${e.purposeId}`);
  if (e.consentId != null) parts.push(`consent:${e.consentId}`);
  const text = parts.join('|');
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Buffers access events and writes them in batches off the request path. Each batch is one
 * transaction that extends the hash chain from the last stored event; `flush()` on shutdown writes
 * whatever is buffered, so the number of events equals the number of records served.
 */
export class AccessLogWriter implements AccessEventSink {
  private buffer: AccessEventInput[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;
  written = 0;
  failures = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly log: Logger,
    private readonly opts: { maxBatch: number; intervalMs: number } = { maxBatch: 500, intervalMs: 200 },
    /** Told the new chain head after each committed batch (the checkpoint signer). */
    private readonly committed: (lastEventId: number) => void = () => undefined,
  ) {}

  get backlog(): number {
    return this.buffer.length;
  }

  record(event: AccessEventInput): void {
    this.buffer.push(event);
    if (this.buffer.length >= this.opts.maxBatch) void this.flush();
    else if (!this.timer && !this.stopped) this.timer = setTimeout(() => void this.flush(), this.opts.intervalMs);
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, this.opts.maxBatch);
      try {
        const head = await this.write(batch);
        this.written += batch.length;
        this.committed(head);
      } catch (err) {
        // Keep the events and retry later: an access event is never dropped.
        this.failures++;
        this.buffer.unshift(...batch);
        this.log.error({ err: (err as Error).message, backlog: this.buffer.length }, 'access log write failed; will retry');
        if (!this.timer && !this.stopped) this.timer = setTimeout(() => void this.flush(), 1000);
        if (this.stopped) throw err;
        return;
      }
    }
  }

  /**
   * One transaction per batch. The chain head row is locked first (an UPDATE: SQLite's write lock,
   * an InnoDB row lock on MySQL), so concurrent batches — from this process or another replica —
   * extend the chain strictly one after another and ids follow chain order.
   */
  private async write(batch: AccessEventInput[]): Promise<number> {
    return serialTransaction(this.ds, async (m) => {
      await m.query('UPDATE access_log_head SET last_event_id = last_event_id WHERE id = 1');
      const lock = isMysql(this.ds) ? ' FOR UPDATE' : '';
      const head: { last_hash: string }[] = await m.query(`SELECT last_hash FROM access_log_head WHERE id = 1${lock}`);
      if (!head.length) throw new Error('access_log_head row is missing; run the migrations');
      let prev = head[0].last_hash;
      const values: unknown[] = [];
      // The events of one request share their instant: its two texts are computed once per instant, not per event.
      let atMs = NaN, atIso = '', atDb = '';
      for (const raw of batch) {
        const e = { ...raw, fields: raw.fields.slice(0, 1000), operationName: raw.operationName?.slice(0, 100) ?? null };
        const ms = e.occurredAt.getTime();
        if (ms !== atMs) { atMs = ms; atIso = e.occurredAt.toISOString(); atDb = toDbDateTime(e.occurredAt); }
        const hash = eventDigest(prev, e, atIso);
        values.push(e.applicationId, e.organizationId, e.udid, e.source, e.scopes, e.fields, e.operationName, e.requestId, e.sourceIp, atDb, e.purposeId ?? null, e.consentId ?? null, prev, hash);
        prev = hash;
      }
      const row = '(?,?,?,?,?,?,?,?,?,?,?,?,?,?)';
      await m.query(
        `INSERT INTO access_event (application_id, organization_id, udid, source, scopes, fields, operation_name, request_id, source_ip, occurred_at, purpose_id, consent_id, prev_hash, hash) VALUES ${batch.map(() => row).join(',')}`,
        values,
      );
      const last: { id: number | string }[] = await m.query('SELECT MAX(id) AS id FROM access_event');
      await m.query('UPDATE access_log_head SET last_event_id = ?, last_hash = ? WHERE id = 1', [Number(last[0].id), prev]);
      return Number(last[0].id);
    });
  }
}
