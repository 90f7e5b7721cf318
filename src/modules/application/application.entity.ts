import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn, Str } from '../../core/db/columns';

/**
 * REQUESTED (Application form sent with the registration, or a later request) → CREATED (the
 * activated partner admin names and confirms it) → APPROVED (DEPwD grants scopes and quota) → DISABLED (NIC).
 * Sharing suspension (by DEPwD or by reciprocity) is separate state: `sharingSuspendedAt`.
 */
export enum ApplicationStatus {
  REQUESTED = 'REQUESTED',
  CREATED = 'CREATED',
  APPROVED = 'APPROVED',
  DISABLED = 'DISABLED',
}

@Entity('application')
@Index('ix_application_org_id', ['organizationId', 'id'])
@Index('ix_application_status_id', ['status', 'id'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Index('uq_application_client_id', { unique: true }) @Str(40) clientId!: string;
  @Str(120) name!: string;
  @Str(1000) description!: string;
  @Str(120) contactPerson!: string;
  @Str(160) email!: string;
  /** "API access required for": the approved purpose the data may be used for. */
  @Str(500) purpose!: string;
  @JsonColumn() requestedIps!: string[];
  @JsonColumn() requestedScopes!: string[];
  @JsonColumn({ nullable: true }) approvedScopes!: string[] | null;
  @Column({ type: 'int', default: 0 }) dailyRecordQuota!: number;
  /** Leaky bucket of cost points: capacity and restore rate per second. */
  @Column({ type: 'int', default: 2000 }) costBudget!: number;
  @Column({ type: 'int', default: 100 }) costRestoreRate!: number;
  @Str(12) status!: string;
  @DateTimeColumn() requestedAt!: Date;
  @DateTimeColumn({ nullable: true }) createdAt!: Date | null;
  @DateTimeColumn({ nullable: true }) approvedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) disabledAt!: Date | null;
  @Str(300, { nullable: true }) disabledReason!: string | null;
  @DateTimeColumn({ nullable: true }) sharingSuspendedAt!: Date | null;
  /** MANUAL (DEPwD admin), RECIPROCITY (no benefit reports) or SCRAPING (auto-suspension). */
  @Str(16, { nullable: true }) sharingSuspensionKind!: string | null;
  @Str(500, { nullable: true }) sharingSuspensionReason!: string | null;
  @DateTimeColumn({ nullable: true }) firstRecordAccessAt!: Date | null;
  @DateTimeColumn({ nullable: true }) lastBenefitReportAt!: Date | null;
  /** Set while suspended for RECIPROCITY; still set after a DEPwD resume means "restart the grace period". */
  @DateTimeColumn({ nullable: true }) reciprocitySuspendedAt!: Date | null;
  /** When the reporting grace period last restarted because DEPwD resumed sharing. */
  @DateTimeColumn({ nullable: true }) reportingGraceFrom!: Date | null;
  /** Public keys (JWKS JSON) for RFC 7523 client assertions at /oauth/token; null: none registered. */
  @Column({ type: 'text', nullable: true }) clientJwks!: string | null;
  /** Whether the client secret still authenticates (the partner may switch it off once keys are registered). */
  @Column({ type: 'boolean', default: true }) clientSecretEnabled!: boolean;
  /** Set by DEPwD: tokens must be DPoP-bound (RFC 9449) and every call must carry a proof. */
  @Column({ type: 'boolean', default: false }) dpopRequired!: boolean;
  @DateTimeColumn() updatedAt!: Date;
  @Column({ type: 'int', default: 1 }) version!: number;
}

/** An IP or CIDR from which the application may call. Revocation keeps the row. */
@Entity('application_ip')
@Index('ix_application_ip_app', ['applicationId', 'revokedAt'])
export class ApplicationIpEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @Str(64) cidr!: string;
  @DateTimeColumn() addedAt!: Date;
  @Column({ type: 'int', nullable: true }) addedBy!: number | null;
  @DateTimeColumn({ nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) revokedBy!: number | null;
}

/** A client secret, stored only as a slow hash. Issuing a new one revokes the previous one. */
@Entity('client_credential')
@Index('ix_client_credential_app', ['applicationId', 'revokedAt'])
export class ClientCredentialEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @Str(255) secretHash!: string;
  /** First characters of the secret, to let a partner tell secrets apart (never enough to guess it). */
  @Str(12) secretHint!: string;
  @DateTimeColumn() createdAt!: Date;
  @Column({ type: 'int', nullable: true }) createdBy!: number | null;
  @DateTimeColumn({ nullable: true }) revokedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) lastUsedAt!: Date | null;
}
