import type { DataSource } from 'typeorm';

type Row = Record<string, unknown>;

/**
 * The hot read path: raw rows from a prepared statement, without TypeORM's per-query machinery (query
 * runner, broadcaster events, the promise wrapper's captured stack). MySQL/MariaDB: `pool.execute` on
 * TypeORM's own mysql2 pool (the same connections, options and date handling; each connection keeps its
 * prepared statements). SQLite: better-sqlite3 statements prepared once on TypeORM's connection.
 * Statements still go through TypeORM's logger, so query logging and the tests' query counts see them.
 * Use for reads the request path repeats; writes and transactions stay on TypeORM. Always the primary:
 * what it reads (records, the gate's rows) is what partners are answered from.
 */
export interface ReadPath {
  rows<T = Row>(sql: string, params: unknown[]): Promise<T[]>;
}

interface MysqlPool {
  execute(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
}
interface SqliteDb {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

const cache = new WeakMap<DataSource, ReadPath>();

/** Called as a statement starts; the function it returns, when it ends (tracing: a span per statement). */
export type StatementObserver = (sql: string) => (err?: unknown) => void;
const observers = new WeakMap<DataSource, StatementObserver>();

/** Statements of the read path bypass TypeORM's query events: tracing watches them here. */
export function observeReadPath(ds: DataSource, observer: StatementObserver): void {
  observers.set(ds, observer);
}

/** `run` observed when an observer is set (one WeakMap look-up otherwise). */
function observed<T>(ds: DataSource, sql: string, run: () => Promise<T>): Promise<T> {
  const observer = observers.get(ds);
  if (!observer) return run();
  const end = observer(sql);
  return run().then((v) => { end(); return v; }, (err) => { end(err); throw err; });
}

export function readPath(ds: DataSource): ReadPath {
  let path = cache.get(ds);
  if (!path) {
    path = create(ds);
    cache.set(ds, path);
  }
  return path;
}

function create(ds: DataSource): ReadPath {
  const log = (sql: string, params: unknown[]) => ds.logger.logQuery(sql, params);
  if (ds.options.type === 'mysql') {
    return {
      rows<T>(sql: string, params: unknown[]) {
        // With replicas (TypeORM replication) the pools form a cluster: the read path stays on the primary.
        const driver = ds.driver as unknown as { pool?: MysqlPool; poolCluster?: { of(pattern: string): MysqlPool } };
        const pool = driver.pool ?? driver.poolCluster?.of('MASTER');
        if (!pool) return ds.query(sql, params) as Promise<T[]>;
        log(sql, params);
        return observed(ds, sql, () => new Promise<T[]>((resolve, reject) => pool.execute(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])))));
      },
    };
  }
  if (ds.options.type === 'better-sqlite3') {
    const statements = new Map<string, ReturnType<SqliteDb['prepare']>>();
    return {
      async rows<T>(sql: string, params: unknown[]) {
        const db = (ds.driver as unknown as { databaseConnection?: SqliteDb }).databaseConnection;
        if (!db) return ds.query(sql, params) as Promise<T[]>;
        log(sql, params);
        let stmt = statements.get(sql);
        if (!stmt) {
          stmt = db.prepare(sql);
          if (statements.size < 200) statements.set(sql, stmt);
        }
        const end = observers.get(ds)?.(sql);
        try {
          const rows = stmt.all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p))) as T[];
          end?.();
          return rows;
        } catch (err) {
          end?.(err);
          throw err;
        }
      },
    };
  }
  return { rows: <T>(sql: string, params: unknown[]) => ds.query(sql, params) as Promise<T[]> };
}
