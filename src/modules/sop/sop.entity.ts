import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, Str } from '../../core/db/columns';

/** Why access ended: the SOP's de-activation causes. */
export enum SopCause { TERMINATION = 'TERMINATION', EXPIRY = 'EXPIRY' }

/** What a staff role still has to do after access ended (SOP: "NIC will disable", "the vendor will remove the IP"). */
export enum PendingActionKind { DISABLE_APPLICATION = 'DISABLE_APPLICATION', REMOVE_IPS = 'REMOVE_IPS' }

/** How a task was closed: by the real step (disableApplication, the last revokeIp) or by hand (completePendingAction). */
export enum PendingActionResolution { APPLICATION_DISABLED = 'APPLICATION_DISABLED', IPS_REMOVED = 'IPS_REMOVED', MANUAL = 'MANUAL' }

/**
 * "DEPwD will intimate NIC and the vendor": one row per ended MoU, inserted in the transaction that
 * writes the notices and tasks. Its unique key is the once-only guard: two replicas sweeping at the
 * same moment cannot both insert it, so notices and tasks are written exactly once per MoU.
 */
@Entity('sop_notice')
@Index('uq_sop_notice_mou', ['mouId'], { unique: true })
export class SopNoticeEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) mouId!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Str(16) cause!: string;
  /** Applications that lost access (their tasks), or none when another MoU of the organisation is in force. */
  @Column({ type: 'int' }) applications!: number;
  @Column({ type: 'int' }) messages!: number;
  @DateTimeColumn() createdAt!: Date;
}

/** An open task until done: one per (MoU, application, kind), which the unique key enforces across replicas. */
@Entity('pending_action')
@Index('uq_pending_action', ['mouId', 'applicationId', 'kind'], { unique: true })
@Index('ix_pending_action_open', ['doneAt', 'id'])
@Index('ix_pending_action_app', ['applicationId', 'kind', 'doneAt'])
export class PendingActionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Str(24) kind!: string;
  /** The role that does it (NIC_OPERATOR, INTEGRATION_ENGINEER). */
  @Str(24) role!: string;
  @Column({ type: 'int' }) mouId!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @Str(120) applicationName!: string;
  @Str(16) cause!: string;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) doneAt!: Date | null;
  @Column({ type: 'int', nullable: true }) doneBy!: number | null;
  @Str(24, { nullable: true }) resolution!: string | null;
  @Str(500, { nullable: true }) note!: string | null;
}
