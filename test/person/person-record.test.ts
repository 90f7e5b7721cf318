import { randomBytes } from 'node:crypto';
import { startTestServer, TestServer, createActivePartner, PartnerFixture } from '../helpers/server';
import { appTokenFor, approveForConsentPurpose, onboardPartner, OnboardedPartner, staffTokens } from '../helpers/onboarding';
import { report } from '../helpers/benefit';
import { addDays } from '../../src/core/clock';
import { errorCode, hiddenValue, latestCode, people, PersonClient, signInAs } from '../helpers/person';
import { CODE_TRIES, CODE_TTL_MS, KEEP_EXPIRED_MS, PERSON_LIMITS, SESSION_TTL_MS, SIGN_IN_FLOOR_MS } from '../../src/modules/person/person.service';

/**
 * The PwD's own view at /me/record (issue 18) over HTTP: sign-in by UDID + date of birth + a one-time
 * code sent by SMS through the outbox, the session cookie, CSRF, and the view itself (exactly this
 * person's reads, benefits and consents), with revocation that a partner's next read feels at once.
 */
describe('the PwD\'s own view (/me/record)', () => {
  let t: TestServer;
  let consentPartner: OnboardedPartner;
  let statePartner: PartnerFixture;
  let consentToken: string;
  let a: { udid: string; dob: string; mobile: string };
  let b: { udid: string; dob: string; mobile: string };
  let spare: { udid: string; dob: string; mobile: string }[];
  let consentId: string;
  let otherConsentId: string;
  let ipCounter = 1;
  /** Each test its own source IP (TRUST_PROXY trusts the loopback), so per-IP limits do not leak between tests. */
  const client = () => new PersonClient(t.url, `198.51.100.${ipCounter++}`);
  const smsCount = async () => Number((await t.ds.query("SELECT COUNT(*) AS n FROM outbox_message WHERE channel = 'SMS'"))[0].n);
  const read = (udid: string, token: string) => t.gql('query($u: UDID!) { pwd(udid: $u) { udid name } }', { u: udid }, token);

  beforeAll(async () => {
    const redis = process.env.TEST_REDIS_URL;
    t = await startTestServer({ records: 60, env: {
      TRUST_PROXY: '127.0.0.1/32,::1/128',
      ...(redis ? { REDIS_URL: redis, REDIS_KEY_PREFIX: `udx-person-${randomBytes(4).toString('hex')}:` } : {}),
    } });
    const staff = await staffTokens(t);
    [a, b, ...spare] = await people(t.ds, 30);
    // A partner under a CONSENT purpose, with a consent of A's (and one of B's).
    consentPartner = await onboardPartner(t, staff);
    await approveForConsentPurpose(t, staff, consentPartner, { code: 'SCHOLARSHIP_CONSENT', description: 'Post-matric scholarship for students with disabilities', scopes: ['PWD_VERIFY', 'PWD_IDENTITY'] });
    consentToken = await appTokenFor(t, consentPartner);
    const today = t.clock.today();
    const record = (udid: string) => t.gql('mutation($i: RecordConsentInput!) { recordConsent(input: $i) { consentId } }',
      { i: { udid, fields: ['name'], validFrom: today, validTo: addDays(today, 90) } }, consentToken);
    consentId = (await record(a.udid)).body.data.recordConsent.consentId;
    otherConsentId = (await record(b.udid)).body.data.recordConsent.consentId;
    expect((await read(a.udid, consentToken)).body.data.pwd.udid).toBe(a.udid);
    expect((await read(b.udid, consentToken)).body.data.pwd.udid).toBe(b.udid);
    // A State-benefit partner reads A (twice) and B, and reports a pension paid to A.
    statePartner = await createActivePartner(t.ds, { name: 'Directorate of Social Justice, Pune' });
    const stateToken = await t.appToken(statePartner);
    await t.gql('query($u: UDID!) { pwd(udid: $u) { udid name mobile disabilityPercentage } }', { u: a.udid }, stateToken);
    await t.gql('query($u: UDID!, $d: Date!) { verifyUdid(udid: $u, dateOfBirth: $d) { valid } }', { u: a.udid, d: a.dob }, stateToken);
    await t.gql('query($u: UDID!) { pwd(udid: $u) { udid name } }', { u: b.udid }, stateToken);
    const filed = await t.gql('mutation($i: BenefitReportInput!) { reportBenefit(input: $i) { status } }',
      { i: report(a.udid, { amountPaise: 123450, schemeName: 'State Disability Pension', schemeCode: 'MH-DP' }) }, stateToken);
    expect(filed.body.data.reportBenefit.status).toBe('ACCEPTED');
    await t.server.services.accessLog.flush();
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  it('a wrong date of birth and an unknown UDID get the same page as a match, after the same floor time, and no code', async () => {
    const before = await smsCount();
    const ask = async (udid: string, dob: string) => {
      const c = client();
      const form = await c.get('/me/record');
      expect(form.status).toBe(200);
      const r = await c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid, dob });
      return { ...r, normalised: r.html.replace(/value="[A-Za-z0-9_-]{20,}"/g, 'value=""') };
    };
    const match = await ask(spare[0].udid, spare[0].dob);
    const wrongDob = await ask(spare[1].udid, addDays(spare[1].dob, 1));
    const unknown = await ask('ZZ9999999999999999', spare[0].dob);
    for (const r of [match, wrongDob, unknown]) {
      expect(r.status).toBe(200);
      expect(r.ms).toBeGreaterThanOrEqual(SIGN_IN_FLOOR_MS - 5);
      expect(r.normalised).toBe(match.normalised);
    }
    expect(match.html).toContain('name="challenge"');
    // Only the match got an SMS, to the registered mobile.
    expect(await smsCount()).toBe(before + 1);
    expect(await latestCode(t.ds, spare[0].mobile)).toMatch(/^\d{6}$/);
    expect(await latestCode(t.ds, spare[1].mobile)).toBeNull();
    // Any code on an unmatched challenge fails exactly as a wrong code does.
    const c = client();
    const form = await c.get('/me/record');
    const asked = await c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid: spare[2].udid, dob: addDays(spare[2].dob, -3) });
    const tried = await c.post('/me/record/code', { csrf: hiddenValue(asked.html, 'csrf'), challenge: hiddenValue(asked.html, 'challenge'), code: '000000' });
    expect(tried.status).toBe(400);
    expect(errorCode(tried.html)).toBe('UNAUTHENTICATED');
    expect(c.jar.has('udx_me_session')).toBe(false);
  });

  it('a correct code opens a session: HttpOnly, SameSite=Strict, Path=/me, 15 minutes; the code is stored only as a hash and works once', async () => {
    const c = client();
    const form = await c.get('/me/record');
    const asked = await c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid: spare[3].udid, dob: spare[3].dob });
    const code = (await latestCode(t.ds, spare[3].mobile))!;
    const rows = await t.ds.query('SELECT code_hash, challenge_hash, udid FROM person_sign_in ORDER BY id DESC LIMIT 1');
    expect(rows[0].udid).toBe(spare[3].udid);
    expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);
    const challenge = hiddenValue(asked.html, 'challenge');
    const done = await c.post('/me/record/code', { csrf: hiddenValue(asked.html, 'csrf'), challenge, code });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/me/record');
    const cookie = c.lastSetCookie.find((l) => l.startsWith('udx_me_session='))!;
    expect(cookie).toMatch(/; Path=\/me(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toContain(`Max-Age=${SESSION_TTL_MS / 1000}`);
    const token = cookie.split(';')[0].split('=')[1];
    const stored = await t.ds.query('SELECT token_hash FROM person_session');
    expect(JSON.stringify(stored)).not.toContain(token);
    const page = await c.get('/me/record');
    expect(page.html).toContain(spare[3].udid);
    // The same code again (a replay) is refused.
    const again = new PersonClient(t.url, c.ip);
    const f2 = await again.get('/me/record');
    const replay = await again.post('/me/record/code', { csrf: hiddenValue(f2.html, 'csrf'), challenge, code });
    expect(replay.status).toBe(400);
    expect(again.jar.has('udx_me_session')).toBe(false);
  });

  it('shows, newest first, exactly this person\'s reads (organisation, application, fields, purpose, consent), benefits and consents', async () => {
    const c = client();
    await signInAs(c, t.ds, a);
    const page = await c.get('/me/record');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toMatch(/<html lang="en">/);
    expect(page.html).not.toMatch(/<script/i);
    const mine = (await t.ds.query('SELECT id FROM access_event WHERE udid = ? ORDER BY id DESC', [a.udid])).map((r: any) => String(r.id));
    // The consent partner's read, the State partner's read and verification, and the existence answer of its benefit report.
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const shown = [...page.html.matchAll(/data-event="(\d+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(mine);
    expect(page.html).not.toContain(b.udid);
    expect(page.html).toContain('Directorate of Social Justice, Pune');
    expect(page.html).toContain('Post-matric scholarship for students with disabilities');
    expect(page.html).toContain(consentId);
    expect(page.html).toMatch(/Disability percentage, Mobile, Name, UDID/);
    expect(page.html).toContain('Whether you are in the UDID register');
    expect(page.html).toContain('Whether your UDID is valid');
    // The benefit: scheme, type, amount in rupees, organisation.
    expect(page.html).toContain('State Disability Pension');
    expect(page.html).toContain('₹1,234.50');
    expect(page.html).toContain('Pension');
    // The consent, with its Revoke button (a POST form with the session's CSRF token).
    expect(page.html).toMatch(new RegExp(`data-consent="${consentId}"[\\s\\S]*?action="/me/record/revoke"`));
    expect(page.html).not.toContain(otherConsentId);
    // Hindi labels, remembered in a cookie.
    const hi = await c.get('/me/record?lang=hi');
    expect(hi.html).toMatch(/<html lang="hi">/);
    expect(hi.html).toContain('आपका रिकॉर्ड किसने पढ़ा');
    expect(hi.html).toContain('वापस लें');
    expect((await c.get('/me/record')).html).toMatch(/<html lang="hi">/);
    await c.get('/me/record?lang=en');
  });

  it('Revoke revokes at once: the partner\'s next read under the consent purpose is refused with CONSENT_REQUIRED; another person\'s consent is not found', async () => {
    const c = client();
    await signInAs(c, t.ds, a);
    const page = await c.get('/me/record');
    const csrf = hiddenValue(page.html, 'csrf');
    // Without the CSRF token, or with a wrong one: refused, nothing changes.
    expect((await c.post('/me/record/revoke', { consentId })).status).toBe(403);
    const forged = await c.post('/me/record/revoke', { consentId, csrf: 'x'.repeat(csrf.length) });
    expect(forged.status).toBe(403);
    expect(errorCode(forged.html)).toBe('FORBIDDEN');
    expect((await read(a.udid, consentToken)).body.data.pwd.udid).toBe(a.udid);
    // Not B's consent.
    const foreign = await c.post('/me/record/revoke', { consentId: otherConsentId, csrf });
    expect(foreign.status).toBe(404);
    expect(errorCode(foreign.html)).toBe('NOT_FOUND');
    const [other] = await t.ds.query('SELECT revoked_at FROM consent WHERE consent_id = ?', [otherConsentId]);
    expect(other.revoked_at).toBeNull();

    const r = await c.post('/me/record/revoke', { consentId, csrf });
    expect(r.status).toBe(303);
    const [row] = await t.ds.query('SELECT revoked_at, revoked_by FROM consent WHERE consent_id = ?', [consentId]);
    expect(row.revoked_by).toBe('PERSON');
    const after = await read(a.udid, consentToken);
    expect(after.body.data.pwd).toBeNull();
    expect(after.body.errors[0].extensions.code).toBe('CONSENT_REQUIRED');
    const shown = await c.get(r.headers.get('location')!);
    expect(shown.html).toMatch(/role="status">Consent revoked\./);
    expect(shown.html).toMatch(new RegExp(`data-consent="${consentId}"[^]*?Revoked`));
    const twice = await c.post('/me/record/revoke', { consentId, csrf });
    expect(twice.status).toBe(409);
  });

  it('CSRF: a sign-in or code form without the token of this browser\'s cookie is refused and creates nothing', async () => {
    const c = client();
    const rows = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM person_sign_in'))[0].n);
    const before = await rows();
    await c.get('/me/record');
    const none = await c.post('/me/record/sign-in', { udid: spare[4].udid, dob: spare[4].dob });
    expect(none.status).toBe(403);
    expect(errorCode(none.html)).toBe('FORBIDDEN');
    // A token valid for another browser's cookie does not do either.
    const other = client();
    const otherForm = await other.get('/me/record');
    const crossed = await c.post('/me/record/sign-in', { csrf: hiddenValue(otherForm.html, 'csrf'), udid: spare[4].udid, dob: spare[4].dob });
    expect(crossed.status).toBe(403);
    const noCookie = new PersonClient(t.url, c.ip);
    expect((await noCookie.post('/me/record/sign-in', { csrf: hiddenValue(otherForm.html, 'csrf'), udid: spare[4].udid, dob: spare[4].dob })).status).toBe(403);
    expect((await c.post('/me/record/code', { challenge: 'a'.repeat(43), code: '123456' })).status).toBe(403);
    expect(await rows()).toBe(before);
    expect(await latestCode(t.ds, spare[4].mobile)).toBeNull();
  });

  it('a code expires after 10 minutes', async () => {
    const c = client();
    const form = await c.get('/me/record');
    const asked = await c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid: spare[5].udid, dob: spare[5].dob });
    const code = (await latestCode(t.ds, spare[5].mobile))!;
    t.clock.advance(CODE_TTL_MS + 1000);
    const late = await c.post('/me/record/code', { csrf: hiddenValue(asked.html, 'csrf'), challenge: hiddenValue(asked.html, 'challenge'), code });
    expect(late.status).toBe(400);
    expect(errorCode(late.html)).toBe('UNAUTHENTICATED');
    expect(late.html).toContain('expired');
    expect(c.jar.has('udx_me_session')).toBe(false);
  });

  it('codes and sessions are deleted a day after they expired', async () => {
    const rowsOf = async (table: string) => Number((await t.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    expect(await rowsOf('person_sign_in')).toBeGreaterThan(1);
    expect(await rowsOf('person_session')).toBeGreaterThan(0);
    t.clock.advance(KEEP_EXPIRED_MS + SESSION_TTL_MS + 60_000);
    const c = client();
    const form = await c.get('/me/record');
    expect((await c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid: spare[11].udid, dob: spare[11].dob })).status).toBe(200);
    expect(await rowsOf('person_sign_in')).toBe(1);
    expect(await rowsOf('person_session')).toBe(0);
  });

  it(`${CODE_TRIES} wrong codes use the code up: the right one no longer works`, async () => {
    const c = client();
    const form = await c.get('/me/record');
    const asked = await c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid: spare[6].udid, dob: spare[6].dob });
    const code = (await latestCode(t.ds, spare[6].mobile))!;
    const wrong = code === '111111' ? '222222' : '111111';
    const challenge = hiddenValue(asked.html, 'challenge');
    const csrf = hiddenValue(asked.html, 'csrf');
    for (let i = 1; i <= CODE_TRIES; i++) {
      const r = await c.post('/me/record/code', { csrf, challenge, code: wrong });
      expect(r.status).toBe(400);
      if (i < CODE_TRIES) expect(r.html).toContain(`Tries left: ${CODE_TRIES - i}.`);
      else expect(r.html).toContain('entered wrongly too many times');
    }
    const right = await c.post('/me/record/code', { csrf, challenge, code });
    expect(right.status).toBe(400);
    expect(c.jar.has('udx_me_session')).toBe(false);
    expect(Number((await t.ds.query('SELECT attempts FROM person_sign_in WHERE udid = ? ORDER BY id DESC LIMIT 1', [spare[6].udid]))[0].attempts)).toBe(CODE_TRIES);
  });

  it('code requests are rate-limited per UDID (known or not) and per source IP, code tries per source IP: 429 with Retry-After', async () => {
    const ask = async (c: PersonClient, udid: string, dob: string) => {
      const form = await c.get('/me/record');
      return c.post('/me/record/sign-in', { csrf: hiddenValue(form.html, 'csrf'), udid, dob });
    };
    for (const udid of [spare[7].udid, 'ZZ0000000000000001']) {
      for (let i = 0; i < PERSON_LIMITS.codesPerUdid.window; i++) expect((await ask(client(), udid, spare[7].dob)).status).toBe(200);
      const over = await ask(client(), udid, spare[7].dob);
      expect(over.status).toBe(429);
      expect(errorCode(over.html)).toBe('THROTTLED');
      const retry = Number(over.headers.get('retry-after'));
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(15 * 60);
    }
    expect(Number((await t.ds.query("SELECT COUNT(*) AS n FROM outbox_message WHERE channel = 'SMS' AND recipient = ?", [spare[7].mobile]))[0].n))
      .toBe(PERSON_LIMITS.codesPerUdid.window);
    // One IP, many UDIDs.
    const c = client();
    for (let i = 0; i < PERSON_LIMITS.codesPerIp.window; i++) {
      expect((await ask(c, `ZZ1${String(i).padStart(15, '0')}`, '1990-01-01')).status).toBe(200);
    }
    const over = await ask(c, spare[8].udid, spare[8].dob);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await latestCode(t.ds, spare[8].mobile)).toBeNull();
    // Another IP is not affected.
    expect((await ask(client(), spare[8].udid, spare[8].dob)).status).toBe(200);
    // Codes tried, per IP (a guesser spreading tries over many challenges).
    const g = client();
    const form = await g.get('/me/record');
    const csrf = hiddenValue(form.html, 'csrf');
    for (let i = 0; i < PERSON_LIMITS.checksPerIp.window; i++) {
      expect((await g.post('/me/record/code', { csrf, challenge: randomBytes(32).toString('base64url'), code: '123456' })).status).toBe(400);
    }
    const guessed = await g.post('/me/record/code', { csrf, challenge: randomBytes(32).toString('base64url'), code: '123456' });
    expect(guessed.status).toBe(429);
    expect(errorCode(guessed.html)).toBe('THROTTLED');
    expect(Number(guessed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('a session ends after 15 minutes and at sign-out; then the page asks to sign in and a POST is 401', async () => {
    const c = client();
    await signInAs(c, t.ds, spare[9]);
    const page = await c.get('/me/record');
    const csrf = hiddenValue(page.html, 'csrf');
    t.clock.advance(SESSION_TTL_MS + 1000);
    const expired = await c.get('/me/record');
    expect(expired.status).toBe(200);
    expect(expired.html).toContain('name="udid"');
    expect(expired.html).toContain('You are signed out');
    expect(expired.html).not.toContain(spare[9].udid);
    t.clock.reset();
    // The browser dropped the expired cookie; replaying the old one is refused just the same.
    const c2 = client();
    await signInAs(c2, t.ds, spare[10]);
    const token = c2.jar.get('udx_me_session')!;
    const p2 = await c2.get('/me/record');
    const csrf2 = hiddenValue(p2.html, 'csrf');
    expect((await c2.post('/me/record/sign-out', {})).status).toBe(403);
    const out = await c2.post('/me/record/sign-out', { csrf: csrf2 });
    expect(out.status).toBe(303);
    expect(c2.lastSetCookie.some((l) => /^udx_me_session=;.*Max-Age=0/.test(l))).toBe(true);
    const replay = new PersonClient(t.url, c2.ip);
    replay.jar.set('udx_me_session', token);
    expect((await replay.get('/me/record')).html).toContain('name="udid"');
    const post = await replay.post('/me/record/revoke', { consentId: otherConsentId, csrf: csrf2 });
    expect(post.status).toBe(401);
    expect(errorCode(post.html)).toBe('UNAUTHENTICATED');
    expect(csrf).not.toBe(csrf2);
  });
});
