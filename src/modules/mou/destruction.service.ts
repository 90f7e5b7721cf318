import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/request/context';
import { isUniqueViolation } from '../../core/db/guarded';
import { recordAdminAudit } from '../oversight/admin-audit';
import { visibleOrg } from '../../core/auth/actor';
import { badInput, conflict } from '../../core/errors/errors';
import { decodeIdCursor, pageSize, parseId, toConnection } from '../../core/graphql/keyset';
import { OrganizationEntity } from '../organization/organization.entity';
import type { StaffService } from '../staff/staff.service';
import type { OutboxService } from '../staff/outbox.service';
import type { MouService } from './mou.service';
import type { MouEntity } from './mou.entity';
import { MouStatus, mouStatus } from './mou.calendar';
import { DestructionInstructionEntity, DestructionMethod } from './destruction.entity';
import { DestructionInstructionConnection, DestructionInstructionType, DestructionStatus, toDestructionInstruction } from './destruction.types';
import { AttestDataDestructionInput, DestructionInstructionFilter, IssueDestructionInstructionInput } from './mou.inputs';


/**
 * MoU 6.2: DEPwD instructs (return or destroy, by when), and the partner's admins are told so by mail;
 * the partner's attestation answers; analysts see what is overdue.
 */
export class DestructionService {
  constructor(
    private readonly mous: MouService,
    private readonly staff: Pick<StaffService, 'partnerAdmins'>,
    private readonly outbox: Pick<OutboxService, 'enqueue' | 'deliverSoon'>,
  ) {}

  async issue(ctx: RequestContext, input: IssueDestructionInstructionInput): Promise<DestructionInstructionType> {
    const mou = await this.mous.get(ctx, parseId(input.mouId, 'mouId'));
    const today = ctx.clock.today();
    const status = mouStatus(mou, today);
    if (status !== MouStatus.TERMINATED && status !== MouStatus.NOTICE_GIVEN && status !== MouStatus.EXPIRED) {
      throw conflict(`MoU ${mou.reference} is ${status.toLowerCase().replace(/_/g, ' ')}; a return-or-destroy instruction is issued on termination or expiry.`, { requiredStep: 'terminateMou' });
    }
    if (input.dueOn < today) throw badInput(`dueOn ${input.dueOn} is in the past; give the partner a day from today (${today}) on.`);
    const now = ctx.clock.now();
    const by = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
    try {
      const saved = await ctx.db.primary.transaction(async (m) => {
        const r = await m.save(m.create(DestructionInstructionEntity, {
          mouId: mou.id, organizationId: mou.organizationId, method: input.method, dueOn: input.dueOn, instructions: input.instructions.trim(),
          issuedBy: by, issuedAt: now, attestedAt: null, attestedBy: null, performedMethod: null, performedOn: null, performedBy: null,
        }));
        // The notice lands with the instruction: both or neither.
        const org = await m.findOneBy(OrganizationEntity, { id: mou.organizationId });
        const admins = await this.staff.partnerAdmins(m, mou.organizationId);
        for (const a of admins) {
          await this.outbox.enqueue(m, { recipient: a.email, subject: instructionSubject(r, mou), body: instructionBody(a, org?.name ?? `organisation ${mou.organizationId}`, mou, status, r), at: now });
        }
        await recordAdminAudit(m, ctx, {
          action: 'ISSUE_DESTRUCTION_INSTRUCTION', targetType: 'DESTRUCTION_INSTRUCTION', targetId: r.id, after: DestructionStatus.PENDING,
          details: { mouId: mou.id, method: input.method, dueOn: input.dueOn, noticesTo: admins.length },
        });
        return r;
      });
      this.outbox.deliverSoon();
      return toDestructionInstruction(saved, today);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`DEPwD already issued a return-or-destroy instruction for MoU ${mou.reference}.`);
      throw e;
    }
  }

  async list(ctx: RequestContext, filter: DestructionInstructionFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<DestructionInstructionConnection> {
    const n = pageSize(first);
    const today = ctx.clock.today();
    const qb = ctx.db.primary.getRepository(DestructionInstructionEntity).createQueryBuilder('d').orderBy('d.id', 'ASC').take(n + 1).setParameter('today', today);
    const own = visibleOrg(ctx);
    if (own !== null) qb.andWhere('d.organization_id = :own', { own });
    if (filter?.mouId) qb.andWhere('d.mou_id = :mou', { mou: parseId(filter.mouId, 'mouId') });
    if (filter?.status === DestructionStatus.ATTESTED) qb.andWhere('d.attested_at IS NOT NULL');
    if (filter?.status === DestructionStatus.OVERDUE) qb.andWhere('d.attested_at IS NULL AND d.due_on < :today');
    if (filter?.status === DestructionStatus.PENDING) qb.andWhere('d.attested_at IS NULL AND d.due_on >= :today');
    const cursor = decodeIdCursor('destruction', after);
    if (cursor !== null) qb.andWhere('d.id > :cursor', { cursor });
    return toConnection('destruction', await qb.getMany(), n, (e) => toDestructionInstruction(e, today)) as DestructionInstructionConnection;
  }
}

