import http from 'node:http';
import type { BlockList } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type Redis from 'ioredis';
import { clientIp, ipInList } from './client-ip';

/**
 * GET /metrics on the main port, for peers in METRICS_ALLOW only (the caller's IP as clientIp sees it,
 * so a request forwarded by a TRUST_PROXY proxy counts as its original client). Anyone else, and
 * everyone when METRICS_PORT moves the endpoint to a port of its own, falls through to the 404 of an
 * unknown endpoint: the endpoint is not advertised.
 */
export function metricsRoute(registry: Registry, opts: { allow: BlockList; trusted: BlockList | null; enabled: boolean }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!opts.enabled || !ipInList(opts.allow, clientIp(req, opts.trusted))) return next();
    res.setHeader('Content-Type', registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await registry.metrics());
  };
}

/** The listener of METRICS_PORT: GET /metrics and nothing else, to whoever can reach the port. */
export function metricsListener(registry: Registry): http.Server {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: this port serves GET /metrics only.\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text),
      () => res.writeHead(500).end(),
    );
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  return server;
}

/** What the runtime gauges read; each part is optional (no Redis, SQLite). */
export interface RuntimeSources {
  ds: DataSource;
  /** The shared Redis client when REDIS_URL is set. */
  redis: Redis | null;
  /** Counter operations that fell back to process memory because Redis did not answer. */
  redisFallbacks: () => number;
  /** The access-log writer: batches that failed to write (and are retried), events written. */
  accessLog: { readonly failures: number; readonly written: number };
  /** The checkpoint signer: checkpoints this process signed, and failed attempts (signing or appending to CHECKPOINT_FILE; retried). */
  checkpoints?: { readonly signed: number; readonly failures: number };
  /** How /graphql requests were authorized under graphql-jit (absent under graphql-js: always field by field). */
  authorization?: { readonly decided: number; readonly perField: number } | null;
}

interface MysqlPool {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** mysql2's pools behind TypeORM's driver (one, or one per node with replication); none on SQLite. */
function mysqlPools(ds: DataSource): MysqlPool[] {
  const driver = ds.driver as unknown as { pool?: MysqlPool; poolCluster?: { _nodes?: Record<string, { pool: MysqlPool }> } };
  if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return [];
  if (driver.poolCluster?._nodes) return Object.values(driver.poolCluster._nodes).map((n) => n.pool);
  return driver.pool ? [driver.pool] : [];
}

/** A counter that mirrors a running total kept elsewhere (it only ever grows). */
function mirroredCounter(registry: Registry, name: string, help: string, read: () => number) {
  let seen = 0;
  new Counter({
    name, help, registers: [registry],
    collect() {
      const now = read();
      if (now > seen) { this.inc(now - seen); seen = now; }
    },
  });
}

/**
 * Gauges read at scrape time: the database pool (MySQL/MariaDB; SQLite has one connection and no
 * pool, so the pool metrics are absent there), Redis (up/down and fallbacks to local counters) and
 * the access-log writer's write failures.
 */
export function observeRuntime(registry: Registry, src: RuntimeSources): void {
  const pools = () => mysqlPools(src.ds);
  if (src.ds.options.type === 'mysql' || src.ds.options.type === 'mariadb') {
    new Gauge({
      name: 'udx_db_pool_connections', help: 'Database pool connections by state (in_use, idle) and the pool\'s maximum (max)',
      labelNames: ['state'] as const, registers: [registry],
      collect() {
        let all = 0, idle = 0, max = 0;
        for (const p of pools()) {
          all += p._allConnections?.length ?? 0;
          idle += p._freeConnections?.length ?? 0;
          max += p.config?.connectionLimit ?? 0;
        }
        this.set({ state: 'in_use' }, all - idle);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'max' }, max);
      },
    });
    new Gauge({
      name: 'udx_db_pool_waiting_requests', help: 'Queries waiting for a free database connection', registers: [registry],
      collect() { this.set(pools().reduce((n, p) => n + (p._connectionQueue?.length ?? 0), 0)); },
    });
  }
  if (src.redis) {
    const redis = src.redis;
    new Gauge({
      name: 'udx_redis_up', help: '1 while the Redis connection is ready, 0 while it is not (counters fall back to process memory)',
      registers: [registry], collect() { this.set(redis.status === 'ready' ? 1 : 0); },
    });
    mirroredCounter(registry, 'udx_redis_fallbacks_total', 'Counter operations served from process memory because Redis did not answer', src.redisFallbacks);
  }
  mirroredCounter(registry, 'udx_access_log_write_failures_total', 'Access-log batch writes that failed (the events are kept and retried)', () => src.accessLog.failures);
  mirroredCounter(registry, 'udx_access_log_events_written_total', 'Access events written to the database', () => src.accessLog.written);
  if (src.authorization) {
    const a = src.authorization;
    mirroredCounter(registry, 'udx_authorization_decided_total', 'Operations whose authorization was decided once before execution (every rule on the principal granted)', () => a.decided);
    mirroredCounter(registry, 'udx_authorization_per_field_total', 'Operations authorized field by field by graphql-shield (a rule on the principal did not grant)', () => a.perField);
  }
  if (src.checkpoints) {
    const cp = src.checkpoints;
    mirroredCounter(registry, 'udx_access_checkpoints_signed_total', 'Signed checkpoints of the access-log chain head made by this process', () => cp.signed);
    mirroredCounter(registry, 'udx_access_checkpoint_failures_total', 'Checkpoint attempts that failed (signing, storing or appending to CHECKPOINT_FILE); retried', () => cp.failures);
  }
}
