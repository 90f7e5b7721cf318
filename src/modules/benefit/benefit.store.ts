import type { DataSource } from 'typeorm';
import { toDbDateTime } from '../../core/db/columns';
import { isMysql } from '../../core/db/database';
import { liftOnReport } from '../access/reciprocity.service';
import type { SqlStep } from '../access/sharing.suspension';

/** A validated report, ready to store. */
export interface NewBenefitReport {
  udid: string;
  pwdId: number;
  stateCode: string;
  schemeCode: string;
  schemeName: string;
  benefitType: string;
  amountPaise: number | null;
  benefitDate: string;
  clientReference: string;
  remarks: string | null;
}

export interface BatchWrite {
  applicationId: number;
  organizationId: number;
  channel: 'API' | 'FILE';
  now: Date;
  /** Distinct clientReferences (the caller keeps only the first valid item of each). */
  rows: NewBenefitReport[];
}

export interface BatchOutcome {
  /** clientReferences stored by this call. */
  accepted: Set<string>;
  /** clientReferences that were already stored (earlier, or by a concurrent retry) → the original's id when known. */
  duplicates: Map<string, string | null>;
  /** A RECIPROCITY suspension was lifted by this batch. */
  lifted: boolean;
}

/** One SQL statement the batch wants run; the driver sends back rows (reads), a write's result, or throws. */
type Step = SqlStep;

const INSERT_COLUMNS = `application_id, organization_id, udid, pwd_id, state_code, scheme_code, scheme_name, benefit_type, amount_paise,
  benefit_date, client_reference, remarks, channel, status, reversed_at, reversal_reason, created_at`;
const ROW = '(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)';

/** A unique-key violation: on benefit_report that can only be (application_id, client_reference). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.errno === 1062 || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
const isDeadlock = (err: unknown) => (err as { errno?: number })?.errno === 1213;

/**
 * The statements of one batch, as a generator so that the same logic runs synchronously in one
 * better-sqlite3 transaction and asynchronously in one MySQL transaction (see writeBenefitBatch).
 *
 * Idempotency rests on the unique index uq_benefit_report_app_ref, not on the pre-check: the
 * multi-row INSERT is plain (no IGNORE), so a row a concurrent retry stored in the meantime makes
 * it fail with a duplicate-key error; the batch then falls back to one INSERT per row, each
 * either stored or recognised as a duplicate. Exactly one request ever stores a clientReference.
 */
function* batchSteps(w: BatchWrite): Generator<Step, BatchOutcome, any> {
  const refs = w.rows.map((r) => r.clientReference);
  const existing: { id: number | string; client_reference: string }[] = yield {
    sql: `SELECT id, client_reference FROM benefit_report WHERE application_id = ? AND client_reference IN (${refs.map(() => '?').join(',')})`,
    params: [w.applicationId, ...refs],
  };
  const duplicates = new Map(existing.map((e) => [e.client_reference, String(e.id)] as [string, string | null]));
  const fresh = w.rows.filter((r) => !duplicates.has(r.clientReference));
  const accepted = new Set<string>();
  const created = toDbDateTime(w.now);
  const values = (r: NewBenefitReport) => [w.applicationId, w.organizationId, r.udid, r.pwdId, r.stateCode, r.schemeCode, r.schemeName,
    r.benefitType, r.amountPaise, r.benefitDate, r.clientReference, r.remarks, w.channel, 'ACTIVE', null, null, created];
  if (fresh.length) {
    try {
      yield { sql: `INSERT INTO benefit_report (${INSERT_COLUMNS}) VALUES ${fresh.map(() => ROW).join(',')}`, params: fresh.flatMap(values) };
      fresh.forEach((r) => accepted.add(r.clientReference));
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // A concurrent retry stored some of these meanwhile (the failed statement stored nothing): row by row.
      for (const r of fresh) {
        try {
          yield { sql: `INSERT INTO benefit_report (${INSERT_COLUMNS}) VALUES ${ROW}`, params: values(r) };
          accepted.add(r.clientReference);
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
          duplicates.set(r.clientReference, null); // stored by a concurrent request; its id is read after commit
        }
      }
    }
  }
  let lifted = false;
  if (accepted.size) {
    // Reporting lifts a reciprocity suspension (and only that kind), through the one resume path.
    lifted = yield* liftOnReport(w.applicationId, w.now, accepted.size);
    yield { sql: 'UPDATE application SET last_benefit_report_at = ? WHERE id = ?', params: [created, w.applicationId] };
  }
  return { accepted, duplicates, lifted };
}

/** Drives the generator, feeding each statement's result (or error) back into it. */
function drive<T>(gen: Generator<Step, T, any>, run: (s: Step) => unknown): T {
  let next = gen.next();
  while (!next.done) {
    let result: unknown;
    try { result = run(next.value); } catch (err) { next = gen.throw(err); continue; }
    next = gen.next(result);
  }
  return next.value;
}

async function driveAsync<T>(gen: Generator<Step, T, any>, run: (s: Step) => Promise<unknown>): Promise<T> {
  let next = gen.next();
  while (!next.done) {
    let result: unknown;
    try { result = await run(next.value); } catch (err) { next = gen.throw(err); continue; }
    next = gen.next(result);
  }
  return next.value;
}

interface SqliteDb {
  inTransaction: boolean;
  prepare(sql: string): { reader: boolean; all(...p: unknown[]): unknown[]; run(...p: unknown[]): unknown };
  transaction<F extends () => unknown>(fn: F): F;
}

/**
 * Stores a batch atomically: all of its new rows and the application's reporting timestamp, or
 * nothing (a crash or error mid-way rolls the whole transaction back).
 *
 * On SQLite, TypeORM shares one connection between all requests, and its transactions interleave
 * on it as savepoints; the batch therefore runs as one synchronous better-sqlite3 transaction,
 * which no other request can enter or roll back. On MySQL it runs on its own pooled connection,
 * retried on deadlock.
 */
export async function writeBenefitBatch(ds: DataSource, w: BatchWrite): Promise<BatchOutcome> {
  if (!w.rows.length) return { accepted: new Set(), duplicates: new Map(), lifted: false };
  if (!isMysql(ds)) {
    const db = (ds.driver as unknown as { databaseConnection: SqliteDb }).databaseConnection;
    // Another TypeORM transaction is open on the shared connection (between its awaits): let it finish.
    for (let waited = 0; db.inTransaction; waited++) {
      if (waited > 10_000) throw new Error('SQLite connection stayed in a transaction for too long');
      await new Promise((r) => setImmediate(r));
    }
    return db.transaction(() => drive(batchSteps(w), (s) => {
      const stmt = db.prepare(s.sql);
      return stmt.reader ? stmt.all(...s.params) : stmt.run(...s.params);
    }))();
  }
  for (let attempt = 1; ; attempt++) {
    const qr = ds.createQueryRunner('master');
    try {
      await qr.connect();
      await qr.startTransaction();
      const out = await driveAsync(batchSteps(w), (s) => qr.query(s.sql, s.params));
      await qr.commitTransaction();
      return out;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      if (isDeadlock(err) && attempt < 4) continue;
      throw err;
    } finally {
      await qr.release();
    }
  }
}