function instructionSubject(ins: DestructionInstructionEntity, mou: MouEntity): string {
  return `DEPwD instruction: ${ins.method === DestructionMethod.RETURN ? 'return' : 'destroy'} UDID data by ${ins.dueOn} (MoU ${mou.reference})`;
}

/** To a partner admin: what to return or destroy, by when, and how to attest it. */
function instructionBody(to: { name: string }, orgName: string, mou: MouEntity, status: MouStatus, ins: DestructionInstructionEntity): string {
  const ended = status === MouStatus.EXPIRED ? `expired on ${mou.expiresOn}`
    : status === MouStatus.NOTICE_GIVEN ? `was terminated on notice; access ends on ${mou.terminatedOn}`
      : `was terminated on ${mou.terminatedOn}`;
  const what = ins.method === DestructionMethod.RETURN
    ? 'return to DEPwD every copy of the UDID records it received through UDID Exchange under this MoU, and keep none'
    : 'destroy every copy of the UDID records it received through UDID Exchange under this MoU (databases, files, backups, printouts)';
  return [
    `Dear ${to.name},`, '',
    `MoU ${mou.reference} between DEPwD and ${orgName} ${ended}.`,
    `Under clause 6.2 of the MoU, DEPwD instructs ${orgName} to ${what}, by ${ins.dueOn}.`, '',
    'DEPwD\'s instructions:', '',
    ...ins.instructions.split('\n').map((l) => `  ${l}`), '',
    `Once done, and by ${ins.dueOn}, attest it: sign in as the partner admin (POST /auth/login) and send`, '',
    `  mutation { attestDataDestruction(input: { mouId: "${mou.id}", statement: "<what was ${ins.method === DestructionMethod.RETURN ? 'returned' : 'destroyed'}, how and when>",`,
    `    performedMethod: ${ins.method}, performedOn: "<YYYY-MM-DD>", performedBy: "<name and designation>" }) { destructionAttestedAt } }`, '',
    `An instruction not attested by ${ins.dueOn} is shown to DEPwD as overdue.`,
  ].join('\n');
}

/**
 * In the attestation's transaction: the instruction of the MoU, if DEPwD issued one, is answered with
 * what was done, when and by whom (required then). Returns the instruction's id, or null when none.
 */
export async function answerInstruction(m: EntityManager, ctx: RequestContext, mouId: number, input: AttestDataDestructionInput): Promise<number | null> {
  const ins = await m.findOneBy(DestructionInstructionEntity, { mouId });
  if (!ins) return null;
  if (!input.performedMethod || !input.performedOn || !input.performedBy) {
    throw badInput(`DEPwD instructed to ${ins.method.toLowerCase()} the copies by ${ins.dueOn}: say what was done (performedMethod), on which day (performedOn) and by whom (performedBy).`);
  }
  if (input.performedOn > ctx.clock.today()) throw badInput(`performedOn ${input.performedOn} is in the future; attest what has been done.`);
  const r = await m.createQueryBuilder().update(DestructionInstructionEntity)
    .set({ attestedAt: ctx.clock.now(), attestedBy: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      performedMethod: input.performedMethod as DestructionMethod, performedOn: input.performedOn, performedBy: input.performedBy.trim() })
    .where('id = :id AND attested_at IS NULL', { id: ins.id }).execute();
  if (!r.affected) throw conflict('The instruction was already answered.');
  return ins.id;
}
