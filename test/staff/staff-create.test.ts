import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/core/config/config';
import { openDatabase } from '../../src/app/database';
import { createServer } from '../../src/app/server';
import { TEST_DATABASE_URL, testLogger } from '../helpers/server';
import { newPrivateJwk, writeKeyFile } from '../../src/core/signing/signing-keys';

/**
 * The bootstrap command (issue 16): `npm run staff:create` run as a real process creates a staff user
 * whose printed password signs in over HTTP; weak passwords, bad roles and emails, duplicates and bad
 * configuration are refused with one clear line. The production banner says how to create the first
 * DEPwD admin when there is none, and names no demo file that does not exist.
 */
const ROOT = resolve(__dirname, '../..');
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn' };
const JWT_SECRET = randomBytes(32).toString('hex');

interface Outcome { code: number | null; stdout: string; stderr: string }

/** The command as an operator runs it (`npm run staff:create -- …`), or straight through ts-node (`direct`, faster). */
function staffCreate(args: string[], env: Record<string, string>, opts: { stdin?: string; direct?: boolean } = {}): Promise<Outcome> {
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

const printedPassword = (o: Outcome) => /Password \(shown once; stored only as a hash\): (\S+)/.exec(o.stdout)?.[1];

async function login(base: string, email: string, password: string) {
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { status: res.status, body: (await res.json()) as any };
}

/** The real entry point, started in production; resolves once its banner is out. */
async function startMain(env: Record<string, string>): Promise<{ proc: ChildProcess; banner: string; base: string; stop: () => Promise<void> }> {
  // Production needs its signing key (SIGNING_KEY_FILE), kept beside the data here.
  const keyFile = join(env.DATA_DIR ?? tmpdir(), 'signing-keys.json');
  writeKeyFile(keyFile, [newPrivateJwk()]);
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT, env: { ...BASE_ENV, NODE_ENV: 'production', JWT_SECRET, PORT: '0', SIGNING_KEY_FILE: keyFile, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '', err = '';
  proc.stderr!.on('data', (c) => (err += c));
  const banner = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no banner: ${out} ${err}`)), 60_000);
    proc.stdout!.on('data', (c) => {
      out += c;
      // The banner is one write, ending with a newline; the log's "ready" line follows it.
      if (/listening on/.test(out) && out.endsWith('\n')) { clearTimeout(timer); ok(out); }
    });
    proc.on('exit', (code) => fail(new Error(`exited ${code}: ${err}`)));
  });
  const port = /localhost:(\d+)\/graphql/.exec(banner)![1];
  const stop = () => new Promise<void>((r) => { if (proc.exitCode !== null) return r(); proc.once('exit', () => r()); proc.kill('SIGTERM'); });
  return { proc, banner, base: `http://127.0.0.1:${port}`, stop };
}

// The embedded default (a SQLite file): run once, in the SQLite pass.
(TEST_DATABASE_URL ? describe.skip : describe)('staff:create on a SQLite file, and the production banner', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'udx-staff-create-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('empty production database: the banner says how to create the first admin; the command creates it; its password signs in', async () => {
    const env = { DATA_DIR: dir };
    const first = await startMain(env);
    try {
      expect(first.banner).toContain('No DEPwD admin exists yet');
      expect(first.banner).toContain('npm run staff:create -- --role DEPWD_ADMIN --email');
      expect(first.banner).not.toMatch(/demo-credentials|demo credentials/i);

      // While the server runs, as the operator would: the command migrates nothing new and adds the admin.
      const o = await staffCreate(['--role', 'DEPWD_ADMIN', '--email', 'First.Admin@depwd.example.gov.in', '--name', 'Meera Iyer'], env);
      expect(o.stderr).toBe('');
      expect(o.code).toBe(0);
      const password = printedPassword(o)!;
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(o.stdout.split(password).length).toBe(2); // printed once

      const ok = await login(first.base, 'first.admin@depwd.example.gov.in', password);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ token_type: 'Bearer', role: 'DEPWD_ADMIN' });
      const audit = await fetch(`${first.base}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ok.body.access_token}` },
        body: JSON.stringify({ query: '{ auditTrail(filter: { action: "CREATE_STAFF_USER" }) { edges { node { actorType actorId action targetType afterStatus details } } } }' }),
      }).then((r) => r.json()) as any;
      expect(audit.data.auditTrail.edges).toHaveLength(1);
      expect(audit.data.auditTrail.edges[0].node).toMatchObject({
        actorType: 'CLI', actorId: null, action: 'CREATE_STAFF_USER', targetType: 'USER', afterStatus: 'ACTIVE',
        details: { command: 'staff:create', role: 'DEPWD_ADMIN', email: 'first.admin@depwd.example.gov.in' },
      });
      expect(JSON.stringify(audit.data)).not.toContain(password);
    } finally {
      await first.stop();
    }
    const second = await startMain(env);
    await second.stop();
    expect(second.banner).not.toContain('No DEPwD admin exists yet');
    expect(second.banner).not.toMatch(/demo-credentials/);
  }, 180_000);

  it('refuses a weak password from stdin, a duplicate email, a partner role, a bad email and bad configuration; accepts a strong stdin password', async () => {
    const env = { DATA_DIR: dir };
    const chosen = 'Samaj#Kalyan-2026-Pune';
    // Two at a time (the machine is shared): the stdin and duplicate cases in order, the argument cases beside them.
    const [[weak, strong, dup], [partner, email, config]] = await Promise.all([
      (async () => [
        await staffCreate(['--role', 'ANALYST', '--email', 'analyst@depwd.example.gov.in', '--password-stdin'], env, { stdin: 'password123\n', direct: true }),
        await staffCreate(['--role', 'ANALYST', '--email', 'analyst@depwd.example.gov.in', '--password-stdin'], env, { stdin: chosen + '\n', direct: true }),
        await staffCreate(['--role', 'NIC_OPERATOR', '--email', 'ANALYST@depwd.example.gov.in'], env, { direct: true }),
      ])(),
      (async () => [
        await staffCreate(['--role', 'PARTNER_ADMIN', '--email', 'p@depwd.example.gov.in'], env, { direct: true }),
        await staffCreate(['--role', 'ANALYST', '--email', 'not-an-email'], env, { direct: true }),
        await staffCreate(['--role', 'ANALYST', '--email', 'x@depwd.example.gov.in'], { ...env, DATABASE_URL: 'postgres://db/udid' }, { direct: true }),
      ])(),
    ]);
    expect([weak.code, weak.stdout]).toEqual([64, '']);
    expect(weak.stderr.trim()).toBe('Refused: password must be at least 12 characters. Choose a stronger password, or leave out --password-stdin to have one generated.');
    expect([strong.code, strong.stderr]).toEqual([0, '']);
    expect(strong.stdout).not.toContain(chosen); // a chosen password is never echoed
    expect([dup.code, dup.stdout]).toEqual([1, '']);
    expect(dup.stderr).toMatch(/^A user with the email analyst@depwd\.example\.gov\.in already exists \(user \d+, ANALYST, active\); nothing was changed/);
    expect(partner.code).toBe(64);
    expect(partner.stderr).toMatch(/^--role must be one of DEPWD_ADMIN, NIC_OPERATOR, INTEGRATION_ENGINEER, ANALYST, got "PARTNER_ADMIN"/);
    expect(email.code).toBe(64);
    expect(email.stderr).toMatch(/^--email must be an email address/);
    expect([config.code, config.stdout, config.stderr.trim().split('\n').length]).toEqual([78, '', 1]);
    expect(config.stderr).toMatch(/^Invalid configuration: DATABASE_URL must be/);

    // The server signs in the analyst with the chosen password; nothing else was created.
    const ds = await openDatabase({ sqlitePath: join(dir, 'udid.sqlite') });
    const server = await createServer({ config: loadConfig({ NODE_ENV: 'test', JWT_SECRET, PORT: '0' }, { persistSecret: false }), ds, log: testLogger(), ownsDataSource: true });
    try {
      const port = await server.listen(0, '127.0.0.1');
      expect((await login(`http://127.0.0.1:${port}`, 'analyst@depwd.example.gov.in', chosen)).body.role).toBe('ANALYST');
      const users = await ds.query('SELECT email, role FROM user_account ORDER BY id');
      expect(users).toEqual([{ email: 'first.admin@depwd.example.gov.in', role: 'DEPWD_ADMIN' }, { email: 'analyst@depwd.example.gov.in', role: 'ANALYST' }]);
    } finally {
      await server.close();
    }
  }, 180_000);
});

