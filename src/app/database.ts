import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from '../core/db/naming.strategy';
import { ensureMysqlDatabase } from '../core/db/database';
import { MIGRATIONS } from '../../migrations';

export interface DbTarget {
  /** mysql://user:pass@host:port/db; unset → SQLite. */
  databaseUrl?: string;
  /** Read replicas of databaseUrl (mysql:// URLs): TypeORM `replication`, default mode master (reads go there only through ctx.db.read()). */
  replicaUrls?: string[];
  /** SQLite file path, or ':memory:'. */
  sqlitePath?: string;
  /** Create tables from the entities instead of running migrations (tests only). */
  synchronize?: boolean;
  logging?: boolean;
}

/**
 * The one DataSource definition: used by the app, the tests and the TypeORM CLI (ormconfig.ts).
 * SQLite file by default, MySQL/MariaDB when a mysql:// URL is given.
 */
export function dataSourceOptions(target: DbTarget): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: target.synchronize ?? false,
    migrationsRun: false,
    logging: target.logging ?? false,
  } as const;
  if (target.databaseUrl) {
    const url = new URL(target.databaseUrl.replace(/^mariadb:/, 'mysql:'));
    const primary = credentials(target.databaseUrl);
    // With replicas every statement still goes to the primary unless a caller asks for a replica runner.
    const servers = target.replicaUrls?.length
      ? {
        replication: {
          master: primary, slaves: target.replicaUrls.map(credentials), defaultMode: 'master' as const,
          // A server refusing connections three times in a row is skipped for 2 s, then tried again (never dropped for good);
          // while no replica answers, ctx.db.read() reads on the primary.
          canRetry: true, removeNodeErrorCount: 3, restoreNodeTimeout: 2000,
        },
      }
      : primary;
    return {
      ...common,
      type: 'mysql',
      ...servers,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      bigNumberStrings: false,
      poolSize: Number(url.searchParams.get('poolSize') ?? 10),
      // Each connection keeps at most 256 prepared statements (mysql2 closes the least recently used), so the
      // read path's statements (one per selected column set and filter) stay well under the server's
      // max_prepared_stmt_count (16,382 by default) whatever partners select, with several replicas.
      extra: { connectTimeout: 5000, enableKeepAlive: true, maxPreparedStatements: 256 },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.sqlitePath ?? 'data/udid.sqlite',
    // WAL lets readers proceed while the access log writes; NORMAL sync is safe with WAL.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/** host, port, user, password and database of a mysql:// URL. */
function credentials(databaseUrl: string) {
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    username: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, '') || 'udid',
  };
}

/** Opens the database, creating it (MySQL) or its folder (SQLite) if needed, and runs the migrations. */
export async function openDatabase(target: DbTarget & { migrate?: boolean }): Promise<DataSource> {
  if (target.databaseUrl) await ensureMysqlDatabase(target.databaseUrl);
  else if (target.sqlitePath && target.sqlitePath !== ':memory:') mkdirSync(dirname(target.sqlitePath), { recursive: true });
  const ds = new DataSource(dataSourceOptions(target));
  await ds.initialize();
  if (target.migrate !== false && !target.synchronize) await ds.runMigrations({ transaction: 'each' });
  return ds;
}

