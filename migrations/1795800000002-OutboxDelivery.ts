import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Outbox delivery (issue 16): per message status, attempts, last error, backoff, a drainer's lease
 * (claimed_by / claim_until) and the dead-letter time. Messages already marked sent become SENT.
 * QueryRunner API only, so it runs on SQLite and MySQL/MariaDB alike.
 */
export class OutboxDelivery1795800000002 implements MigrationInterface {
  name = 'OutboxDelivery1795800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('outbox_message', [
      new TableColumn({ name: 'status', type: 'varchar', length: '12', isNullable: false, default: "'PENDING'" }),
      new TableColumn({ name: 'attempts', type: 'int', isNullable: false, default: 0 }),
      new TableColumn({ name: 'last_error', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'next_attempt_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'claimed_by', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'claim_until', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'dead_lettered_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await q.query("UPDATE outbox_message SET status = 'SENT' WHERE sent_at IS NOT NULL");
    await q.createIndex('outbox_message', new TableIndex({ name: 'ix_outbox_message_due', columnNames: ['status', 'next_attempt_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('outbox_message', 'ix_outbox_message_due');
    for (const c of ['dead_lettered_at', 'claim_until', 'claimed_by', 'next_attempt_at', 'last_error', 'attempts', 'status']) await q.dropColumn('outbox_message', c);
  }
}
