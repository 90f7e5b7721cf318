import type { Principal } from '../../core/auth/principal';
import type { AccessEventSink } from '../../core/audit/access-sink';
import type { DisclosureSource, Ledger } from '../../core/request/context';
import type { Clock } from '../../core/clock';
import { DomainError } from '../../core/errors/errors';
import { AppBudget, quotaExceeded, quotaSubject } from '../../core/limits/budget.service';
import type { BudgetStore } from '../../core/limits/budget.store';

/** Whether live consents cover records (the consent module): UDID → consent id. */
export interface ConsentCheck {
  covering(p: Extract<Principal, { kind: 'application' }>, udids: string[], fields: readonly string[], today: string): Promise<Map<string, string>>;
}

/** What the ledger reports to: scraping detection and the reciprocity clock (ledger subscribers). */
export interface DisclosureSubscribers {
  /** A lookup by UDID (pwd, verifyUdid, a benefit report's UDID), found or not. */
  lookedUp(applicationId: number, udid: string, found: boolean): void;
  /** Records disclosed by one request, once it is answered. */
  served(applicationId: number, udids: ReadonlySet<string>): void;
  /** The first record disclosed to an application starts its reporting clock (DESIGN.md §8). */
  firstAccess(applicationId: number, at: Date): void;
  /** Distinct records today under a purpose, after a reservation (the purpose's declared load is watched). */
  purposeLoad(applicationId: number, purposeId: number, recordsToday: number): void;
}

/**
 * The per-request disclosure ledger (DESIGN.md §11): every PwD record, verification answer and
 * existence answer leaves through `admit` and `record`. `admit` reserves the daily distinct-record
 * quota per UDID, atomically in the shared store, before anything is read; a UDID past the quota is
 * withheld (its field resolves to null with DAILY_RECORD_QUOTA_EXCEEDED). `record` writes one access
 * event per disclosed record. Whatever the document's shape (aliases, fragments, directives) or the
 * concurrency, no record is disclosed unless the ledger admitted it.
 */
export class DisclosureLedger implements Ledger {
  /** Distinct UDIDs disclosed in this request. */
  readonly served = new Set<string>();
  /** Records withheld for the quota in this request. */
  withheld = 0;
  /** Distinct records disclosed today after this request's last reservation (-1: not known). */
  recordsToday = -1;
  /** The application's budget, fixed at admission (null: not an application, or not admitted). */
  budget: AppBudget | null = null;
  private pending: { source: DisclosureSource; udids: string[]; fields: string; at?: string }[] = [];
  /** UDID → the consent that covered its disclosure (CONSENT purposes). */
  private consentOf = new Map<string, string>();

  constructor(
    private readonly store: BudgetStore,
    private readonly clock: Clock,
    private readonly sink: AccessEventSink,
    private readonly subscribers: DisclosureSubscribers,
    private readonly request: { principal: Principal; requestId: string; ip: string; now: Date; operationName: () => string | null },
    private readonly consents: ConsentCheck | null = null,
  ) {}

  private app() {
    const p = this.request.principal;
    if (p.kind !== 'application') return null;
    if (!this.budget) throw new Error('the disclosure ledger has no budget: the request was not admitted by the budget gate');
    return { p, budget: this.budget };
  }

