import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from '../errors/errors';

/**
 * Optimistic lifecycle update: applies `set` only if the row still has the `version` we read, and
 * bumps the version. Two concurrent steps on the same row cannot both win; the loser gets CONFLICT.
 */
export async function guardedUpdate<T extends ObjectLiteral>(
  m: EntityManager, entity: EntityTarget<T>, id: number, version: number, set: Record<string, unknown>, what: string,
): Promise<void> {
  const r = await m.createQueryBuilder().update(entity)
    .set({ ...set, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (!r.affected) throw conflict(`${what} was changed by someone else at the same moment; reload it and retry.`);
}

/** A conditional UPDATE (`where` states the precondition); CONFLICT with `message` when no row matched. */
export async function conditionalUpdate<T extends ObjectLiteral>(
  m: EntityManager, entity: EntityTarget<T>, set: Record<string, unknown>, where: string, params: Record<string, unknown>, message: string,
): Promise<void> {
  const r = await m.createQueryBuilder().update(entity).set(set as never).where(where, params).execute();
  if (!r.affected) throw conflict(message);
}

/** A unique-key violation on SQLite or MySQL/MariaDB (the once-only guards rely on it). */
export const isUniqueViolation = (e: unknown): boolean => /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i.test(String((e as Error)?.message ?? e));
