import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, Str } from '../../core/db/columns';

/**
 * A one-time code asked for on /me/record with a UDID and a date of birth. The row exists whether or not
 * they matched (`udid` null when not: no code was sent, and none can succeed), so the answer and the
 * stored shape are the same either way. The challenge (in the code form) and the code are kept only as
 * keyed hashes; the code expires and allows a few tries.
 */
@Entity('person_sign_in')
@Index('uq_person_sign_in_challenge', ['challengeHash'], { unique: true })
@Index('ix_person_sign_in_expires', ['expiresAt'])
export class PersonSignInEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Str(64) challengeHash!: string;
  /** The matched record's UDID; null when the UDID is unknown or the date of birth did not match. */
  @Str(18, { nullable: true }) udid!: string | null;
  @Str(64) codeHash!: string;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() expiresAt!: Date;
  @DateTimeColumn({ nullable: true }) usedAt!: Date | null;
}

/** A signed-in person: the cookie's random token as a hash, a fixed lifetime, ended by sign-out. */
@Entity('person_session')
@Index('uq_person_session_token', ['tokenHash'], { unique: true })
@Index('ix_person_session_udid', ['udid', 'id'])
@Index('ix_person_session_expires', ['expiresAt'])
export class PersonSessionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Str(64) tokenHash!: string;
  @Str(18) udid!: string;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() expiresAt!: Date;
  @DateTimeColumn({ nullable: true }) endedAt!: Date | null;
}
