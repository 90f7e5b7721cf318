import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn, Str } from '../../core/db/columns';
import type { Scope } from '../../core/authz/scopes';

/** REQUESTED (registered by the partner admin under an MoU) → APPROVED (DEPwD) ⇄ SUSPENDED (DEPwD); or REJECTED. */
export enum PurposeStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  SUSPENDED = 'SUSPENDED',
  REJECTED = 'REJECTED',
}

/** DPDP Act 2023: a State benefit (s7(b), no consent needed) or the person's consent (s6). */
export enum LegalBasis {
  STATE_BENEFIT_S7B = 'STATE_BENEFIT_S7B',
  CONSENT = 'CONSENT',
}

/** The code of the purpose an application approved by scopes alone gets (today's flow, and the migration's). */
export const defaultPurposeCode = (applicationId: number) => `APP-${applicationId}`;

/**
 * A purpose the data may be used for, registered under an MoU (DESIGN.md §11): it carries the scopes
 * and the daily distinct-record quota a token for it gets. An application is approved for purposes
 * (application_purpose); its token names one.
 */
@Entity('purpose')
@Index('uq_purpose_org_code', ['organizationId', 'code'], { unique: true })
@Index('ix_purpose_status', ['status', 'id'])
export class PurposeEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Column({ type: 'int' }) mouId!: number;
  /** Short name, unique in the organisation, used at /oauth/token (`purpose=`). */
  @Str(40) code!: string;
  @Str(1000) description!: string;
  @Str(24) legalBasis!: string;
  @JsonColumn() scopes!: Scope[];
  /** Declared by the partner: how many distinct persons a day the purpose needs (an alert fires above it). */
  @Column({ type: 'int' }) estimatedDailyPersons!: number;
  /** Set by DEPwD at approval: the cap of distinct records a day under this purpose. */
  @Column({ type: 'int', default: 0 }) dailyRecordQuota!: number;
  @Str(12) status!: string;
  @DateTimeColumn() requestedAt!: Date;
  @Column({ type: 'int', nullable: true }) requestedBy!: number | null;
  @DateTimeColumn({ nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) decidedBy!: number | null;
  @DateTimeColumn({ nullable: true }) suspendedAt!: Date | null;
  @Str(500, { nullable: true }) statusReason!: string | null;
  @DateTimeColumn() updatedAt!: Date;
  @Column({ type: 'int', default: 1 }) version!: number;
}

/** An application approved for a purpose (revocation keeps the row). */
@Entity('application_purpose')
@Index('uq_application_purpose', ['applicationId', 'purposeId'], { unique: true })
@Index('ix_application_purpose_purpose', ['purposeId'])
export class ApplicationPurposeEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @Column({ type: 'int' }) purposeId!: number;
  @DateTimeColumn() grantedAt!: Date;
  @Column({ type: 'int', nullable: true }) grantedBy!: number | null;
  @DateTimeColumn({ nullable: true }) revokedAt!: Date | null;
}
