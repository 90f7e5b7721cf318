import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, DateTimeColumn, Str } from '../../core/db/columns';

/** MoU 6.2: "return or destroy … as instructed by DEPwD". */
export enum DestructionMethod { RETURN = 'RETURN', DESTROY = 'DESTROY' }

/**
 * DEPwD's instruction on an ended (or ending) MoU: return or destroy the copies by `dueOn`; answered by
 * the partner's attestation (what was done, on which day, by whom). One per MoU.
 */
@Entity('destruction_instruction')
@Index('uq_destruction_instruction_mou', ['mouId'], { unique: true })
@Index('ix_destruction_instruction_due', ['attestedAt', 'dueOn'])
export class DestructionInstructionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) mouId!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Str(8) method!: string;
  @DateColumn() dueOn!: string;
  @Str(1000) instructions!: string;
  @Column({ type: 'int', nullable: true }) issuedBy!: number | null;
  @DateTimeColumn() issuedAt!: Date;
  @DateTimeColumn({ nullable: true }) attestedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) attestedBy!: number | null;
  /** What the partner did (RETURN or DESTROY), on which day and by whom (name and designation). */
  @Str(8, { nullable: true }) performedMethod!: string | null;
  @DateColumn({ nullable: true }) performedOn!: string | null;
  @Str(200, { nullable: true }) performedBy!: string | null;
}
