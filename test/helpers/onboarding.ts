import { randomBytes } from 'node:crypto';
import { Role } from '../../src/core/authz/scopes';
import { createStaffUser } from '../../src/modules/staff/demo.seed';
import { addDays } from '../../src/core/clock';
import type { TestServer } from './server';
import {
  ActivateAccountDocument, ActivateOrganizationDocument, AllowIpDocument, ApproveApplicationDocument, ApproveOrganizationDocument,
  CreateApplicationDocument, IssueClientSecretDocument, RecordMouDocument, RegisterOrganizationDocument,
} from '../generated/graphql';

export interface StaffTokens { depwd: string; nic: string; engineer: string; analyst: string }

/** One signed-in staff user per role. */
export async function staffTokens(t: TestServer): Promise<StaffTokens> {
  const tag = randomBytes(3).toString('hex');
  const make = async (role: Role, name: string) => {
    const email = `${name}.${tag}@udid.example.gov.in`;
    return t.login(email, await createStaffUser(t.ds, role, email, name));
  };
  return {
    depwd: await make(Role.DEPWD_ADMIN, 'depwd'),
    nic: await make(Role.NIC_OPERATOR, 'nic'),
    engineer: await make(Role.INTEGRATION_ENGINEER, 'engineer'),
    analyst: await make(Role.ANALYST, 'analyst'),
  };
}

export function registrationInput(tag = randomBytes(3).toString('hex'), ips = ['127.0.0.1/32', '::1/128']) {
  return {
    department: {
      name: `Social Welfare Department ${tag}`, address: 'Samaj Kalyan Bhavan, Sector 10, Pune', contactPerson: 'Asha Kulkarni',
      designation: 'Deputy Director', email: `welfare.${tag}@example.gov.in`, mobile: '9876543210', phone: '020-26123456',
      city: 'Pune', state: 'Maharashtra', pincode: '411001', category: 'GOVERNMENT' as const,
    },
    application: {
      name: 'Disability Pension Portal', description: 'Verifies applicants and reports pensions paid', contactPerson: 'IT Cell',
      email: `it.${tag}@example.gov.in`, accessRequiredFor: 'Disability pension eligibility and disbursement',
      publicIps: ips, requestedScopes: ['PWD_VERIFY', 'PWD_IDENTITY', 'PWD_SEARCH', 'BENEFIT_WRITE'] as any,
    },
  };
}

