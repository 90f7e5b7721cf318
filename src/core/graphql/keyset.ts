import { badInput } from '../errors/errors';

/** Opaque keyset cursors for the oversight listings: `<kind>:<id>` in base64url. */
export const encodeIdCursor = (kind: string, id: number) => Buffer.from(`${kind}:${id}`).toString('base64url');

export function decodeIdCursor(kind: string, cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  const m = new RegExp(`^${kind}:(\\d{1,12})$`).exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('The "after" cursor is not one this API issued for this list; pass pageInfo.endCursor from the previous page.');
  return Number(m[1]);
}

export function pageSize(first: number | null | undefined, max = 100): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(`"first" must be between 1 and ${max}.`);
  return n;
}

/** A page of rows fetched with LIMIT first + 1, as Relay edges. */
export function toConnection<R extends { id: number }, N>(kind: string, rows: R[], first: number, map: (r: R) => N) {
  const page = rows.slice(0, first);
  return {
    edges: page.map((r) => ({ cursor: encodeIdCursor(kind, r.id), node: map(r) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeIdCursor(kind, page[page.length - 1].id) : null },
  };
}

/** GraphQL ID → positive integer row id, or BAD_USER_INPUT naming the argument. */
export function parseId(value: string | number, what: string): number {
  const s = String(value);
  if (!/^[1-9]\d{0,11}$/.test(s)) throw badInput(`${what} must be a numeric id such as "42", got "${s.slice(0, 20)}".`);
  return Number(s);
}
