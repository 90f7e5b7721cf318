import type { Db } from '../db/db.handle';
import type { Principal } from '../auth/principal';
import type { AccessEventInput } from '../audit/access-sink';
import type { Clock } from '../clock';
import type { DomainError } from '../errors/errors';
import type { Logger } from '../logger';
import type { RequestOutcome } from '../http/observability';
import type { AppBudget } from '../limits/budget.service';
import type { RequestCost } from '../limits/limits.middleware';

/**
 * The per-request loaders, as the composition layer declares them: src/app augments this interface
 * (declaration merging), so the kernel names them without importing any module or the app.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface LoaderRegistry {}

export type DisclosureSource = AccessEventInput['source'];

/**
 * The per-request disclosure ledger (implemented in src/modules/access): every PwD record,
 * verification and existence answer leaves through it.
 */
export interface Ledger {
  /** Distinct UDIDs disclosed in this request. */
  readonly served: ReadonlySet<string>;
  /** Records withheld for the quota in this request. */
  readonly withheld: number;
  /** Distinct records disclosed today after this request's last reservation (-1: not known). */
  readonly recordsToday: number;
  /** The application's budget, fixed at admission. */
  budget: AppBudget | null;
  /**
   * Reserves the daily quota per UDID: null when admitted, else the error to answer that UDID with.
   * Under a CONSENT purpose a UDID needs a live consent covering `fields` (PwdRecord field names) first.
   */
  admit(udids: string[], fields?: readonly string[]): Promise<(DomainError | null)[]>;
  /** A lookup by UDID, found or not (detection). */
  lookedUp(udid: string, found: boolean): void;
  /** Records about to go out under the response key `at`: logged by finish() if they are in the answer. */
  record(source: DisclosureSource, udids: string[], fields: string, at?: string): void;
  /** Adds `by` to one of today's shared counters; returns the new value. */
  countToday(key: string, by: number): Promise<number>;
  /** Once the answer is built: one access event per record in `data` (all recorded ones outside GraphQL). */
  finish(data?: Record<string, unknown> | null): void;
}

/**
 * The request context: passed first to every service call (STYLE.md habit 3). Built once per HTTP
 * request by the request gate (src/app/context.ts), before GraphQL execution. It carries who is
 * calling and this request's tools, never the service graph or the configuration: services get
 * those by constructor (src/app/services.ts).
 */
export interface RequestContext {
  requestId: string;
  principal: Principal;
  /** Source IP as decided by TRUST_PROXY. */
  ip: string;
  now: Date;
  log: Logger;
  clock: Clock;
  /**
   * The database: `db.primary` for writes, transactions and every read a decision or a partner's answer
   * depends on; `db.read()` for reads that may be stale (oversight, analytics, listings), on a replica
   * when configured.
   */
  db: Db;
  loaders: LoaderRegistry;
  /** Every PwD record, verification and existence answer leaves through it (quota, access log, detection). */
  ledger: Ledger;
  operationName: string | null;
  /** The operation label and first error code, for the request's log line and metrics. */
  outcome: RequestOutcome;
  /** Requested cost and budget, set by the limits before execution (absent when GraphQL rejects the document itself). */
  cost?: RequestCost;
}
