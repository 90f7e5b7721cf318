import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { startTestServer, TestServer } from '../helpers/server';
import { onboardPartner, OnboardedPartner, staffTokens, StaffTokens } from '../helpers/onboarding';
import { cards } from '../helpers/benefit';
import { accessTokenHash } from '../../src/core/auth/proofs';

/**
 * Strong client authentication (issue 17) over HTTP: private_key_jwt client assertions (RFC 7523) with
 * a registered JWKS, the secret switched off, and DPoP sender-constrained tokens (RFC 9449), each attack
 * refused: a replayed assertion or proof, a token without its proof, a proof of another key, URL or token.
 * The client-secret flow stays as it was (every other suite uses it).
 */
describe('private_key_jwt and DPoP', () => {
  let t: TestServer;
  let staff: StaffTokens;
  let p: OnboardedPartner;
  let udid: string;
  let clientKey: { privateKey: KeyLike; jwk: JWK };
  let dpopKey: { privateKey: KeyLike; jwk: JWK };

  const keyPair = async (alg: 'ES256' | 'EdDSA', kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg } };
  };
  const nowS = () => Math.floor(t.clock.now().getTime() / 1000);
  const assertion = (o: { key?: KeyLike; alg?: string; aud?: string; exp?: number; iss?: string; jti?: string } = {}) =>
    new SignJWT({}).setProtectedHeader({ alg: o.alg ?? 'ES256', kid: 'k1' }).setIssuer(o.iss ?? p.clientId).setSubject(p.clientId)
      .setAudience(o.aud ?? `${t.url}/oauth/token`).setIssuedAt(nowS()).setExpirationTime(o.exp ?? nowS() + 120).setJti(o.jti ?? randomUUID())
      .sign(o.key ?? clientKey.privateKey);
  const proof = (o: { htm?: string; htu: string; token?: string; key?: { privateKey: KeyLike; jwk: JWK }; iat?: number }) =>
    new SignJWT({ htm: o.htm ?? 'POST', htu: o.htu, ...(o.token ? { ath: accessTokenHash(o.token) } : {}) })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: { kty: (o.key ?? dpopKey).jwk.kty, crv: (o.key ?? dpopKey).jwk.crv, x: (o.key ?? dpopKey).jwk.x, y: (o.key ?? dpopKey).jwk.y } })
      .setIssuedAt(o.iat ?? nowS()).setJti(randomUUID()).sign((o.key ?? dpopKey).privateKey);
  const tokenWith = async (form: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', ...form }), headers });
    return { status: res.status, body: (await res.json()) as any, headers: res.headers };
  };
  const byAssertion = async (a: string, headers: Record<string, string> = {}) =>
    tokenWith({ client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: a }, headers);
  const bySecret = (headers: Record<string, string> = {}) => tokenWith({ client_id: p.clientId, client_secret: p.clientSecret }, headers);
  const read = (headers: Record<string, string>) => t.gql('query($u: UDID!) { pwd(udid: $u) { udid } }', { u: udid }, undefined, headers);
  const register = (jwks: unknown, disableClientSecret?: boolean) =>
    t.gql('mutation($i: RegisterClientKeysInput!) { registerClientKeys(input: $i) { clientKeyIds clientSecretEnabled dpopRequired } }',
      { i: { applicationId: p.applicationId, jwks: JSON.stringify(jwks), ...(disableClientSecret === undefined ? {} : { disableClientSecret }) } }, p.adminToken);

  beforeAll(async () => {
    t = await startTestServer({ records: 20 });
    staff = await staffTokens(t);
    p = await onboardPartner(t, staff);
    udid = (await cards(t.ds, 1))[0].udid;
    clientKey = await keyPair('ES256', 'k1');
    dpopKey = await keyPair('ES256', 'dpop');
  });
  afterAll(() => t?.close());

  it('registerClientKeys takes public keys only, from the partner admin of the application', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const priv = { ...(await exportJWK(privateKey)), kid: 'p1' };
    const bad = await register({ keys: [priv] });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors[0].message).toMatch(/private material/);
    expect((await register({ keys: [clientKey.jwk, clientKey.jwk] })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await register({ nope: true })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const byStaff = await t.gql('mutation($i: RegisterClientKeysInput!) { registerClientKeys(input: $i) { clientKeyIds } }',
      { i: { applicationId: p.applicationId, jwks: JSON.stringify({ keys: [clientKey.jwk] }) } }, staff.depwd);
    expect(byStaff.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const ok = await register({ keys: [clientKey.jwk] });
    expect(ok.body.data.registerClientKeys).toEqual({ clientKeyIds: ['k1'], clientSecretEnabled: true, dpopRequired: false });
  });

  it('a client assertion gets a token; a replayed, expired, long-lived, foreign-audience or foreign-key one does not', async () => {
    const a = await assertion();
    const r = await byAssertion(a);
    expect(r.status).toBe(200);
    expect(r.body.token_type).toBe('Bearer');
    expect((await read({ authorization: `Bearer ${r.body.access_token}` })).body.data.pwd.udid).toBe(udid);

    const replay = await byAssertion(a);
    expect(replay).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(replay.body.error_description).toMatch(/used before/);
    expect((await byAssertion(await assertion({ exp: nowS() - 5 }))).body).toMatchObject({ error: 'invalid_client' });
    expect((await byAssertion(await assertion({ exp: nowS() + 3600 }))).body.error_description).toMatch(/at most 300 s/);
    expect((await byAssertion(await assertion({ aud: 'https://elsewhere.example/token' }))).status).toBe(401);
    expect((await byAssertion(await assertion({ iss: 'someone-else' }))).status).toBe(401);
    const other = await keyPair('ES256', 'k1');
    expect((await byAssertion(await assertion({ key: other.privateKey }))).status).toBe(401);
    // Not both ways at once.
    const both = await tokenWith({ client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: await assertion() },
      { authorization: 'Basic ' + Buffer.from(`${p.clientId}:${p.clientSecret}`).toString('base64') });
    expect(both).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('the secret can be switched off: then only assertions authenticate', async () => {
    expect((await bySecret()).status).toBe(200);
    const off = await register({ keys: [clientKey.jwk] }, true);
    expect(off.body.data.registerClientKeys.clientSecretEnabled).toBe(false);
    const r = await bySecret();
    expect(r).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(r.body.error_description).toMatch(/switched off/);
    expect((await byAssertion(await assertion())).status).toBe(200);
  });

  it('DPoP: a token bound to the client key works only with a fresh proof of that key, for that URL and token', async () => {
    const r = await byAssertion(await assertion(), { dpop: await proof({ htu: `${t.url}/oauth/token` }) });
    expect(r.status).toBe(200);
    expect(r.body.token_type).toBe('DPoP');
    const token = r.body.access_token as string;
    const gqlUrl = `${t.url}/graphql`;

    const ok = await read({ authorization: `DPoP ${token}`, dpop: await proof({ htu: gqlUrl, token }) });
    expect(ok.status).toBe(200);
    expect(ok.body.data.pwd.udid).toBe(udid);

    // A stolen token alone is useless.
    const asBearer = await read({ authorization: `Bearer ${token}` });
    expect(asBearer.status).toBe(401);
    expect(asBearer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(asBearer.headers.get('www-authenticate')).toMatch(/^DPoP /);
    expect((await read({ authorization: `DPoP ${token}` })).status).toBe(401);
    // A replayed proof, a proof of another key, for another URL, for another token, or too old.
    const once = await proof({ htu: gqlUrl, token });
    expect((await read({ authorization: `DPoP ${token}`, dpop: once })).status).toBe(200);
    const replayed = await read({ authorization: `DPoP ${token}`, dpop: once });
    expect(replayed.status).toBe(401);
    expect(replayed.body.errors[0].message).toMatch(/used before/);
    const thief = await keyPair('ES256', 'thief');
    expect((await read({ authorization: `DPoP ${token}`, dpop: await proof({ htu: gqlUrl, token, key: thief }) })).body.errors[0].message).toMatch(/another key/);
    expect((await read({ authorization: `DPoP ${token}`, dpop: await proof({ htu: `${t.url}/elsewhere`, token }) })).status).toBe(401);
    expect((await read({ authorization: `DPoP ${token}`, dpop: await proof({ htu: gqlUrl, token: 'another-token' }) })).status).toBe(401);
    expect((await read({ authorization: `DPoP ${token}`, dpop: await proof({ htu: gqlUrl, token, iat: nowS() - 600 }) })).status).toBe(401);
    expect((await read({ authorization: `DPoP ${token}`, dpop: await proof({ htu: gqlUrl, token, htm: 'GET' }) })).status).toBe(401);
    // A bad proof at the token endpoint.
    expect((await byAssertion(await assertion(), { dpop: 'not-a-jwt' })).body).toMatchObject({ error: 'invalid_dpop_proof' });
  });

  it('DEPwD can require DPoP: then bearer tokens are refused at /oauth/token and at /graphql', async () => {
    const bearer = (await byAssertion(await assertion())).body.access_token as string;
    const req = await t.gql('mutation($i: RequireDpopInput!) { requireDpop(input: $i) { dpopRequired } }', { i: { applicationId: p.applicationId, required: true } }, staff.depwd);
    expect(req.body.data.requireDpop.dpopRequired).toBe(true);
    const byPartner = await t.gql('mutation($i: RequireDpopInput!) { requireDpop(input: $i) { dpopRequired } }', { i: { applicationId: p.applicationId, required: false } }, p.adminToken);
    expect(byPartner.body.errors[0].extensions.code).toBe('FORBIDDEN');

    expect((await byAssertion(await assertion())).body).toMatchObject({ error: 'invalid_dpop_proof' });
    const refused = await read({ authorization: `Bearer ${bearer}` });
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].message).toMatch(/must use DPoP-bound tokens/);
    const r = await byAssertion(await assertion(), { dpop: await proof({ htu: `${t.url}/oauth/token` }) });
    const ok = await read({ authorization: `DPoP ${r.body.access_token}`, dpop: await proof({ htu: `${t.url}/graphql`, token: r.body.access_token }) });
    expect(ok.body.data.pwd.udid).toBe(udid);
    const audit = await t.ds.query("SELECT action FROM admin_audit WHERE action IN ('REGISTER_CLIENT_KEYS', 'REQUIRE_DPOP') ORDER BY id");
    expect(audit.map((a: any) => a.action)).toEqual(['REGISTER_CLIENT_KEYS', 'REGISTER_CLIENT_KEYS', 'REQUIRE_DPOP']);
  });
});
