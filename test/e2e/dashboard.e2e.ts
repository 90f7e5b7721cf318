import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { createActivePartner, startTestServer, TestServer, PartnerFixture } from '../helpers/server';
import { createStaffUser } from '../../src/modules/staff/demo.seed';
import { Role } from '../../src/core/authz/scopes';
import { addDays } from '../../src/core/clock';
import { toDbDateTime } from '../../src/core/db/columns';
import { launchChromium, recordProblems } from './browser';
import { report } from '../helpers/benefit';

/**
 * The staff dashboard end to end: the real server with seeded records, partners that read records and
 * report benefits, alerts, an MoU about to end and an application overdue for reporting; Debian's
 * Chromium signed in as an analyst (reads, no alert buttons) and as a DEPwD admin (acknowledges and
 * resolves an alert); every chart checked against the API, and the CSV download row by row.
 */
const DOCS = resolve(__dirname, '../../docs');
const STAFF = { analyst: { email: 'analyst@dashboard.test', role: Role.ANALYST }, admin: { email: 'admin@dashboard.test', role: Role.DEPWD_ADMIN } };
const PASSWORD = 'dashboard-password-1';
const FORMULA_SCHEME = '=HYPERLINK("http://x.example","Pension")';

describe('staff dashboard in Chromium', () => {
  let t: TestServer;
  let a: PartnerFixture, b: PartnerFixture;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let today: string, from: string;
  const problems: string[] = [];
  const alertIds: number[] = [];

  beforeAll(async () => {
    t = await startTestServer({ records: 300 });
    for (const s of Object.values(STAFF)) await createStaffUser(t.ds, s.role, s.email, s.role, PASSWORD);
    today = t.clock.today();
    from = `${addDays(today, -150).slice(0, 7)}-01`; // the dashboard's default range
    // A's MoU ends in 30 days (executed three years before that); B reads records and never reports.
    a = await createActivePartner(t.ds, { name: 'Rajasthan Social Justice Department', mouExecutedOn: addDays(addDays(today, 30), -3 * 365 - 1) });
    b = await createActivePartner(t.ds, { name: 'Skill Mission of Odisha' });
    const read = async (p: PartnerFixture, state: string) => (await t.gql(`{ pwds(filter: {state: "${state}"}, first: 20) { edges { node { udid state } } } }`, {}, await t.appToken(p))).body.data.pwds.edges.map((e: any) => e.node.udid);
    const readA = [...await read(a, 'MH'), ...await read(a, 'RJ')];
    await read(b, 'KA');
    await t.server.services.accessLog.flush();
    expect(readA.length).toBeGreaterThan(10);
    const inputs = readA.map((udid: string, i: number) => report(udid, {
      schemeCode: ['IGNDPS', 'ADIP', 'PMS'][i % 3], schemeName: i === 0 ? FORMULA_SCHEME : ['Disability pension', 'Assistive devices', 'Post-matric scholarship'][i % 3],
      amountPaise: 150_000 + i * 1_234, benefitDate: addDays(today, -((i * 11) % 140)),
    }));
    const res = await t.op((await import('../generated/graphql')).ReportBenefitsDocument, { inputs }, await t.appToken(a));
    expect(res.data!.reportBenefits.accepted).toBe(inputs.length);
    // B first read records 40 days ago: its report is overdue.
    const past = toDbDateTime(new Date(Date.now() - 40 * 86_400_000));
    await t.ds.query('UPDATE application SET first_record_access_at = ?, reporting_grace_from = ? WHERE id = ?', [past, past, b.applicationId]);
    // Alerts of three kinds raised within the range (as the detectors store them).
    const ins = `INSERT INTO scraping_alert (application_id, kind, evidence, window_start, window_end, status, auto_suspended, raised_at) VALUES (?, ?, ?, ?, ?, 'OPEN', 0, ?)`;
    for (const [app, kind, evidence, daysAgo] of [
      [a.applicationId, 'SEQUENTIAL_UDIDS', { prefix: 'MH01100202600', runningFrom: 11, runningTo: 19, runLength: 9 }, 3],
      [b.applicationId, 'UNKNOWN_UDID_RATIO', { lookups: 40, unknownLookups: 31, unknownShare: 0.775 }, 20],
      [b.applicationId, 'VERIFY_BRUTE_FORCE', { udid: readA[0], failedAttempts: 5, attemptsPerDay: 5 }, 45],
    ] as const) {
      const at = new Date(Date.now() - daysAgo * 86_400_000);
      await t.ds.query(ins, [app, kind, JSON.stringify(evidence), toDbDateTime(new Date(at.getTime() - 600_000)), toDbDateTime(at), toDbDateTime(at)]);
    }
    alertIds.push(...(await t.ds.query('SELECT id FROM scraping_alert ORDER BY id')).map((r: any) => Number(r.id)));
    browser = await launchChromium();
    page = await browser.context.newPage();
    recordProblems(page, problems);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(email: string) {
    await page.goto(`${t.url}/dashboard`);
    await page.fill('#udx-email', email);
    await page.fill('#udx-password', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByTestId('signed-in-as').waitFor();
  }
  const svg = (id: string) => page.locator(`[data-testid="${id}"] svg`);
  const api = async (role: keyof typeof STAFF, query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, await t.login(STAFF[role].email, PASSWORD));
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };

  it('serves the page under a strict CSP, no framing, not cached', async () => {
    const res = await fetch(`${t.url}/dashboard`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).not.toMatch(/<script(?![^>]*src="\/dashboard\/assets\/)/); // no inline script, no CDN
  });

  it('the analyst sees every chart with the data of the database, in ₹ and IST', async () => {
    await signIn(STAFF.analyst.email);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('(ANALYST)');
    await svg('chart-coverage').waitFor();
    await svg('chart-benefits').waitFor();
    await svg('chart-alerts').waitFor();
    // Coverage: distinct PwDs accessed + reported, per application, as the API counts them.
    const cov = (await api('analyst', 'query($f: Date, $t: Date) { reciprocityByApplication(from: $f, to: $t) { applicationId distinctPwdsAccessed pwdsReportedBenefited recordsAccessed reporting { status } } }', { f: from, t: today })).reciprocityByApplication;
    const covTotal = cov.reduce((s: number, r: any) => s + r.distinctPwdsAccessed + r.pwdsReportedBenefited, 0);
    expect(covTotal).toBeGreaterThan(0);
    expect(Number(await svg('chart-coverage').getAttribute('data-total'))).toBe(covTotal);
    // Benefits by state per month: the amount drawn is the API's total for the range.
    const sum = (await api('analyst', 'query($f: Date!, $t: Date!) { benefitSummary(groupBy: [STATE, MONTH], from: $f, to: $t) { periods total { totalAmountPaise reports } } }', { f: from, t: today })).benefitSummary;
    expect(sum.total.reports).toBeGreaterThan(0);
    expect(Number(await svg('chart-benefits').getAttribute('data-total'))).toBe(sum.total.totalAmountPaise);
    expect(await page.getByTestId('tile-amount').textContent()).toContain(`₹${new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2 }).format(sum.total.totalAmountPaise / 100)}`);
    expect(await page.locator('[data-testid="chart-benefits"] svg text').allTextContents()).toContain(new Intl.DateTimeFormat('en-IN', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(`${sum.periods[0]}T00:00:00Z`)));
    // Alerts by kind: the three stored alerts, all inside the range.
    expect(Number(await svg('chart-alerts').getAttribute('data-total'))).toBe(3);
    expect(await page.locator('[data-testid="chart-alerts"] .udx-legend li').allTextContents()).toEqual(['Unknown udid ratio', 'Sequential udids', 'Verify brute force']);
    // MoUs ending soon and applications overdue for reporting.
    await page.getByTestId('mous-table').getByText('Rajasthan Social Justice Department').waitFor();
    expect(cov.find((r: any) => r.applicationId === String(b.applicationId)).reporting.status).toBe('SUSPENDED');
    await page.getByTestId('due-table').getByText('Overdue: sharing suspended').waitFor();
    expect(Number(await page.locator('[data-testid="tile-due"] .udx-tile-value').textContent())).toBe(cov.filter((r: any) => ['DUE_SOON', 'SUSPENDED'].includes(r.reporting.status)).length);
    // Times in IST.
    await page.locator('[data-testid="alerts-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="alerts-table"] tbody tr').first().textContent()).toMatch(/\d{2}:\d{2} IST/);
  });

  it('the analyst filters alerts and opens the evidence, but has no acknowledge or resolve button', async () => {
    expect(await page.locator('[data-testid="alerts-table"] tbody tr[data-row]').count()).toBe(3);
    await page.getByTestId('triage-kind').selectOption('SEQUENTIAL_UDIDS');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="alerts-table"] tbody tr[data-row]').length === 1);
    await page.getByTestId(`evidence-${alertIds[0]}`).click();
    const detail = await page.getByTestId(`evidence-detail-${alertIds[0]}`).textContent();
    expect(detail).toContain('runLength9');
    expect(detail).toContain('prefixMH01100202600');
    expect(await page.locator('[data-testid^="ack-"], [data-testid^="resolve-"]').count()).toBe(0);
    await page.getByTestId('triage-kind').selectOption('');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="alerts-table"] tbody tr[data-row]').length === 3);
    mkdirSync(DOCS, { recursive: true });
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.screenshot({ path: resolve(DOCS, 'dashboard-analyst.png'), fullPage: true });
  });

  it('downloads the benefits table as CSV whose rows are the API\'s, formula text neutralised; XLSX too', async () => {
    await page.getByTestId('dimension').selectOption('SCHEME');
    await page.locator('[data-testid="benefits-table"] tbody tr[data-row]').first().waitFor();
    await page.waitForFunction(() => /Scheme/.test((globalThis as any).document.querySelector('[data-testid="benefits-table"] thead')?.textContent ?? ''));
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('benefits-csv').click()]);
    expect(csvDownload.suggestedFilename()).toBe(`benefits-${today}.csv`);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('Month,Scheme,Code,Reports,Beneficiaries,Amount (₹)');
    const api2 = (await api('analyst', 'query($f: Date!, $t: Date!) { benefitSummary(groupBy: [SCHEME, MONTH], from: $f, to: $t) { groups { periodStart label schemeCode reports beneficiaries totalAmountPaise } } }', { f: from, t: today })).benefitSummary.groups;
    const field = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    expect(lines.slice(1)).toEqual(api2.map((g: any) => [g.periodStart, quote(field(g.label)), g.schemeCode, g.reports, g.beneficiaries, g.totalAmountPaise / 100].join(',')));
    // The scheme name that a spreadsheet would run is a leading-apostrophe text cell.
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""Pension"")"`);
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('benefits-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toBe(`benefits-${today}.xlsx`);
    const zip = await JSZip.loadAsync(readFileSync((await xlsxDownload.path())!));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('Amount (₹)');
    expect(sheet).toContain("'=HYPERLINK(&quot;http://x.example&quot;,&quot;Pension&quot;)");
    expect((sheet.match(/<row /g) ?? []).length).toBe(api2.length + 1);
  });

  it('the DEPwD admin acknowledges and resolves an alert with a reason, audited', async () => {
    await page.click('#sign-out');
    await page.locator('#udx-email').waitFor();
    await signIn(STAFF.admin.email);
    const id = alertIds[1];
    await page.getByTestId(`ack-${id}`).click();
    await page.fill(`#reason-${id}`, 'Asking the skill mission about its batch job.');
    await page.getByTestId(`act-form-${id}`).getByRole('button', { name: 'Acknowledge alert' }).click();
    await page.getByTestId('triage-notice').getByText(`Alert ${id} acknowledged.`).waitFor();
    await page.getByTestId('triage-status').selectOption('ACKNOWLEDGED');
    await page.getByTestId(`resolve-${id}`).click();
    await page.fill(`#reason-${id}`, 'A misconfigured retry loop; fixed by the partner.');
    await page.screenshot({ path: resolve(DOCS, 'dashboard-admin.png') });
    await page.getByTestId(`act-form-${id}`).getByRole('button', { name: 'Resolve alert' }).click();
    await page.getByTestId('triage-notice').getByText(`Alert ${id} resolved.`).waitFor();
    const alerts = (await api('analyst', '{ scrapingAlerts(status: RESOLVED) { edges { node { id resolution } } } }')).scrapingAlerts.edges;
    expect(alerts).toEqual([{ node: { id: String(id), resolution: 'A misconfigured retry loop; fixed by the partner.' } }]);
    const audit = await t.ds.query("SELECT action, details FROM admin_audit WHERE target_type = 'SCRAPING_ALERT' AND target_id = ? ORDER BY id", [id]);
    expect(audit.map((r: any) => [r.action, JSON.parse(r.details)])).toEqual([
      ['ACKNOWLEDGE_SCRAPING_ALERT', { note: 'Asking the skill mission about its batch job.' }],
      ['RESOLVE_SCRAPING_ALERT', { resolution: 'A misconfigured retry loop; fixed by the partner.' }],
    ]);
  });

  it('labels every form control and button, and reaches the downloads by keyboard', async () => {
    const unlabelled = await page.evaluate(() => [...(globalThis as any).document.querySelectorAll('input, select, textarea')]
      .filter((e: any) => !e.labels?.length && !e.getAttribute('aria-label')).map((e: any) => e.outerHTML));
    expect(unlabelled).toEqual([]);
    const nameless = await page.evaluate(() => [...(globalThis as any).document.querySelectorAll('button')]
      .filter((b: any) => !b.textContent.trim() && !b.getAttribute('aria-label')).length);
    expect(nameless).toBe(0);
    // Every chart is an image with a text summary.
    for (const id of ['chart-coverage', 'chart-benefits', 'chart-alerts']) {
      expect(await svg(id).getAttribute('role')).toBe('img');
      expect((await svg(id).getAttribute('aria-label'))!.length).toBeGreaterThan(20);
    }
    await page.getByTestId('mous-csv').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('MoU,Organisation,Ends on (first day without access),Days left');
    expect(csv.slice(1).join('\n')).toContain('Rajasthan Social Justice Department');
  });

  it('keeps the token in sessionStorage only, and ran without a script error or a CSP violation', async () => {
    expect(await page.evaluate(() => Object.keys((globalThis as any).localStorage))).toEqual([]);
    expect(await page.evaluate(() => JSON.parse((globalThis as any).sessionStorage.getItem('udx.explorer.session') ?? '{}').role)).toBe('DEPWD_ADMIN');
    expect(problems).toEqual([]);
  });
});
