import { randomBytes } from 'node:crypto';
import { fork, ChildProcess } from 'node:child_process';
import { benchModule, START_FLAGS } from './bench';

/** A server under load, running in its own process so that the load generator does not share its event loop. */
export interface Target {
  url: string;
  /** Process id of the server (for /proc/<pid>/status: see bench/lib/proc.ts). */
  pid: number;
  /** Application token with every scope. */
  token: string;
  /** UDIDs of the seeded records (the same on every target: the generator is deterministic). */
  udids: string[];
  /** CPU time the server process has used so far, in µs. */
  cpu(): Promise<number>;
  /** Peak resident set size of the server process so far, in bytes (sampled every 50 ms). */
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

export interface TargetOptions {
  records: number;
  /** false: the schema without graphql-shield (the authorization baseline). */
  authorization?: boolean;
  env?: Record<string, string>;
  /** Node flags for the server process (default: those `npm start` uses, START_FLAGS; [] for none). */
  execArgv?: string[];
  /** Use this database (mysql://… or a SQLite file path) instead of a fresh in-memory SQLite; seeded up to `records`. */
  database?: string;
}

/** Boots bench/lib/target.child.ts: in-memory SQLite, seeded records, an active partner with every scope. */
export function startTarget(opts: TargetOptions): Promise<Target> {
  const mod = benchModule(__dirname, 'target.child');
  const child: ChildProcess = fork(mod.file, [JSON.stringify(opts)], {
    // As deployed: libraries (graphql-js among them) switch off development-only checks in production.
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex') },
    execArgv: [...mod.execArgv, ...(opts.execArgv ?? START_FLAGS)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`bench target exited early (code ${code})`)));
    child.once('message', (m: { url: string; token: string; udids: string[] }) => {
      child.removeAllListeners('exit');
      ok({
        ...m,
        pid: child.pid!,
        cpu: () => new Promise<number>((done) => {
          const on = (msg: { cpu?: number }) => { if (msg.cpu !== undefined) { child.off('message', on); done(msg.cpu); } };
          child.on('message', on);
          child.send('cpu');
        }),
        peakRss: () => new Promise<number>((done) => {
          const on = (msg: { rss?: number }) => { if (msg.rss !== undefined) { child.off('message', on); done(msg.rss); } };
          child.on('message', on);
          child.send('rss');
        }),
        stop: () => new Promise<void>((done) => { child.once('exit', () => done()); child.send('stop'); }),
      });
    });
  });
}
