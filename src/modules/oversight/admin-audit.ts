import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import { AdminAuditEntity } from './oversight.entity';

export interface AuditStep {
  action: string;
  targetType: 'ORGANIZATION' | 'MOU' | 'APPLICATION' | 'USER' | 'SCRAPING_ALERT' | 'OUTBOX_MESSAGE' | 'PENDING_ACTION' | 'DESTRUCTION_INSTRUCTION' | 'PURPOSE';
  targetId: number;
  before?: string | null;
  after?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * One row of the admin audit trail (who, in which role, did what to what, status before/after, when,
 * under which request id). Written in the same transaction as the step it records, so a step that
 * rolls back leaves no trail and a step that lands always does.
 */
export async function recordAdminAudit(m: EntityManager, ctx: RequestContext, step: AuditStep): Promise<void> {
  const p = ctx.principal;
  await m.insert(AdminAuditEntity, {
    actorType: p.kind === 'user' ? 'USER' : p.kind === 'application' ? 'APPLICATION' : 'PUBLIC',
    actorId: p.kind === 'user' ? p.userId : p.kind === 'application' ? p.applicationId : null,
    actorRole: p.kind === 'user' ? p.role : null,
    action: step.action,
    targetType: step.targetType,
    targetId: step.targetId,
    beforeStatus: step.before ?? null,
    afterStatus: step.after ?? null,
    details: (step.details ?? null) as never,
    requestId: ctx.requestId.slice(0, 40),
    occurredAt: ctx.clock.now(),
  });
}

/**
 * A step taken outside any request, by an operator's command on the server (`npm run staff:create`):
 * actor type CLI, no user (there may be none yet), the command and the OS account in the details.
 */
export async function recordCommandAudit(m: EntityManager, at: Date, command: { name: string; osUser: string; host: string }, step: AuditStep): Promise<void> {
  await m.insert(AdminAuditEntity, {
    actorType: 'CLI',
    actorId: null,
    actorRole: null,
    action: step.action,
    targetType: step.targetType,
    targetId: step.targetId,
    beforeStatus: step.before ?? null,
    afterStatus: step.after ?? null,
    details: { ...step.details, command: command.name, osUser: command.osUser, host: command.host } as never,
    requestId: null,
    occurredAt: at,
  });
}

/**
 * A step the service takes by itself on a schedule (the SOP sweep finding an expired MoU): actor type
 * SYSTEM, no user, no request.
 */
export async function recordSystemAudit(m: EntityManager, at: Date, job: string, step: AuditStep): Promise<void> {
  await m.insert(AdminAuditEntity, {
    actorType: 'SYSTEM', actorId: null, actorRole: null, action: step.action, targetType: step.targetType, targetId: step.targetId,
    beforeStatus: step.before ?? null, afterStatus: step.after ?? null, details: { ...step.details, job } as never, requestId: null, occurredAt: at,
  });
}
