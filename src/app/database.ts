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
    return {
      ...common,
      type: 'mysql',
      host: url.hostname,
      port: Number(url.port || 3306),
      username: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
      database: url.pathname.replace(/^\//, '') || 'udid',
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      bigNumberStrings: false,
      poolSize: Number(url.searchParams.get('poolSize') ?? 10),
      extra: { connectTimeout: 5000, enableKeepAlive: true },
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


/** Opens the database, creating it (MySQL) or its folder (SQLite) if needed, and runs the migrations. */
export async function openDatabase(target: DbTarget & { migrate?: boolean }): Promise<DataSource> {
  if (target.databaseUrl) await ensureMysqlDatabase(target.databaseUrl);
  else if (target.sqlitePath && target.sqlitePath !== ':memory:') mkdirSync(dirname(target.sqlitePath), { recursive: true });
  const ds = new DataSource(dataSourceOptions(target));
  await ds.initialize();
  if (target.migrate !== false && !target.synchronize) await ds.runMigrations({ transaction: 'each' });
  return ds;
}

