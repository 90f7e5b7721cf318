import { addDays } from '../../src/core/clock';
import { createServer, AppServer } from '../../src/app/server';
import { startTestServer, testLogger, TestServer } from '../helpers/server';
import { onboardPartner, OnboardedPartner, PASSWORD, staffTokens, StaffTokens } from '../helpers/onboarding';
import { eventually, startSmtp, TestSmtp } from '../helpers/smtp';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const TASKS = `query($status: PendingActionStatus) { pendingActions(status: $status, first: 100) { edges { node { id kind role title mouId applicationId cause doneAt resolution note } } } }`;
const TERMINATE = `mutation($id: ID!, $type: MouTerminationType!) { terminateMou(input: { mouId: $id, type: $type, reason: "Partner asked to end the MoU" }) { status terminatedOn } }`;
const DISABLE = `mutation($id: ID!) { disableApplication(input: { applicationId: $id, reason: "MoU ended; SOP de-activation" }) { status } }`;
const REVOKE = `mutation($id: ID!, $cidr: String!) { revokeIp(input: { applicationId: $id, cidr: $cidr }) { id } }`;
const COMPLETE = `mutation($id: ID!, $note: String!) { completePendingAction(input: { id: $id, note: $note }) { id doneAt resolution note } }`;
const ISSUE = `mutation($id: ID!, $due: Date!) { issueDestructionInstruction(input: { mouId: $id, method: DESTROY, dueOn: $due, instructions: "Destroy every copy of UDID records received" }) { id status dueOn } }`;
const INSTRUCTIONS = `query($status: DestructionStatus) { destructionInstructions(filter: { status: $status }, first: 100) { edges { node { id mouId status method performedMethod performedOn performedBy } } } }`;
const ATTEST = `mutation($id: ID!, $on: Date, $by: String) { attestDataDestruction(input: { mouId: $id, statement: "All copies of the records were shredded and wiped", performedMethod: DESTROY, performedOn: $on, performedBy: $by }) { destructionAttestedAt } }`;

let t: TestServer;
let staff: StaffTokens;

beforeAll(async () => {
  t = await startTestServer({ records: 20 });
  staff = await staffTokens(t);
});
afterAll(async () => { await t?.close(); });
afterEach(() => t.clock.reset());

const tasksOf = async (token: string, mouId: string, status = 'OPEN') => {
  const r = await t.gql(TASKS, { status }, token);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return (r.body.data.pendingActions.edges as any[]).map((e) => e.node).filter((n) => n.mouId === mouId);
};
const data = async (q: string, v: Record<string, unknown>, token?: string) => {
  const r = await t.gql(q, v, token);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data;
};
const rowsOf = (sql: string, params: unknown[]) => t.ds.query(sql, params) as Promise<any[]>;
const noticeRecipients = async (mouId: string) => {
  const [{ reference }] = await rowsOf('SELECT reference FROM mou WHERE id = ?', [Number(mouId)]);
  return (await rowsOf('SELECT recipient FROM outbox_message WHERE subject LIKE ? ORDER BY recipient', [`DEPwD notice: MoU ${reference} %`])).map((r) => r.recipient);
};
const activeStaffEmails = async () =>
  (await rowsOf("SELECT email FROM user_account WHERE role IN ('NIC_OPERATOR', 'INTEGRATION_ENGINEER') AND status = 'ACTIVE' ORDER BY email", [])).map((r) => r.email);

