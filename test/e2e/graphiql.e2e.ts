import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createActivePartner, startTestServer, TestServer, PartnerFixture } from '../helpers/server';
import { createStaffUser, DEMO_STAFF } from '../../src/modules/staff/demo.seed';
import { Role } from '../../src/core/authz/scopes';
import { launchChromium, recordProblems } from './browser';

/**
 * The analysts' explorer end to end: the real server (seeded, demo analyst), Debian's Chromium,
 * sign-in, a saved example run against real data, sign-out, an expired session.
 */
const OUT = resolve(__dirname, '../../test-output');
const ANALYST = DEMO_STAFF.find((s) => s.role === Role.ANALYST)!;
const PASSWORD = 'analyst-demo-password';

describe('GraphiQL explorer in Chromium', () => {
  let t: TestServer;
  let partner: PartnerFixture;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const problems: string[] = [];
  let servedUdids: string[];

  beforeAll(async () => {
    t = await startTestServer({ records: 300 });
    await createStaffUser(t.ds, Role.ANALYST, ANALYST.email, ANALYST.name, PASSWORD);
    // A partner reads a few records first, so the access log holds something for the analyst to find.
    partner = await createActivePartner(t.ds, { name: 'Maharashtra Social Justice Department' });
    const read = await t.gql('{ pwds(filter: {state: "MH"}, first: 3) { edges { node { udid name } } } }', {}, await t.appToken(partner));
    servedUdids = read.body.data.pwds.edges.map((e: any) => e.node.udid);
    expect(servedUdids).toHaveLength(3);
    await t.server.services.accessLog.flush();
    browser = await launchChromium();
    page = await browser.context.newPage();
    // The page runs under a strict CSP: any refused script/style or runtime error fails the test.
    recordProblems(page, problems);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(email: string, password: string) {
    await page.goto(`${t.url}/graphiql`);
    await page.fill('#udx-email', email);
    await page.fill('#udx-password', password);
    await page.click('button[type=submit]');
  }

  /** The best analyst example this server can run (the examples list says which validate against its schema). */
  async function pickExample(): Promise<string> {
    const token = await t.login(ANALYST.email, PASSWORD);
    const { examples } = (await (await fetch(`${t.url}/graphiql/examples`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    const available = new Set(examples.filter((e: any) => e.available).map((e: any) => e.name));
    const name = ['01-who-accessed-this-udid', '07-partner-organisations'].find((n) => available.has(n));
    if (!name) throw new Error('no analyst example with real data is available on this server');
    return name;
  }

  async function editorText(): Promise<string> {
    return page.evaluate(() => ((globalThis as any).document.querySelector('.graphiql-query-editor .CodeMirror') as any)?.CodeMirror?.getValue() ?? '');
  }

  async function responseText(): Promise<string> {
    return page.evaluate(() => ((globalThis as any).document.querySelector('.graphiql-response .CodeMirror') as any)?.CodeMirror?.getValue() ?? '');
  }

  it('a wrong password shows an error and stays on the sign-in form', async () => {
    await signIn(ANALYST.email, 'not-the-password');
    const error = page.getByTestId('signin-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Wrong email or password/);
    expect(await page.locator('.graphiql-container').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
  });

  it('signs the analyst in, runs a saved example and shows real data from the database', async () => {
    await signIn(ANALYST.email, PASSWORD);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(`${ANALYST.email} (ANALYST)`);
    // The examples of schema/examples/*.graphql are listed; the analyst picks "who accessed this UDID"
    // (or, on a server without the oversight queries, the partner organisations).
    await page.locator('[data-example]').first().waitFor();
    expect(await page.locator('[data-example]').count()).toBeGreaterThanOrEqual(7);
    const name = await pickExample();
    const root = name === '01-who-accessed-this-udid' ? 'recordAccessSummary' : 'organizations';
    await page.click(`[data-example="${name}"]`);
    await page.waitForFunction((r) => new RegExp(r).test(((globalThis as any).document.querySelector('.graphiql-query-editor .CodeMirror') as any)?.CodeMirror?.getValue() ?? ''), root);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => /"data"|"errors"/.test(((globalThis as any).document.querySelector('.graphiql-response .CodeMirror') as any)?.CodeMirror?.getValue() ?? ''));
    const result = JSON.parse(await responseText());
    expect(result.errors).toBeUndefined();
    // Real rows: the partner organisation created above, and (access log) the last record it received.
    expect(JSON.stringify(result.data)).toContain('Maharashtra Social Justice Department');
    if (root === 'recordAccessSummary') expect(servedUdids).toContain(result.data.recordAccessSummary.udid);
    // The token went to /graphql as a Bearer header and lives only in sessionStorage.
    expect(await page.evaluate(() => Object.keys((globalThis as any).localStorage).filter((k) => /token|session/i.test(k)))).toEqual([]);
    expect(await page.evaluate(() => JSON.parse((globalThis as any).sessionStorage.getItem('udx.explorer.session') ?? '{}').role)).toBe('ANALYST');
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: resolve(OUT, 'graphiql.png') });
  });

  it('shows the schema documentation (introspection for the signed-in analyst)', async () => {
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
  });

  it('sign-out clears the token and returns to the form', async () => {
    await page.click('#sign-out');
    await page.locator('#udx-email').waitFor();
    expect(await page.getByTestId('signin-message').textContent()).toMatch(/signed out/);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    await page.reload();
    await page.locator('#udx-email').waitFor();
  });

  it('the first tab holds a runnable question: ▶ answers with real data at once', async () => {
    await signIn(ANALYST.email, PASSWORD);
    await page.locator('.graphiql-container').waitFor();
    expect(await editorText()).toMatch(/organizations\(first: 10\)/);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => /"data"|"errors"/.test(((globalThis as any).document.querySelector('.graphiql-response .CodeMirror') as any)?.CodeMirror?.getValue() ?? ''));
    const result = JSON.parse(await responseText());
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data.organizations)).toContain('Maharashtra Social Justice Department');
  });

  it('an expired token (HTTP 401) brings the analyst back to the sign-in form with a message; the tabs and history stay', async () => {
    // A second tab with a saved example, not run yet.
    await page.locator('[data-example]').first().waitFor();
    await page.click('[data-example="07-partner-organisations"]');
    await page.waitForFunction(() => /mouInForce/.test(((globalThis as any).document.querySelector('.graphiql-query-editor .CodeMirror') as any)?.CodeMirror?.getValue() ?? ''));
    const tabsBefore = await page.locator('.graphiql-tab').count();
    expect(tabsBefore).toBe(2);
    t.clock.advance(16 * 60_000); // staff tokens live 15 minutes
    await page.click('.graphiql-execute-button');
    await page.locator('#udx-email').waitFor();
    expect(await page.getByTestId('signin-message').textContent()).toMatch(/session has expired/i);
    // Only the token went: GraphiQL's tabs and history are still in this tab's sessionStorage.
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('udx.explorer.session'))).toBeNull();
    // GraphiQL writes its tab state half a second after an edit: the tab just opened is kept too.
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('graphiql:tabState'))).toMatch(/mouInForce/);

    await page.fill('#udx-email', ANALYST.email);
    await page.fill('#udx-password', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('.graphiql-container').waitFor();
    expect(await page.locator('.graphiql-tab').count()).toBe(tabsBefore);
    expect(await editorText()).toMatch(/mouInForce/);
    // The history still holds the question run before the token expired.
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('graphiql:queries') ?? '')).toMatch(/organizations\(first: 10\)/);
  });

  it('another staff user signing in to the same browser tab does not get the previous user\'s tabs', async () => {
    t.clock.advance(16 * 60_000);
    await page.click('.graphiql-execute-button');
    await page.locator('#udx-email').waitFor();
    await createStaffUser(t.ds, Role.NIC_OPERATOR, 'nic@explorer.test', 'NIC', PASSWORD);
    await page.fill('#udx-email', 'nic@explorer.test');
    await page.fill('#udx-password', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('.graphiql-container').waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('(NIC_OPERATOR)');
    expect(await page.locator('.graphiql-tab').count()).toBeLessThanOrEqual(1);
    expect(await editorText()).not.toMatch(/mouInForce/);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('graphiql:queries') ?? '')).not.toMatch(/organizations\(first: 10\)/);
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    // The wrong-password and expired-token steps make the browser log their 401 responses; nothing else may fail.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
