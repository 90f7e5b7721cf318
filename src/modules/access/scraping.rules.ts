/** Thresholds of the enumeration patterns (DESIGN.md §7); one table so README and tests agree. */
export const DETECTION = {
  windowMs: 10 * 60_000,
  /** Unknown-UDID share: at least this many lookups in the window, at least this share unknown. */
  minLookups: 20,
  unknownShare: 0.5,
  /**
   * The same share over DISTINCT UDIDs (at least minLookups distinct looked up): re-reading a few known
   * records does not dilute it. And, whatever the share, this many distinct unknown UDIDs in one window.
   */
  distinctUnknown: 30,
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

export type Observation = { type: 'lookup'; udid: string; found: boolean } | { type: 'served'; udids: string[] };

export interface LookupTally { lookups: number; unknown: number; distinctLookups: number; distinctUnknown: number; run: { prefix: string; lo: number; hi: number } | null }
export interface ServedTally { distinct: number; norm: { windows: number; mean: number } | null }

/** One application's window after an observation was counted in it (from memory or from Redis). */
export interface Tally { start: number; lookup?: LookupTally; served?: ServedTally; raised: AlertKind[] }

export interface Raise { kind: AlertKind; evidence: Record<string, unknown> }

/** Where windows are counted: this process (MemoryWindows) or Redis, shared by every replica. */
export interface WindowStore {
  tally(applicationId: number, now: number, o: Observation): Tally | Promise<Tally>;
  /** True for exactly one caller per application, window and kind. */
  claim(applicationId: number, start: number, kind: AlertKind): boolean | Promise<boolean>;
}

/** A UDID's layout (pwd.generator.ts makeUdid): 11-character prefix, 6-digit running number, check digit. */
export const splitUdid = (udid: string) =>
  (/^[A-Z]{2}\d{16}$/.test(udid) ? { prefix: udid.slice(0, 11), running: Number(udid.slice(11, 17)) } : null);

const ratio = (a: number, b: number) => +(b ? a / b : 0).toFixed(3);

/** The patterns a tally shows that were not raised yet in its window. */
export function decide(t: Tally): Raise[] {
  const out: Raise[] = [];
  const l = t.lookup;
  if (l) {
    const byShare = l.lookups >= DETECTION.minLookups && l.unknown / l.lookups >= DETECTION.unknownShare;
    const byDistinctShare = l.distinctLookups >= DETECTION.minLookups && l.distinctUnknown / l.distinctLookups >= DETECTION.unknownShare;
    if (byShare || byDistinctShare || l.distinctUnknown >= DETECTION.distinctUnknown) {
      out.push({ kind: 'UNKNOWN_UDID_RATIO', evidence: {
        lookups: l.lookups, unknownLookups: l.unknown, unknownShare: ratio(l.unknown, l.lookups),
        distinctLookups: l.distinctLookups, distinctUnknown: l.distinctUnknown, distinctUnknownShare: ratio(l.distinctUnknown, l.distinctLookups),
      } });
    }
    if (l.run && l.run.hi - l.run.lo + 1 >= DETECTION.sequentialRun) {
      out.push({ kind: 'SEQUENTIAL_UDIDS', evidence: { prefix: l.run.prefix, runningFrom: l.run.lo, runningTo: l.run.hi, runLength: l.run.hi - l.run.lo + 1 } });
    }
  }
  const s = t.served;
  if (s) {
    const norm = s.norm;
    const limit = norm && norm.windows >= DETECTION.normWindows ? Math.max(DETECTION.spikeFactor * norm.mean, DETECTION.spikeFloor) : DETECTION.coldStartCeiling;
    if (s.distinct > limit) {
      out.push({ kind: 'DISTINCT_RATE_SPIKE', evidence: {
        distinctRecords: s.distinct, threshold: Math.round(limit), normPerWindow: norm ? Math.round(norm.mean) : null, normWindows: norm?.windows ?? 0,
      } });
    }
  }
  return out.filter((r) => !t.raised.includes(r.kind));
}

interface AppWindow {
  start: number;
  lookups: number;
  unknown: number;
  seen: Set<string>;
  unknownSeen: Set<string>;
  distinct: Set<string>;
  /** UDID prefix → running numbers looked up. */
  byPrefix: Map<string, Set<number>>;
  raised: Set<AlertKind>;
}

/** Windows in this process: a window opens at an application's first observation and lasts windowMs. */
export class MemoryWindows implements WindowStore {
  private windows = new Map<number, AppWindow>();
  private norms = new Map<number, { windows: number; mean: number }>();

  tally(applicationId: number, now: number, o: Observation): Tally {
    const w = this.window(applicationId, now);
    if (o.type === 'served') {
      for (const u of o.udids) w.distinct.add(u);
      return { start: w.start, served: { distinct: w.distinct.size, norm: this.norms.get(applicationId) ?? null }, raised: [...w.raised] };
    }
    w.lookups++;
    w.seen.add(o.udid);
    if (!o.found) { w.unknown++; w.unknownSeen.add(o.udid); }
    let run: LookupTally['run'] = null;
    const u = splitUdid(o.udid);
    if (u) {
      let seen = w.byPrefix.get(u.prefix);
      if (!seen) { seen = new Set(); w.byPrefix.set(u.prefix, seen); }
      seen.add(u.running);
      let lo = u.running; let hi = u.running;
      while (seen.has(lo - 1)) lo--;
      while (seen.has(hi + 1)) hi++;
      run = { prefix: u.prefix, lo, hi };
    }
    return {
      start: w.start, raised: [...w.raised],
      lookup: { lookups: w.lookups, unknown: w.unknown, distinctLookups: w.seen.size, distinctUnknown: w.unknownSeen.size, run },
    };
  }

  claim(applicationId: number, start: number, kind: AlertKind): boolean {
    const w = this.windows.get(applicationId);
    if (!w || w.start !== start || w.raised.has(kind)) return false;
    w.raised.add(kind);
    return true;
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
    w = { start, lookups: 0, unknown: 0, seen: new Set(), unknownSeen: new Set(), distinct: new Set(), byPrefix: new Map(), raised: new Set() };
    this.windows.set(applicationId, w);
    return w;
  }
}
