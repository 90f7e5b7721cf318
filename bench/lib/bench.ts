import os from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';

/** One load scenario: runs, then returns a markdown section for the results file. */
export interface Scenario {
  description: string;
  run(opts: BenchOptions): Promise<string>;
}

export interface BenchOptions {
  /** A few seconds in all: proves the scenario works, figures are indicative only. */
  smoke: boolean;
  log: (line: string) => void;
}

export interface LoadFigures {
  label: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Server CPU time per request (µs), when the target reports its CPU usage. */
  cpuUsPerRequest?: number;
}

/** The repository root, whether the bench runs from bench/ (ts-node) or from dist/bench/ (compiled). */
export const ROOT = resolve(__dirname, __filename.endsWith('.js') ? '../../..' : '../..');

/**
 * How to start a bench module (a target or a baseline) in a child process: compiled JavaScript when the
 * runner itself is compiled (`npm run bench` builds first, so servers are measured as deployed, without
 * a TypeScript compiler in their memory), else TypeScript through ts-node.
 */
export function benchModule(fromDir: string, relative: string): { file: string; execArgv: string[] } {
  const compiled = __filename.endsWith('.js');
  return { file: resolve(fromDir, relative + (compiled ? '.js' : '.ts')), execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only'] };
}

/**
 * The node flags `npm start` runs the server with (package.json's start script: the heap bound), so that
 * bench targets are measured as the README's command runs them.
 */
export const START_FLAGS: string[] = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).scripts.start as string)
  .split(/\s+/).filter((w) => /^--[\w-]+(=\S+)?$/.test(w));

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** A small seeded PRNG (mulberry32): the same run picks the same UDIDs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Drives POST /graphql with autocannon; `body()` builds each request's JSON body. */
export async function drive(opts: { label: string; url: string; token: string; body: () => string; connections: number; seconds: number; cpu?: () => Promise<number> }): Promise<LoadFigures> {
  const cpuBefore = opts.cpu ? await opts.cpu() : 0;
  const result = await autocannon({
    url: `${opts.url}/graphql`,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: opts.body() }),
    }],
  });
  const cpuUsed = opts.cpu ? (await opts.cpu()) - cpuBefore : undefined;
  return {
    cpuUsPerRequest: cpuUsed === undefined ? undefined : cpuUsed / Math.max(1, result.requests.total),
    label: opts.label,
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Mean of several rounds of the same target (req/s averaged, latencies averaged). */
export function combine(label: string, rounds: LoadFigures[]): LoadFigures {
  const avg = (f: (r: LoadFigures) => number) => rounds.reduce((s, r) => s + f(r), 0) / rounds.length;
  const sum = (f: (r: LoadFigures) => number) => rounds.reduce((s, r) => s + f(r), 0);
  const cpu = rounds.every((r) => r.cpuUsPerRequest !== undefined) ? avg((r) => r.cpuUsPerRequest!) : undefined;
  return { label, cpuUsPerRequest: cpu, requestsPerSec: avg((r) => r.requestsPerSec), p50Ms: avg((r) => r.p50Ms), p99Ms: avg((r) => r.p99Ms), requests: sum((r) => r.requests), non2xx: sum((r) => r.non2xx), errors: sum((r) => r.errors) };
}

export function table(rows: LoadFigures[]): string {
  const lines = ['| target | req/s | p50 ms | p99 ms | server CPU µs/req | requests | non-2xx | errors |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.label} | ${r.requestsPerSec.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.cpuUsPerRequest?.toFixed(0) ?? '–'} | ${r.requests} | ${r.non2xx} | ${r.errors} |`);
  return lines.join('\n');
}

/**
 * bench/results/<date>.md (…-smoke.md for smoke runs): one section per scenario, replaced when the
 * scenario runs again that day, so scenarios run separately still land in one file.
 */
export function writeSection(scenario: string, markdown: string, smoke: boolean): string {
  const dir = resolve(ROOT, 'bench', 'results');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${new Date().toISOString().slice(0, 10)}${smoke ? '-smoke' : ''}.md`);
  const start = `<!-- scenario:${scenario} -->`, end = `<!-- /scenario:${scenario} -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks ${new Date().toISOString().slice(0, 10)}${smoke ? ' (smoke: indicative only)' : ''}\n\nMachine: ${machine()}\n`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  return file;
}
