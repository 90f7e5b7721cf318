import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, DbTarget } from '../../../ormconfig';

/** Creates the MySQL database named in the URL when it does not exist yet. */
async function ensureMysqlDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  const name = url.pathname.replace(/^\//, '') || 'udid';
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Database name "${name}" must be letters, digits and underscores`);
  url.pathname = '/';
  const admin = new DataSource({
    type: 'mysql',
    host: url.hostname,
    port: Number(url.port || 3306),
    username: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    extra: { connectTimeout: 5000 },
  });
  await admin.initialize();
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.destroy();
  }
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

export const isMysql = (ds: DataSource) => ds.options.type === 'mysql';
