import { createLogger } from '../../src/core/logger';
import { startTestServer, TestServer } from '../helpers/server';
import { staffTokens } from '../helpers/onboarding';
import { eventually, startSmtp, TestSmtp } from '../helpers/smtp';
import { hiddenValue, latestCode, people, PersonClient } from '../helpers/person';

/**
 * Outbox channels (issue 18): the PwD's sign-in codes are SMS rows of the outbox. The drainer gives each
 * row only to its channel's sender: EMAIL to the SMTP relay, SMS never to it (no SMS gateway is
 * integrated: SMS rows wait PENDING), and in development SMS go to the log, without the mobile number,
 * the code at debug level only, and the stored body loses the code once "sent".
 */
async function askForCode(t: TestServer, p: { udid: string; dob: string }) {
  const c = new PersonClient(t.url);
  const form = await c.get('/me/record');
  const r = await c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid: p.udid, dob: p.dob });
  expect(r.status).toBe(200);
}

const smsRow = async (t: TestServer, mobile: string) =>
  (await t.ds.query("SELECT id, status, attempts, body FROM outbox_message WHERE channel = 'SMS' AND recipient = ? ORDER BY id DESC LIMIT 1", [mobile]))[0];

describe('outbox channels', () => {
  describe('with SMTP_URL', () => {
    let smtp: TestSmtp;
    let t: TestServer;
    beforeAll(async () => {
      smtp = await startSmtp();
      t = await startTestServer({ records: 5, env: { SMTP_URL: smtp.url, MAIL_FROM: 'no-reply@udid.example.gov.in', MAIL_POLL_MS: '100' } });
    });
    afterAll(async () => { await t?.close(); await smtp?.close(); });

    it('email goes to the relay; an SMS is never handed to it and waits PENDING, unattempted; staff see its recipient masked', async () => {
      const [p] = await people(t.ds, 1);
      await askForCode(t, p);
      const staff = await staffTokens(t);
      // An email written after the SMS is delivered, so the drainer has passed over the SMS row.
      await t.gql('mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } } }', {
        i: (await import('../helpers/onboarding')).registrationInput() });
      const mails = await t.ds.query("SELECT id, recipient FROM outbox_message WHERE channel = 'EMAIL'");
      if (mails.length) await eventually(() => smtp.received.length >= mails.length, 10_000, 'the emails');
      await t.server.services.outbox.drainOnce();
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.received.some((m) => m.text.includes(String(p.mobile)) || m.to.includes(String(p.mobile)) || /\b\d{6}\b/.test(m.subject))).toBe(false);
      const row = await smsRow(t, p.mobile);
      expect(row).toMatchObject({ status: 'PENDING', attempts: 0 });
      expect(await latestCode(t.ds, p.mobile)).toMatch(/^\d{6}$/);
      const listed = await t.gql("{ outboxMessages(status: PENDING) { edges { node { id channel recipient } } } }", {}, staff.depwd);
      const node = listed.body.data.outboxMessages.edges.map((e: any) => e.node).find((n: any) => String(n.id) === String(row.id));
      expect(node.channel).toBe('SMS');
      expect(node.recipient).toBe(`********${String(p.mobile).slice(-2)}`);
      const retry = await t.gql('mutation($id: ID!) { retryOutboxMessage(id: $id) { id } }', { id: String(row.id) }, staff.depwd);
      expect(retry.body.errors[0].extensions.code).toBe('CONFLICT');
    });
  });

  describe('in development without an SMS gateway', () => {
    let t: TestServer;
    const lines: string[] = [];
    beforeAll(async () => {
      const sink = { write: (s: string) => { lines.push(s); return true; } };
      t = await startTestServer({ records: 5, env: { NODE_ENV: 'development', MAIL_POLL_MS: '100' }, log: createLogger('debug', sink as never) });
    });
    afterAll(() => t?.close());

    it('an SMS is written to the log (no mobile number at any level; the code at debug only) and then kept without its code', async () => {
      const [p] = await people(t.ds, 1);
      await askForCode(t, p);
      const row = await eventually(async () => { const r = await smsRow(t, p.mobile); return r?.status === 'SENT' ? r : null; }, 10_000, 'the SMS logged');
      // The code, as a developer reads it at LOG_LEVEL=debug.
      const code = /SMS in full \(development\): .*?\b(\d{6})\b/.exec(lines.join('\n'))?.[1];
      expect(code).toMatch(/^\d{6}$/);
      expect(row.body).not.toContain(code!);
      expect(row.body).toContain('[code redacted]');
      const entries = lines.map((l) => JSON.parse(l));
      const sms = entries.filter((e) => e.channel === 'SMS');
      expect(sms.length).toBeGreaterThanOrEqual(2);
      for (const l of lines) {
        expect(l).not.toContain(String(p.mobile));
        expect(l).not.toContain(p.udid);
      }
      const withCode = entries.filter((e) => JSON.stringify(e).includes(code!));
      expect(withCode.length).toBeGreaterThanOrEqual(1);
      expect(withCode.every((e) => e.level === 20)).toBe(true);
    });
  });
});