/** The raw activation token, read from the outbox message that carries the link. */
export async function activationTokenFor(t: TestServer, email: string): Promise<string> {
  const rows = await t.ds.query('SELECT body FROM outbox_message WHERE recipient = ? ORDER BY id DESC LIMIT 1', [email]);
  const m = /activation token: ([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? '');
  if (!m) throw new Error(`no activation message for ${email}`);
  return m[1];
}

export const PASSWORD = 'Kalyan#Bhavan2026';

export interface OnboardedPartner {
  organizationId: string; applicationId: string; clientId: string; clientSecret: string;
  adminEmail: string; adminToken: string; mouId: string;
}

const ok = <T>(r: { data: T | null | undefined; errors?: any[] }, what: string): T => {
  if (r.errors?.length || !r.data) throw new Error(`${what} failed: ${JSON.stringify(r.errors)}`);
  return r.data;
};

/** Every SOP step in order, through the API, as each role; returns what the partner ends up holding. */
export async function onboardPartner(
  t: TestServer, staff: StaffTokens,
  /** `activationToken`: where the link is read (default: the outbox row, which holds it until sent; with SMTP_URL, the received mail). */
  opts: { executedOn?: string; ips?: string[]; activationToken?: (email: string) => Promise<string> } = {},
): Promise<OnboardedPartner> {
  const input = registrationInput(undefined, opts.ips);
  const reg = ok(await t.op(RegisterOrganizationDocument, { input }), 'register').registerOrganization;
  const orgId = reg.organization.id;
  const mou = ok(await t.op(RecordMouDocument, { input: {
    organizationId: orgId, reference: `DEPWD/MOU/${randomBytes(4).toString('hex')}`, depwdSignatory: 'Joint Secretary, DEPwD',
    partnerSignatory: 'Secretary, Social Welfare', purpose: 'Disability pension eligibility and disbursement',
    executedOn: opts.executedOn ?? addDays(t.clock.today(), -10),
  } }, staff.depwd), 'recordMou').recordMou;
  ok(await t.op(ApproveOrganizationDocument, { organizationId: orgId }, staff.depwd), 'approve');
  const act = ok(await t.op(ActivateOrganizationDocument, { organizationId: orgId }, staff.nic), 'activate').activateOrganization;
  for (const cidr of reg.application.requestedIps) {
    ok(await t.op(AllowIpDocument, { input: { applicationId: reg.application.id, cidr } }, staff.engineer), 'allowIp');
  }
  const token = await (opts.activationToken ?? ((email: string) => activationTokenFor(t, email)))(act.partnerAdmin.email);
  ok(await t.op(ActivateAccountDocument, { input: { token, password: PASSWORD } }), 'activateAccount');
  const adminToken = await t.login(act.partnerAdmin.email, PASSWORD);
  const f = input.application;
  ok(await t.op(CreateApplicationDocument, { input: { applicationId: reg.application.id, form: f } }, adminToken), 'createApplication');
  ok(await t.op(ApproveApplicationDocument, { input: { applicationId: reg.application.id, scopes: ['PWD_VERIFY', 'PWD_IDENTITY', 'PWD_SEARCH'], dailyRecordQuota: 5000 } }, staff.depwd), 'approveApplication');
  const issued = ok(await t.op(IssueClientSecretDocument, { applicationId: reg.application.id }, adminToken), 'issueClientSecret').issueClientSecret;
  return {
    organizationId: orgId, applicationId: reg.application.id, clientId: issued.clientId, clientSecret: issued.clientSecret,
    adminEmail: act.partnerAdmin.email, adminToken, mouId: mou.id,
  };
}

/** Client-credentials token request; returns status and body (errors included). */
export async function tokenRequest(t: TestServer, clientId: string, secret: string, scope?: string) {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scope) form.set('scope', scope);
  const res = await fetch(`${t.url}/oauth/token`, {
    method: 'POST', body: form,
    headers: { authorization: 'Basic ' + Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64') },
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function appTokenFor(t: TestServer, p: { clientId: string; clientSecret: string }, scope?: string): Promise<string> {
  const r = await tokenRequest(t, p.clientId, p.clientSecret, scope);
  if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.access_token;
}

/** A further application of an onboarded organisation: requested by its admin, approved, allowlisted, with a secret. */
export async function addApplication(t: TestServer, staff: StaffTokens, p: OnboardedPartner) {
  const form = registrationInput().application;
  const created = ok(await t.op(CreateApplicationDocument, { input: { form: { ...form, name: 'Scholarship Portal' } } }, p.adminToken), 'createApplication').createApplication;
  ok(await t.op(ApproveApplicationDocument, { input: { applicationId: created.id, scopes: ['PWD_VERIFY'], dailyRecordQuota: 100 } }, staff.depwd), 'approveApplication');
  for (const cidr of form.publicIps) ok(await t.op(AllowIpDocument, { input: { applicationId: created.id, cidr } }, staff.engineer), 'allowIp');
  const issued = ok(await t.op(IssueClientSecretDocument, { applicationId: created.id }, p.adminToken), 'issueClientSecret').issueClientSecret;
  return { applicationId: created.id, clientId: issued.clientId, clientSecret: issued.clientSecret };
}

/**
 * Puts an onboarded partner's application under one CONSENT purpose (registered by its admin, approved
 * by DEPwD, the application approved for it alone with these scopes and a quota of 50). Returns the purpose id.
 */
export async function approveForConsentPurpose(t: TestServer, staff: StaffTokens, p: OnboardedPartner, opts: { code: string; description: string; scopes: string[] }): Promise<string> {
  const reg = await t.gql('mutation($i: RegisterPurposeInput!) { registerPurpose(input: $i) { id } }', { i: {
    mouId: p.mouId, code: opts.code, description: opts.description, legalBasis: 'CONSENT', scopes: opts.scopes, estimatedDailyPersons: 50,
  } }, p.adminToken);
  if (reg.body.errors) throw new Error(`registerPurpose failed: ${JSON.stringify(reg.body.errors)}`);
  const purposeId: string = reg.body.data.registerPurpose.id;
  const ap = await t.gql('mutation($i: ApprovePurposeInput!) { approvePurpose(input: $i) { status } }', { i: { purposeId } }, staff.depwd);
  if (ap.body.errors) throw new Error(`approvePurpose failed: ${JSON.stringify(ap.body.errors)}`);
  const app = await t.gql('mutation($i: ApproveApplicationInput!) { approveApplication(input: $i) { id } }', { i: {
    applicationId: p.applicationId, scopes: opts.scopes, dailyRecordQuota: 50, purposeIds: [purposeId],
  } }, staff.depwd);
  if (app.body.errors) throw new Error(`approveApplication failed: ${JSON.stringify(app.body.errors)}`);
  return purposeId;
}
