import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const, isNullable: false };
const int = (name: string, isNullable = false) => ({ name, type: 'int', isNullable });
const str = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
const text = (name: string) => ({ name, type: 'text', isNullable: false });
const at = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });

/**
 * Purposes (issue 18, DESIGN.md §11): purpose (registered under an MoU; scopes, quota, legal basis),
 * application_purpose (an application approved for a purpose), access_event.purpose_id (every access
 * names its purpose), consent (artefacts for CONSENT purposes; access_event.consent_id names the one that
 * covered a disclosure). Today's applications keep working: each approved one gets its own purpose
 * APP-<id> with its approved scopes and quota, under its organisation's latest MoU, granted to it.
 * QueryRunner API only, so it runs on SQLite and MySQL/MariaDB alike.
 */
export class Purposes1795800000004 implements MigrationInterface {
  name = 'Purposes1795800000004';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'purpose',
      columns: [
        id, int('organization_id'), int('mou_id'), str('code', 40), str('description', 1000), str('legal_basis', 24), text('scopes'),
        int('estimated_daily_persons'), { ...int('daily_record_quota'), default: 0 }, str('status', 12), at('requested_at'), int('requested_by', true),
        at('decided_at', true), int('decided_by', true), at('suspended_at', true), str('status_reason', 500, true), at('updated_at'), { ...int('version'), default: 1 },
      ],
      indices: [
        new TableIndex({ name: 'uq_purpose_org_code', columnNames: ['organization_id', 'code'], isUnique: true }),
        new TableIndex({ name: 'ix_purpose_status', columnNames: ['status', 'id'] }),
      ],
    }), true);
    await q.createTable(new Table({
      name: 'application_purpose',
      columns: [id, int('application_id'), int('purpose_id'), at('granted_at'), int('granted_by', true), at('revoked_at', true)],
      indices: [
        new TableIndex({ name: 'uq_application_purpose', columnNames: ['application_id', 'purpose_id'], isUnique: true }),
        new TableIndex({ name: 'ix_application_purpose_purpose', columnNames: ['purpose_id'] }),
      ],
    }), true);
    await q.addColumn('access_event', new TableColumn(int('purpose_id', true)));
    await q.addColumn('access_event', new TableColumn(str('consent_id', 36, true)));
    await q.createTable(new Table({
      name: 'consent',
      columns: [
        id, str('consent_id', 36), int('organization_id'), int('application_id'), int('purpose_id'), str('udid', 18), text('fields'),
        { name: 'valid_from', type: 'date', isNullable: false }, { name: 'valid_to', type: 'date', isNullable: false },
        str('frequency_unit', 8), int('frequency_value'), text('artefact'), at('recorded_at'), at('revoked_at', true), str('revoked_by', 8, true),
      ],
      indices: [
        new TableIndex({ name: 'uq_consent_artefact', columnNames: ['consent_id'], isUnique: true }),
        new TableIndex({ name: 'ix_consent_purpose_udid', columnNames: ['purpose_id', 'udid', 'revoked_at'] }),
        new TableIndex({ name: 'ix_consent_udid', columnNames: ['udid', 'id'] }),
      ],
    }), true);

    const apps: Record<string, unknown>[] = await q.query(
      `SELECT id, organization_id, purpose, approved_scopes, daily_record_quota, approved_at, updated_at FROM application WHERE approved_scopes IS NOT NULL ORDER BY id`);
    for (const a of apps) {
      const mous: { id: number }[] = await q.query('SELECT id FROM mou WHERE organization_id = ? ORDER BY effective_from DESC, id DESC', [a.organization_id]);
      if (!mous.length) continue;
      const when = a.approved_at ?? a.updated_at;
      await q.query(
        `INSERT INTO purpose (organization_id, mou_id, code, description, legal_basis, scopes, estimated_daily_persons, daily_record_quota, status,
                              requested_at, requested_by, decided_at, decided_by, suspended_at, status_reason, updated_at, version)
         VALUES (?, ?, ?, ?, 'STATE_BENEFIT_S7B', ?, ?, ?, 'APPROVED', ?, NULL, ?, NULL, NULL, NULL, ?, 1)`,
        [a.organization_id, mous[0].id, `APP-${a.id}`, String(a.purpose).slice(0, 1000), String(a.approved_scopes), Number(a.daily_record_quota), Number(a.daily_record_quota), when, when, when],
      );
      const [p]: { id: number }[] = await q.query('SELECT id FROM purpose WHERE organization_id = ? AND code = ?', [a.organization_id, `APP-${a.id}`]);
      await q.query('INSERT INTO application_purpose (application_id, purpose_id, granted_at, granted_by, revoked_at) VALUES (?, ?, ?, NULL, NULL)', [a.id, p.id, when]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('consent', true);
    await q.dropColumn('access_event', 'consent_id');
    await q.dropColumn('access_event', 'purpose_id');
    await q.dropTable('application_purpose', true);
    await q.dropTable('purpose', true);
  }
}
