import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Column shapes that mean the same on SQLite and MySQL/MariaDB. Entities use these instead of raw
 * driver types so that one migration file serves both databases.
 */

/** Millisecond timestamps stored as UTC DATETIME(3). */
export const DateTimeColumn = (opts: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...opts });

/** Calendar dates, always read and written as 'YYYY-MM-DD' strings (no time-zone drift). */
export const DateColumn = (opts: ColumnOptions = {}) => Column({ type: 'date', ...opts });

export const bigintToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? v : Number(v)),
};

/** Integers that may exceed 2^31 (amounts in paise); returned as JS numbers (safe below 2^53). */
export const BigIntColumn = (opts: ColumnOptions = {}) => Column({ type: 'bigint', transformer: bigintToNumber, ...opts });

/** Small JSON documents (lists of scopes, evidence) stored as TEXT on both databases. */
export const JsonColumn = (opts: ColumnOptions = {}) => Column({ type: 'simple-json', ...opts });

export const Str = (length: number, opts: ColumnOptions = {}) => Column({ type: 'varchar', length, ...opts });

/** Current time truncated to milliseconds (what DATETIME(3) keeps). */
export const nowMs = () => new Date(Math.floor(Date.now()));

/** 'YYYY-MM-DD' of a Date, in UTC. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** 'YYYY-MM-DD HH:MM:SS.SSS' in UTC: how both databases store DATETIME(3) written by raw SQL. */
export const toDbDateTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** Reads a DATETIME from a raw row: MySQL gives a Date, SQLite the UTC string above. */
export function fromDbDateTime(v: Date | string | null | undefined): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  return new Date(v.includes('T') ? v : v.replace(' ', 'T') + 'Z');
}

/** Reads a DATE from a raw row as 'YYYY-MM-DD'. */
export function fromDbDate(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return isoDate(v);
  return v.slice(0, 10);
}

/** A boolean column as a raw query returns it: SQLite 0/1, MySQL/MariaDB tinyint 0/1 (or a string), hydrated entities true/false. */
export const fromDbBool = (v: unknown): boolean => v === true || Number(v) === 1;
