import type { DataSource } from 'typeorm';
import type { Logger } from '../../core/logger';
import type { Clock } from '../../core/clock';
import type { RequestGate } from './admission.gate';
import { toDbDateTime } from '../../core/db/columns';
import { serialTransaction } from '../../core/db/serial-transaction';
import type { UsageRecorder } from './usage.recorder';
import type { CounterStore } from '../../core/throttle/limiter';
import { AlertKind, decide, DETECTION, MemoryWindows, Observation, Raise, Tally, WindowStore } from './scraping.rules';
import { RedisWindows } from './scraping.redis';
import { SharingSuspension } from './sharing.suspension';

export { DETECTION };
export type { AlertKind };

/**
 * Watches lookups and records served per application in fixed windows and raises scraping alerts
 * (one per kind per window). With Redis (counters.redis) the windows are shared by every replica, so
 * a scraper whose requests a load balancer spreads over replicas is seen whole, and exactly one
 * replica raises each alert; when Redis does not answer, this process's own windows take over.
 * Observations and alerts are handled off the request path; errors are logged, never thrown.
 */
export class ScrapingDetector {
  private readonly local = new MemoryWindows();
  private readonly shared: RedisWindows | null;
  private readonly inFlight = new Set<Promise<void>>();
  private writes: Promise<void> = Promise.resolve();
  private lastLoud = 0;
  raised = 0;

  constructor(private readonly deps: {
    ds: DataSource; log: Logger; clock: Clock; gate: RequestGate; usage: UsageRecorder; autoSuspend: boolean;
    counters?: CounterStore; onRaise?: (kind: AlertKind) => void;
  }) {
    this.shared = deps.counters?.redis ? new RedisWindows(deps.counters.redis, deps.counters.prefix) : null;
  }

  /** A lookup by UDID (pwd, verifyUdid), found or not. */
  observeLookup(applicationId: number, udid: string, found: boolean): void {
    if (!found) this.deps.usage.add(applicationId, this.deps.clock.today(), { unknownLookups: 1 });
    this.observe(applicationId, { type: 'lookup', udid, found });
  }

  /** Records served by one request (every source). */
  observeServed(applicationId: number, udids: Iterable<string>): void {
    const list = [...udids];
    if (list.length) this.observe(applicationId, { type: 'served', udids: list });
  }

  /** Resolves when every observation so far is counted and every alert it raised is stored. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
    await this.writes;
  }

  private observe(applicationId: number, o: Observation): void {
    const now = this.deps.clock.nowMs();
    if (!this.shared) {
      const t = this.local.tally(applicationId, now, o);
      for (const r of decide(t)) if (this.local.claim(applicationId, t.start, r.kind)) this.raise(applicationId, t.start, now, r);
      return;
    }
    const p = this.observeShared(this.shared, applicationId, now, o)
      .catch((err) => this.deps.log.error({ err: (err as Error).message, applicationId }, 'scraping detection failed for one observation'))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async observeShared(shared: RedisWindows, applicationId: number, now: number, o: Observation): Promise<void> {
    let store: WindowStore = shared;
    let t: Tally;
    try {
      t = await shared.tally(applicationId, now, o);
    } catch (err) {
      if (Date.now() - this.lastLoud > 60_000) {
        this.lastLoud = Date.now();
        this.deps.log.error({ err: (err as Error).message }, 'REDIS UNREACHABLE: scraping detection falls back to this process\'s windows and does NOT see traffic served by other replicas');
      }
      store = this.local;
      t = this.local.tally(applicationId, now, o);
    }
    for (const r of decide(t)) {
      if (await store.claim(applicationId, t.start, r.kind)) this.raise(applicationId, t.start, now, r);
    }
  }

  private raise(applicationId: number, windowStartMs: number, now: number, { kind, evidence }: Raise): void {
    this.raised++;
    this.deps.onRaise?.(kind);
    const { ds, log, gate, autoSuspend } = this.deps;
    log.warn({ applicationId, kind, evidence }, 'scraping alert raised');
    const windowStart = toDbDateTime(new Date(windowStartMs));
    const windowEnd = toDbDateTime(new Date(now));
    this.writes = this.writes.then(async () => {
      try {
        await serialTransaction(ds, async (m) => {
          const at = toDbDateTime(new Date(now));
          await m.query(
            `INSERT INTO scraping_alert (application_id, kind, evidence, window_start, window_end, status, auto_suspended, raised_at)
             VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)`,
            [applicationId, kind, JSON.stringify({ ...evidence, windowMinutes: DETECTION.windowMs / 60_000 }), windowStart, windowEnd, autoSuspend ? 1 : 0, at]);
          if (!autoSuspend) return;
          const reason = `Sharing suspended automatically: a scraping pattern (${kind}) was detected. DEPwD reviews the alert before access resumes.`;
          await SharingSuspension.suspend(m, applicationId, { kind: 'SCRAPING', reason, actor: { type: 'SYSTEM' }, at: new Date(now), details: { alertKind: kind } });
        });
        if (autoSuspend) gate.invalidateApplication(applicationId);
      } catch (err) {
        log.error({ err: (err as Error).message, applicationId, kind }, 'could not store a scraping alert');
      }
    });
  }
}
