import { execFile } from 'node:child_process';
import { createHash, createPublicKey, KeyObject, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createActivePartner, startTestServer, TestServer } from '../helpers/server';

/*
 * An independent RFC 9421 verifier, written here from the RFC and not from src/: what a partner would
 * run. It is first checked against the RFC's own example (Appendix B.2.6, key test-key-ed25519 of
 * B.1.4), then used on the server's responses.
 */

interface Parsed { label: string; components: string[]; params: Record<string, string | number>; signatureParams: string; signature: Buffer }

/** Signature-Input and Signature with one member each (RFC 8941 dictionaries of an inner list / a byte sequence). */
function parseSignature(signatureInput: string, signature: string): Parsed {
  const m = /^([a-z*][a-z0-9_.*-]*)=(\((?:"[^"\\]*"(?:;[a-z*][a-z0-9_.*-]*(?:=[^ ;)]+)?)*\s?)*\)(?:;[a-z*][a-z0-9_.*-]*=(?:"[^"\\]*"|-?\d+))*)$/.exec(signatureInput);
  if (!m) throw new Error(`Signature-Input is not one inner list: ${signatureInput}`);
  const [, label, signatureParams] = m;
  const inner = signatureParams.slice(1, signatureParams.indexOf(')'));
  const components = [...inner.matchAll(/"([^"]*)"/g)].map((x) => x[1]);
  const params: Record<string, string | number> = {};
  for (const p of signatureParams.slice(signatureParams.indexOf(')') + 1).matchAll(/;([a-z*][a-z0-9_.*-]*)=("([^"]*)"|-?\d+)/g)) params[p[1]] = p[3] ?? Number(p[2]);
  const s = new RegExp(`^${label.replace(/[.*]/g, '\\$&')}=:([A-Za-z0-9+/=]+):$`).exec(signature);
  if (!s) throw new Error(`Signature has no byte sequence labelled ${label}`);
  return { label, components, params, signatureParams, signature: Buffer.from(s[1], 'base64') };
}

/** RFC 9421 §2.5: one line `"<component>": <value>` per covered component, then `"@signature-params": <params>`, joined by LF. */
function signatureBase(p: Parsed, value: (component: string) => string | undefined): string {
  const lines = p.components.map((c) => {
    const v = value(c);
    if (v === undefined) throw new Error(`covered component ${c} is absent from the message`);
    return `"${c}": ${v}`;
  });
  return [...lines, `"@signature-params": ${p.signatureParams}`].join('\n');
}

function verifies(p: Parsed, value: (component: string) => string | undefined, key: KeyObject): boolean {
  try { return verify(null, Buffer.from(signatureBase(p, value), 'ascii'), key, p.signature); } catch { return false; }
}

/** A partner's check of one response: Content-Digest is the body's SHA-256, and the signature over it, the status and the request id verifies with the published key named by keyid. */
function verifyResponse(status: number, headers: Headers, body: Buffer, jwks: { keys: Record<string, string>[] }): { ok: boolean; why?: string; params?: Parsed['params'] } {
  const p = parseSignature(headers.get('signature-input') ?? '', headers.get('signature') ?? '');
  for (const required of ['content-digest', '@status', 'x-request-id']) if (!p.components.includes(required)) return { ok: false, why: `${required} not covered` };
  if (p.params.alg !== 'ed25519') return { ok: false, why: 'alg' };
  const jwk = jwks.keys.find((k) => k.kid === p.params.keyid);
  if (!jwk) return { ok: false, why: 'unknown keyid' };
  const digest = /^sha-256=:([A-Za-z0-9+/=]+):$/.exec(headers.get('content-digest') ?? '');
  if (!digest || !createHash('sha256').update(body).digest().equals(Buffer.from(digest[1], 'base64'))) return { ok: false, why: 'content-digest does not match the body' };
  const value = (c: string) => (c === '@status' ? String(status) : c.startsWith('@') ? undefined : headers.get(c)?.trim());
  const ok = verifies(p, value, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
  return ok ? { ok, params: p.params } : { ok, why: 'signature' };
}

describe('the independent RFC 9421 verifier', () => {
  it('verifies the RFC\'s own Ed25519 example (B.2.6) and refuses it altered', () => {
    const key = createPublicKey('-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n-----END PUBLIC KEY-----');
    const p = parseSignature(
      'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
    );
    const message: Record<string, string> = {
      date: 'Tue, 20 Apr 2021 02:07:55 GMT', '@method': 'POST', '@path': '/foo', '@authority': 'example.com', 'content-type': 'application/json', 'content-length': '18',
    };
    expect(p.params).toEqual({ created: 1618884473, keyid: 'test-key-ed25519' });
    expect(verifies(p, (c) => message[c], key)).toBe(true);
    expect(verifies(p, (c) => ({ ...message, 'content-length': '19' })[c], key)).toBe(false);
  });
});

describe('signed responses (RFC 9421) on /graphql', () => {
  let t: TestServer;
  let jwks: { keys: Record<string, string>[] };
  beforeAll(async () => {
    t = await startTestServer({ records: 20 });
    const res = await fetch(`${t.url}/.well-known/jwks.json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/jwk-set\+json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    jwks = (await res.json()) as typeof jwks;
  });
  afterAll(() => t.close());

  async function post(body: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  it('/.well-known/jwks.json publishes the Ed25519 public key and nothing private', () => {
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), kid: t.config.signingKeys.kid, alg: 'EdDSA', use: 'sig' });
  });

  it('a partner\'s answer carries Content-Digest, Signature-Input and Signature that the independent verifier accepts; a tampered body, digest or status is rejected', async () => {
    const p = await createActivePartner(t.ds);
    const tok = await t.appToken(p);
    const [r] = await t.ds.query('SELECT udid FROM pwd_record ORDER BY id LIMIT 1');
    const before = Math.floor(Date.now() / 1000);
    const res = await post(JSON.stringify({ query: `{ pwd(udid: "${r.udid}") { udid name } }` }), { authorization: `Bearer ${tok}`, 'x-request-id': 'partner-req-1' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).data.pwd.udid).toBe(r.udid);
    expect(res.headers.get('signature-input')).toBe(`sig1=("content-digest" "@status" "x-request-id");created=${verifyResponse(res.status, res.headers, res.body, jwks).params?.created};keyid="${t.config.signingKeys.kid}";alg="ed25519"`);
    const good = verifyResponse(res.status, res.headers, res.body, jwks);
    expect(good).toMatchObject({ ok: true, params: { alg: 'ed25519', keyid: jwks.keys[0].kid } });
    expect(Number(good.params!.created)).toBeGreaterThanOrEqual(before - 1);
    expect(Number(good.params!.created)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));

    // One byte of the body changed: the digest no longer matches.
    const tampered = Buffer.from(res.body.toString().replace(r.udid, r.udid.slice(0, 17) + (r.udid.endsWith('1') ? '2' : '1')));
    expect(verifyResponse(res.status, res.headers, tampered, jwks)).toMatchObject({ ok: false, why: 'content-digest does not match the body' });
    // The digest recomputed for the tampered body: the signature no longer verifies.
    const forged = new Headers(res.headers);
    forged.set('content-digest', `sha-256=:${createHash('sha256').update(tampered).digest('base64')}:`);
    expect(verifyResponse(res.status, forged, tampered, jwks)).toMatchObject({ ok: false, why: 'signature' });
    // Another status, or another request id, with the same signature: rejected.
    expect(verifyResponse(500, res.headers, res.body, jwks)).toMatchObject({ ok: false, why: 'signature' });
    const otherId = new Headers(res.headers);
    otherId.set('x-request-id', 'partner-req-2');
    expect(verifyResponse(res.status, otherId, res.body, jwks)).toMatchObject({ ok: false, why: 'signature' });
  });

  it('refusals are signed too (401 without a token, 400 for a bad document, 405 for GET, the upload route), each with its own status covered', async () => {
    const unauth = await post('{"query":"{ me { grantedScopes } }"}', { authorization: 'Bearer not-a-token' });
    expect(unauth.status).toBe(401);
    expect(verifyResponse(unauth.status, unauth.headers, unauth.body, jwks)).toMatchObject({ ok: true });
    const parse = await post('{"query":"{ pwd("}');
    expect(parse.status).toBe(400);
    expect(verifyResponse(parse.status, parse.headers, parse.body, jwks)).toMatchObject({ ok: true });
    const get = await fetch(`${t.url}/graphql?query={__typename}`);
    const body = Buffer.from(await get.arrayBuffer());
    expect(get.status).toBe(405);
    expect(verifyResponse(get.status, get.headers, body, jwks)).toMatchObject({ ok: true });
    expect(verifyResponse(200, get.headers, body, jwks)).toMatchObject({ ok: false });
    // The benefit-report upload (the partners' other route) answers signed too.
    const upload = await fetch(`${t.url}/benefit-reports/upload`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'udid\n' });
    expect(upload.status).toBe(401);
    expect(verifyResponse(upload.status, upload.headers, Buffer.from(await upload.arrayBuffer()), jwks)).toMatchObject({ ok: true });
  });

  it('the README\'s partner-side Node example runs as printed and accepts a real answer', async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const start = readme.indexOf('// verify-udx.mjs');
    expect(start).toBeGreaterThan(0);
    const code = readme.slice(start, readme.indexOf('```', start));
    const dir = mkdtempSync(join(tmpdir(), 'udx-readme-'));
    try {
      writeFileSync(join(dir, 'verify-udx.mjs'), code);
      const tok = await t.appToken(await createActivePartner(t.ds));
      const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'verify-udx.mjs')], { env: { PATH: process.env.PATH, BASE: t.url, TOKEN: tok } });
      expect(stdout).toContain(`keyid: '${t.config.signingKeys.kid}'`);
      expect(stdout).toContain("requestId: 'scheme-job-0001'");
      expect(stdout).toContain('grantedScopes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
