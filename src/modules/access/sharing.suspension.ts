import type { EntityManager } from 'typeorm';
import { toDbDateTime } from '../../core/db/columns';
import type { RequestContext } from '../../core/request/context';

/** Why sharing with an application is suspended (application.sharing_suspension_kind). */
export type SuspensionKind = 'MANUAL' | 'RECIPROCITY' | 'SCRAPING';

/** Who suspended or resumed: a staff user, the application itself (by reporting), or the system. */
export type SuspensionActor =
  | { type: 'USER'; id: number; role: string; requestId: string | null }
  | { type: 'APPLICATION'; id: number }
  | { type: 'SYSTEM' };

/** The signed-in staff user (or partner) behind a request, as the audit trail names them. */
export function actorOf(ctx: RequestContext): SuspensionActor {
  const p = ctx.principal;
  if (p.kind === 'user') return { type: 'USER', id: p.userId, role: p.role, requestId: ctx.requestId };
  if (p.kind === 'application') return { type: 'APPLICATION', id: p.applicationId };
  return { type: 'SYSTEM' };
}

/** One SQL statement with its parameters, for callers that run raw SQL in their own transaction. */
export interface SqlStep { sql: string; params: unknown[] }

function auditStep(applicationId: number, action: 'SUSPEND_SHARING' | 'RESUME_SHARING', actor: SuspensionActor, at: Date, details: Record<string, unknown>): SqlStep {
  const [before, after] = action === 'SUSPEND_SHARING' ? ['SHARING', 'SUSPENDED'] : ['SUSPENDED', 'SHARING'];
  return {
    sql: `INSERT INTO admin_audit (actor_type, actor_id, actor_role, action, target_type, target_id, before_status, after_status, details, request_id, occurred_at)
          VALUES (?, ?, ?, ?, 'APPLICATION', ?, ?, ?, ?, ?, ?)`,
    params: [actor.type, actor.type === 'SYSTEM' ? null : actor.id, actor.type === 'USER' ? actor.role : null, action, applicationId, before, after,
      JSON.stringify(details), actor.type === 'USER' ? actor.requestId?.slice(0, 40) ?? null : null, toDbDateTime(at)],
  };
}

/** Rows an UPDATE changed, whatever ran it: TypeORM's structured result, better-sqlite3's run() or mysql2's result header. */
function affected(res: unknown): number {
  const r = (res ?? {}) as { affected?: number; changes?: number; affectedRows?: number };
  return Number(r.affected ?? r.changes ?? r.affectedRows ?? 0);
}

/** Runs steps in the caller's transaction (its query runner, structured results). */
async function run<T>(m: EntityManager, gen: Generator<SqlStep, T, unknown>): Promise<T> {
  if (!m.queryRunner) throw new Error('sharing suspension changes run inside a transaction');
  let next = gen.next();
  while (!next.done) next = gen.next(await m.queryRunner.query(next.value.sql, next.value.params, true));
  return next.value;
}

type Suspend = { kind: SuspensionKind; reason: string; actor: SuspensionActor; at: Date; details?: Record<string, unknown>; extraSet?: string; extraParams?: unknown[] };
type Resume = { actor: SuspensionActor; at: Date; onlyKind?: SuspensionKind; clearReciprocity?: boolean; details?: Record<string, unknown> };

/**
 * The one way sharing with an application is suspended or resumed (DESIGN.md §7, §8): a conditional
 * update (only a sharing application is suspended; only a suspended one — of `onlyKind`, when given —
 * is resumed) and its admin-audit row, in the caller's transaction. Returns whether it changed
 * anything (false: someone else got there first, on this replica or another). The caller then
 * invalidates the gate's cache for the application. The same statements are available as steps
 * (suspendSteps/resumeSteps) for a caller that drives its own transaction.
 */
export const SharingSuspension = {
  suspend(m: EntityManager, applicationId: number, s: Suspend): Promise<boolean> {
    return run(m, SharingSuspension.suspendSteps(applicationId, s));
  },

  /** `clearReciprocity`: a benefit report lifted a reciprocity suspension (DEPwD resuming leaves the mark: a new grace period starts from it). */
  resume(m: EntityManager, applicationId: number, r: Resume): Promise<boolean> {
    return run(m, SharingSuspension.resumeSteps(applicationId, r));
  },

  /** suspend() as statements: each step's result is sent back in; returns whether it changed anything. */
  *suspendSteps(applicationId: number, s: Suspend): Generator<SqlStep, boolean, unknown> {
    const at = toDbDateTime(s.at);
    const changed = affected(yield {
      sql: `UPDATE application SET sharing_suspended_at = ?, sharing_suspension_kind = ?, sharing_suspension_reason = ?, updated_at = ?, version = version + 1${s.extraSet ? `, ${s.extraSet}` : ''}
        WHERE id = ? AND sharing_suspended_at IS NULL`,
      params: [at, s.kind, s.reason, at, ...(s.extraParams ?? []), applicationId],
    });
    if (!changed) return false;
    yield auditStep(applicationId, 'SUSPEND_SHARING', s.actor, s.at, { kind: s.kind, ...(s.details ?? {}) });
    return true;
  },

  /** resume() as statements (benefit.store runs them in its own synchronous SQLite transaction). */
  *resumeSteps(applicationId: number, r: Resume): Generator<SqlStep, boolean, unknown> {
    const changed = affected(yield {
      sql: `UPDATE application SET sharing_suspended_at = NULL, sharing_suspension_kind = NULL, sharing_suspension_reason = NULL${r.clearReciprocity ? ', reciprocity_suspended_at = NULL' : ''}, updated_at = ?, version = version + 1
        WHERE id = ? AND sharing_suspended_at IS NOT NULL${r.onlyKind ? ' AND sharing_suspension_kind = ?' : ''}`,
      params: [toDbDateTime(r.at), applicationId, ...(r.onlyKind ? [r.onlyKind] : [])],
    });
    if (!changed) return false;
    yield auditStep(applicationId, 'RESUME_SHARING', r.actor, r.at, r.details ?? {});
    return true;
  },
};
