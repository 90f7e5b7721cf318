import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Signed checkpoints of the access-log chain head (issue 17): one row per checkpoint, its compact JWS
 * (Ed25519, key outside the database). Unique on the sequence and on the event it covers, so two
 * replicas can never store two different checkpoints under one number, nor sign one head twice.
 * QueryRunner API only, so it runs on SQLite and MySQL/MariaDB alike.
 */
export class AccessCheckpoints1795800000006 implements MigrationInterface {
  name = 'AccessCheckpoints1795800000006';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'access_checkpoint',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'seq', type: 'int', isNullable: false },
        { name: 'last_event_id', type: 'int', isNullable: false },
        { name: 'last_hash', type: 'varchar', length: '64', isNullable: false },
        { name: 'signed_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'kid', type: 'varchar', length: '64', isNullable: false },
        { name: 'reason', type: 'varchar', length: '8', isNullable: false },
        { name: 'jws', type: 'varchar', length: '1024', isNullable: false },
      ],
      indices: [
        new TableIndex({ name: 'uq_access_checkpoint_seq', columnNames: ['seq'], isUnique: true }),
        new TableIndex({ name: 'uq_access_checkpoint_event', columnNames: ['last_event_id'], isUnique: true }),
      ],
    }), true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('access_checkpoint', true);
  }
}
