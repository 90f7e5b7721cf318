import type { DataSource, EntityManager, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { isUnavailable } from '../errors/errors';

type Row = Record<string, unknown>;

/**
 * Reads that may be a little stale: listings, oversight and analytics. On a replica when
 * DATABASE_REPLICA_URLS is set (each call takes a replica connection and gives it back), else on the
 * primary. Never for a read a decision is taken on (lifecycle read-modify-write, admission, quota,
 * the access log a partner's answer depends on): those stay on `ctx.db.primary`, the primary.
 */
export interface StaleReads {
  /** `replica` when replicas are configured (a read falls back to the primary while none answers), else `primary`. */
  readonly target: 'replica' | 'primary';
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Entity reads (repositories, query builders) on one replica connection, released when `fn` settles. */
  run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T>;
  /** A query builder's entities (listings), read on a replica connection. */
  getMany<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]>;
}

/** The request's database handle: `primary` for writes and decisions; `read()` the seam for reads that may be stale. */
export interface Db {
  readonly primary: DataSource;
  /** Replicas configured (TypeORM `replication` with slaves). */
  readonly replicated: boolean;
  read(): StaleReads;
  /** For /health/ready: whether a replica answers now (`off` without replicas). Never falls back. */
  replicaStatus(): Promise<'ok' | 'unreachable' | 'off'>;
}

const handles = new WeakMap<DataSource, Db>();

/** The handle of a DataSource (one per DataSource; replication is read from its options). */
export function dbHandle(ds: DataSource): Db {
  let h = handles.get(ds);
  if (!h) {
    h = create(ds);
    handles.set(ds, h);
  }
  return h;
}

function create(ds: DataSource): Db {
  const replication = (ds.options as { replication?: { slaves?: unknown[] } }).replication;
  const replicated = !!replication?.slaves?.length;
  const onPrimary: StaleReads = {
    target: 'primary',
    query: <T>(sql: string, params?: unknown[]) => ds.query(sql, params) as Promise<T[]>,
    run: (fn) => fn(ds.manager),
    getMany: (qb) => qb.getMany(),
  };
  if (!replicated) return { primary: ds, replicated, read: () => onPrimary, replicaStatus: async () => 'off' };

  /** A connected replica runner, or null when no replica answers (the read then goes to the primary). */
  const replica = async (): Promise<QueryRunner | null> => {
    const qr = ds.createQueryRunner('slave');
    try {
      await qr.connect();
      return qr;
    } catch (err) {
      await qr.release().catch(() => undefined);
      if (isUnavailable(err)) return null;
      throw err;
    }
  };
  /** `fn` on a replica; on the primary when none answers, or when the replica goes away mid-read (reads only: safe to repeat). */
  const onAReplica = async <T>(fn: (m: EntityManager) => Promise<T>): Promise<T> => {
    const qr = await replica();
    if (!qr) return onPrimary.run(fn);
    try {
      return await fn(qr.manager);
    } catch (err) {
      if (isUnavailable(err)) return onPrimary.run(fn);
      throw err;
    } finally {
      await qr.release().catch(() => undefined);
    }
  };
  const onReplica: StaleReads = {
    target: 'replica',
    query: <T>(sql: string, params?: unknown[]) => onAReplica((m) => m.query(sql, params) as Promise<T[]>),
    run: onAReplica,
    getMany(qb) {
      return onReplica.run((m) => qb.setQueryRunner(m.queryRunner!).getMany());
    },
  };
  const replicaStatus = async () => {
    const qr = await replica().catch(() => null);
    if (!qr) return 'unreachable' as const;
    try { await qr.query('SELECT 1'); return 'ok' as const; } catch { return 'unreachable' as const; } finally { await qr.release(); }
  };
  return { primary: ds, replicated, read: () => onReplica, replicaStatus };
}
