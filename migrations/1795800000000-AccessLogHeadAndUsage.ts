import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/** The access-log chain head (one row, locked by each batch writer) and distinct records per day. */
export class AccessLogHeadAndUsage1795800000000 implements MigrationInterface {
  name = 'AccessLogHeadAndUsage1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'access_log_head',
      columns: [
        { name: 'id', type: 'int', isPrimary: true, isNullable: false },
        { name: 'last_event_id', type: 'int', isNullable: false },
        { name: 'last_hash', type: 'varchar', length: '64', isNullable: false },
      ],
    }), true);
    // Start from the chain as it stands (empty on a new database).
    const last: { id: number; hash: string }[] = await q.query('SELECT id, hash FROM access_event ORDER BY id DESC LIMIT 1');
    await q.query('INSERT INTO access_log_head (id, last_event_id, last_hash) VALUES (1, ?, ?)', [last[0]?.id ?? 0, last[0]?.hash ?? '0'.repeat(64)]);
    await q.addColumn('usage_daily', new TableColumn({ name: 'distinct_records', type: 'int', default: 0, isNullable: false }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('usage_daily', 'distinct_records');
    await q.dropTable('access_log_head');
  }
}