describe('termination: notices and open tasks', () => {
  let p: OnboardedPartner;
  beforeAll(async () => { p = await onboardPartner(t, staff); });

  it('a MUTUAL termination enqueues notices to every NIC operator and integration engineer and opens one task per role', async () => {
    expect((await data(TERMINATE, { id: p.mouId, type: 'MUTUAL' }, staff.depwd)).terminateMou.status).toBe('TERMINATED');
    expect(await noticeRecipients(p.mouId)).toEqual(await activeStaffEmails());
    const nic = await tasksOf(staff.nic, p.mouId);
    expect(nic).toEqual([expect.objectContaining({ kind: 'DISABLE_APPLICATION', role: 'NIC_OPERATOR', applicationId: p.applicationId, cause: 'TERMINATION', doneAt: null })]);
    expect(nic[0].title).toMatch(/^Disable application \d+/);
    const ie = await tasksOf(staff.engineer, p.mouId);
    expect(ie).toEqual([expect.objectContaining({ kind: 'REMOVE_IPS', role: 'INTEGRATION_ENGINEER', applicationId: p.applicationId })]);
    expect((await tasksOf(staff.analyst, p.mouId)).map((x) => x.kind).sort()).toEqual(['DISABLE_APPLICATION', 'REMOVE_IPS']);
    const [{ n }] = await rowsOf("SELECT COUNT(*) AS n FROM admin_audit WHERE action = 'SOP_NOTICE' AND target_id = ?", [Number(p.mouId)]);
    expect(Number(n)).toBe(1);
  });

  it('a partner cannot see pendingActions, and NIC cannot complete the engineer\'s task', async () => {
    const r = await t.gql(TASKS, {}, p.adminToken);
    expect(r.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [ie] = await tasksOf(staff.engineer, p.mouId);
    const c = await t.gql(COMPLETE, { id: ie.id, note: 'not my task at all' }, staff.nic);
    expect(c.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('disabling the application closes the NIC task; revoking the last IP closes the engineer\'s', async () => {
    await data(DISABLE, { id: p.applicationId }, staff.nic);
    expect(await tasksOf(staff.nic, p.mouId)).toEqual([]);
    expect(await tasksOf(staff.nic, p.mouId, 'DONE')).toEqual([expect.objectContaining({ resolution: 'APPLICATION_DISABLED' })]);
    await data(REVOKE, { id: p.applicationId, cidr: '127.0.0.1/32' }, staff.engineer);
    expect(await tasksOf(staff.engineer, p.mouId)).toHaveLength(1); // one IP left
    await data(REVOKE, { id: p.applicationId, cidr: '::1/128' }, staff.engineer);
    expect(await tasksOf(staff.engineer, p.mouId)).toEqual([]);
    expect(await tasksOf(staff.engineer, p.mouId, 'DONE')).toEqual([expect.objectContaining({ resolution: 'IPS_REMOVED' })]);
  });

  it('completePendingAction closes a task by hand, with its note, audited; twice is CONFLICT', async () => {
    const q = await onboardPartner(t, staff);
    await data(TERMINATE, { id: q.mouId, type: 'MUTUAL' }, staff.depwd);
    const [task] = await tasksOf(staff.engineer, q.mouId);
    const done = (await data(COMPLETE, { id: task.id, note: 'Removed at the NAPIX gateway, ticket 4411' }, staff.engineer)).completePendingAction;
    expect(done).toEqual(expect.objectContaining({ resolution: 'MANUAL', note: 'Removed at the NAPIX gateway, ticket 4411' }));
    expect(await tasksOf(staff.engineer, q.mouId)).toEqual([]);
    const again = await t.gql(COMPLETE, { id: task.id, note: 'once more, by mistake' }, staff.engineer);
    expect(again.body.errors?.[0].extensions.code).toBe('CONFLICT');
    const audit = await rowsOf("SELECT actor_role FROM admin_audit WHERE action = 'COMPLETE_PENDING_ACTION' AND target_type = 'PENDING_ACTION' AND target_id = ?", [Number(task.id)]);
    expect(audit).toEqual([{ actor_role: 'INTEGRATION_ENGINEER' }]);
  });
});

describe('the sweep', () => {
  let second: AppServer | null = null;
  afterAll(async () => { await second?.close(); });

  it('finds a NOTICE termination once access ends; run twice by two server instances on one database it writes each task and notice once', async () => {
    const p = await onboardPartner(t, staff);
    expect((await data(TERMINATE, { id: p.mouId, type: 'NOTICE' }, staff.depwd)).terminateMou.status).toBe('NOTICE_GIVEN');
    await t.server.services.sopSweep.runOnce();
    expect(await rowsOf('SELECT id FROM pending_action WHERE mou_id = ?', [Number(p.mouId)])).toEqual([]); // still in force
    second = await createServer({ config: t.config, ds: t.ds, clock: t.clock, log: testLogger() });
    t.clock.advance(31 * DAY);
    const [a, b] = [t.server.services.sopSweep, second.services.sopSweep];
    await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.runOnce(), b.runOnce()]);
    const tasks = await rowsOf('SELECT kind FROM pending_action WHERE mou_id = ? ORDER BY kind', [Number(p.mouId)]);
    expect(tasks.map((r) => r.kind)).toEqual(['DISABLE_APPLICATION', 'REMOVE_IPS']);
    expect(await rowsOf('SELECT cause FROM sop_notice WHERE mou_id = ?', [Number(p.mouId)])).toEqual([{ cause: 'TERMINATION' }]);
    const recipients = await noticeRecipients(p.mouId);
    expect(recipients).toEqual(await activeStaffEmails());
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('finds an MoU that expired by the calendar (3 years after execution)', async () => {
    const p = await onboardPartner(t, staff);
    await t.server.services.sopSweep.runOnce();
    expect(await rowsOf('SELECT id FROM sop_notice WHERE mou_id = ?', [Number(p.mouId)])).toEqual([]);
    t.clock.advance(3 * 366 * DAY);
    await t.server.services.sopSweep.runOnce();
    const fresh = await staffTokens(t); // the earlier tokens have expired meanwhile
    const nic = await tasksOf(fresh.nic, p.mouId);
    expect(nic).toEqual([expect.objectContaining({ kind: 'DISABLE_APPLICATION', cause: 'EXPIRY' })]);
    expect(await noticeRecipients(p.mouId)).not.toHaveLength(0);
  });
});

describe('return-or-destroy instruction (MoU 6.2)', () => {
  it('DEPwD instructs on termination, an unanswered one shows OVERDUE to analysts, the partner\'s attestation answers it', async () => {
    const p = await onboardPartner(t, staff);
    const early = await t.gql(ISSUE, { id: p.mouId, due: addDays(t.clock.today(), 7) }, staff.depwd);
    expect(early.body.errors?.[0].extensions.code).toBe('CONFLICT'); // MoU still in force
    const byPartner = await t.gql(ISSUE, { id: p.mouId, due: addDays(t.clock.today(), 7) }, p.adminToken);
    expect(byPartner.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const instructionMails = () => rowsOf("SELECT recipient, subject, body FROM outbox_message WHERE subject LIKE 'DEPwD instruction:%' AND body LIKE ?", [`%mouId: \"${p.mouId}\"%`]);
    expect(await instructionMails()).toEqual([]); // refused steps write no notice
    await data(TERMINATE, { id: p.mouId, type: 'MUTUAL' }, staff.depwd);
    const due = addDays(t.clock.today(), 7);
    const ins = (await data(ISSUE, { id: p.mouId, due }, staff.depwd)).issueDestructionInstruction;
    expect(ins.status).toBe('PENDING');
    // The partner's admin is told, through the outbox, in the instruction's transaction: what, by when, how to attest.
    const [{ reference }] = await rowsOf('SELECT reference FROM mou WHERE id = ?', [Number(p.mouId)]);
    const mails = await instructionMails();
    expect(mails.map((x) => [x.recipient, x.subject])).toEqual([[p.adminEmail, `DEPwD instruction: destroy UDID data by ${due} (MoU ${reference})`]]);
    expect(mails[0].body).toContain(`MoU ${reference} between DEPwD and Social Welfare Department`);
    expect(mails[0].body).toContain(`to destroy every copy of the UDID records it received through UDID Exchange under this MoU (databases, files, backups, printouts), by ${due}`);
    expect(mails[0].body).toContain('  Destroy every copy of UDID records received');
    expect(mails[0].body).toContain(`attestDataDestruction(input: { mouId: "${p.mouId}"`);
    expect(mails[0].body).toContain(`An instruction not attested by ${due} is shown to DEPwD as overdue.`);
    const [audit] = await rowsOf("SELECT details FROM admin_audit WHERE action = 'ISSUE_DESTRUCTION_INSTRUCTION' AND target_id = ?", [Number(ins.id)]);
    expect(JSON.parse(audit.details)).toMatchObject({ method: 'DESTROY', dueOn: due, noticesTo: 1 });
    // A second instruction for the MoU is refused, and writes no second notice.
    const twice = await t.gql(ISSUE, { id: p.mouId, due }, staff.depwd);
    expect(twice.body.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await instructionMails()).toHaveLength(1);
    const mine = (await data(INSTRUCTIONS, {}, p.adminToken)).destructionInstructions.edges.map((e: any) => e.node);
    expect(mine.map((n: any) => n.id)).toEqual([ins.id]);
    const overdueNow = (await data(INSTRUCTIONS, { status: 'OVERDUE' }, staff.analyst)).destructionInstructions.edges.map((e: any) => e.node.id);
    expect(overdueNow).not.toContain(ins.id);

    t.clock.advance(8 * DAY);
    const fresh = await staffTokens(t);
    const overdue = (await data(INSTRUCTIONS, { status: 'OVERDUE' }, fresh.analyst)).destructionInstructions.edges.map((e: any) => e.node.id);
    expect(overdue).toContain(ins.id);

    const admin = await t.login(p.adminEmail, PASSWORD);
    const bare = await t.gql(ATTEST, { id: p.mouId }, admin);
    expect(bare.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT'); // what, when and by whom are required
    await data(ATTEST, { id: p.mouId, on: addDays(t.clock.today(), -1), by: 'R. Sharma, IT Officer' }, admin);
    const after = (await data(INSTRUCTIONS, { status: 'OVERDUE' }, fresh.analyst)).destructionInstructions.edges.map((e: any) => e.node.id);
    expect(after).not.toContain(ins.id);
    const attested = (await data(INSTRUCTIONS, { status: 'ATTESTED' }, fresh.analyst)).destructionInstructions.edges.map((e: any) => e.node).find((n: any) => n.id === ins.id);
    expect(attested).toEqual(expect.objectContaining({ performedMethod: 'DESTROY', performedBy: 'R. Sharma, IT Officer', performedOn: addDays(t.clock.today(), -1) }));
  });
});

describe('the return-or-destroy instruction reaches the partner over SMTP', () => {
  let smtp: TestSmtp;
  let m: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    m = await startTestServer({ records: 0, env: { SMTP_URL: smtp.url, MAIL_FROM: 'DEPwD UDID Exchange <no-reply@udid.example.gov.in>', MAIL_POLL_MS: '100' } });
  });
  afterAll(async () => { await m?.close(); await smtp?.close(); });

  const tokenFromMail = async (email: string) => {
    const mail = await eventually(() => smtp.received.find((x) => x.to === email && /activation token: [A-Za-z0-9_-]{40,}/.test(x.text)), 15_000, 'the activation mail');
    return /activation token: ([A-Za-z0-9_-]{40,})/.exec(mail.text)![1];
  };

  it('RETURN by a date: the partner admin receives what to return, by when and the attestation to send, and the mailed attestation answers it', async () => {
    const staff = await staffTokens(m);
    const p = await onboardPartner(m, staff, { activationToken: tokenFromMail });
    const r = await m.gql(TERMINATE, { id: p.mouId, type: 'MUTUAL' }, staff.depwd);
    expect(r.body.errors).toBeUndefined();
    const due = addDays(m.clock.today(), 14);
    const issued = await m.gql(`mutation($id: ID!, $due: Date!) { issueDestructionInstruction(input: { mouId: $id, method: RETURN, dueOn: $due, instructions: "Return the exported spreadsheets on encrypted media to the DEPwD data cell" }) { id status } }`, { id: p.mouId, due }, staff.depwd);
    expect(issued.body.errors).toBeUndefined();
    const [{ reference }] = await m.ds.query('SELECT reference FROM mou WHERE id = ?', [Number(p.mouId)]);
    const mail = await eventually(() => smtp.received.find((x) => x.to === p.adminEmail && x.subject.startsWith('DEPwD instruction:')), 15_000, 'the instruction mail');
    expect(mail).toMatchObject({ from: '"DEPwD UDID Exchange" <no-reply@udid.example.gov.in>', subject: `DEPwD instruction: return UDID data by ${due} (MoU ${reference})` });
    expect(mail.text).toContain(`to return to DEPwD every copy of the UDID records it received through UDID Exchange under this MoU, and keep none, by ${due}.`);
    expect(mail.text).toContain('Return the exported spreadsheets on encrypted media to the DEPwD data cell');
    expect(smtp.received.filter((x) => x.subject.startsWith('DEPwD instruction:'))).toHaveLength(1); // to the partner admin only

    // The attestation as the mail spells it, placeholders filled in, answers the instruction.
    const mutation = mail.text.slice(mail.text.indexOf('mutation {'), mail.text.indexOf('{ destructionAttestedAt } }') + '{ destructionAttestedAt } }'.length)
      .replace('<what was returned, how and when>', 'Two spreadsheets returned on an encrypted disk, received by the DEPwD data cell')
      .replace('<YYYY-MM-DD>', m.clock.today()).replace('<name and designation>', 'R. Sharma, IT Officer');
    const admin = await m.login(p.adminEmail, PASSWORD);
    const attested = await m.gql(mutation, {}, admin);
    expect(attested.body.errors).toBeUndefined();
    expect(attested.body.data.attestDataDestruction.destructionAttestedAt).toBeTruthy();
    const listed = await m.gql(INSTRUCTIONS, { status: 'ATTESTED' }, staff.analyst);
    expect(listed.body.data.destructionInstructions.edges.map((e: any) => e.node)).toContainEqual(expect.objectContaining({
      id: issued.body.data.issueDestructionInstruction.id, method: 'RETURN', performedMethod: 'RETURN', performedBy: 'R. Sharma, IT Officer',
    }));
  });
});
