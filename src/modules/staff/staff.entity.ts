import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, Str } from '../../core/db/columns';

export enum UserStatus { PENDING_ACTIVATION = 'PENDING_ACTIVATION', ACTIVE = 'ACTIVE', DISABLED = 'DISABLED' }

/** Staff (DEPwD, NIC, integration vendor, analysts) and partner users: one table, told apart by role. */
@Entity('user_account')
@Index('ix_user_account_org', ['organizationId'])
export class UserAccountEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Index('uq_user_account_email', { unique: true }) @Str(160) email!: string;
  @Str(120) name!: string;
  @Str(24) role!: string;
  @Column({ type: 'int', nullable: true }) organizationId!: number | null;
  @Str(255, { nullable: true }) passwordHash!: string | null;
  @Str(20) status!: string;
  @Column({ type: 'int', default: 0 }) failedLogins!: number;
  @DateTimeColumn({ nullable: true }) lockedUntil!: Date | null;
  @DateTimeColumn({ nullable: true }) activatedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) lastLoginAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}

/** Single-use, expiring activation link token; stored as a SHA-256 hash. */
@Entity('activation_token')
@Index('ix_activation_token_user', ['userId'])
export class ActivationTokenEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) userId!: number;
  @Index('uq_activation_token_hash', { unique: true }) @Str(64) tokenHash!: string;
  @DateTimeColumn() expiresAt!: Date;
  @DateTimeColumn({ nullable: true }) usedAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}

export enum OutboxStatus { PENDING = 'PENDING', SENT = 'SENT', DEAD_LETTER = 'DEAD_LETTER' }
/** EMAIL: to an address, through SMTP_URL. SMS: to a mobile number (the PwD's sign-in codes), through an SMS sender. */
export enum OutboxChannel { EMAIL = 'EMAIL', SMS = 'SMS' }

/**
 * Messages to send (activation links, notices), written in the transaction of the step that causes
 * them and delivered after commit by the outbox drainer (outbox.drainer.ts): PENDING until SENT, or
 * DEAD_LETTER after the last failed attempt. `claimedBy`/`claimUntil` are a drainer's lease on the row.
 */
@Entity('outbox_message')
@Index('ix_outbox_message_pending', ['sentAt', 'id'])
@Index('ix_outbox_message_due', ['status', 'nextAttemptAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Str(16) channel!: string;
  @Str(160) recipient!: string;
  @Str(200) subject!: string;
  @Column({ type: 'text' }) body!: string;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) sentAt!: Date | null;
  @Str(12, { default: OutboxStatus.PENDING }) status!: string;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Str(500, { nullable: true }) lastError!: string | null;
  /** Not before this (backoff after a failure); null: at once. */
  @DateTimeColumn({ nullable: true }) nextAttemptAt!: Date | null;
  @Str(64, { nullable: true }) claimedBy!: string | null;
  @DateTimeColumn({ nullable: true }) claimUntil!: Date | null;
  @DateTimeColumn({ nullable: true }) deadLetteredAt!: Date | null;
}
