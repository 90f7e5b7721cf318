import { Entity, Index, OneToMany, ManyToOne, JoinColumn, PrimaryGeneratedColumn, Column } from 'typeorm';
import { DateColumn, DateTimeColumn, Str } from '../../core/db/columns';

/**
 * One Person with Disability behind a UDID card. Aadhaar is held only as its last four digits:
 * the full number never enters this system.
 */
@Entity('pwd_record')
@Index('ix_pwd_record_state_id', ['stateCode', 'id'])
@Index('ix_pwd_record_state_district_id', ['stateCode', 'district', 'id'])
@Index('ix_pwd_record_percentage_id', ['disabilityPercentage', 'id'])
@Index('ix_pwd_record_updated_id', ['updatedAt', 'id'])
export class PwdRecordEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Index('uq_pwd_record_udid', { unique: true }) @Str(18) udid!: string;
  @Str(12) cardStatus!: string;
  @DateColumn() cardIssuedOn!: string;

  @Str(120) name!: string;
  @Str(160, { nullable: true }) nameRegional!: string | null;
  @Str(120) guardianName!: string;
  @Str(12) gender!: string;
  @DateColumn() dateOfBirth!: string;

  @Str(10) mobile!: string;
  @Str(160, { nullable: true }) email!: string | null;
  @Str(300) address!: string;
  @Str(6) pincode!: string;
  @Str(60) district!: string;
  @Str(2) districtCode!: string;
  @Str(60) state!: string;
  @Str(2) stateCode!: string;

  @Str(40) primaryDisability!: string;
  @Column({ type: 'smallint' }) disabilityPercentage!: number;
  @Str(10) certificateType!: string;
  @Str(40) certificateNumber!: string;
  @DateColumn() certificateIssuedOn!: string;
  @DateColumn({ nullable: true }) validUntil!: string | null;
  @Str(160) issuingAuthority!: string;

  @Str(24) education!: string;
  @Str(24) employment!: string;
  @Str(24) incomeBand!: string;
  @Column({ type: 'boolean' }) belowPovertyLine!: boolean;

  @Str(4) aadhaarLast4!: string;

  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;

  @OneToMany(() => PwdDisabilityEntity, (d) => d.pwd) disabilities?: PwdDisabilityEntity[];
}

/** A person may have several of the 21 disabilities; one row per (person, type). */
@Entity('pwd_disability')
@Index('uq_pwd_disability_pwd_type', ['pwdId', 'type'], { unique: true })
@Index('ix_pwd_disability_type_pwd', ['type', 'pwdId'])
export class PwdDisabilityEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) pwdId!: number;
  @Str(40) type!: string;
  @ManyToOne(() => PwdRecordEntity, (p) => p.disabilities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pwd_id', foreignKeyConstraintName: 'fk_pwd_disability_pwd' })
  pwd?: PwdRecordEntity;
}
