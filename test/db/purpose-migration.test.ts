import { openTestDatabase } from '../helpers/server';
import { createActivePartner } from '../../src/modules/staff/demo.seed';
import { Scope } from '../../src/core/authz/scopes';
import { Purposes1795800000004 } from '../../migrations/1795800000004-Purposes';

/**
 * The purposes migration keeps today's applications working (issue 18): on a database written before
 * purposes, every application with approved scopes gets its own approved purpose APP-<id> with those
 * scopes and its quota, under its organisation's latest MoU, granted to it; applications not approved
 * yet get none. Run as the real migration's down() then up() on SQLite and MariaDB.
 */
describe('migration: purposes for the applications approved before them', () => {
  it('backfills one approved purpose per approved application, none for the others', async () => {
    const { ds, drop } = await openTestDatabase();
    try {
      const approved = await createActivePartner(ds, { scopes: [Scope.PWD_VERIFY, Scope.PWD_IDENTITY], dailyRecordQuota: 77 });
      const pending = await createActivePartner(ds);
      await ds.query("UPDATE application SET approved_scopes = NULL, status = 'CREATED' WHERE id = ?", [pending.applicationId]);

      const migration = new Purposes1795800000004();
      const q = ds.createQueryRunner();
      try {
        await migration.down(q);
        expect(await q.hasTable('purpose')).toBe(false);
        expect(await q.hasColumn('access_event', 'purpose_id')).toBe(false);
        await migration.up(q);
      } finally {
        await q.release();
      }

      const purposes: any[] = await ds.query('SELECT p.id, p.organization_id, p.mou_id, p.code, p.scopes, p.daily_record_quota, p.estimated_daily_persons, p.status, p.legal_basis FROM purpose p ORDER BY p.id');
      expect(purposes).toHaveLength(1);
      const [mou] = await ds.query('SELECT id FROM mou WHERE organization_id = ?', [approved.organizationId]);
      expect(purposes[0]).toMatchObject({
        code: `APP-${approved.applicationId}`, status: 'APPROVED', legal_basis: 'STATE_BENEFIT_S7B',
      });
      expect(Number(purposes[0].organization_id)).toBe(approved.organizationId);
      expect(Number(purposes[0].mou_id)).toBe(Number(mou.id));
      expect(JSON.parse(purposes[0].scopes)).toEqual([Scope.PWD_VERIFY, Scope.PWD_IDENTITY]);
      expect(Number(purposes[0].daily_record_quota)).toBe(77);
      expect(Number(purposes[0].estimated_daily_persons)).toBe(77);
      const grants: any[] = await ds.query('SELECT application_id, purpose_id, revoked_at FROM application_purpose');
      expect(grants.map((g) => [Number(g.application_id), Number(g.purpose_id), g.revoked_at])).toEqual([[approved.applicationId, Number(purposes[0].id), null]]);
      expect(await ds.createQueryRunner().hasColumn('access_event', 'purpose_id')).toBe(true);
    } finally {
      await drop();
    }
  });
});
