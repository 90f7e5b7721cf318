import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn, Str } from '../../core/db/columns';

/** Every onboarding/lifecycle step and staff write: who, what, on what, when, status before/after. */
@Entity('admin_audit')
@Index('ix_admin_audit_target', ['targetType', 'targetId', 'id'])
@Index('ix_admin_audit_time', ['occurredAt'])
export class AdminAuditEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** USER, APPLICATION, PUBLIC, SYSTEM or CLI */
  @Str(12) actorType!: string;
  @Column({ type: 'int', nullable: true }) actorId!: number | null;
  @Str(24, { nullable: true }) actorRole!: string | null;
  @Str(40) action!: string;
  @Str(24) targetType!: string;
  @Column({ type: 'int' }) targetId!: number;
  @Str(24, { nullable: true }) beforeStatus!: string | null;
  @Str(24, { nullable: true }) afterStatus!: string | null;
  @JsonColumn({ nullable: true }) details!: Record<string, unknown> | null;
  @Str(40, { nullable: true }) requestId!: string | null;
  @DateTimeColumn() occurredAt!: Date;
}
