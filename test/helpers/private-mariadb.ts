import { ChildProcess, spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * A MariaDB server of the test's own (own data directory and port), so a fault test can stop and
 * start a real database without disturbing the shared one other suites use.
 */
export class PrivateMariadb {
  private proc: ChildProcess | null = null;
  readonly dir: string;
  constructor(readonly port: number) {
    this.dir = `/tmp/udx-mariadb-${port}`;
  }

  static available(): boolean {
    return existsSync('/usr/sbin/mariadbd') && existsSync('/usr/bin/mariadb-install-db');
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/udid_fault`;
  }

  async start(): Promise<void> {
    if (!existsSync(`${this.dir}/data/mysql`)) {
      mkdirSync(this.dir, { recursive: true });
      execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${this.dir}/data`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { stdio: 'ignore' });
    }
    this.proc = spawn('/usr/sbin/mariadbd', [
      '--no-defaults', `--datadir=${this.dir}/data`, `--port=${this.port}`, '--bind-address=127.0.0.1', `--socket=${this.dir}/sock`,
      `--pid-file=${this.dir}/pid`, '--user=root', '--skip-grant-tables', '--innodb-buffer-pool-size=32M', '--skip-log-bin',
    ], { stdio: 'ignore' });
    await this.waitUntil(true, 30_000);
  }

  async stop(): Promise<void> {
    const pid = this.proc?.pid ?? (existsSync(`${this.dir}/pid`) ? Number(readFileSync(`${this.dir}/pid`, 'utf8')) : undefined);
    if (!pid) return;
    const exited = this.proc ? new Promise((r) => this.proc!.once('exit', r)) : Promise.resolve();
    try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    this.proc = null;
    await this.waitUntil(false, 10_000);
  }

  /** Waits until the port accepts (or refuses) connections. */
  async waitUntil(up: boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = await new Promise<boolean>((resolve) => {
        const s = net.connect(this.port, '127.0.0.1');
        s.once('connect', () => { s.destroy(); resolve(true); });
        s.once('error', () => resolve(false));
      });
      if (open === up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`private MariaDB on ${this.port} did not come ${up ? 'up' : 'down'} within ${timeoutMs} ms`);
  }
}
