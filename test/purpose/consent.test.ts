import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import { appTokenFor, approveForConsentPurpose, onboardPartner, OnboardedPartner, staffTokens, StaffTokens } from '../helpers/onboarding';
import { cards } from '../helpers/benefit';
import { addDays } from '../../src/core/clock';
import { verifyAccessLog } from '../../src/modules/access/access-log.verify';

/**
 * Consent artefacts (DESIGN.md §11, issue 18) over HTTP: under a CONSENT purpose a record is disclosed
 * only while a live consent covers that UDID, those fields and today, else it is null with
 * CONSENT_REQUIRED (not counted against the quota, not logged); every disclosure names its consent;
 * revocation is at once.
 */
describe('consent artefacts', () => {
  let t: TestServer;
  let staff: StaffTokens;
  let p: OnboardedPartner;
  let token: string;
  let udids: string[];
  let consentId: string;

  const read = (udid: string, fields = 'udid name') => t.gql(`query($u: UDID!) { pwd(udid: $u) { ${fields} } }`, { u: udid }, token);
  const record = (input: Record<string, unknown>, tok = token) =>
    t.gql('mutation($i: RecordConsentInput!) { recordConsent(input: $i) { consentId udid purpose fields validFrom validTo status frequency { unit value } artefact } }', { i: input }, tok);

  beforeAll(async () => {
    t = await startTestServer({ records: 40 });
    staff = await staffTokens(t);
    p = await onboardPartner(t, staff);
    udids = (await cards(t.ds, 6)).map((c) => c.udid);
    await approveForConsentPurpose(t, staff, p, {
      code: 'SCHOLARSHIP_CONSENT', description: 'Scholarship applications, with the applicant\'s consent', scopes: ['PWD_VERIFY', 'PWD_IDENTITY', 'PWD_SEARCH'],
    });
    token = await appTokenFor(t, p);
  });
  afterAll(() => t?.close());

  it('without a consent the record is null with CONSENT_REQUIRED, nothing is counted or logged', async () => {
    const r = await read(udids[0]);
    expect(r.status).toBe(200);
    expect(r.body.data.pwd).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', purpose: 'SCHOLARSHIP_CONSENT' });
    const me = await t.gql('{ me { purpose dailyRecordQuota { used } } }', {}, token);
    expect(me.body.data.me).toEqual({ purpose: 'SCHOLARSHIP_CONSENT', dailyRecordQuota: { used: 0 } });
    await t.server.services.accessLog.flush();
    expect(await t.ds.query('SELECT id FROM access_event WHERE application_id = ?', [p.applicationId])).toHaveLength(0);
  });

  it('recordConsent validates fields against the purpose, dates, and the purpose\'s legal basis', async () => {
    const today = t.clock.today();
    const mobile = await record({ udid: udids[0], fields: ['name', 'mobile'], validFrom: today, validTo: addDays(today, 30) });
    expect(mobile.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['mobile'] });
    const backwards = await record({ udid: udids[0], fields: ['name'], validFrom: addDays(today, 5), validTo: today });
    expect(backwards.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const tooLong = await record({ udid: udids[0], fields: ['name'], validFrom: today, validTo: addDays(today, 400) });
    expect(tooLong.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // An application whose purpose is a State benefit does not record consents.
    const state = await createActivePartner(t.ds);
    const s = await record({ udid: udids[0], fields: ['name'], validFrom: today, validTo: addDays(today, 30) }, await t.appToken(state));
    expect(s.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(s.body.errors[0].message).toMatch(/State benefit/);
    // Staff do not record consents.
    const byStaff = await record({ udid: udids[0], fields: ['name'], validFrom: today, validTo: addDays(today, 30) }, staff.depwd);
    expect(byStaff.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a live consent covers exactly its UDID and fields; each disclosure names it', async () => {
    const today = t.clock.today();
    const r = await record({ udid: udids[0], fields: ['name', 'gender'], validFrom: today, validTo: addDays(today, 30) });
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.recordConsent;
    expect(c).toMatchObject({ udid: udids[0], purpose: 'SCHOLARSHIP_CONSENT', fields: ['name', 'gender'], status: 'LIVE', frequency: { unit: 'DAY', value: 1 } });
    const artefact = JSON.parse(c.artefact);
    expect(artefact).toMatchObject({ consentId: c.consentId, User: { idType: 'UDID', idNumber: udids[0] }, Data: { fields: ['name', 'gender'] },
      Permission: { dateRange: { from: today, to: addDays(today, 30) } }, Purpose: { code: 'SCHOLARSHIP_CONSENT' } });
    consentId = c.consentId;

    expect((await read(udids[0])).body.data.pwd.udid).toBe(udids[0]);
    const wider = await read(udids[0], 'udid name dateOfBirth');
    expect(wider.body.data.pwd).toBeNull();
    expect(wider.body.errors[0].extensions.code).toBe('CONSENT_REQUIRED');
    // A page: only the covered record is disclosed; the others keep their place as null.
    const page = await t.gql('{ pwds(filter: {}, first: 5) { edges { node { udid name } } } }', {}, token);
    const nodes = page.body.data.pwds.edges.map((e: any) => e.node?.udid ?? null);
    expect(nodes.filter(Boolean)).toEqual([udids[0]]);
    expect(page.body.errors.every((e: any) => e.extensions.code === 'CONSENT_REQUIRED')).toBe(true);

    await t.server.services.accessLog.flush();
    const events = await t.ds.query('SELECT udid, consent_id FROM access_event WHERE application_id = ?', [p.applicationId]);
    expect(events.length).toBe(2);
    expect(events.every((e: any) => e.udid === udids[0] && e.consent_id === consentId)).toBe(true);
    expect((await verifyAccessLog(t.ds)).ok).toBe(true);
    const log = await t.gql('query($a: Int!) { accessLog(filter: { applicationId: $a }) { edges { node { purpose consentId } } } }', { a: Number(p.applicationId) }, staff.analyst);
    expect(log.body.data.accessLog.edges.map((e: any) => e.node)).toEqual([
      { purpose: 'SCHOLARSHIP_CONSENT', consentId }, { purpose: 'SCHOLARSHIP_CONSENT', consentId },
    ]);
  });

  it('a consent not yet valid covers nothing', async () => {
    const today = t.clock.today();
    const r = await record({ udid: udids[1], fields: ['name'], validFrom: addDays(today, 2), validTo: addDays(today, 10) });
    expect(r.body.data.recordConsent.status).toBe('NOT_YET_VALID');
    expect((await read(udids[1])).body.errors[0].extensions.code).toBe('CONSENT_REQUIRED');
  });

  it('revocation takes effect at once; only the consent\'s organisation or DEPwD may revoke', async () => {
    const other = await onboardPartner(t, staff);
    const foreign = await t.gql('mutation($c: ID!) { revokeConsent(consentId: $c) { status } }', { c: consentId }, await appTokenFor(t, other));
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const byAnalyst = await t.gql('mutation($c: ID!) { revokeConsent(consentId: $c) { status } }', { c: consentId }, staff.analyst);
    expect(byAnalyst.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const r = await t.gql('mutation($c: ID!) { revokeConsent(consentId: $c) { status revokedBy } }', { c: consentId }, token);
    expect(r.body.data.revokeConsent).toEqual({ status: 'REVOKED', revokedBy: 'PARTNER' });
    const after = await read(udids[0]);
    expect(after.body.data.pwd).toBeNull();
    expect(after.body.errors[0].extensions.code).toBe('CONSENT_REQUIRED');
    const again = await t.gql('mutation($c: ID!) { revokeConsent(consentId: $c) { status } }', { c: consentId }, token);
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');

    const listed = await t.gql('query($u: UDID!) { consents(udid: $u) { consentId status } }', { u: udids[0] }, staff.analyst);
    expect(listed.body.data.consents).toEqual([{ consentId, status: 'REVOKED' }]);
    const own = await t.gql('{ consents(status: REVOKED) { consentId } }', {}, await appTokenFor(t, other));
    expect(own.body.data.consents).toEqual([]);
  });

  it("once the application has registered keys, a consent must carry the partner's signature of exactly it", async () => {
    const today = t.clock.today();
    const key = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(key.publicKey)), kid: 'consent-key', alg: 'ES256' };
    const reg = await t.gql('mutation($i: RegisterClientKeysInput!) { registerClientKeys(input: $i) { clientKeyIds } }',
      { i: { applicationId: p.applicationId, jwks: JSON.stringify({ keys: [jwk] }) } }, p.adminToken);
    expect(reg.body.data.registerClientKeys.clientKeyIds).toEqual(['consent-key']);
    const consent = { udid: udids[2], purpose: 'SCHOLARSHIP_CONSENT', fields: ['name'], validFrom: today, validTo: addDays(today, 7) };
    const sign = async (payload: unknown, k = key.privateKey) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', kid: 'consent-key' }).sign(k);
    const input = { udid: consent.udid, fields: consent.fields, validFrom: consent.validFrom, validTo: consent.validTo };

    const unsigned = await record(input);
    expect(unsigned.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unsigned.body.errors[0].message).toMatch(/sign the consent/);
    const stranger = await generateKeyPair('ES256');
    expect((await record({ ...input, partnerSignature: await sign(consent, stranger.privateKey) })).body.errors[0].message).toMatch(/not a JWS by one of/);
    expect((await record({ ...input, partnerSignature: await sign({ ...consent, fields: ['name', 'dateOfBirth'] }) })).body.errors[0].message).toMatch(/signs another consent/);

    const jws = await sign(consent);
    const ok = await record({ ...input, partnerSignature: jws });
    expect(ok.body.errors).toBeUndefined();
    expect(JSON.parse(ok.body.data.recordConsent.artefact).Signature).toBe(jws);
    expect((await read(udids[2])).body.data.pwd.udid).toBe(udids[2]);
  });
});
