import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DataSource } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { openDatabase } from '../../src/app/database';
import { seedPwdRecords } from '../../src/modules/pwd/pwd.seed';
import { TEST_DATABASE_URL } from '../helpers/server';
import { PASSWORD, registrationInput } from '../helpers/onboarding';
import { eventually, startSmtp, TestSmtp } from '../helpers/smtp';
import { MainProcess, printedPassword, staffCreate, startMain } from '../helpers/production';
import {
  ActivateAccountDocument, ActivateOrganizationDocument, AllowIpDocument, ApproveApplicationDocument, ApproveOrganizationDocument,
  CreateApplicationDocument, IssueClientSecretDocument, RecordMouDocument, RegisterOrganizationDocument,
} from '../generated/graphql';

/**
 * The production walk of issue 16, as a department would deploy: the real server process
 * (`src/main.ts`, NODE_ENV=production) on an empty database (a SQLite file, or a new MariaDB schema in
 * the MariaDB pass), the first DEPwD admin and the NIC and vendor staff made with the real
 * `npm run staff:create`, every SOP step over HTTP by its role, the activation mail received over SMTP
 * by an in-process smtp-server and its token used, the partner's credentials exchanged at /oauth/token,
 * and the first pwd / pwds answered from synthetic records. Nothing in the walk reads the database for
 * a secret; the test's own connection only checks that it started empty, adds the synthetic records
 * (production seeds none) and looks at the outbox row afterwards.
 */
jest.setTimeout(300_000);

const JWT_SECRET = randomBytes(32).toString('hex');
const MAIL_FROM = 'UDID Exchange <no-reply@udid.example.gov.in>';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Where the walk's database lives: a SQLite file under a new DATA_DIR, or a MariaDB schema of its own. */
interface WalkDatabase {
  /** The server's and the command's environment naming it. */
  env: Record<string, string>;
  target: { databaseUrl?: string; sqlitePath?: string };
  /** Nothing there yet (the file, or the schema: a new random name). */
  fresh(): Promise<boolean>;
  cleanup(ds?: DataSource): Promise<void>;
}

