import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Bad configuration at start-up (issue 14): the real entry points (src/main.ts, and ormconfig.ts as the
 * TypeORM CLI loads it) end with exit code 78 (EX_CONFIG) and exactly one line on stderr naming the
 * variable — no stack trace, nothing on stdout, nothing started.
 */
const ROOT = resolve(__dirname, '../..');
const EX_CONFIG = 78;

interface Outcome { code: number | null; stdout: string; stderr: string }

function run(args: string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ...args], {
      cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '', stderr = '';
    p.stdout.on('data', (c) => (stdout += c));
    p.stderr.on('data', (c) => (stderr += c));
    const killer = setTimeout(() => p.kill('SIGKILL'), 30_000);
    p.on('close', (code) => { clearTimeout(killer); done({ code, stdout, stderr }); });
  });
}

/** Runs `jobs` with at most `width` at a time (the machine is shared). */
async function bounded<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) { const i = next++; out[i] = await jobs[i](); }
  }));
  return out;
}

// Database-independent (nothing gets as far as a database): run once, in the SQLite pass.
(process.env.TEST_DATABASE_URL ? describe.skip : describe)('fault: start-up with bad configuration', () => {
  let dir: string;
  let aFile: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'udx-config-'));
    aFile = join(dir, 'not-a-folder');
    writeFileSync(aFile, 'x');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // [variable named in the line, the bad setting]
  const cases: [string, Record<string, string>][] = [
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://db/udid' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://[::1/udid' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@127.0.0.1:3306/udid?poolSize=many' }],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['REDIS_KEY_PREFIX', { REDIS_KEY_PREFIX: 'my prefix' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: '' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'cafe' }],
    ['TRUST_PROXY', { TRUST_PROXY: '999.1.1.1/99' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/8,10.1.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'fe80::1/129' }],
    ['SEED_RECORDS', { SEED_RECORDS: '-5' }],
    ['BENEFIT_REPORTING_GRACE_DAYS', { BENEFIT_REPORTING_GRACE_DAYS: '0' }],
    ['GRAPHIQL', { GRAPHIQL: 'maybe' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: '*' }],
    ['SCRAPING_AUTO_SUSPEND', { SCRAPING_AUTO_SUSPEND: 'sometimes' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['METRICS_ALLOW', { METRICS_ALLOW: 'everyone' }],
    ['METRICS_ALLOW', { METRICS_ALLOW: '127.0.0.1/40' }],
    ['METRICS_PORT', { METRICS_PORT: '99999' }],
    ['METRICS_PORT', { PORT: '4100', METRICS_PORT: '4100' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail.example.gov.in', MAIL_FROM: 'no-reply@udid.example.gov.in' }],
    ['MAIL_FROM', { SMTP_URL: 'smtp://mail.example.gov.in:587' }],
    ['MAIL_FROM', { MAIL_FROM: 'no-reply@udid\r\nBcc: x@y.in' }],
    ['MAIL_POLL_MS', { MAIL_POLL_MS: 'often' }],
    ['MAIL_MAX_ATTEMPTS', { MAIL_MAX_ATTEMPTS: '0' }],
    ['DATABASE_REPLICA_URLS', { DATABASE_REPLICA_URLS: 'mysql://reader@10.0.0.12:3306/udid' }],
    ['DATABASE_REPLICA_URLS', { DATABASE_URL: 'mysql://root@127.0.0.1:3306/udid', DATABASE_REPLICA_URLS: 'mysql://reader@10.0.0.12:3306/udid,redis://10.0.0.13' }],
    ['DATABASE_REPLICA_URLS', { DATABASE_URL: 'mysql://root@127.0.0.1:3306/udid', DATABASE_REPLICA_URLS: 'mysql://reader@10.0.0.12:3306/reports' }],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }],
    ['DATA_DIR', { JWT_SECRET: '' }], // DATA_DIR is a file: the generated secret cannot be kept there
    ['SIGNING_KEY_FILE', { NODE_ENV: 'production' }],
    ['SIGNING_KEY_FILE', { SIGNING_KEY_FILE: '/nonexistent/signing-keys.json' }],
    ['CHECKPOINT_EVERY_EVENTS', { CHECKPOINT_EVERY_EVENTS: '0' }],
    ['CHECKPOINT_EVERY_MS', { CHECKPOINT_EVERY_MS: 'often' }],
  ];

  it(`every bad variable (${cases.length} settings) ends src/main.ts with exit 78 and one line naming it`, async () => {
    const base = {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', PORT: '0',
      JWT_SECRET: 'x'.repeat(40), SEED_RECORDS: '10', LOG_LEVEL: 'warn',
    };
    const outcomes = await bounded(cases.map(([variable, bad]) => async () => {
      const dataDir = variable === 'DATA_DIR' ? aFile : join(dir, variable);
      return { variable, bad, ...(await run(['src/main.ts'], { ...base, DATA_DIR: dataDir, ...bad })) };
    }), 4);
    for (const o of outcomes) {
      const lines = o.stderr.split('\n').filter((l) => l.trim() !== '');
      const seen = { bad: o.bad, code: o.code, lines: lines.length, stdout: o.stdout };
      expect(seen).toEqual({ bad: o.bad, code: EX_CONFIG, lines: 1, stdout: '' });
      expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${o.variable} (must|is) `));
      expect(lines[0]).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  }, 120_000);

  it('the TypeORM CLI entry (ormconfig.ts) reports a bad setting the same way', async () => {
    const o = await run(['-e', "require('./ormconfig')"], { PATH: process.env.PATH ?? '', LOG_LEVEL: 'loud', DATA_DIR: dir });
    expect([o.code, o.stderr.trim().split('\n').length, o.stdout]).toEqual([EX_CONFIG, 1, '']);
    expect(o.stderr).toMatch(/^Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/);
  }, 30_000);
});
