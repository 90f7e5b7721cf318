/** The time source of the whole service. Tests move it to make an MoU expire between two calls. */
export class Clock {
  private offsetMs = 0;
  private frozenMs: number | null = null;
  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return this.frozenMs ?? Date.now() + this.offsetMs;
  }
  /** Stops time at its current instant (tests that assert exact bucket levels) until reset(). */
  freeze(): void {
    this.frozenMs = this.nowMs();
  }
  /** 'YYYY-MM-DD' of today in India (MoU dates are Indian calendar dates). */
  today(): string {
    return istDate(this.now());
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
  reset(): void {
    this.offsetMs = 0;
    this.frozenMs = null;
  }
}

const IST_OFFSET_MS = 5.5 * 3600 * 1000;
const DAY_MS = 86_400_000;
/** The last day computed and the span of instants it covers: most calls fall in the same day. */
let lastDay = { from: 0, to: 0, date: '' };
export const istDate = (d: Date): string => {
  const ms = d.getTime();
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.date;
  const local = ms + IST_OFFSET_MS;
  const from = Math.floor(local / DAY_MS) * DAY_MS - IST_OFFSET_MS;
  const date = new Date(local).toISOString().slice(0, 10);
  if (Number.isFinite(from)) lastDay = { from, to: from + DAY_MS, date };
  return date;
};

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

export function addYears(date: string, years: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
