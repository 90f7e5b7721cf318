// autocannon ships no types; the part used by bench/lib/bench.ts.
declare module 'autocannon' {
  interface Histogram { average: number; total: number; p50: number; p99: number }
  interface Result { requests: Histogram; latency: Histogram; non2xx: number; errors: number }
  function autocannon(opts: Record<string, unknown>): Promise<Result>;
  export = autocannon;
}
