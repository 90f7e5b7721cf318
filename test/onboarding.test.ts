import { startTestServer, TestServer } from './helpers/server';
import { appTokenFor, onboardPartner, PASSWORD, registrationInput, staffTokens, StaffTokens, activationTokenFor } from './helpers/onboarding';
import { addDays } from '../src/core/clock';
import {
  ActivateAccountDocument, ActivateOrganizationDocument, AllowIpDocument, ApproveApplicationDocument, ApproveOrganizationDocument,
  AuditTrailDocument, CreateApplicationDocument, IssueClientSecretDocument, RecordMouDocument, RegisterOrganizationDocument,
} from './generated/graphql';

const code = (r: { errors?: any[] }) => r.errors?.[0]?.extensions?.code;

describe('onboarding: the SOP from registration to a first data query', () => {
  let t: TestServer;
  let staff: StaffTokens;

  beforeAll(async () => {
    t = await startTestServer({ records: 30 });
    staff = await staffTokens(t);
  });
  afterAll(() => t.close());

  it('runs every step in order, each by its role, and the issued secret reads PwD data', async () => {
    const p = await onboardPartner(t, staff);
    const token = await appTokenFor(t, p);
    const [row] = await t.ds.query('SELECT udid, name FROM pwd_record ORDER BY id LIMIT 1');
    const res = await t.gql('query($u: UDID!) { pwd(udid: $u) { udid name } }', { u: row.udid }, token);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.pwd).toEqual({ udid: row.udid, name: row.name });

    // Every step landed in the audit trail, with actor role, before/after status and request id.
    const trail = await t.op(AuditTrailDocument, { first: 100 }, staff.analyst);
    const actions = trail.data!.auditTrail.edges.map((e) => e.node).filter((n) => [p.organizationId, p.applicationId, p.mouId].includes(n.targetId) || n.targetType === 'USER');
    const names = actions.map((a) => a.action);
    for (const a of ['REGISTER_ORGANIZATION', 'REQUEST_APPLICATION', 'RECORD_MOU', 'APPROVE_ORGANIZATION', 'ACTIVATE_ORGANIZATION', 'CREATE_PARTNER_ADMIN',
      'ISSUE_ACTIVATION_LINK', 'ALLOW_IP', 'ACTIVATE_ACCOUNT', 'CREATE_APPLICATION', 'APPROVE_APPLICATION', 'ISSUE_CLIENT_SECRET']) {
      expect(names).toContain(a);
    }
    const approve = actions.find((a) => a.action === 'APPROVE_ORGANIZATION')!;
    expect(approve).toMatchObject({ actorType: 'USER', actorRole: 'DEPWD_ADMIN', targetType: 'ORGANIZATION', beforeStatus: 'REGISTERED', afterStatus: 'APPROVED' });
    expect(approve.requestId).toBeTruthy();
    expect(actions.find((a) => a.action === 'REGISTER_ORGANIZATION')).toMatchObject({ actorType: 'PUBLIC', afterStatus: 'REGISTERED' });
    expect(actions.find((a) => a.action === 'APPROVE_APPLICATION')).toMatchObject({
      actorRole: 'DEPWD_ADMIN', beforeStatus: 'CREATED', afterStatus: 'APPROVED', details: { scopes: ['pwd:verify', 'pwd:identity', 'pwd:search'], dailyRecordQuota: 5000 },
    });
    // Secrets never reach the trail: only the hint.
    expect(JSON.stringify(trail.data)).not.toContain(p.clientSecret);
  });

  it('rejects every step out of SOP order with CONFLICT naming the step that must come first', async () => {
    const reg = await t.op(RegisterOrganizationDocument, { input: registrationInput() });
    const orgId = reg.data!.registerOrganization.organization.id;
    const appId = reg.data!.registerOrganization.application.id;

    // Approve before an MoU; activate before approval; allowlist before activation.
    const approve = await t.op(ApproveOrganizationDocument, { organizationId: orgId }, staff.depwd);
    expect(code(approve)).toBe('CONFLICT');
    expect(approve.errors![0].message).toMatch(/recordMou/);
    const activate = await t.op(ActivateOrganizationDocument, { organizationId: orgId }, staff.nic);
    expect(code(activate)).toBe('CONFLICT');
    expect(activate.errors![0].message).toMatch(/approveOrganization/);
    const allow = await t.op(AllowIpDocument, { input: { applicationId: appId, cidr: '203.0.113.7' } }, staff.engineer);
    expect(code(allow)).toBe('CONFLICT');
    expect(allow.errors![0].message).toMatch(/activate/);

    await t.op(RecordMouDocument, { input: { organizationId: orgId, reference: `REF/${orgId}/A`, depwdSignatory: 'JS DEPwD', partnerSignatory: 'Secretary',
      purpose: 'Scholarship delivery to students', executedOn: addDays(t.clock.today(), -1) } }, staff.depwd);
    // Approving an application nobody has created (confirmed) yet.
    const appr = await t.op(ApproveApplicationDocument, { input: { applicationId: appId, scopes: ['PWD_VERIFY'], dailyRecordQuota: 10 } }, staff.depwd);
    expect(code(appr)).toBe('CONFLICT');
    expect(appr.errors![0].message).toMatch(/organisation .* registered|createApplication/);

    expect((await t.op(ApproveOrganizationDocument, { organizationId: orgId }, staff.depwd)).data?.approveOrganization.status).toBe('APPROVED');
    const again = await t.op(ApproveOrganizationDocument, { organizationId: orgId }, staff.depwd);
    expect(code(again)).toBe('CONFLICT');
    const act = await t.op(ActivateOrganizationDocument, { organizationId: orgId }, staff.nic);
    expect(act.data?.activateOrganization.partnerAdmin.status).toBe('PENDING_ACTIVATION');
    expect(code(await t.op(ActivateOrganizationDocument, { organizationId: orgId }, staff.nic))).toBe('CONFLICT');

    // A pending partner admin cannot sign in.
    const pending = await fetch(`${t.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: act.data!.activateOrganization.partnerAdmin.email, password: PASSWORD }) });
    expect(pending.status).toBe(401);

    const token = await activationTokenFor(t, act.data!.activateOrganization.partnerAdmin.email);
    await t.op(ActivateAccountDocument, { input: { token, password: PASSWORD } });
    const admin = await t.login(act.data!.activateOrganization.partnerAdmin.email, PASSWORD);

    // Secret for an application that is only requested; approval still before createApplication.
    const early = await t.op(IssueClientSecretDocument, { applicationId: appId }, admin);
    expect(code(early)).toBe('CONFLICT');
    expect(early.errors![0].message).toMatch(/createApplication/);
    const appr2 = await t.op(ApproveApplicationDocument, { input: { applicationId: appId, scopes: ['PWD_VERIFY'], dailyRecordQuota: 10 } }, staff.depwd);
    expect(appr2.errors![0].message).toMatch(/createApplication/);

    const form = registrationInput().application;
    expect((await t.op(CreateApplicationDocument, { input: { applicationId: appId, form } }, admin)).data?.createApplication.status).toBe('CREATED');
    expect(code(await t.op(CreateApplicationDocument, { input: { applicationId: appId, form } }, admin))).toBe('CONFLICT');
    // Scopes beyond those requested are refused.
    const wide = await t.op(ApproveApplicationDocument, { input: { applicationId: appId, scopes: ['PWD_AADHAAR'], dailyRecordQuota: 10 } }, staff.depwd);
    expect(code(wide)).toBe('BAD_USER_INPUT');
    expect(wide.errors![0].message).toMatch(/pwd:aadhaar/);
  });

  it('allows each step only to the role the SOP names (FORBIDDEN otherwise, UNAUTHENTICATED without a token)', async () => {
    const p = await onboardPartner(t, staff);
    const calls: [string, Record<string, unknown>, string[]][] = [
      ['mutation($id: ID!) { approveOrganization(organizationId: $id) { id } }', { id: p.organizationId }, ['nic', 'engineer', 'analyst', 'partner']],
      ['mutation($id: ID!) { activateOrganization(organizationId: $id) { activationLinkExpiresAt } }', { id: p.organizationId }, ['depwd', 'engineer', 'analyst', 'partner']],
      ['mutation($id: ID!) { allowIp(input: { applicationId: $id, cidr: "198.51.100.1" }) { id } }', { id: p.applicationId }, ['depwd', 'nic', 'analyst', 'partner']],
      ['mutation($id: ID!) { revokeIp(input: { applicationId: $id, cidr: "127.0.0.1/32" }) { id } }', { id: p.applicationId }, ['depwd', 'nic', 'analyst', 'partner']],
      ['mutation($id: ID!) { approveApplication(input: { applicationId: $id, scopes: [PWD_VERIFY], dailyRecordQuota: 5 }) { id } }', { id: p.applicationId }, ['nic', 'engineer', 'analyst', 'partner']],
      ['mutation($id: ID!) { issueClientSecret(applicationId: $id) { clientSecret } }', { id: p.applicationId }, ['depwd', 'nic', 'engineer', 'analyst']],
      ['mutation($id: ID!) { disableApplication(input: { applicationId: $id, reason: "testing roles" }) { id } }', { id: p.applicationId }, ['depwd', 'engineer', 'analyst', 'partner']],
      ['mutation($id: ID!) { suspendSharing(input: { applicationId: $id, reason: "testing roles" }) { id } }', { id: p.applicationId }, ['nic', 'engineer', 'analyst', 'partner']],
      ['mutation($id: ID!) { terminateMou(input: { mouId: $id, type: MUTUAL, reason: "testing roles" }) { id } }', { id: p.mouId }, ['nic', 'engineer', 'analyst', 'partner']],
      ['mutation($id: ID!) { attestDataDestruction(input: { mouId: $id, statement: "All copies were destroyed on the server." }) { id } }', { id: p.mouId }, ['depwd', 'nic', 'engineer', 'analyst']],
      ['mutation($id: ID!) { recordMou(input: { organizationId: $id, reference: "X/1", depwdSignatory: "JS", partnerSignatory: "Sec", purpose: "Scholarship delivery", executedOn: "2026-01-01" }) { id } }', { id: p.organizationId }, ['nic', 'engineer', 'analyst', 'partner']],
    ];
    const tokens: Record<string, string> = { ...staff, partner: p.adminToken };
    const appToken = await appTokenFor(t, p);
    for (const [q, vars, wrong] of calls) {
      for (const who of wrong) {
        const r = await t.gql(q, vars, tokens[who]);
        expect([q.slice(0, 40), who, code(r.body)]).toEqual([q.slice(0, 40), who, 'FORBIDDEN']);
      }
      expect(code((await t.gql(q, vars, appToken)).body)).toBe('FORBIDDEN');
      expect(code((await t.gql(q, vars)).body)).toBe('UNAUTHENTICATED');
    }
  });

  it('validates the registration forms with a clear message per field, writing nothing', async () => {
    const input = registrationInput();
    const bad = {
      department: { ...input.department, email: 'not-an-email', mobile: '12345', pincode: '4110', category: 'GOVERNMENT' },
      application: { ...input.application, publicIps: ['10.0.0.0/33', 'example.com'] },
    };
    const [{ n: before }] = await t.ds.query('SELECT COUNT(*) AS n FROM organization');
    const r = await t.gql('mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } } }', { i: bad });
    expect(code(r.body)).toBe('BAD_USER_INPUT');
    const fields = r.body.errors[0].extensions.invalidFields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['department.email', 'department.mobile', 'department.pincode', 'application.publicIps']));
    const cat = await t.gql('mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } } }', { i: { ...input, department: { ...input.department, category: 'NGO' } } });
    expect(code(cat.body)).toBe('BAD_USER_INPUT');
    const [{ n: after }] = await t.ds.query('SELECT COUNT(*) AS n FROM organization');
    expect(Number(after)).toBe(Number(before));
    // The same department email twice is a conflict, not a second organisation.
    await t.op(RegisterOrganizationDocument, { input });
    expect(code(await t.op(RegisterOrganizationDocument, { input }))).toBe('CONFLICT');
  });
});
