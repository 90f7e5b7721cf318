import type { DataSource } from 'typeorm';
import { fromDbDate } from '../../src/core/db/columns';

/** One person's browser, without a browser: a cookie jar over fetch, redirects not followed. */
export class PersonClient {
  readonly jar = new Map<string, string>();
  /** The Set-Cookie lines of the last response. */
  lastSetCookie: string[] = [];

  constructor(readonly base: string, readonly ip?: string) {}

  private async send(path: string, init: RequestInit): Promise<{ status: number; html: string; headers: Headers; ms: number }> {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.ip) headers['x-forwarded-for'] = this.ip;
    const started = Date.now();
    const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    const html = await res.text();
    const ms = Date.now() - started;
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const k = pair.slice(0, i).trim();
      const v = pair.slice(i + 1).trim();
      if (/Max-Age=0/i.test(line) || !v) this.jar.delete(k); else this.jar.set(k, v);
    }
    return { status: res.status, html, headers: res.headers, ms };
  }

  get(path: string) {
    return this.send(path, { method: 'GET' });
  }

  post(path: string, form: Record<string, string>) {
    return this.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  }
}

/** A hidden input's value in a page (the first with this name). */
export function hiddenValue(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html);
  if (!m) throw new Error(`no hidden ${name} in the page`);
  return m[1];
}

/** The page's error code (data-code), or null. */
export const errorCode = (html: string): string | null => /data-code="([A-Z_]+)"/.exec(html)?.[1] ?? null;

/** A person of the seeded register: UDID, date of birth, registered mobile. */
export async function people(ds: DataSource, n: number, offset = 0): Promise<{ udid: string; dob: string; mobile: string }[]> {
  const rows = await ds.query(`SELECT udid, date_of_birth, mobile FROM pwd_record ORDER BY id LIMIT ${Number(n)} OFFSET ${Number(offset)}`);
  return rows.map((r: any) => ({ udid: r.udid, dob: fromDbDate(r.date_of_birth)!, mobile: r.mobile }));
}

/** The code in the newest SMS to this mobile (what the person would read on their phone), or null. */
export async function latestCode(ds: DataSource, mobile: string): Promise<string | null> {
  const rows = await ds.query("SELECT body FROM outbox_message WHERE channel = 'SMS' AND recipient = ? ORDER BY id DESC LIMIT 1", [mobile]);
  return /\b(\d{6})\b/.exec(rows[0]?.body ?? '')?.[1] ?? null;
}

/** Sign-in form → code form → code: the client ends up holding a session cookie. Returns the code page's HTML. */
export async function signInAs(c: PersonClient, ds: DataSource, p: { udid: string; dob: string; mobile: string }): Promise<void> {
  const first = await c.get('/me/record');
  const asked = await c.post('/me/record/sign-in', { csrf: hiddenValue(first.html, 'csrf'), udid: p.udid, dob: p.dob });
  if (asked.status !== 200) throw new Error(`sign-in answered ${asked.status}: ${errorCode(asked.html)}`);
  const code = await latestCode(ds, p.mobile);
  if (!code) throw new Error('no code was sent');
  const done = await c.post('/me/record/code', { csrf: hiddenValue(asked.html, 'csrf'), challenge: hiddenValue(asked.html, 'challenge'), code });
  if (done.status !== 303) throw new Error(`code answered ${done.status}: ${errorCode(done.html)}`);
}

/**
 * A realistic record history for person `a` (and a neighbour `b`): a partner under a CONSENT purpose
 * (Post-matric scholarship) with a consent of each, having read both; a State-benefit partner that read
 * `a` and reported a pension paid to them. Returns what the tests check against.
 */
export async function recordHistory(t: import('./server').TestServer) {
  const { appTokenFor, approveForConsentPurpose, onboardPartner, staffTokens } = await import('./onboarding');
  const { createActivePartner } = await import('./server');
  const { report } = await import('./benefit');
  const { addDays } = await import('../../src/core/clock');
  const staff = await staffTokens(t);
  const [a, b] = await people(t.ds, 2);
  const partner = await onboardPartner(t, staff);
  await approveForConsentPurpose(t, staff, partner, { code: 'SCHOLARSHIP_CONSENT', description: 'Post-matric scholarship for students with disabilities', scopes: ['PWD_VERIFY', 'PWD_IDENTITY'] });
  const consentToken = await appTokenFor(t, partner);
  const today = t.clock.today();
  const record = async (udid: string): Promise<string> => (await t.gql('mutation($i: RecordConsentInput!) { recordConsent(input: $i) { consentId } }',
    { i: { udid, fields: ['name', 'gender'], validFrom: today, validTo: addDays(today, 180) } }, consentToken)).body.data.recordConsent.consentId;
  const consentId = await record(a.udid);
  const otherConsentId = await record(b.udid);
  const read = (udid: string) => t.gql('query($u: UDID!) { pwd(udid: $u) { udid name gender } }', { u: udid }, consentToken);
  if ((await read(a.udid)).body.data?.pwd?.udid !== a.udid) throw new Error('the consent partner could not read A');
  await read(b.udid);
  const state = await createActivePartner(t.ds, { name: 'Directorate of Social Justice, Pune' });
  const stateToken = await t.appToken(state);
  await t.gql('query($u: UDID!) { pwd(udid: $u) { udid name mobile disabilityPercentage } }', { u: a.udid }, stateToken);
  await t.gql('mutation($i: BenefitReportInput!) { reportBenefit(input: $i) { status } }',
    { i: report(a.udid, { amountPaise: 150000, schemeName: 'State Disability Pension', schemeCode: 'MH-DP' }) }, stateToken);
  await t.server.services.accessLog.flush();
  return { a, b, consentId, otherConsentId, consentToken, read };
}
