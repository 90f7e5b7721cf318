import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import type { PartnerFixture } from '../../src/modules/staff/demo.seed';
import { partnerRoots, RootFixtures, runMatrix } from './matrix';

/** Arguments that make every partner query return data (so that each field below it is observable). */
async function fixtures(t: TestServer): Promise<RootFixtures> {
  const [r] = await t.ds.query('SELECT id, udid, date_of_birth, state_code FROM pwd_record ORDER BY id LIMIT 1');
  // One benefit report per application, so that benefitReports has something to serve.
  await t.ds.query(`INSERT INTO benefit_report (application_id, organization_id, udid, pwd_id, state_code, scheme_code, scheme_name, benefit_type,
      amount_paise, benefit_date, client_reference, remarks, channel, status, reversed_at, reversal_reason, created_at)
    SELECT a.id, a.organization_id, ?, ?, ?, 'IGNDPS', 'Pension', 'PENSION', 100, '2026-01-01', 'MATRIX', 'r', 'API', 'REVERSED',
      '2026-01-02 00:00:00.000', 'matrix', '2026-01-01 00:00:00.000' FROM application a
     WHERE NOT EXISTS (SELECT 1 FROM benefit_report b WHERE b.application_id = a.id AND b.client_reference = 'MATRIX')`, [r.udid, r.id, r.state_code]);
  // One consent per application, so that consents has something to serve.
  const grants: { application_id: number; organization_id: number; purpose_id: number }[] = await t.ds.query(
    'SELECT ap.application_id, a.organization_id, ap.purpose_id FROM application_purpose ap JOIN application a ON a.id = ap.application_id WHERE ap.revoked_at IS NULL');
  for (const g of grants) {
    const id = `matrix-${g.application_id}-${g.purpose_id}`;
    if ((await t.ds.query('SELECT 1 FROM consent WHERE consent_id = ?', [id])).length) continue;
    await t.ds.query(`INSERT INTO consent (consent_id, organization_id, application_id, purpose_id, udid, fields, valid_from, valid_to, frequency_unit,
        frequency_value, artefact, recorded_at, revoked_at, revoked_by) VALUES (?, ?, ?, ?, ?, '["name"]', '2026-01-01', '2026-12-31', 'DAY', 1, '{}',
        '2026-01-01 00:00:00.000', '2026-01-02 00:00:00.000', 'PARTNER')`, [id, g.organization_id, g.application_id, g.purpose_id, r.udid]);
  }
  return {
    benefitReports: { first: 2 },
    pwd: { udid: r.udid },
    pwds: { filter: {}, first: 2 },
    verifyUdid: { udid: r.udid, dateOfBirth: String(r.date_of_birth instanceof Date ? r.date_of_birth.toISOString() : r.date_of_birth).slice(0, 10) },
  };
}

describe('authorization matrix (generated from the schema and the scope declarations)', () => {
  let t: TestServer;
  let partner: PartnerFixture;

  beforeAll(async () => {
    t = await startTestServer({ records: 20 });
    partner = await createActivePartner(t.ds);
  });
  afterAll(() => t.close());

  it('covers every partner query', () => {
    // A new partner query joins the matrix by itself; this only guards against the matrix going empty.
    expect(partnerRoots(t)).toEqual(expect.arrayContaining(['me', 'pwd', 'pwds', 'verifyUdid']));
  });

  it('serves each field exactly when the token holds its scope, FORBIDDEN with requiredScope otherwise', async () => {
    const { mismatches, cells } = await runMatrix(t, partner, await fixtures(t));
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(300);
  });

  it('fails against a server without authorization (the matrix can tell)', async () => {
    const open = await startTestServer({ records: 20, authorization: false });
    try {
      const p = await createActivePartner(open.ds);
      const { mismatches } = await runMatrix(open, p, await fixtures(open));
      expect(mismatches.length).toBeGreaterThan(100);
      expect(mismatches).toContainEqual(expect.stringMatching(/^pwd:search: Query\.pwd > PwdRecord\.aadhaarLast4: expected FORBIDDEN/));
      expect(mismatches).toContainEqual(expect.stringMatching(/^pwd:verify: Query\.pwd > PwdRecord\.udid: expected FORBIDDEN at pwd,/));
      expect(mismatches).toContainEqual(expect.stringMatching(/^pwd:identity: Query\.pwds > .*: expected FORBIDDEN at pwds, but it was served/));
    } finally {
      await open.close();
    }
  });
});
