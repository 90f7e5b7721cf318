import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer, TestServer } from '../helpers/server';
import { latestCode, recordHistory } from '../helpers/person';
import { launchChromium, recordProblems } from './browser';

/**
 * The PwD's own view end to end (issue 18): the real server, Debian's Chromium; sign-in with UDID + date
 * of birth, the code read from the SMS row of the outbox (what would reach the phone), the list of who read
 * the record, Hindi labels, revoking a consent with the keyboard, and the partner refused at its next read.
 * Screenshots go to docs/ (referenced from the README).
 */
const DOCS = resolve(__dirname, '../../docs');

describe('the PwD\'s own view in Chromium', () => {
  let t: TestServer;
  let h: Awaited<ReturnType<typeof recordHistory>>;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestServer({ records: 60 });
    h = await recordHistory(t);
    browser = await launchChromium();
    page = await browser.context.newPage();
    // No script runs on these pages; any CSP refusal (a style, an image) or error is a console error.
    recordProblems(page, problems);
    mkdirSync(DOCS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in with UDID, date of birth and the code sent by SMS', async () => {
    await page.goto(`${t.url}/me/record`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // Labels name the fields (what a screen reader announces).
    await page.getByLabel('UDID number').fill(h.a.udid);
    await page.getByLabel('Date of birth').fill(h.a.dob);
    await page.screenshot({ path: resolve(DOCS, 'pwd-sign-in-en.png') });
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('6-digit code').waitFor();
    const code = await latestCode(t.ds, h.a.mobile);
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('6-digit code').fill(code!);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Who read your record' }).waitFor();
    const cookies = await browser.context.cookies(`${t.url}/me/record`);
    const session = cookies.find((c) => c.name === 'udx_me_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/me' });
  });

  it('lists who read the record (newest first), the benefits and the consents; in Hindi too', async () => {
    const rows = page.locator('#reads tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    expect(await rows.first().textContent()).toContain('Directorate of Social Justice, Pune');
    expect(await rows.last().textContent()).toContain('Post-matric scholarship for students with disabilities');
    expect(await rows.last().textContent()).toContain(h.consentId);
    expect(await page.locator('#benefits tbody tr').first().textContent()).toContain('₹1,500.00');
    const consent = page.locator(`#consents tr[data-consent="${h.consentId}"]`);
    expect(await consent.textContent()).toContain('Active');
    expect(await page.locator(`[data-consent="${h.otherConsentId}"]`).count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(h.b.udid);
    await page.screenshot({ path: resolve(DOCS, 'pwd-view-en.png'), fullPage: true });

    await page.getByRole('link', { name: 'हिन्दी' }).click();
    await page.getByRole('heading', { name: 'आपका रिकॉर्ड किसने पढ़ा' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('hi');
    expect(await consent.textContent()).toContain('सक्रिय');
    await page.screenshot({ path: resolve(DOCS, 'pwd-view-hi.png'), fullPage: true });
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Who read your record' }).waitFor();
  });

  it('revokes a consent from the keyboard; the partner\'s next read is refused with CONSENT_REQUIRED', async () => {
    expect((await h.read(h.a.udid)).body.data.pwd.udid).toBe(h.a.udid);
    const button = page.getByRole('button', { name: /Revoke the consent given to .* for Post-matric scholarship/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Consent revoked.' }).waitFor();
    expect(await page.locator(`#consents tr[data-consent="${h.consentId}"]`).textContent()).toContain('Revoked');
    const refused = await h.read(h.a.udid);
    expect(refused.body.data.pwd).toBeNull();
    expect(refused.body.errors[0].extensions.code).toBe('CONSENT_REQUIRED');
    // B's consent, which A cannot see, still works.
    expect((await h.read(h.b.udid)).body.data.pwd.udid).toBe(h.b.udid);
  });

  it('signs out; the page asks to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.getByLabel('UDID number').waitFor();
    expect((await browser.context.cookies(`${t.url}/me/record`)).some((c) => c.name === 'udx_me_session')).toBe(false);
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    expect(problems).toEqual([]);
  });
});
