import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, DateTimeColumn, JsonColumn, Str } from '../../core/db/columns';

/** How often the consent lets the record be read (API Setu ConsentArtifact `permission.frequency`). */
export enum ConsentFrequencyUnit { HOUR = 'HOUR', DAY = 'DAY', MONTH = 'MONTH', YEAR = 'YEAR' }

/** Who revoked a consent: the partner that recorded it, the person (on /me/record), or DEPwD. */
export enum ConsentRevokedBy { PARTNER = 'PARTNER', PERSON = 'PERSON', DEPWD = 'DEPWD' }

/**
 * A consent artefact (DESIGN.md §11, the API Setu ConsentArtifact shape) for a CONSENT purpose: the
 * person (UDID) lets the data consumer (organisation, application) read these fields for this purpose
 * between two days. A record under a CONSENT purpose is disclosed only while a live consent covers it;
 * revocation takes effect at once.
 */
@Entity('consent')
@Index('uq_consent_artefact', ['consentId'], { unique: true })
@Index('ix_consent_purpose_udid', ['purposeId', 'udid', 'revokedAt'])
@Index('ix_consent_udid', ['udid', 'id'])
export class ConsentEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** The artefact's id (UUID), named by every disclosure it covers. */
  @Str(36) consentId!: string;
  @Column({ type: 'int' }) organizationId!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @Column({ type: 'int' }) purposeId!: number;
  @Str(18) udid!: string;
  /** PwdRecord fields the person agreed to share. */
  @JsonColumn() fields!: string[];
  @DateColumn() validFrom!: string;
  /** Last day covered (inclusive). */
  @DateColumn() validTo!: string;
  @Str(8) frequencyUnit!: string;
  @Column({ type: 'int' }) frequencyValue!: number;
  /** The artefact as issued (JSON text, canonical): what the partner and the person can both point to. */
  @Column({ type: 'text' }) artefact!: string;
  @DateTimeColumn() recordedAt!: Date;
  @DateTimeColumn({ nullable: true }) revokedAt!: Date | null;
  @Str(8, { nullable: true }) revokedBy!: string | null;
}
