import { startTestServer, TestServer } from './helpers/server';
import { addApplication, appTokenFor, onboardPartner, OnboardedPartner, staffTokens, StaffTokens, tokenRequest } from './helpers/onboarding';
import { addDays } from '../src/core/clock';
import { IssueClientSecretDocument } from './generated/graphql';

const DAY = 86_400_000;
const VERIFY = 'query($u: UDID!, $d: Date!) { verifyUdid(udid: $u, dateOfBirth: $d) { valid } }';

describe('the request gate on partner calls', () => {
  let t: TestServer;
  let staff: StaffTokens;
  let udid: string;

  beforeAll(async () => {
    t = await startTestServer({ records: 20 });
    staff = await staffTokens(t);
    [{ udid }] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const call = (token: string, headers: Record<string, string> = {}) => t.gql(VERIFY, { u: udid, d: '1990-01-01' }, token, headers);
  const expectGate = async (token: string, status: number, codeName: string) => {
    const r = await call(token);
    expect([r.status, r.body.errors?.[0]?.extensions?.code]).toEqual([status, codeName]);
    return r;
  };
  const expectOk = async (token: string) => {
    const r = await call(token);
    expect([r.status, r.body.errors]).toEqual([200, undefined]);
  };
  const staffCall = (q: string, vars: Record<string, unknown>, token: string) => t.gql(q, vars, token).then((r) => {
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    return r.body.data;
  });

  it('401 for a missing, malformed, forged or expired token', async () => {
    const p = await onboardPartner(t, staff);
    const token = await appTokenFor(t, p);
    expect((await call('not-a-jwt')).status).toBe(401);
    expect((await t.gql(VERIFY, { u: udid, d: '1990-01-01' }, undefined, { authorization: 'Basic abc' })).status).toBe(401);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expectGate(forged, 401, 'UNAUTHENTICATED');
    t.clock.advance(16 * 60_000);
    const r = await expectGate(token, 401, 'UNAUTHENTICATED');
    expect(r.body.errors[0].message).toMatch(/expired/);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('APPLICATION_DISABLED while NIC has disabled the application, and back on enable', async () => {
    const p = await onboardPartner(t, staff);
    const token = await appTokenFor(t, p);
    await staffCall('mutation($id: ID!) { disableApplication(input: { applicationId: $id, reason: "MoU review" }) { status } }', { id: p.applicationId }, staff.nic);
    await expectGate(token, 403, 'APPLICATION_DISABLED');
    // No new tokens either.
    expect((await tokenRequest(t, p.clientId, p.clientSecret)).body.error).toBe('unauthorized_client');
    const en = await staffCall('mutation($id: ID!) { enableApplication(input: { applicationId: $id, reason: "review done" }) { status } }', { id: p.applicationId }, staff.nic);
    expect(en.enableApplication.status).toBe('APPROVED');
    await expectOk(token);
  });

  it('IP_NOT_ALLOWED once the address is revoked; X-Forwarded-For is not believed from an untrusted peer', async () => {
    const p = await onboardPartner(t, staff, { ips: ['127.0.0.1/32'] });
    const token = await appTokenFor(t, p);
    await expectOk(token);
    // A spoofed header from a direct (untrusted) peer changes nothing: the socket address decides.
    expect((await call(token, { 'x-forwarded-for': '203.0.113.50' })).status).toBe(200);
    await staffCall('mutation($id: ID!) { revokeIp(input: { applicationId: $id, cidr: "127.0.0.1/32" }) { id } }', { id: p.applicationId }, staff.engineer);
    const r = await expectGate(token, 403, 'IP_NOT_ALLOWED');
    expect(r.body.errors[0].extensions.sourceIp).toBe('127.0.0.1');
    const spoof = await call(token, { 'x-forwarded-for': '127.0.0.1' });
    expect(spoof.body.errors[0].extensions.code).toBe('IP_NOT_ALLOWED');
  });

  it('SHARING_SUSPENDED while DEPwD suspends sharing, with the reason; resumed afterwards', async () => {
    const p = await onboardPartner(t, staff);
    const token = await appTokenFor(t, p);
    const s = await staffCall('mutation($id: ID!) { suspendSharing(input: { applicationId: $id, reason: "No benefit reports for 45 days" }) { sharingSuspended sharingSuspensionKind } }', { id: p.applicationId }, staff.depwd);
    expect(s.suspendSharing).toEqual({ sharingSuspended: true, sharingSuspensionKind: 'MANUAL' });
    const r = await expectGate(token, 403, 'SHARING_SUSPENDED');
    expect(r.body.errors[0].message).toMatch(/No benefit reports/);
    const again = await t.gql('mutation($id: ID!) { suspendSharing(input: { applicationId: $id, reason: "twice over" }) { id } }', { id: p.applicationId }, staff.depwd);
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
    await staffCall('mutation($id: ID!) { resumeSharing(input: { applicationId: $id, reason: "Reports received" }) { sharingSuspended } }', { id: p.applicationId }, staff.depwd);
    await expectOk(token);
  });

  it('MOU_EXPIRED when the MoU expires between two calls, for every application of the organisation', async () => {
    const executedOn = addDays(t.clock.today(), -(3 * 365 + 1) + 2); // expires in a day or two
    const p = await onboardPartner(t, staff, { executedOn });
    const second = await addApplication(t, staff, p);
    const token = await appTokenFor(t, p);
    await expectOk(token);
    await expectOk(await appTokenFor(t, second));
    const [{ expires_on }] = await t.ds.query('SELECT expires_on FROM mou WHERE id = ?', [p.mouId]);
    const expiresOn = String(expires_on instanceof Date ? expires_on.toISOString() : expires_on).slice(0, 10);
    // The clock reaches the first day without access; the token is still within its 15 minutes.
    t.clock.set(new Date(Date.parse(expiresOn + 'T00:00:00+05:30') - 5 * 60_000));
    await expectOk(await appTokenFor(t, p));
    const fresh = await appTokenFor(t, p);
    const fresh2 = await appTokenFor(t, second);
    t.clock.advance(10 * 60_000);
    const r = await expectGate(fresh, 403, 'MOU_EXPIRED');
    expect(r.body.errors[0].message).toContain(expiresOn);
    await expectGate(fresh2, 403, 'MOU_EXPIRED');
  });

  it('termination on notice keeps access until day 30 and cuts it after; MUTUAL cuts it at once', async () => {
    const p = await onboardPartner(t, staff);
    const term = await staffCall('mutation($id: ID!) { terminateMou(input: { mouId: $id, type: NOTICE, reason: "Partner withdrew from the scheme" }) { status terminatedOn daysLeft } }', { id: p.mouId }, staff.depwd);
    expect(term.terminateMou.status).toBe('NOTICE_GIVEN');
    expect(term.terminateMou.terminatedOn).toBe(addDays(t.clock.today(), 30));
    expect(term.terminateMou.daysLeft).toBe(29);
    t.clock.advance(29 * DAY);
    await expectOk(await appTokenFor(t, p));
    t.clock.advance(1 * DAY);
    await expectGate(await appTokenFor(t, p), 403, 'MOU_TERMINATED');

    const later = await staffTokens(t); // staff tokens from before the clock moved have expired
    const q = await onboardPartner(t, later);
    const token = await appTokenFor(t, q);
    await staffCall('mutation($id: ID!) { terminateMou(input: { mouId: $id, type: MUTUAL, reason: "Mutual agreement" }) { status } }', { id: q.mouId }, later.depwd);
    await expectGate(token, 403, 'MOU_TERMINATED');
  });

  it('ORGANIZATION_NOT_ACTIVE after a lapse: a new MoU restores access only through approval and activation again', async () => {
    const p = await onboardPartner(t, staff);
    const token = await appTokenFor(t, p);
    await staffCall('mutation($id: ID!) { terminateMou(input: { mouId: $id, type: MUTUAL, reason: "Mutual agreement" }) { status } }', { id: p.mouId }, staff.depwd);
    await expectGate(token, 403, 'MOU_TERMINATED');
    t.clock.advance(DAY);
    const later = await staffTokens(t);
    const rec = 'mutation($o: ID!, $r: String!, $e: Date!) { recordMou(input: { organizationId: $o, reference: $r, depwdSignatory: "JS DEPwD", partnerSignatory: "Secretary", purpose: "Pension delivery again", executedOn: $e }) { status } }';
    await staffCall(rec, { o: p.organizationId, r: `RENEW/${p.organizationId}`, e: t.clock.today() }, later.depwd);
    const t2 = await appTokenFor(t, p);
    await expectGate(t2, 403, 'ORGANIZATION_NOT_ACTIVE');
    await staffCall('mutation($o: ID!) { approveOrganization(organizationId: $o) { status } }', { o: p.organizationId }, later.depwd);
    await expectGate(t2, 403, 'ORGANIZATION_NOT_ACTIVE');
    const act = await staffCall('mutation($o: ID!) { activateOrganization(organizationId: $o) { partnerAdmin { status } activationLinkExpiresAt } }', { o: p.organizationId }, later.nic);
    expect(act.activateOrganization).toEqual({ partnerAdmin: { status: 'ACTIVE' }, activationLinkExpiresAt: null });
    await expectOk(t2);
  });

  it('rotating the client secret makes the old one invalid_client; scope narrowing and invalid_scope', async () => {
    const p = await onboardPartner(t, staff);
    const rot = await t.op(IssueClientSecretDocument, { applicationId: p.applicationId }, p.adminToken);
    expect(rot.data!.issueClientSecret.revokedPrevious).toBe(1);
    const old = await tokenRequest(t, p.clientId, p.clientSecret);
    expect([old.status, old.body.error]).toEqual([401, 'invalid_client']);
    const fresh = { clientId: p.clientId, clientSecret: rot.data!.issueClientSecret.clientSecret };
    expect((await tokenRequest(t, fresh.clientId, fresh.clientSecret)).body.scope.split(' ').sort()).toEqual(['pwd:identity', 'pwd:search', 'pwd:verify']);

    const narrow = await tokenRequest(t, fresh.clientId, fresh.clientSecret, 'pwd:verify');
    expect(narrow.body.scope).toBe('pwd:verify');
    const r = await t.gql('query($u: UDID!) { pwd(udid: $u) { udid name } }', { u: udid }, narrow.body.access_token);
    expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const wide = await tokenRequest(t, fresh.clientId, fresh.clientSecret, 'pwd:verify pwd:aadhaar');
    expect([wide.status, wide.body.error]).toEqual([400, 'invalid_scope']);
    const junk = await tokenRequest(t, fresh.clientId, fresh.clientSecret, 'everything');
    expect(junk.body.error).toBe('invalid_scope');
  });

  it('a disabled user\'s token stops working; a pending or disabled user cannot sign in', async () => {
    const p = await onboardPartner(t, staff);
    const [{ id }] = await t.ds.query('SELECT id FROM user_account WHERE email = ?', [p.adminEmail]);
    await staffCall('mutation($id: ID!) { disableUser(input: { userId: $id, reason: "Left the department" }) { status } }', { id: String(id) }, staff.nic);
    const r = await t.gql('{ organizations { edges { node { id } } } }', {}, p.adminToken);
    expect([r.status, r.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const login = await fetch(`${t.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: p.adminEmail, password: 'Kalyan#Bhavan2026' }) });
    expect(login.status).toBe(401);
    expect(((await login.json()) as any).errors[0].message).toMatch(/disabled/);
  });
});

describe('X-Forwarded-For from a TRUST_PROXY peer', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ records: 5, env: { TRUST_PROXY: '127.0.0.1/32' } }); });
  afterAll(() => t.close());

  it('is believed only when the direct peer is a trusted proxy', async () => {
    const staff = await staffTokens(t);
    const p = await onboardPartner(t, staff, { ips: ['203.0.113.0/28'] });
    const token = await appTokenFor(t, p);
    const [{ udid }] = await t.ds.query('SELECT udid FROM pwd_record LIMIT 1');
    const via = (xff?: string) => t.gql(VERIFY, { u: udid, d: '1990-01-01' }, token, xff ? { 'x-forwarded-for': xff } : {});
    expect((await via('203.0.113.5')).status).toBe(200);
    expect((await via()).body.errors[0].extensions.code).toBe('IP_NOT_ALLOWED');
    // The client-supplied left part is ignored past the first untrusted hop.
    const r = await via('203.0.113.5, 198.51.100.9');
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'IP_NOT_ALLOWED', sourceIp: '198.51.100.9' });
  });
});
