import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from './database';

const chains = new WeakMap<DataSource, Promise<unknown>>();

/**
 * A transaction that never overlaps another one taken through this helper on the same SQLite
 * DataSource. SQLite has one connection per DataSource: two overlapping transactions fail with
 * "cannot start a transaction within a transaction". On MySQL each transaction has its own pooled
 * connection, so this is a plain transaction.
 */
export function serialTransaction<T>(ds: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  if (isMysql(ds)) return ds.transaction(fn);
  const prev = chains.get(ds) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(() => ds.transaction(fn));
  chains.set(ds, next.catch(() => undefined));
  return next;
}
