import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CompactSign } from 'jose';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { SigningKeys } from '../../core/signing/signing-keys';
import { fromDbDateTime, toDbDateTime } from '../../core/db/columns';
import { isMysql } from '../../core/db/database';
import { serialTransaction } from '../../core/db/serial-transaction';

/** The JWS `typ` of a checkpoint: a verifier refuses any other signed object presented as one. */
export const CHECKPOINT_TYP = 'udx-access-checkpoint+jws';

/** What a checkpoint signs: the chain head at one moment. */
export interface CheckpointPayload {
  v: 1;
  /** 1, 2, 3, …: one sequence for the whole deployment. */
  seq: number;
  /** The last event of the chain at that moment (access_log_head.last_event_id)… */
  eventId: number;
  /** …and its hash (access_log_head.last_hash). */
  hash: string;
  /** When it was signed (ISO 8601, UTC). */
  at: string;
}

export type CheckpointReason = 'EVENTS' | 'TIME' | 'CLOSE';

/** One line of CHECKPOINT_FILE: the JWS, and its payload and kid repeated for people reading the file. */
export interface CheckpointLine extends Omit<CheckpointPayload, 'v'> { kid: string; jws: string }

export interface CheckpointPolicy {
  everyEvents: number;
  everyMs: number;
  /** CHECKPOINT_FILE; undefined: the checkpoints are stored in the database only. */
  file: string | undefined;
}

/**
 * Signs checkpoints of the access-log chain head: after `everyEvents` new events, or `everyMs` after the
 * last checkpoint when events were written since, and once more on graceful shutdown.
 *
 * Who signs, with several replicas: whichever replica is due first. Each checkpoint is made in one
 * transaction that first locks the chain head row (the same lock every access-log batch takes), then
 * reads the head and the last checkpoint and decides; so checkpoints are taken one after another,
 * each sees its predecessor, and the sequence never forks (unique keys on `seq` and on the event
 * back that up). A replica that finds the head already covered does nothing. Each replica appends the
 * checkpoints it signed to its own CHECKPOINT_FILE; audit:verify reads any number of these files.
 */
export class AccessCheckpoints {
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** The event covered by the last checkpoint this process knows of (a hint: the decision is re-taken under the lock). */
  private coveredUpTo = 0;
  /** Lines signed and stored but not yet appended to the file (an append failed): retried on the next run. */
  private unwritten: string[] = [];
  signed = 0;
  failures = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly policy: CheckpointPolicy,
  ) {}

  /** Starts the time-based checkpoints (twice per period, so one is signed at most 1.5 periods after the head moved). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.run('TIME'), Math.max(25, Math.floor(this.policy.everyMs / 2)));
    this.timer.unref();
  }

  /** Stops the timer and signs a last checkpoint when the head moved since the last one. */
  async close(): Promise<void> {
    if (this.timer) { clearInterval(this.timer); this.timer = null; }
    await this.run('CLOSE');
  }

  /** Called by the access-log writer after each committed batch, with the new head. */
  noteHead(eventId: number): void {
    if (eventId - this.coveredUpTo >= this.policy.everyEvents) void this.run('EVENTS');
  }

  /** Signs a checkpoint now if one is due for `reason`; resolves with it (null: none was due). Runs one at a time per process. */
  run(reason: CheckpointReason): Promise<CheckpointLine | null> {
    const next = this.chain.then(() => this.once(reason));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async once(reason: CheckpointReason): Promise<CheckpointLine | null> {
    let line: CheckpointLine | null = null;
    try {
      line = await serialTransaction(this.ds, (m) => this.inTransaction(m, reason));
      if (line) {
        this.signed++;
        this.log.info({ seq: line.seq, eventId: line.eventId, kid: line.kid, reason }, 'access-log checkpoint signed');
        this.unwritten.push(JSON.stringify(line) + '\n');
      }
    } catch (err) {
      // The events stay in the chain; the next run signs a checkpoint that covers them.
      this.failures++;
      this.log.error({ err: (err as Error).message, reason }, 'access-log checkpoint failed; will retry');
    }
    await this.append();
    return line;
  }

  private async inTransaction(m: EntityManager, reason: CheckpointReason): Promise<CheckpointLine | null> {
    await m.query('UPDATE access_log_head SET last_event_id = last_event_id WHERE id = 1');
    const lock = isMysql(this.ds) ? ' FOR UPDATE' : '';
    const [head]: { last_event_id: number | string; last_hash: string }[] = await m.query(`SELECT last_event_id, last_hash FROM access_log_head WHERE id = 1${lock}`);
    if (!head) throw new Error('access_log_head row is missing; run the migrations');
    const eventId = Number(head.last_event_id);
    const [last]: { seq: number | string; last_event_id: number | string; signed_at: string | Date }[] =
      await m.query('SELECT seq, last_event_id, signed_at FROM access_checkpoint ORDER BY seq DESC LIMIT 1');
    const lastEventId = last ? Number(last.last_event_id) : 0;
    this.coveredUpTo = Math.max(this.coveredUpTo, lastEventId);
    if (eventId <= lastEventId) return null;
    const now = this.clock.now();
    if (reason === 'EVENTS' && !(await this.enoughEvents(m, lastEventId, eventId))) return null;
    if (reason === 'TIME' && last && now.getTime() - fromDbDateTime(last.signed_at)!.getTime() < this.policy.everyMs) return null;

    const at = new Date(Math.floor(now.getTime()));
    const payload: CheckpointPayload = { v: 1, seq: (last ? Number(last.seq) : 0) + 1, eventId, hash: head.last_hash, at: at.toISOString() };
    const jws = await new CompactSign(Buffer.from(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keys.kid, typ: CHECKPOINT_TYP })
      .sign(this.keys.privateKey());
    await m.query(
      'INSERT INTO access_checkpoint (seq, last_event_id, last_hash, signed_at, kid, reason, jws) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [payload.seq, eventId, payload.hash, toDbDateTime(at), this.keys.kid, reason, jws],
    );
    this.coveredUpTo = eventId;
    const { v: _v, ...shown } = payload;
    return { ...shown, kid: this.keys.kid, jws };
  }

  /** At least `everyEvents` events after the last checkpoint (ids may skip numbers on MySQL, so count when the ids say maybe). */
  private async enoughEvents(m: EntityManager, fromId: number, toId: number): Promise<boolean> {
    if (toId - fromId < this.policy.everyEvents) return false;
    if (!isMysql(this.ds)) return true;
    const [r]: { n: number | string }[] = await m.query('SELECT COUNT(*) AS n FROM access_event WHERE id > ? AND id <= ?', [fromId, toId]);
    return Number(r.n) >= this.policy.everyEvents;
  }

  /** Appends signed lines to CHECKPOINT_FILE, in order; on failure they wait for the next run (they are in the database meanwhile). */
  private async append(): Promise<void> {
    const file = this.policy.file;
    if (!file) { this.unwritten = []; return; }
    if (!this.unwritten.length) return;
    const text = this.unwritten.join('');
    try {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, text, { mode: 0o640, flag: 'a' });
      this.unwritten = [];
    } catch (err) {
      this.failures++;
      this.log.error({ err: (err as Error).message, file, pending: this.unwritten.length }, 'checkpoint file append failed; will retry');
    }
  }
}