(TEST_DATABASE_URL ? describe : describe.skip)('staff:create on MariaDB (DATABASE_URL)', () => {
  it('creates the database and its schema, the admin signs in over HTTP with the printed password', async () => {
    const url = new URL(TEST_DATABASE_URL!);
    const name = `udid_t_${randomBytes(4).toString('hex')}`;
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const o = await staffCreate(['--role', 'DEPWD_ADMIN', '--email', 'first.admin@depwd.example.gov.in'], { NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: databaseUrl });
    expect([o.code, o.stderr]).toEqual([0, '']);
    const password = printedPassword(o)!;
    const ds = await openDatabase({ databaseUrl });
    const server = await createServer({ config: loadConfig({ NODE_ENV: 'test', JWT_SECRET, PORT: '0', DATABASE_URL: databaseUrl }, { persistSecret: false }), ds, log: testLogger() });
    try {
      const port = await server.listen(0, '127.0.0.1');
      const r = await login(`http://127.0.0.1:${port}`, 'first.admin@depwd.example.gov.in', password);
      expect([r.status, r.body.role]).toEqual([200, 'DEPWD_ADMIN']);
      const audit = await ds.query("SELECT actor_type, action, target_id FROM admin_audit WHERE action = 'CREATE_STAFF_USER'");
      expect(audit).toEqual([{ actor_type: 'CLI', action: 'CREATE_STAFF_USER', target_id: expect.anything() }]);
      const dup = await staffCreate(['--role', 'ANALYST', '--email', 'first.admin@depwd.example.gov.in'], { NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: databaseUrl }, { direct: true });
      expect(dup.code).toBe(1);
    } finally {
      await server.close();
      await ds.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined);
      await ds.destroy();
    }
  }, 120_000);
});