function emptyDatabase(): WalkDatabase {
  if (TEST_DATABASE_URL) {
    const name = `udid_t_${randomBytes(4).toString('hex')}`;
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: u.toString() }, target: { databaseUrl: u.toString() },
      fresh: async () => {
        const c = await createConnection(TEST_DATABASE_URL!);
        try { return ((await c.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]))[0] as unknown[]).length === 0; } finally { await c.end(); }
      },
      cleanup: async (ds?: DataSource) => { await ds?.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined); },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'udx-walk-'));
  const file = join(dir, 'udid.sqlite');
  return { env: { DATA_DIR: dir }, target: { sqlitePath: file }, fresh: async () => !existsSync(file), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe('the production walk', () => {
  const db = emptyDatabase();
  let smtp: TestSmtp;
  let server: MainProcess | null = null;
  let ds: DataSource | undefined;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(async () => {
    await server?.stop();
    await db.cleanup(ds);
    if (ds?.isInitialized) await ds.destroy();
    await smtp?.close();
  });

  it('empty DB → first admin by staff:create → sign-in → registration → SOP → activation mail over SMTP → activation → credentials → /oauth/token → first pwd and pwds', async () => {
    // With TEST_REDIS_URL (the MariaDB pass) the server keeps its counters in Redis, as replicas would.
    const redis: Record<string, string> = process.env.TEST_REDIS_URL
      ? { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_KEY_PREFIX: `udxwalk${randomBytes(3).toString('hex')}:` } : {};
    const env = { ...db.env, ...redis, JWT_SECRET, SMTP_URL: smtp.url, MAIL_FROM, MAIL_POLL_MS: '100' };

    // 1. An empty database and a production server: nothing seeded, and the banner says how to make the first admin.
    expect(await db.fresh()).toBe(true);
    server = await startMain({ ...env, LOG_LEVEL: 'info' });
    expect(server.banner).toContain('No DEPwD admin exists yet');
    expect(server.banner).toContain('npm run staff:create -- --role DEPWD_ADMIN --email');
    expect(server.banner).not.toMatch(/demo credentials|demo-credentials|SMTP_URL is not set/i);
    ds = await openDatabase({ ...db.target, migrate: false });
    const count = async (table: string) => Number((await ds!.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    for (const table of ['user_account', 'organization', 'application', 'pwd_record', 'outbox_message']) expect([table, await count(table)]).toEqual([table, 0]);

    // 2. The first DEPwD admin, then NIC's operator and the vendor's engineer, with the real command; each signs in over HTTP.
    const created: Record<string, { email: string; password: string }> = {};
    for (const [role, email, name] of [
      ['DEPWD_ADMIN', 'director@depwd.example.gov.in', 'Meera Iyer'],
      ['NIC_OPERATOR', 'operator@nic.example.gov.in', 'Arun Nair'],
      ['INTEGRATION_ENGINEER', 'engineer@vendor.example.in', 'Farah Khan'],
    ]) {
      const o = await staffCreate(['--role', role, '--email', email, '--name', name], env);
      expect([role, o.code, o.stderr]).toEqual([role, 0, '']);
      created[role] = { email, password: printedPassword(o)! };
    }
    const signIn = async (email: string, password: string) => {
      const res = await fetch(`${server!.base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      const body: any = await res.json();
      expect([res.status, body.token_type]).toEqual([200, 'Bearer']);
      return body as { access_token: string; role: string };
    };
    const depwdLogin = await signIn(created.DEPWD_ADMIN.email, created.DEPWD_ADMIN.password);
    expect(depwdLogin.role).toBe('DEPWD_ADMIN');
    const depwd = depwdLogin.access_token;
    const nic = (await signIn(created.NIC_OPERATOR.email, created.NIC_OPERATOR.password)).access_token;
    const engineer = (await signIn(created.INTEGRATION_ENGINEER.email, created.INTEGRATION_ENGINEER.password)).access_token;

    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${server!.base}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[]; extensions?: any } };
    };
    const op = async <R, V>(doc: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<R> => {
      const r = await gql(print(doc), variables as Record<string, unknown>, token);
      if (r.body.errors?.length || !r.body.data) throw new Error(`${(doc.definitions[0] as any).name.value} failed: ${JSON.stringify(r.body.errors)}`);
      return r.body.data;
    };

    // 3. The SOP in order, each step by its role: registration (public) → MoU → approval → NIC activation → IP allowlist.
    const input = registrationInput();
    const reg = (await op(RegisterOrganizationDocument, { input })).registerOrganization;
    expect(reg.organization.status).toBe('REGISTERED');
    const mou = (await op(RecordMouDocument, { input: {
      organizationId: reg.organization.id, reference: `DEPWD/MOU/${randomBytes(4).toString('hex')}`, depwdSignatory: 'Joint Secretary, DEPwD',
      partnerSignatory: 'Secretary, Social Welfare', purpose: 'Disability pension eligibility and disbursement', executedOn: daysAgo(10),
    } }, depwd)).recordMou;
    expect(mou.status).toBe('IN_FORCE');
    await op(ApproveOrganizationDocument, { organizationId: reg.organization.id }, depwd);
    const act = (await op(ActivateOrganizationDocument, { organizationId: reg.organization.id }, nic)).activateOrganization;
    expect(act.partnerAdmin).toMatchObject({ email: input.department.email, status: 'PENDING_ACTIVATION', role: 'PARTNER_ADMIN' });
    for (const cidr of reg.application.requestedIps) await op(AllowIpDocument, { input: { applicationId: reg.application.id, cidr } }, engineer);

    // 4. The activation mail arrives over SMTP; the token in it is the one that activates the account.
    const mail = await eventually(() => smtp.received.find((m) => m.to === input.department.email), 20_000, 'the activation mail');
    expect(mail).toMatchObject({ from: '"UDID Exchange" <no-reply@udid.example.gov.in>', subject: 'Activate your UDID Exchange account' });
    const token = /activation token: ([A-Za-z0-9_-]{40,})/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    const activated = (await op(ActivateAccountDocument, { input: { token: token!, password: PASSWORD } })).activateAccount;
    expect(activated).toMatchObject({ email: input.department.email, status: 'ACTIVE', role: 'PARTNER_ADMIN', organizationId: reg.organization.id });
    // Once sent, the stored message no longer holds the token.
    const row = await eventually(async () => {
      const [r] = await ds!.query('SELECT status, body FROM outbox_message WHERE recipient = ?', [input.department.email]);
      return r?.status === 'SENT' && r;
    }, 10_000, 'the activation mail marked SENT');
    expect(row.body).not.toContain(token);
    expect(row.body).toContain('[sent; link redacted]');

    // 5. The partner admin signs in, confirms the application, DEPwD approves its scopes, the admin draws the credentials.
    const partner = await signIn(input.department.email, PASSWORD);
    expect(partner.role).toBe('PARTNER_ADMIN');
    await op(CreateApplicationDocument, { input: { applicationId: reg.application.id, form: input.application } }, partner.access_token);
    const approved = (await op(ApproveApplicationDocument, { input: { applicationId: reg.application.id, scopes: ['PWD_VERIFY', 'PWD_IDENTITY', 'PWD_SEARCH'], dailyRecordQuota: 500 } }, depwd)).approveApplication;
    expect(approved.status).toBe('APPROVED');
    const issued = (await op(IssueClientSecretDocument, { applicationId: reg.application.id }, partner.access_token)).issueClientSecret;

    // 6. DEPwD's records (synthetic here; production seeds none), then the application's token and first questions.
    expect(await count('pwd_record')).toBe(0);
    await seedPwdRecords(ds, 60);
    const basic = 'Basic ' + Buffer.from(`${encodeURIComponent(issued.clientId)}:${encodeURIComponent(issued.clientSecret)}`).toString('base64');
    const tokenRes = await fetch(`${server.base}/oauth/token`, { method: 'POST', headers: { authorization: basic }, body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    const tokenBody: any = await tokenRes.json();
    expect([tokenRes.status, tokenBody.token_type]).toEqual([200, 'Bearer']);
    expect(tokenBody.scope.split(' ').sort()).toEqual(['pwd:identity', 'pwd:search', 'pwd:verify']);
    const app = tokenBody.access_token as string;

    const [person] = await ds.query('SELECT udid, name, guardian_name, gender, date_of_birth, card_status FROM pwd_record ORDER BY id LIMIT 1');
    const one = await gql('query($u: UDID!) { pwd(udid: $u) { udid cardStatus name guardianName gender dateOfBirth } }', { u: person.udid }, app);
    expect(one.status).toBe(200);
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.pwd).toEqual({
      udid: person.udid, cardStatus: person.card_status, name: person.name, guardianName: person.guardian_name, gender: person.gender, dateOfBirth: String(person.date_of_birth).slice(0, 10),
    });
    expect(one.body.extensions.cost.actualQueryCost).toBeGreaterThan(0);

    const state = person.udid.slice(0, 2);
    const inState = (await ds.query('SELECT udid, name FROM pwd_record WHERE state_code = ? ORDER BY udid', [state])) as { udid: string; name: string }[];
    const page = await gql('query($f: PwdFilter!) { pwds(filter: $f, first: 5) { edges { node { udid name } } pageInfo { hasNextPage } } }', { f: { state } }, app);
    expect(page.body.errors).toBeUndefined();
    const nodes = page.body.data.pwds.edges.map((e: any) => e.node);
    expect(nodes.length).toBe(Math.min(5, inState.length));
    for (const n of nodes) expect(inState).toContainEqual(n);
    expect(page.body.data.pwds.pageInfo.hasNextPage).toBe(inState.length > 5);

    // The server's output (banner and info-level log lines) never carried a secret or the person's data.
    // (The request's log line is written once the response has finished: wait for it.)
    const output = await eventually(() => /"operation":"query:pwds".*"msg":"request"/.test(server!.output()) && server!.output(), 10_000, 'the pwds request logged');
    expect(output).toMatch(/"msg":"ready"/);
    expect(output).toMatch(/"msg":"outbox message sent"/);
    for (const secret of [token!, PASSWORD, issued.clientSecret, app, depwd, ...Object.values(created).map((c) => c.password), person.name]) {
      expect(output.includes(secret)).toBe(false);
    }

    // A clean shutdown.
    expect(await server.stop()).toBe(0);
    server = null;
  });
});
