import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, Str } from '../../core/db/columns';

export enum OrganizationCategory { GOVERNMENT = 'GOVERNMENT', PSU = 'PSU', PRIVATE = 'PRIVATE' }

/**
 * Lifecycle of an organisation per the SOP:
 * REGISTERED → APPROVED (DEPwD, after an MoU is recorded) → ACTIVE (NIC) → DEACTIVATED (MoU expired/terminated).
 */
export enum OrganizationStatus {
  REGISTERED = 'REGISTERED',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

/** The SOP's Department form. */
@Entity('organization')
@Index('ix_organization_status_id', ['status', 'id'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Str(200) name!: string;
  @Str(300) address!: string;
  @Str(120) contactPerson!: string;
  @Str(120) designation!: string;
  @Index('uq_organization_email', { unique: true }) @Str(160) email!: string;
  @Str(10) mobile!: string;
  @Str(20, { nullable: true }) phone!: string | null;
  @Str(80) city!: string;
  @Str(60) state!: string;
  @Str(6) pincode!: string;
  @Str(12) category!: string;
  @Str(16) status!: string;
  @DateTimeColumn() registeredAt!: Date;
  @DateTimeColumn({ nullable: true }) approvedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) activatedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) deactivatedAt!: Date | null;
  @Str(300, { nullable: true }) deactivationReason!: string | null;
  @DateTimeColumn() updatedAt!: Date;
  /** Optimistic lock: concurrent lifecycle steps on one organisation cannot both win. */
  @Column({ type: 'int', default: 1 }) version!: number;
}
