import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const, isNullable: false };
const int = (name: string, isNullable = false) => ({ name, type: 'int', isNullable });
const str = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
const at = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });
const date = (name: string, isNullable = false) => ({ name, type: 'date', isNullable });

/**
 * The SOP's de-activation steps (issue 16): sop_notice (one per ended MoU; its unique key makes the
 * sweep once-only across replicas), pending_action (the open tasks of NIC and the integration vendor,
 * unique per MoU, application and kind) and destruction_instruction (MoU 6.2, one per MoU).
 * QueryRunner API only, so it runs on SQLite and MySQL/MariaDB alike.
 */
export class SopNoticesAndTasks1795800000003 implements MigrationInterface {
  name = 'SopNoticesAndTasks1795800000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'sop_notice',
      columns: [id, int('mou_id'), int('organization_id'), str('cause', 16), int('applications'), int('messages'), at('created_at')],
      indices: [new TableIndex({ name: 'uq_sop_notice_mou', columnNames: ['mou_id'], isUnique: true })],
    }), true);
    await q.createTable(new Table({
      name: 'pending_action',
      columns: [
        id, str('kind', 24), str('role', 24), int('mou_id'), int('organization_id'), int('application_id'), str('application_name', 120),
        str('cause', 16), at('created_at'), at('done_at', true), int('done_by', true), str('resolution', 24, true), str('note', 500, true),
      ],
      indices: [
        new TableIndex({ name: 'uq_pending_action', columnNames: ['mou_id', 'application_id', 'kind'], isUnique: true }),
        new TableIndex({ name: 'ix_pending_action_open', columnNames: ['done_at', 'id'] }),
        new TableIndex({ name: 'ix_pending_action_app', columnNames: ['application_id', 'kind', 'done_at'] }),
      ],
    }), true);
    await q.createTable(new Table({
      name: 'destruction_instruction',
      columns: [
        id, int('mou_id'), int('organization_id'), str('method', 8), date('due_on'), str('instructions', 1000), int('issued_by', true), at('issued_at'),
        at('attested_at', true), int('attested_by', true), str('performed_method', 8, true), date('performed_on', true), str('performed_by', 200, true),
      ],
      indices: [
        new TableIndex({ name: 'uq_destruction_instruction_mou', columnNames: ['mou_id'], isUnique: true }),
        new TableIndex({ name: 'ix_destruction_instruction_due', columnNames: ['attested_at', 'due_on'] }),
      ],
    }), true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('destruction_instruction', true);
    await q.dropTable('pending_action', true);
    await q.dropTable('sop_notice', true);
  }
}
