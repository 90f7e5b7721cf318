import { ChildProcess, spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { createConnection } from 'mysql2/promise';

/**
 * A MariaDB server of the test's own (own data directory and port), so a fault test can stop and
 * start a real database without disturbing the shared one other suites use.
 */
export class PrivateMariadb {
  private proc: ChildProcess | null = null;
  readonly dir: string;
  /** `args`: extra mariadbd options (replaces --skip-log-bin, e.g. --log-bin and --server-id for a replication primary). */
  constructor(readonly port: number, private readonly opts: { args?: string[] } = {}) {
    this.dir = `/tmp/udx-mariadb-${port}`;
  }

  /** The server's pid (null when this object did not start it). */
  get pid(): number | null {
    return this.proc?.pid ?? null;
  }

  /** Runs statements as root on this server (no database selected). */
  async sql<T = Record<string, unknown>>(statement: string, params: unknown[] = []): Promise<T[]> {
    const c = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 5000 });
    try {
      const [rows] = await c.query(statement, params);
      return rows as T[];
    } finally {
      await c.end();
    }
  }

  static available(): boolean {
    return existsSync('/usr/sbin/mariadbd') && existsSync('/usr/bin/mariadb-install-db');
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/udid_fault`;
  }

  /** Creates the data directory when there is none (`from`: copies that server's fresh, never started one instead). */
  install(from?: PrivateMariadb): void {
    if (existsSync(`${this.dir}/data/mysql`)) return;
    mkdirSync(this.dir, { recursive: true });
    if (from) {
      from.install();
      cpSync(`${from.dir}/data`, `${this.dir}/data`, { recursive: true });
      return;
    }
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${this.dir}/data`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { stdio: 'ignore' });
  }

  /** Removes the data directory (the server must be stopped). */
  wipe(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  async start(): Promise<void> {
    this.install();
    this.proc = spawn('/usr/sbin/mariadbd', [
      '--no-defaults', `--datadir=${this.dir}/data`, `--port=${this.port}`, '--bind-address=127.0.0.1', `--socket=${this.dir}/sock`,
      `--pid-file=${this.dir}/pid`, '--user=root', '--skip-grant-tables', '--innodb-buffer-pool-size=32M', ...(this.opts.args ?? ['--skip-log-bin']),
    ], { stdio: 'ignore' });
    await this.waitUntil(true, 30_000);
  }

  async stop(): Promise<void> {
    const pid = this.proc?.pid ?? (existsSync(`${this.dir}/pid`) ? Number(readFileSync(`${this.dir}/pid`, 'utf8')) : undefined);
    if (!pid) return;
    const exited = this.proc ? new Promise((r) => this.proc!.once('exit', r)) : Promise.resolve();
    try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => { timer = setTimeout(r, 20_000); })]);
    clearTimeout(timer);
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

/**
 * A primary and a real replica of it (two private mariadbd, own data directories and ports, GTID
 * replication), for the read-replica tests: the shared MariaDB on 3306 has no binary log and is not
 * touched. Both start from one fresh install (copied), so the replica applies everything the primary
 * logs from its first statement. With --skip-grant-tables the replica's IO thread connects as root.
 */
export class PrivateReplicaPair {
  readonly primary: PrivateMariadb;
  readonly replica: PrivateMariadb;
  constructor(primaryPort: number, replicaPort: number) {
    this.primary = new PrivateMariadb(primaryPort, { args: [`--log-bin=${'/tmp/udx-mariadb-' + primaryPort}/data/bin`, '--server-id=1', '--binlog-format=ROW'] });
    this.replica = new PrivateMariadb(replicaPort, { args: ['--skip-log-bin', '--server-id=2'] });
  }

  /** Fresh data directories, both servers up, the replica following the primary. */
  async start(): Promise<void> {
    this.primary.wipe();
    this.replica.wipe();
    this.primary.install();
    this.replica.install(this.primary);
    await Promise.all([this.primary.start(), this.replica.start()]);
    await this.replica.sql(`CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${this.primary.port}, MASTER_USER='root', MASTER_USE_GTID=slave_pos`);
    await this.replica.sql('START SLAVE');
  }

  /** Waits until the replica has applied everything the primary has logged so far. */
  async catchUp(timeoutS = 20): Promise<void> {
    const [{ pos }] = await this.primary.sql<{ pos: string }>('SELECT @@gtid_binlog_pos AS pos');
    const [{ r }] = await this.replica.sql<{ r: number }>('SELECT MASTER_GTID_WAIT(?, ?) AS r', [pos, timeoutS]);
    if (Number(r) !== 0) throw new Error(`replica did not reach the primary's position ${pos} within ${timeoutS} s`);
  }

  /** Stops applying (the IO thread keeps fetching): the replica stays as it is, stale, until resume(). */
  async pause(): Promise<void> {
    await this.replica.sql('STOP SLAVE SQL_THREAD');
  }

  async resume(): Promise<void> {
    await this.replica.sql('START SLAVE SQL_THREAD');
  }

  async stop(): Promise<void> {
    await Promise.all([this.replica.stop(), this.primary.stop()]);
    this.primary.wipe();
    this.replica.wipe();
  }
}
