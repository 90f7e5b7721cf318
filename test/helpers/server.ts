import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { loadConfig, Config } from '../../src/core/config/config';
import { openDatabase } from '../../src/app/database';
import { createServer, AppServer } from '../../src/app/server';
import { Clock } from '../../src/core/clock';
import { seedPwdRecords } from '../../src/modules/pwd/pwd.seed';
import { createActivePartner, PartnerFixture } from '../../src/modules/staff/demo.seed';
import pino from 'pino';
import { createLogger, Logger } from '../../src/core/logger';

/** mysql://… when the suites run against MariaDB (TEST_DATABASE_URL), otherwise in-memory SQLite. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const onMysql = !!TEST_DATABASE_URL;

export interface TestServer {
  url: string;
  server: AppServer;
  ds: DataSource;
  clock: Clock;
  config: Config;
  /** POST a GraphQL operation; returns HTTP status, parsed body and headers. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<{ status: number; body: T & { errors?: any[]; data?: any; extensions?: any }; headers: Headers }>;
  /** Typed operation from test/generated/graphql.ts (codegen): result and variables are checked by tsc. */
  op<R, V>(doc: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<{ status: number; data: R | null | undefined; errors?: any[]; extensions?: any }>;
  /** Client-credentials token for a partner fixture (optionally narrowed scopes). */
  appToken(p: PartnerFixture, scope?: string): Promise<string>;
  /** Bearer token of a user (staff or partner admin). */
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh database of its own (a new MySQL schema, or a new in-memory SQLite) per call. `replicaUrls`:
 * servers replicating `databaseUrl`, where the same schema appears (the DataSource reads there through ctx.db.read()).
 */
export async function openTestDatabase(opts: { migrate?: boolean; databaseUrl?: string; replicaUrls?: string[] } = {}): Promise<{ ds: DataSource; drop: () => Promise<void> }> {
  const base = opts.databaseUrl ?? TEST_DATABASE_URL;
  if (base) {
    const name = `udid_t_${randomBytes(4).toString('hex')}`;
    const named = (u: string) => { const url = new URL(u); url.pathname = `/${name}`; return url.toString(); };
    const ds = await openDatabase({ databaseUrl: named(base), replicaUrls: opts.replicaUrls?.map(named), migrate: opts.migrate });
    return {
      ds,
      drop: async () => {
        await ds.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined);
        if (ds.isInitialized) await ds.destroy();
      },
    };
  }
  const ds = await openDatabase({ sqlitePath: ':memory:', migrate: opts.migrate });
  return { ds, drop: async () => { if (ds.isInitialized) await ds.destroy(); } };
}

/**
 * GRAPHQL_EXECUTOR=graphql-js npx jest: the whole suite on the graphql-js executor (default: the
 * server's, jit). On jit, test servers compile every document at first sight (GRAPHQL_JIT_AFTER=0,
 * unless set), so every test's documents run compiled, not on graphql-js's first-run path.
 */
export function executorEnv(): Record<string, string> {
  const e = process.env.GRAPHQL_EXECUTOR;
  return { GRAPHQL_JIT_AFTER: process.env.GRAPHQL_JIT_AFTER ?? '0', ...(e ? { GRAPHQL_EXECUTOR: e } : {}) };
}

export async function startTestServer(opts: { records?: number; env?: Record<string, string>; log?: Logger; databaseUrl?: string; replicaUrls?: string[]; authorization?: boolean } = {}): Promise<TestServer> {
  const { ds, drop } = await openTestDatabase({ databaseUrl: opts.databaseUrl, replicaUrls: opts.replicaUrls });
  if (opts.records !== 0) await seedPwdRecords(ds, opts.records ?? 200);
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('hex'), PORT: '0', ...executorEnv(), ...opts.env }, { persistSecret: false });
  const clock = new Clock();
  const server = await createServer({ config, ds, clock, log: opts.log ?? testLogger(), authorization: opts.authorization });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const ts: TestServer = {
    url, server, ds, clock, config,
    async gql(query, variables, token, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: any;
      try { body = JSON.parse(text); } catch { body = { raw: text }; }
      return { status: res.status, body, headers: res.headers };
    },
    async op(doc, variables, token) {
      const r = await ts.gql(print(doc), variables as Record<string, unknown>, token);
      return { status: r.status, data: r.body.data, errors: r.body.errors, extensions: r.body.extensions };
    },
    async appToken(p, scope) {
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.clientSecret });
      if (scope) form.set('scope', scope);
      const res = await fetch(`${url}/oauth/token`, { method: 'POST', body: form });
      const body: any = await res.json();
      if (!res.ok) throw new Error(`token request failed: ${res.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async login(email, password) {
      const res = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      const body: any = await res.json();
      if (!res.ok) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async close() {
      await server.close();
      await drop();
    },
  };
  return ts;
}

export { createActivePartner };
export type { PartnerFixture };

/**
 * Silent by default. With TEST_LOG_FILE set (CI does), every test server logs at debug level into that
 * file, which CI then scans for personal data and secrets (scripts/check-logs.js).
 */
export function testLogger(): Logger {
  const file = process.env.TEST_LOG_FILE;
  if (file) return createLogger('debug', pino.destination({ dest: file, append: true, sync: true }));
  return createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
}

/**
 * Counts every SQL statement sent while `fn` runs: `ds.query` and everything that goes through a
 * QueryRunner (repositories, query builders, transactions), via the DataSource's logger.
 */
export async function countQueries<T>(ds: DataSource, fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const logger = ds.logger as { logQuery: (q: string, p?: unknown[], r?: unknown) => unknown };
  const original = logger.logQuery;
  logger.logQuery = function (this: unknown, q: string, p?: unknown[], r?: unknown) { queries.push(q); return original.call(this, q, p, r); };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    logger.logQuery = original;
  }
}
