import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { addDays } from '../../src/core/clock';
import { loadConfig } from '../../src/core/config/config';
import { createLogger } from '../../src/core/logger';
import { openDatabase } from '../../src/app/database';
import { createServer, AppServer } from '../../src/app/server';
import { toDbDateTime } from '../../src/core/db/columns';
import { startTestServer, TestServer, TEST_DATABASE_URL, testLogger } from '../helpers/server';
import { PASSWORD, registrationInput, staffTokens, StaffTokens } from '../helpers/onboarding';
import { eventually, startSmtp, TestSmtp } from '../helpers/smtp';
import {
  ActivateAccountDocument, ActivateOrganizationDocument, ApproveOrganizationDocument, RecordMouDocument, RegisterOrganizationDocument,
} from '../generated/graphql';

/**
 * Mail delivery (issue 16): the outbox drainer sends over real SMTP (an in-process smtp-server) what the
 * SOP steps write to outbox_message; failures retry with backoff and end as dead letters that staff see
 * and can retry; two servers on one database deliver each message exactly once.
 */
const MAIL_FROM = 'UDID Exchange <no-reply@udid.example.gov.in>';
const mailEnv = (smtp: TestSmtp, extra: Record<string, string> = {}) => ({ SMTP_URL: smtp.url, MAIL_FROM, MAIL_POLL_MS: '100', ...extra });

const ok = <T>(r: { data: T | null | undefined; errors?: any[] }, what: string): T => {
  if (r.errors?.length || !r.data) throw new Error(`${what} failed: ${JSON.stringify(r.errors)}`);
  return r.data;
};

/** Registration → MoU → approval → NIC activation, through the API: the last step writes the activation mail. */
async function activateOrganization(t: TestServer, staff: StaffTokens) {
  const input = registrationInput();
  const reg = ok(await t.op(RegisterOrganizationDocument, { input }), 'register').registerOrganization;
  const orgId = reg.organization.id;
  ok(await t.op(RecordMouDocument, { input: {
    organizationId: orgId, reference: `DEPWD/MOU/${randomBytes(4).toString('hex')}`, depwdSignatory: 'Joint Secretary, DEPwD',
    partnerSignatory: 'Secretary, Social Welfare', purpose: 'Disability pension eligibility and disbursement', executedOn: addDays(t.clock.today(), -10),
  } }, staff.depwd), 'recordMou');
  ok(await t.op(ApproveOrganizationDocument, { organizationId: orgId }, staff.depwd), 'approve');
  const act = ok(await t.op(ActivateOrganizationDocument, { organizationId: orgId }, staff.nic), 'activate').activateOrganization;
  return { orgId, email: act.partnerAdmin.email };
}

const outboxRow = async (ds: DataSource, email: string) =>
  (await ds.query('SELECT id, status, attempts, last_error, sent_at, next_attempt_at, dead_lettered_at, claimed_by FROM outbox_message WHERE recipient = ? ORDER BY id DESC LIMIT 1', [email]))[0];

const OUTBOX_QUERY = `query($status: OutboxStatus) { outboxMessages(status: $status) { edges { node { id recipient subject status attempts lastError sentAt deadLetteredAt } } } }`;

