import { istDate } from '../../src/core/clock';

describe('istDate (India calendar date, memoised per day)', () => {
  it('turns at midnight IST (18:30 UTC), whatever order the instants come in', () => {
    const cases: [string, string][] = [
      ['2026-03-31T18:29:59.999Z', '2026-03-31'],
      ['2026-03-31T18:30:00.000Z', '2026-04-01'],
      ['2026-03-31T18:29:59.999Z', '2026-03-31'],
      ['2026-04-01T18:29:59.999Z', '2026-04-01'],
      ['2025-12-31T18:30:00.000Z', '2026-01-01'],
      ['2026-04-01T00:00:00.000Z', '2026-04-01'],
      ['1969-12-31T18:29:59.999Z', '1969-12-31'],
      ['1969-12-31T18:30:00.000Z', '1970-01-01'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [at, date] of cases) expect([at, istDate(new Date(at))]).toEqual([at, date]);
    }
    // Against the direct computation on many random instants.
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2020, 0, 1) + Math.floor(((i * 7919) % 2000) / 2000 * 3 * 365 * 86_400_000) + (i % 3) * 86_399_999;
      expect(istDate(new Date(ms))).toBe(new Date(ms + 5.5 * 3600 * 1000).toISOString().slice(0, 10));
    }
  });
});
