import { spawn, ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newPrivateJwk, writeKeyFile } from '../../src/core/signing/signing-keys';

/**
 * The real processes an operator runs: `npm run staff:create` and the server's entry point (src/main.ts),
 * each a child process with only the environment given (plus PATH and HOME).
 */
export const ROOT = resolve(__dirname, '../..');
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn' };

export interface Outcome { code: number | null; stdout: string; stderr: string }

/** The command as an operator runs it (`npm run staff:create -- …`), or straight through ts-node (`direct`, faster). */
export function staffCreate(args: string[], env: Record<string, string>, opts: { stdin?: string; direct?: boolean } = {}): Promise<Outcome> {
  return new Promise((done) => {
    const p = opts.direct
      ? spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/staff-create.ts', ...args], { cwd: ROOT, env: { ...BASE_ENV, ...env } })
      : spawn('npm', ['run', '-s', 'staff:create', '--', ...args], { cwd: ROOT, env: { ...BASE_ENV, ...env } });
    let stdout = '', stderr = '';
    p.stdout.on('data', (c) => (stdout += c));
    p.stderr.on('data', (c) => (stderr += c));
    p.stdin.end(opts.stdin ?? '');
    const killer = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.on('close', (code) => { clearTimeout(killer); done({ code, stdout, stderr }); });
  });
}

/** The generated password staff:create prints once. */
export const printedPassword = (o: Outcome) => /Password \(shown once; stored only as a hash\): (\S+)/.exec(o.stdout)?.[1];

export interface MainProcess {
  proc: ChildProcess;
  banner: string;
  base: string;
  /** Everything the process has written so far, stdout and stderr (its log lines among them). */
  output(): string;
  /** SIGTERM; resolves with the exit code once it has exited. */
  stop(): Promise<number | null>;
}

/** The real entry point (NODE_ENV=production unless `env` says otherwise); resolves once its banner is out. */
export async function startMain(env: Record<string, string>): Promise<MainProcess> {
  // Production needs its signing key (SIGNING_KEY_FILE): one of its own, beside the data (or in a fresh directory).
  const keyFile = join(env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'udx-keys-')), 'signing-keys.json');
  if (!env.SIGNING_KEY_FILE && !existsSync(keyFile)) writeKeyFile(keyFile, [newPrivateJwk()]);
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT, env: { ...BASE_ENV, NODE_ENV: 'production', PORT: '0', SIGNING_KEY_FILE: keyFile, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '', err = '';
  proc.stderr!.on('data', (c) => (err += c));
  proc.stdout!.on('data', (c) => (out += c));
  const banner = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no banner: ${out} ${err}`)), 60_000);
    const check = () => {
      // The banner is one write, ending with a newline; the log's "ready" line follows it.
      if (/listening on/.test(out) && out.endsWith('\n')) { clearTimeout(timer); proc.stdout!.off('data', check); ok(out); }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => fail(new Error(`exited ${code}: ${err}`)));
  });
  const port = /localhost:(\d+)\/graphql/.exec(banner)![1];
  const stop = () => new Promise<number | null>((r) => {
    if (proc.exitCode !== null) return r(proc.exitCode);
    proc.once('exit', (code) => r(code));
    proc.kill('SIGTERM');
  });
  return { proc, banner, base: `http://127.0.0.1:${port}`, output: () => out + err, stop };
}