describe('mail delivery over SMTP', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let staff: StaffTokens;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ records: 0, env: mailEnv(smtp, { MAIL_MAX_ATTEMPTS: '3' }) });
    staff = await staffTokens(t);
  });
  afterAll(async () => { await t?.close(); await smtp?.close(); });

  it('the activation mail from activateOrganization arrives over SMTP (to, from, subject, token, Message-ID) and its token activates the account', async () => {
    const { email } = await activateOrganization(t, staff);
    const mail = await eventually(() => smtp.received.find((m) => m.to === email), 15_000, 'the activation mail');
    const row = await outboxRow(t.ds, email);
    expect(mail).toMatchObject({ from: '"UDID Exchange" <no-reply@udid.example.gov.in>', subject: 'Activate your UDID Exchange account', outboxId: String(row.id), user: 'udx' });
    expect(mail.messageId).toMatch(new RegExp(`^<outbox\\.${row.id}\\.\\d+@udid\\.example\\.gov\\.in>$`));
    const token = /activation token: ([A-Za-z0-9_-]{40,})/.exec(mail.text)![1];
    await eventually(async () => (await outboxRow(t.ds, email)).status === 'SENT', 5_000, 'the row marked SENT');
    expect(await outboxRow(t.ds, email)).toMatchObject({ status: 'SENT', attempts: 1, last_error: null, claimed_by: null });
    expect((await outboxRow(t.ds, email)).sent_at).not.toBeNull();
    // Once sent, the table no longer holds the token: the body says where it went instead.
    const [{ body }] = await t.ds.query('SELECT body FROM outbox_message WHERE id = ?', [row.id]);
    expect(body).not.toContain(token);
    expect(body).toContain('activation token: [sent; link redacted]');
    expect(body).toContain('Activate your partner admin account');

    ok(await t.op(ActivateAccountDocument, { input: { token, password: PASSWORD } }), 'activateAccount with the mailed token');
    expect(await t.login(email, PASSWORD)).toMatch(/^eyJ/);
    expect(smtp.received.filter((m) => m.to === email)).toHaveLength(1);

    // Staff see delivery state (never the body); an analyst may not.
    const sent = await t.gql(OUTBOX_QUERY, { status: 'SENT' }, staff.nic);
    expect(sent.body.data.outboxMessages.edges.map((e: any) => e.node)).toContainEqual(expect.objectContaining({ id: String(row.id), recipient: email, status: 'SENT', attempts: 1 }));
    const analyst = await t.gql(OUTBOX_QUERY, {}, staff.analyst);
    expect(analyst.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a refusing SMTP server: retried with backoff, a dead letter after MAIL_MAX_ATTEMPTS with its token redacted, visible to staff; retryOutboxMessage delivers a notice, NIC resends the link', async () => {
    smtp.refuseWith({ code: 451, message: 'Temporary local problem, try later' });
    const before = smtp.refused;
    // A notice without a secret dies beside the activation mail, on the same attempts.
    const notice = 'nic.notice@depwd.example.gov.in';
    await t.ds.query('INSERT INTO outbox_message (channel, recipient, subject, body, created_at, status, attempts) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ['EMAIL', notice, 'DEPwD notice', 'Please disable application 7.', toDbDateTime(new Date()), 'PENDING', 0]);
    const { orgId, email } = await activateOrganization(t, staff);
    const [{ body: pendingBody }] = await t.ds.query('SELECT body FROM outbox_message WHERE recipient = ?', [email]);
    const firstToken = /activation token: ([A-Za-z0-9_-]{40,})/.exec(pendingBody)![1]; // still there while it may be sent
    const first = await eventually(async () => { const r = await outboxRow(t.ds, email); return r.attempts === 1 && r; }, 10_000, 'the first attempt');
    expect(first).toMatchObject({ status: 'PENDING', claimed_by: null });
    expect(first.last_error).toMatch(/^451: .*Temporary local problem/);
    expect(first.next_attempt_at).not.toBeNull();
    // Not retried before its backoff (30 s ± 20 %) has passed.
    await new Promise((r) => setTimeout(r, 500));
    expect((await outboxRow(t.ds, email)).attempts).toBe(1);

    smtp.refuseWith({ code: 550, message: 'Mailbox unavailable' });
    t.clock.advance(40_000); // past the first backoff
    await eventually(async () => (await outboxRow(t.ds, email)).attempts === 2, 10_000, 'the second attempt');
    t.clock.advance(80_000); // past the second (60 s ± 20 %)
    const dead = await eventually(async () => { const r = await outboxRow(t.ds, email); return r.status === 'DEAD_LETTER' && r; }, 10_000, 'the dead letter');
    expect(dead).toMatchObject({ attempts: 3, next_attempt_at: null, claimed_by: null });
    expect(dead.last_error).toMatch(/^550: .*Mailbox unavailable/);
    expect(dead.dead_lettered_at).not.toBeNull();
    expect((await outboxRow(t.ds, notice)).status).toBe('DEAD_LETTER');
    expect(smtp.refused - before).toBe(6); // three attempts of each
    t.clock.advance(3_600_000);
    await new Promise((r) => setTimeout(r, 400));
    expect(smtp.refused - before).toBe(6); // a dead letter is not retried by itself
    t.clock.reset();
    // A dead letter keeps no usable link either.
    const [{ body: deadBody }] = await t.ds.query('SELECT body FROM outbox_message WHERE id = ?', [dead.id]);
    expect(deadBody).not.toContain(firstToken);
    expect(deadBody).toContain('activation token: [not delivered; link redacted]');

    const listed = await t.gql(OUTBOX_QUERY, {}, staff.depwd); // DEAD_LETTER by default
    const nodes = listed.body.data.outboxMessages.edges.map((e: any) => e.node);
    const node = nodes.find((n: any) => n.recipient === email);
    expect(node).toMatchObject({ status: 'DEAD_LETTER', attempts: 3, subject: 'Activate your UDID Exchange account', sentAt: null });
    expect(node.lastError).toMatch(/^550/);
    expect(node.deadLetteredAt).toBeTruthy();
    const noticeNode = nodes.find((n: any) => n.recipient === notice);
    expect(noticeNode).toMatchObject({ status: 'DEAD_LETTER', attempts: 3 });

    smtp.refuseWith(null);
    const RETRY = 'mutation($id: ID!) { retryOutboxMessage(id: $id) { id status attempts } }';
    // The activation mail would arrive without its token: NIC is sent to resendActivationLink.
    const refused = await t.gql(RETRY, { id: node.id }, staff.nic);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', requiredStep: 'resendActivationLink' });
    expect(refused.body.errors[0].message).toContain(`resendActivationLink(organizationId: "${orgId}")`);
    expect((await outboxRow(t.ds, email)).status).toBe('DEAD_LETTER');

    const retried = await t.gql(RETRY, { id: noticeNode.id }, staff.nic);
    expect(retried.body.data.retryOutboxMessage).toEqual({ id: noticeNode.id, status: 'PENDING', attempts: 0 });
    await eventually(() => smtp.received.find((m) => m.to === notice), 10_000, 'the retried notice');
    expect(smtp.received.find((m) => m.to === notice)!.text).toContain('Please disable application 7.');
    await eventually(async () => (await outboxRow(t.ds, notice)).status === 'SENT', 5_000, 'SENT after the retry');
    const again = await t.gql(RETRY, { id: noticeNode.id }, staff.nic);
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
    const audit = await t.ds.query("SELECT actor_role, before_status, after_status FROM admin_audit WHERE action = 'RETRY_OUTBOX_MESSAGE' AND target_id = ?", [Number(noticeNode.id)]);
    expect(audit).toEqual([{ actor_role: 'NIC_OPERATOR', before_status: 'DEAD_LETTER', after_status: 'PENDING' }]);

    // The fresh link arrives, and its token (not the dead one's) activates the account.
    const resent = await t.gql('mutation($o: ID!) { resendActivationLink(organizationId: $o) { activationLinkExpiresAt } }', { o: orgId }, staff.nic);
    expect(resent.body.errors).toBeUndefined();
    const mail = await eventually(() => smtp.received.find((m) => m.to === email), 10_000, 'the fresh activation mail');
    const token = /activation token: ([A-Za-z0-9_-]{40,})/.exec(mail.text)![1];
    expect(token).not.toBe(firstToken);
    const stale = await t.op(ActivateAccountDocument, { input: { token: firstToken, password: PASSWORD } });
    expect(stale.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    ok(await t.op(ActivateAccountDocument, { input: { token, password: PASSWORD } }), 'activateAccount with the fresh token');
  });
});

describe('staff views of the outbox', () => {
  it('never show an activation token, even while the message waits unsent: every field of OutboxMessage, as DEPwD and NIC', async () => {
    const t = await startTestServer({ records: 0 }); // no SMTP_URL: the message stays PENDING with its token
    try {
      const staff = await staffTokens(t);
      const { email } = await activateOrganization(t, staff);
      const [row] = await t.ds.query('SELECT id, status, body FROM outbox_message WHERE recipient = ?', [email]);
      expect(row.status).toBe('PENDING');
      const token = /activation token: ([A-Za-z0-9_-]{40,})/.exec(row.body)![1];
      // Whatever fields the type has now or gains later, none may carry the body.
      const intro = await t.gql('{ __type(name: "OutboxMessage") { fields { name } } }', {}, staff.depwd);
      const fields: string[] = intro.body.data.__type.fields.map((f: any) => f.name);
      expect(fields).toEqual(expect.arrayContaining(['id', 'recipient', 'subject', 'status', 'attempts', 'lastError']));
      expect(fields).not.toContain('body');
      for (const who of [staff.depwd, staff.nic]) {
        const r = await t.gql(`query { outboxMessages(status: PENDING, first: 100) { edges { node { ${fields.join(' ')} } } } }`, {}, who);
        expect(r.body.errors).toBeUndefined();
        const nodes = r.body.data.outboxMessages.edges.map((e: any) => e.node);
        expect(nodes).toContainEqual(expect.objectContaining({ id: String(row.id), recipient: email, status: 'PENDING' }));
        expect(JSON.stringify(r.body)).not.toContain(token);
      }
    } finally {
      await t.close();
    }
  });
});

/** One database for two servers: a SQLite file, or a MariaDB schema of its own. */
function sharedDatabase() {
  let dir: string | null = null;
  let target: { databaseUrl?: string; sqlitePath?: string };
  const name = `udid_t_${randomBytes(4).toString('hex')}`;
  if (TEST_DATABASE_URL) {
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    target = { databaseUrl: u.toString() };
  } else {
    dir = mkdtempSync(join(tmpdir(), 'udx-mail-'));
    target = { sqlitePath: join(dir, 'udid.sqlite') };
  }
  return {
    target,
    open: () => openDatabase(target),
    drop: async (ds: DataSource) => {
      if (TEST_DATABASE_URL) await ds.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('two servers on one database', () => {
  let smtp: TestSmtp;
  const db = sharedDatabase();
  let dss: DataSource[] = [];
  let servers: AppServer[] = [];
  beforeAll(async () => {
    smtp = await startSmtp({ delayMs: 5 });
    dss = [await db.open(), await db.open()];
    for (const [i, ds] of dss.entries()) {
      // Each server signs in to the relay as its own account, so the relay tells who delivered what.
      const smtpUrl = i === 0 ? smtp.url : smtp.url.replace('//udx:', '//udx2:');
      const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(40), PORT: '0', ...mailEnv(smtp, { MAIL_POLL_MS: '50', SMTP_URL: smtpUrl }) }, { persistSecret: false });
      const s = await createServer({ config, ds, log: testLogger() });
      await s.listen(0, '127.0.0.1');
      servers.push(s);
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await db.drop(dss[0]);
    for (const ds of dss) if (ds.isInitialized) await ds.destroy();
    await smtp?.close();
  });

  it('deliver each of 60 messages exactly once (counted at the SMTP server), and take over a lapsed claim of a crashed replica', async () => {
    const now = new Date();
    const rows = Array.from({ length: 60 }, (_, i) => ({
      channel: 'EMAIL', recipient: `backlog.${i}@welfare.example.gov.in`, subject: `Notice ${i}`, body: `Backlog message ${i}`,
      created_at: toDbDateTime(now), status: 'PENDING', attempts: 0,
    }));
    // A replica that crashed mid-send: its claim holds for another 3 s, then lapses.
    const crashed = { ...rows[0], recipient: 'crashed.claim@welfare.example.gov.in', subject: 'Claimed by a crashed replica' };
    const insert = 'INSERT INTO outbox_message (channel, recipient, subject, body, created_at, status, attempts, claimed_by, claim_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
    await dss[0].query(insert, [...Object.values(crashed), 'crashed-replica:1', toDbDateTime(new Date(Date.now() + 3000))]);
    for (const r of rows) await dss[0].query(insert, [...Object.values(r), null, null]);
    servers.forEach((s) => s.services.outbox.wake());

    await eventually(async () => {
      const [{ n }] = await dss[0].query("SELECT COUNT(*) AS n FROM outbox_message WHERE status = 'SENT'");
      return Number(n) === 61;
    }, 30_000, 'every message SENT');
    const ids: string[] = (await dss[0].query('SELECT id FROM outbox_message ORDER BY id')).map((r: any) => String(r.id));
    const counts = new Map<string, number>();
    for (const m of smtp.received) counts.set(m.outboxId, (counts.get(m.outboxId) ?? 0) + 1);
    expect(smtp.received).toHaveLength(61);
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Both servers took part (both were woken at once and claim 20 at a time).
    expect(smtp.received.filter((m) => m.user === 'udx').length).toBeGreaterThan(0);
    expect(smtp.received.filter((m) => m.user === 'udx2').length).toBeGreaterThan(0);
    const attempts = await dss[0].query('SELECT DISTINCT attempts FROM outbox_message');
    expect(attempts.map((r: any) => Number(r.attempts))).toEqual([1]);
  }, 60_000);
});

describe('development without SMTP_URL', () => {
  it('logs the message at info level with the activation token redacted (in full at debug only), and marks it sent to the log', async () => {
    const lines: any[] = [];
    const sink = new Writable({ write(chunk, _e, cb) { for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l)); cb(); } });
    const t = await startTestServer({ records: 0, env: { NODE_ENV: 'development', MAIL_POLL_MS: '100' }, log: createLogger('debug', sink) });
    try {
      const staff = await staffTokens(t);
      const { email } = await activateOrganization(t, staff);
      await eventually(async () => (await outboxRow(t.ds, email)).status === 'SENT', 10_000, 'the message logged');
      const full = lines.find((l) => l.outbox && l.to === email && /outbox message in full/.test(l.msg));
      expect(full.level).toBe(20); // debug
      const token = /activation token: ([A-Za-z0-9_-]{40,})/.exec(full.msg)![1];
      const logged = lines.find((l) => l.outbox && l.to === email && /outbox \(development, not sent/.test(l.msg));
      expect(logged.level).toBe(30); // info
      expect(logged.msg).toContain('activation token: [redacted]');
      expect(logged.msg).toContain('Activate your partner admin account');
      expect(JSON.stringify(lines.filter((l) => l.level >= 30))).not.toContain(token);
      // Delivered to the log, the stored body is redacted as after SMTP.
      const [{ body }] = await t.ds.query('SELECT body FROM outbox_message WHERE recipient = ?', [email]);
      expect(body).not.toContain(token);
      expect(body).toContain('activation token: [sent; link redacted]');
    } finally {
      await t.close();
    }
  });
});
