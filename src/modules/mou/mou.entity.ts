import { Entity, Index, PrimaryGeneratedColumn, Column } from 'typeorm';
import { DateColumn, DateTimeColumn, Str } from '../../core/db/columns';

export enum MouTerminationType { MUTUAL = 'MUTUAL', NOTICE = 'NOTICE' }

/**
 * A Memorandum of Understanding between DEPwD and an organisation. In force from `effectiveFrom`
 * until the day before `expiresOn` (3 years from execution) unless `terminatedOn` comes first.
 * Whether it is in force is decided by the calendar on each call, never by a job.
 */
@Entity('mou')
@Index('ix_mou_org_effective', ['organizationId', 'effectiveFrom'])
@Index('ix_mou_expires', ['expiresOn', 'id'])
export class MouEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Index('uq_mou_reference', { unique: true }) @Str(60) reference!: string;
  @Str(120) depwdSignatory!: string;
  @Str(120) partnerSignatory!: string;
  @Str(300) purpose!: string;
  @DateColumn() executedOn!: string;
  @DateColumn() effectiveFrom!: string;
  @DateColumn() expiresOn!: string;
  @Str(10, { nullable: true }) terminationType!: string | null;
  @DateColumn({ nullable: true }) terminationNoticeOn!: string | null;
  /** First day on which the MoU is no longer in force because of termination. */
  @DateColumn({ nullable: true }) terminatedOn!: string | null;
  @Str(500, { nullable: true }) terminationReason!: string | null;
  @DateTimeColumn({ nullable: true }) destructionAttestedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) destructionAttestedBy!: number | null;
  @Str(1000, { nullable: true }) destructionAttestation!: string | null;
  @Column({ type: 'int', nullable: true }) recordedBy!: number | null;
  @DateTimeColumn() createdAt!: Date;
}