  /**
   * Reserves the quota for these UDIDs; returns, per UDID, null when admitted or the error to answer
   * it with. Staff callers (analysts) are not under a partner quota.
   */
  async admit(udids: string[], fields: readonly string[] = []): Promise<(DomainError | null)[]> {
    const a = this.app();
    if (!a || !udids.length) return udids.map(() => null);
    const today = this.clock.today();
    // Under a CONSENT purpose, a UDID without a live consent covering these fields is not disclosed (nor counted).
    let covered: Map<string, string> | null = null;
    if (a.p.consentRequired) {
      if (!this.consents) throw new Error('the disclosure ledger has no consent check for a CONSENT purpose');
      covered = await this.consents.covering(a.p, udids, fields, today);
      for (const [u, id] of covered) this.consentOf.set(u, id);
    }
    const candidates = covered ? udids.filter((u) => covered!.has(u)) : udids;
    const reserved = candidates.length
      ? await this.store.reserveRecords(quotaSubject(a.p.applicationId, a.p.purposeId), today, candidates, a.budget.dailyRecordQuota)
      : { admitted: [], recordsToday: Math.max(0, this.recordsToday) };
    this.recordsToday = reserved.recordsToday;
    if (candidates.length) this.subscribers.purposeLoad(a.p.applicationId, a.p.purposeId, reserved.recordsToday);
    // `candidates` is `udids` less the uncovered ones, in order: walk both together.
    let next = 0;
    return udids.map((u) => {
      if (covered && !covered.has(u)) return consentRequired(a.p.purposeCode, fields);
      if (reserved.admitted[next++]) return null;
      this.withheld++;
      return quotaExceeded(this.clock.now(), a.budget.dailyRecordQuota, reserved.recordsToday);
    });
  }

  /** Adds `by` to one of today's counters of the shared store (e.g. failed verifications); returns the new value. */
  countToday(key: string, by: number): Promise<number> {
    return this.store.countDaily(key, this.clock.today(), by);
  }

  /** A lookup by UDID: reported to detection. */
  lookedUp(udid: string, found: boolean): void {
    const p = this.request.principal;
    if (p.kind === 'application') this.subscribers.lookedUp(p.applicationId, udid, found);
  }

  /**
   * Records about to be disclosed (already admitted) under the response key `at` (a root field's
   * alias; undefined outside GraphQL). They are logged by `finish`, and only if they are in the answer.
   */
  record(source: DisclosureSource, udids: string[], fields: string, at?: string): void {
    if (udids.length) this.pending.push({ source, udids, fields, at });
  }

  /**
   * Once the answer is built (`data`: the GraphQL result's data; omitted outside GraphQL): every record
   * that went out is one access event, and detection and the reciprocity clock see them. A root field
   * that GraphQL nulled (a non-null sibling failed, the whole data is null) disclosed nothing.
   */
  finish(data?: Record<string, unknown> | null): void {
    const p = this.request.principal;
    const pending = this.pending;
    this.pending = [];
    const out = pending.filter((e) => e.at === undefined || (data != null && data[e.at] != null));
    for (const e of out) for (const u of e.udids) this.served.add(u);
    if (p.kind !== 'application' || !out.length) return;
    this.subscribers.firstAccess(p.applicationId, this.request.now);
    const scopes = scopeList(p.scopes);
    const { requestId, ip, now } = this.request;
    const operationName = this.request.operationName();
    for (const e of out) {
      for (const udid of e.udids) {
        this.sink.record({
          applicationId: p.applicationId, organizationId: p.organizationId, udid, source: e.source, scopes, fields: e.fields,
          operationName, requestId, sourceIp: ip, occurredAt: now, purposeId: p.purposeId, consentId: this.consentOf.get(udid) ?? null,
        });
      }
    }
    if (this.served.size) this.subscribers.served(p.applicationId, this.served);
  }
}

/** A record under a CONSENT purpose that no live consent covers (DESIGN.md §11). */
function consentRequired(purpose: string, fields: readonly string[]): DomainError {
  return new DomainError('CONSENT_REQUIRED', `Purpose ${purpose} rests on consent, and no live consent of this person covers ${fields.length ? fields.join(', ') : 'this record'} today; record the person's consent (recordConsent) first.`, { purpose });
}

/** The access log's text of a principal's scopes: the same Set for every record of a request, so computed once. */
const scopeLists = new WeakMap<ReadonlySet<string>, string>();
function scopeList(scopes: ReadonlySet<string>): string {
  let text = scopeLists.get(scopes);
  if (text === undefined) scopeLists.set(scopes, (text = [...scopes].sort().join(' ')));
  return text;
}
