import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Reciprocity bookkeeping on application (DESIGN.md §8) and an index for per-application
 * beneficiary counts. QueryRunner API only, so it runs on SQLite and MySQL/MariaDB alike.
 */
export class BenefitReciprocity1795800000001 implements MigrationInterface {
  name = 'BenefitReciprocity1795800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('application', [
      new TableColumn({ name: 'reciprocity_suspended_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'reporting_grace_from', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await q.createIndex('benefit_report', new TableIndex({ name: 'ix_benefit_report_app_udid', columnNames: ['application_id', 'udid'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('benefit_report', 'ix_benefit_report_app_udid');
    await q.dropColumn('application', 'reporting_grace_from');
    await q.dropColumn('application', 'reciprocity_suspended_at');
  }
}
