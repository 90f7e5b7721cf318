import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BigIntColumn, DateColumn, DateTimeColumn, Str } from '../../core/db/columns';

/** What a partner reports it delivered to a PwD. Corrections reverse a report; nothing is deleted. */
@Entity('benefit_report')
@Index('uq_benefit_report_app_ref', ['applicationId', 'clientReference'], { unique: true })
@Index('ix_benefit_report_app_id', ['applicationId', 'id'])
@Index('ix_benefit_report_udid', ['udid'])
@Index('ix_benefit_report_app_udid', ['applicationId', 'udid'])
@Index('ix_benefit_report_date', ['benefitDate'])
@Index('ix_benefit_report_state_date', ['stateCode', 'benefitDate'])
@Index('ix_benefit_report_scheme_date', ['schemeCode', 'benefitDate'])
@Index('ix_benefit_report_type_date', ['benefitType', 'benefitDate'])
export class BenefitReportEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Str(18) udid!: string;
  @Column({ type: 'int' }) pwdId!: number;
  /** State of the beneficiary at report time, so state-wise analytics need no join. */
  @Str(2) stateCode!: string;
  @Str(40) schemeCode!: string;
  @Str(200) schemeName!: string;
  @Str(24) benefitType!: string;
  @BigIntColumn({ nullable: true }) amountPaise!: number | null;
  @DateColumn() benefitDate!: string;
  @Str(100) clientReference!: string;
  @Str(500, { nullable: true }) remarks!: string | null;
  /** API or FILE (CSV/XLSX upload). */
  @Str(8) channel!: string;
  @Str(10) status!: string;
  @DateTimeColumn({ nullable: true }) reversedAt!: Date | null;
  @Str(500, { nullable: true }) reversalReason!: string | null;
  @DateTimeColumn() createdAt!: Date;
}
