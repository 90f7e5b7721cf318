import type { DataSource } from 'typeorm';
import type { Logger } from '../../core/logger';
import type { Clock } from '../../core/clock';
import type { RequestGate } from '../../core/auth/gate';
import { toDbDateTime } from '../../core/db/columns';
import { serialTransaction } from '../../core/db/serial-transaction';
import type { UsageRecorder } from './usage.recorder';

/** Thresholds of the enumeration patterns (DESIGN.md §7); one table so README and tests agree. */
export const DETECTION = {
  windowMs: 10 * 60_000,
  /** Unknown-UDID share: at least this many lookups in the window, at least this share unknown. */
  minLookups: 20,
  unknownShare: 0.5,
  /** Lookups of this many consecutive running numbers under one UDID prefix. */
  sequentialRun: 8,
  /** Distinct records in a window above factor × the application's norm (after normWindows windows of history). */
  spikeFactor: 5,
  spikeFloor: 200,
  normWindows: 3,
  /** Without history, a window above this many distinct records is a spike. */
  coldStartCeiling: 2000,
} as const;

export type AlertKind = 'UNKNOWN_UDID_RATIO' | 'SEQUENTIAL_UDIDS' | 'DISTINCT_RATE_SPIKE';

interface AppWindow {
  start: number;
  lookups: number;
  unknown: number;
  distinct: Set<string>;
  /** UDID prefix (state, district, CMO, type, year of birth: 11 characters) → running numbers looked up. */
  byPrefix: Map<string, Set<number>>;
  raised: Set<AlertKind>;
}

/** A UDID's layout (pwd.generator.ts makeUdid): 11-character prefix, 6-digit running number, check digit. */
const splitUdid = (udid: string) => ({ prefix: udid.slice(0, 11), running: Number(udid.slice(11, 17)) });

/**
 * Watches lookups and records served per application in fixed windows and raises scraping alerts
 * (one per kind per window). Alerts are written off the request path. Each API process watches the
 * traffic it serves; behind a load balancer a scraper's requests are split across replicas, and
 * every replica still sees the pattern in its share.
 */
export class ScrapingDetector {
  private windows = new Map<number, AppWindow>();
  private norms = new Map<number, { windows: number; mean: number }>();
  private writes: Promise<void> = Promise.resolve();
  raised = 0;

  constructor(private readonly deps: {
    ds: DataSource; log: Logger; clock: Clock; gate: RequestGate; usage: UsageRecorder; autoSuspend: boolean;
    onRaise?: (kind: AlertKind) => void;
  }) {}

  /** A lookup by UDID (pwd, verifyUdid), found or not. */
  observeLookup(applicationId: number, udid: string, found: boolean): void {
    const now = this.deps.clock.nowMs();
    const w = this.window(applicationId, now);
    w.lookups++;
    if (!found) {
      w.unknown++;
      this.deps.usage.add(applicationId, this.deps.clock.today(), { unknownLookups: 1 });
    }
    if (w.lookups >= DETECTION.minLookups && w.unknown / w.lookups >= DETECTION.unknownShare) {
      this.raise(applicationId, w, 'UNKNOWN_UDID_RATIO', now, { lookups: w.lookups, unknownLookups: w.unknown, unknownShare: +(w.unknown / w.lookups).toFixed(3) });
    }
    if (!/^[A-Z]{2}\d{16}$/.test(udid)) return;
    const { prefix, running } = splitUdid(udid);
    let seen = w.byPrefix.get(prefix);
    if (!seen) { seen = new Set(); w.byPrefix.set(prefix, seen); }
    seen.add(running);
    let lo = running; let hi = running;
    while (seen.has(lo - 1)) lo--;
    while (seen.has(hi + 1)) hi++;
    if (hi - lo + 1 >= DETECTION.sequentialRun) {
      this.raise(applicationId, w, 'SEQUENTIAL_UDIDS', now, { prefix, runningFrom: lo, runningTo: hi, runLength: hi - lo + 1 });
    }
  }

  /** Records served by one request (every source). */
  observeServed(applicationId: number, udids: Iterable<string>): void {
    const now = this.deps.clock.nowMs();
    const w = this.window(applicationId, now);
    for (const u of udids) w.distinct.add(u);
    const norm = this.norms.get(applicationId);
    const limit = norm && norm.windows >= DETECTION.normWindows
      ? Math.max(DETECTION.spikeFactor * norm.mean, DETECTION.spikeFloor)
      : DETECTION.coldStartCeiling;
    if (w.distinct.size > limit) {
      this.raise(applicationId, w, 'DISTINCT_RATE_SPIKE', now, {
        distinctRecords: w.distinct.size, threshold: Math.round(limit), normPerWindow: norm ? Math.round(norm.mean) : null, normWindows: norm?.windows ?? 0,
      });
    }
  }

  /** Resolves when every alert raised so far is stored. */
  idle(): Promise<void> {
    return this.writes;
  }

  private window(applicationId: number, now: number): AppWindow {
    let w = this.windows.get(applicationId);
    if (w && now - w.start < DETECTION.windowMs) return w;
    if (w) {
      // Close the window: its distinct count joins the application's norm (a running mean).
      const n = this.norms.get(applicationId) ?? { windows: 0, mean: 0 };
      n.mean = (n.mean * n.windows + w.distinct.size) / (n.windows + 1);
      n.windows = Math.min(n.windows + 1, 1000);
      this.norms.set(applicationId, n);
    }
    const start = w ? w.start + Math.floor((now - w.start) / DETECTION.windowMs) * DETECTION.windowMs : now;
    w = { start, lookups: 0, unknown: 0, distinct: new Set(), byPrefix: new Map(), raised: new Set() };
    this.windows.set(applicationId, w);
    return w;
  }

  private raise(applicationId: number, w: AppWindow, kind: AlertKind, now: number, evidence: Record<string, unknown>): void {
    if (w.raised.has(kind)) return;
    w.raised.add(kind);
    this.raised++;
    this.deps.onRaise?.(kind);
    const { ds, log, gate, autoSuspend } = this.deps;
    log.warn({ applicationId, kind, evidence }, 'scraping alert raised');
    const windowStart = toDbDateTime(new Date(w.start));
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
          await m.query(
            `UPDATE application SET sharing_suspended_at = ?, sharing_suspension_kind = 'SCRAPING', sharing_suspension_reason = ?, updated_at = ?
              WHERE id = ? AND sharing_suspended_at IS NULL`, [at, reason, at, applicationId]);
          await m.query(
            `INSERT INTO admin_audit (actor_type, actor_id, actor_role, action, target_type, target_id, before_status, after_status, details, request_id, occurred_at)
             VALUES ('SYSTEM', NULL, NULL, 'SUSPEND_SHARING', 'APPLICATION', ?, NULL, 'SUSPENDED', ?, NULL, ?)`,
            [applicationId, JSON.stringify({ kind: 'SCRAPING', alertKind: kind }), at]);
        });
        if (autoSuspend) gate.invalidateApplication(applicationId);
      } catch (err) {
        log.error({ err: (err as Error).message, applicationId, kind }, 'could not store a scraping alert');
      }
    });
  }
}
