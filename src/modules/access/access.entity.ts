import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, DateTimeColumn, JsonColumn, Str } from '../../core/db/columns';

/* The access module's tables: the access log and its chain head, alerts, daily usage. Oversight reads them through access.records.ts. */

/**
 * One PwD record returned to a partner. Each row carries the hash of its predecessor, so that an
 * altered or deleted row breaks the chain (`npm run audit:verify`).
 */
@Entity('access_event')
@Index('ix_access_event_udid_time', ['udid', 'occurredAt'])
@Index('ix_access_event_app_time', ['applicationId', 'occurredAt'])
@Index('ix_access_event_time', ['occurredAt'])
export class AccessEventEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @Column({ type: 'int' }) organizationId!: number;
  @Str(18) udid!: string;
  /** pwd, pwds or verifyUdid */
  @Str(16) source!: string;
  @Str(300) scopes!: string;
  @Str(1000) fields!: string;
  @Str(100, { nullable: true }) operationName!: string | null;
  @Str(40) requestId!: string;
  @Str(64) sourceIp!: string;
  @DateTimeColumn() occurredAt!: Date;
  /** The purpose of the token (null on events from before purposes). */
  @Column({ type: 'int', nullable: true }) purposeId!: number | null;
  /** The consent artefact that covered it (CONSENT purposes). */
  @Str(36, { nullable: true }) consentId!: string | null;
  @Str(64) prevHash!: string;
  @Str(64) hash!: string;
}

/**
 * The head of the access-log hash chain: one row (id 1). A writer locks it for the length of its
 * batch transaction, so batches from several processes extend the chain one at a time.
 */
@Entity('access_log_head')
export class AccessLogHeadEntity {
  @PrimaryColumn({ type: 'int' }) id!: number;
  @Column({ type: 'int' }) lastEventId!: number;
  @Str(64) lastHash!: string;
}

/**
 * A signed checkpoint of the chain head: `jws` is the compact JWS (EdDSA) of { seq, eventId, hash, at };
 * the other columns repeat its payload for queries. The same line goes to CHECKPOINT_FILE, off the database.
 */
@Entity('access_checkpoint')
@Index('uq_access_checkpoint_seq', ['seq'], { unique: true })
@Index('uq_access_checkpoint_event', ['lastEventId'], { unique: true })
export class AccessCheckpointEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'int' }) lastEventId!: number;
  @Str(64) lastHash!: string;
  @DateTimeColumn() signedAt!: Date;
  @Str(64) kid!: string;
  /** EVENTS, TIME or CLOSE: what made it due. */
  @Str(8) reason!: string;
  @Str(1024) jws!: string;
}

export enum AlertStatus { OPEN = 'OPEN', ACKNOWLEDGED = 'ACKNOWLEDGED', RESOLVED = 'RESOLVED' }

/** Every kind of alert stored in scraping_alert: the window detector's (scraping.rules.ts) and the others (alerts.ts). */
export enum ScrapingAlertKind {
  UNKNOWN_UDID_RATIO = 'UNKNOWN_UDID_RATIO',
  SEQUENTIAL_UDIDS = 'SEQUENTIAL_UDIDS',
  DISTINCT_RATE_SPIKE = 'DISTINCT_RATE_SPIKE',
  VERIFY_BRUTE_FORCE = 'VERIFY_BRUTE_FORCE',
  EXISTENCE_PROBING = 'EXISTENCE_PROBING',
  PURPOSE_LOAD_EXCEEDED = 'PURPOSE_LOAD_EXCEEDED',
}

@Entity('scraping_alert')
@Index('ix_scraping_alert_status_id', ['status', 'id'])
@Index('ix_scraping_alert_app', ['applicationId', 'raisedAt'])
export class ScrapingAlertEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) applicationId!: number;
  /** UNKNOWN_UDID_RATIO, SEQUENTIAL_UDIDS, DISTINCT_RATE_SPIKE */
  @Str(32) kind!: string;
  @JsonColumn() evidence!: Record<string, unknown>;
  @DateTimeColumn() windowStart!: Date;
  @DateTimeColumn() windowEnd!: Date;
  @Str(16) status!: string;
  @Column({ type: 'boolean', default: false }) autoSuspended!: boolean;
  @DateTimeColumn() raisedAt!: Date;
  @DateTimeColumn({ nullable: true }) acknowledgedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) acknowledgedBy!: number | null;
  @DateTimeColumn({ nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) resolvedBy!: number | null;
  @Str(500, { nullable: true }) resolution!: string | null;
}

/** Per application and day: what it asked for and what it got (usageByApplication). */
@Entity('usage_daily')
@Index('uq_usage_daily_app_day', ['applicationId', 'day'], { unique: true })
@Index('ix_usage_daily_day', ['day'])
export class UsageDailyEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) applicationId!: number;
  @DateColumn() day!: string;
  @Column({ type: 'int', default: 0 }) requests!: number;
  @Column({ type: 'int', default: 0 }) records!: number;
  @Column({ type: 'int', default: 0 }) cost!: number;
  @Column({ type: 'int', default: 0 }) errors!: number;
  @Column({ type: 'int', default: 0 }) unknownLookups!: number;
  /** Distinct PwD records served that day (the daily quota's measure). */
  @Column({ type: 'int', default: 0 }) distinctRecords!: number;
}
