import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, DbTarget } from '../../ormconfig';
import { ensureMysqlDatabase } from '../core/db/database';

/** Opens the database, creating it (MySQL) or its folder (SQLite) if needed, and runs the migrations. */
export async function openDatabase(target: DbTarget & { migrate?: boolean }): Promise<DataSource> {
  if (target.databaseUrl) await ensureMysqlDatabase(target.databaseUrl);
  else if (target.sqlitePath && target.sqlitePath !== ':memory:') mkdirSync(dirname(target.sqlitePath), { recursive: true });
  const ds = new DataSource(dataSourceOptions(target));
  await ds.initialize();
  if (target.migrate !== false && !target.synchronize) await ds.runMigrations({ transaction: 'each' });
  return ds;
}

