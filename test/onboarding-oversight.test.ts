import { print } from 'graphql';
import { startTestServer, TestServer } from './helpers/server';
import { activationTokenFor, onboardPartner, PASSWORD, registrationInput, staffTokens, StaffTokens } from './helpers/onboarding';
import { addDays } from '../src/core/clock';
import {
  ActivateAccountDocument, ActivateOrganizationDocument, ApproveOrganizationDocument, MousDocument, OrganizationsDocument,
  RecordMouDocument, RegisterOrganizationDocument,
} from './generated/graphql';
import { REGISTRATIONS_PER_IP_PER_HOUR } from '../src/modules/organization/organization.service';
import { LOGIN_FAILURES_PER_ACCOUNT } from '../src/modules/staff/login.limiter';

const code = (r: { errors?: any[] }) => r.errors?.[0]?.extensions?.code;
const HOUR = 3_600_000;

describe('onboarding: oversight, activation links, sign-in limits', () => {
  let t: TestServer;
  let staff: StaffTokens;

  beforeAll(async () => {
    t = await startTestServer({ records: 5 });
    staff = await staffTokens(t);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  /** Registered, MoU recorded, approved and activated: the partner admin holds an unused activation link. */
  async function activatedOrg() {
    const reg = await t.op(RegisterOrganizationDocument, { input: registrationInput() });
    const orgId = reg.data!.registerOrganization.organization.id;
    await t.op(RecordMouDocument, { input: { organizationId: orgId, reference: `REF/${orgId}`, depwdSignatory: 'JS DEPwD', partnerSignatory: 'Secretary',
      purpose: 'Pension delivery to PwDs', executedOn: t.clock.today() } }, staff.depwd);
    await t.op(ApproveOrganizationDocument, { organizationId: orgId }, staff.depwd);
    const act = await t.op(ActivateOrganizationDocument, { organizationId: orgId }, staff.nic);
    return { orgId, email: act.data!.activateOrganization.partnerAdmin.email };
  }

  it('stores the activation token only as SHA-256; the link works once and expires after 72 hours', async () => {
    const { orgId, email } = await activatedOrg();
    const token = await activationTokenFor(t, email);
    const rows = await t.ds.query('SELECT token_hash FROM activation_token t JOIN user_account u ON u.id = t.user_id WHERE u.email = ?', [email]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);

    const weak = await t.op(ActivateAccountDocument, { input: { token, password: 'aaaaaaaaaaaa' } });
    expect(code(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors![0].message).toMatch(/password/);
    const okRes = await t.op(ActivateAccountDocument, { input: { token, password: PASSWORD } });
    expect(okRes.data?.activateAccount).toMatchObject({ email, status: 'ACTIVE', role: 'PARTNER_ADMIN', organizationId: orgId });
    const reuse = await t.op(ActivateAccountDocument, { input: { token, password: PASSWORD + 'x' } });
    expect(code(reuse)).toBe('CONFLICT');
    expect(reuse.errors![0].message).toMatch(/already been used/);
    expect(await t.login(email, PASSWORD)).toBeTruthy();

    const second = await activatedOrg();
    const late = await activationTokenFor(t, second.email);
    t.clock.advance(73 * HOUR);
    const expired = await t.op(ActivateAccountDocument, { input: { token: late, password: PASSWORD } });
    expect(code(expired)).toBe('BAD_USER_INPUT');
    expect(expired.errors![0].message).toMatch(/expired/);
    t.clock.reset();
    // NIC re-sends: the old link stays dead, the new one works.
    const resend = await t.gql('mutation($o: ID!) { resendActivationLink(organizationId: $o) { activationLinkExpiresAt } }', { o: second.orgId }, staff.nic);
    expect(resend.body.errors).toBeUndefined();
    const renewed = await activationTokenFor(t, second.email);
    expect(renewed).not.toBe(late);
    expect(code(await t.op(ActivateAccountDocument, { input: { token: 'x'.repeat(43), password: PASSWORD } }))).toBe('BAD_USER_INPUT');
    expect((await t.op(ActivateAccountDocument, { input: { token: renewed, password: PASSWORD } })).data?.activateAccount.status).toBe('ACTIVE');
  });

  it('two concurrent uses of one step: exactly one wins', async () => {
    const reg = await t.op(RegisterOrganizationDocument, { input: registrationInput() });
    const orgId = reg.data!.registerOrganization.organization.id;
    await t.op(RecordMouDocument, { input: { organizationId: orgId, reference: `RACE/${orgId}`, depwdSignatory: 'JS DEPwD', partnerSignatory: 'Secretary',
      purpose: 'Pension delivery to PwDs', executedOn: t.clock.today() } }, staff.depwd);
    const results = await Promise.all([1, 2, 3].map(() => t.op(ApproveOrganizationDocument, { organizationId: orgId }, staff.depwd)));
    expect(results.filter((r) => r.data?.approveOrganization?.status === 'APPROVED')).toHaveLength(1);
    expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(2);
    const [{ n }] = await t.ds.query("SELECT COUNT(*) AS n FROM admin_audit WHERE action = 'APPROVE_ORGANIZATION' AND target_id = ?", [Number(orgId)]);
    expect(Number(n)).toBe(1);
  });

  it('analysts read every organisation with keyset pages; a partner admin sees only its own', async () => {
    const a = await onboardPartner(t, staff);
    const b = await onboardPartner(t, staff);
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let i = 0; i < 50; i++) {
      const page: any = await t.op(OrganizationsDocument, { first: 2, after }, staff.analyst);
      seen.push(...page.data.organizations.edges.map((e: any) => e.node.id));
      if (!page.data.organizations.pageInfo.hasNextPage) break;
      after = page.data.organizations.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([a.organizationId, b.organizationId]));

    const own = await t.op(OrganizationsDocument, {}, a.adminToken);
    expect(own.data!.organizations.edges.map((e) => e.node.id)).toEqual([a.organizationId]);
    const node = own.data!.organizations.edges[0].node;
    expect(node.mouInForce?.daysLeft).toBeGreaterThan(1000);
    expect(node.applications[0]).toMatchObject({ status: 'APPROVED', clientId: a.clientId, activeSecretHint: a.clientSecret.slice(0, 6) });
    expect(node.applications[0].allowedIps.map((i) => i.cidr).sort()).toEqual(['127.0.0.1/32', '::1/128']);
    // Another organisation's rows are invisible, by list, by id and by filter.
    const other = await t.gql('query($id: ID!) { organization(id: $id) { id } application(id: $id) { id } applications(filter: { organizationId: $id }) { edges { node { id } } } }', { id: b.organizationId }, a.adminToken);
    expect(other.body.data.organization).toBeNull();
    expect(other.body.data.applications.edges).toEqual([]);
    const otherMous = await t.op(MousDocument, { filter: { organizationId: b.organizationId } }, a.adminToken);
    expect(otherMous.data!.mous.edges).toEqual([]);
    // The audit trail is for staff only.
    expect(code((await t.gql('{ auditTrail { edges { node { id } } } }', {}, a.adminToken)).body)).toBe('FORBIDDEN');
    expect(code((await t.gql('{ organizations { edges { node { id } } } }', {})).body)).toBe('UNAUTHENTICATED');
  });

  it('lists MoUs expiring within 60 days (or a chosen window), and by status today', async () => {
    const soon = await onboardPartner(t, staff, { executedOn: addDays(addDays(t.clock.today(), -3 * 365), 30) });
    const later = await onboardPartner(t, staff);
    const ids = async (filter: Record<string, unknown>) => (await t.op(MousDocument, { filter, first: 100 }, staff.analyst)).data!.mous.edges.map((e) => e.node.id);
    const expiring = await ids({ expiringSoon: true });
    expect(expiring).toContain(soon.mouId);
    expect(expiring).not.toContain(later.mouId);
    expect(await ids({ expiringSoon: true, expiringWithinDays: 10 })).not.toContain(soon.mouId);
    expect(await ids({ status: 'IN_FORCE' })).toEqual(expect.arrayContaining([soon.mouId, later.mouId]));
    await t.gql('mutation($id: ID!) { terminateMou(input: { mouId: $id, type: NOTICE, reason: "Notice given by partner" }) { id } }', { id: later.mouId }, staff.depwd);
    expect(await ids({ status: 'NOTICE_GIVEN' })).toEqual([later.mouId]);
    expect(await ids({ expiringSoon: true })).toContain(later.mouId);
  });

  it('data destruction is attested by the partner admin only after termination, once', async () => {
    const p = await onboardPartner(t, staff);
    const attest = 'mutation($id: ID!) { attestDataDestruction(input: { mouId: $id, statement: "All PwD records held by the portal were deleted on 2026-11-20." }) { status destructionAttestedAt } }';
    const early = await t.gql(attest, { id: p.mouId }, p.adminToken);
    expect(code(early.body)).toBe('CONFLICT');
    expect(early.body.errors[0].message).toMatch(/after termination or expiry/);
    await t.gql('mutation($id: ID!) { terminateMou(input: { mouId: $id, type: MUTUAL, reason: "Scheme closed" }) { id } }', { id: p.mouId }, staff.depwd);
    const done = await t.gql(attest, { id: p.mouId }, p.adminToken);
    expect(done.body.data.attestDataDestruction.status).toBe('TERMINATED');
    expect(done.body.data.attestDataDestruction.destructionAttestedAt).toBeTruthy();
    expect(code((await t.gql(attest, { id: p.mouId }, p.adminToken)).body)).toBe('CONFLICT');
    // The partner admin can still sign in after the MoU ended, to attest and to read its own state.
    expect((await t.gql('{ organizations { edges { node { status } } } }', {}, p.adminToken)).body.data.organizations.edges).toHaveLength(1);
  });

  it('locks sign-in for an email and IP after repeated wrong passwords (THROTTLED, Retry-After)', async () => {
    const p = await onboardPartner(t, staff);
    const attempt = (password: string) => fetch(`${t.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: p.adminEmail, password }) });
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) expect((await attempt('wrong-password-1A')).status).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'THROTTLED' } });
  });

  it('rate-limits registrations per source IP: the next one answers 429 THROTTLED with Retry-After', async () => {
    const fresh = await startTestServer({ records: 0 });
    try {
      for (let i = 0; i < REGISTRATIONS_PER_IP_PER_HOUR; i++) expect(code(await fresh.op(RegisterOrganizationDocument, { input: registrationInput() }))).toBeUndefined();
      const r = await fresh.op(RegisterOrganizationDocument, { input: registrationInput() });
      expect(code(r)).toBe('THROTTLED');
      expect(r.status).toBe(429);
      const raw = await fresh.gql(print(RegisterOrganizationDocument), { input: registrationInput() });
      expect(raw.status).toBe(429);
      const wait = Number(raw.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(3600);
      expect(raw.body.errors[0].extensions.retryAfterSeconds).toBe(wait);
    } finally {
      await fresh.close();
    }
  });
});
