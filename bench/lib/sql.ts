import mysql from 'mysql2/promise';
import Database from 'better-sqlite3';

/**
 * One read-only query on a bench database (mysql://… URL or SQLite file path), outside the server under
 * load: the runner uses it to find record ids by position. Opens and closes its own connection.
 */
export async function queryRows<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (database.startsWith('mysql://')) {
    const conn = await mysql.createConnection(database);
    try {
      return (await conn.query(sql, params))[0] as T[];
    } finally {
      await conn.end();
    }
  }
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The same MariaDB server as `url`, database `name` (created if missing, nothing else written). */
export async function siblingDatabase(url: string, name: string): Promise<string> {
  if (!/^\w+$/.test(name)) throw new Error(`bad database name ${name}`);
  const u = new URL(url);
  u.pathname = '';
  const conn = await mysql.createConnection(u.toString());
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
  u.pathname = `/${name}`;
  return u.toString();
}
